/**
 * Flow 140 (issue 14): "Import visits…" in the Check sheet tab. A small .xlsx made here with ExcelJS (into
 * test-results/) holds 3 visits: one already in the table, one new, one with a mistyped grade. Chosen in the pane
 * (the pane reads it in Chromium, inflating with DecompressionStream), the counts read "1 new, 1 already in the
 * table, 1 with problems"; Add appends exactly 1 row below the table. Screenshots at 320 px.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { Bench } from "./harness";
import { RESULTS_DIR, assert, assertEqual } from "./harness";

const british = (d: string) => {
  const [day, month, year] = d.split("/").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
};

/** The file a manager sends: the seed's TD-0001 as it is, a new visit, and one with "Requires Imprvement". */
async function managersWorkbook(headers: string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Visits");
  const row = (values: Record<string, unknown>) => headers.map((h) => (h in values ? values[h] : null));
  const grades = (g: string[]) => Object.fromEntries(headers.slice(8, 13).map((h, i) => [h, g[i]]));
  ws.addRow(headers);
  ws.addRow(row({ "Visit ID": "TD-0001", "Visit date": british("07/08/2017"), Round: "1", Service: "Safeguarding", Team: "Safeguarding Team 1", ...grades(["RI", "I", "RI", "G", "RI"]), Status: "Final" }));
  ws.addRow(row({ "Visit ID": "TD-0005", "Visit date": british("20/11/2017"), Round: "1", Service: "Assessment", Team: "Assessment Team 1", ...grades(["G", "RI", "G", "G", "G"]), Strengths: "Stable team.", Status: "Final" }));
  ws.addRow(row({ "Visit ID": "TD-0006", "Visit date": british("21/11/2017"), Round: "1", Service: "Safeguarding", Team: "Safeguarding Team 2", ...grades(["Requires Imprvement", "G", "G", "G", "G"]), Status: "Final" }));
  ws.getColumn(2).numFmt = "dd/mm/yyyy";
  await fs.mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, "140-import-visits.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

export async function importFlow(b: Bench, notes: string[], seeded: (b: Bench) => Promise<void>, headers: string[], last: string): Promise<void> {
  await seeded(b);
  const width = last.charCodeAt(0) - 64;
  const file = await managersWorkbook(headers);
  const before = (await b.call("tables")).find((t) => t.name === "Diagnostics")?.range;
  assertEqual(before, `A1:${last}5`, "the table before the import");
  const rowsBefore = await b.call("values", "Diagnostics", `A2:${last}5`);
  await b.page.evaluate(() => {
    const side = document.querySelector<HTMLElement>(".pane-side");
    if (side) side.style.width = "320px";
  });
  await b.tab("Check sheet");
  await b.pane.getByRole("button", { name: "Import visits…" }).waitFor();
  await b.frame.locator('input[type="file"]').setInputFiles(file);
  await b.idle();
  const counts = await b.message("140-import-visits.xlsx: 1 new, 1 already in the table, 1 with problems.");
  notes.push(counts);
  const problems = await b.pane.getByRole("list", { name: "Problems in the file" }).getByRole("listitem").allInnerTexts();
  assertEqual(problems.length, 1, "one problem listed");
  assert(/^140-import-visits\.xlsx, Visits row 4, Allocation and workload \(I4\):/.test(problems[0]), `the problem names file, sheet, row and column: ${problems[0]}`);
  // The counts, the problem and the Add button in view.
  await b.pane.getByRole("button", { name: "Add 1 visit" }).scrollIntoViewIfNeeded();
  notes.push(`screenshot ${path.basename(await b.shot("counts-320px"))}`);

  await b.press("Add 1 visit");
  notes.push(await b.message(/^1 visit added below the table, from row 6\. Checked: the 1 visit added is in the table\.$/));
  // Focus on the result, where the Add button was (walkthrough finding 5).
  const focused = await b.focused();
  assert(/^1 visit added below the table/.test(focused.name), `focus after Add: ${focused.tag} "${focused.name}"`);
  notes.push(`focus after Add: the result (${focused.tag})`);
  const after = (await b.call("tables")).find((t) => t.name === "Diagnostics")?.range;
  assertEqual(after, `A1:${last}6`, "the table gains exactly 1 row");
  assertEqual(await b.call("values", "Diagnostics", `A2:${last}5`), rowsBefore, "the rows already there, unchanged");
  const added = (await b.call("values", "Diagnostics", `A6:${last}6`))[0];
  assertEqual([added[0], added[3], added[4], added[8], added[13], added[16]], ["TD-0005", "Assessment", "Assessment Team 1", "G", "Stable team.", "Final"], "the new row");
  assertEqual(await b.call("values", "Diagnostics", `A7:${last}7`), [Array(width).fill("")], "nothing written below it");
  await b.pane.getByRole("heading", { name: "Import visits" }).scrollIntoViewIfNeeded();
  notes.push(`screenshot ${path.basename(await b.shot("added-320px"))}`);
}
