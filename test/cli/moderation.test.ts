/**
 * Issue 15: the moderation counts leave the source workbook as counts only (summary --json, the summary workbook,
 * the Word report), and validate reports a Final visit typed over since it was made final.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadVisitAt, recordVisit, saveVisitEdit, setUpWorkbook } from "../../src/actions/workbookActions";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/excelJsWorkbook";
import { VisitForm, defaultConfig, emptyVisitForm, gradedColumns } from "../../src/domain";
import { readDocx } from "../report/docxText";
import { cli, tempDir } from "./fixtures";

jest.setTimeout(60_000);

const config = defaultConfig();
const NAME = "Alexandra Moderator-Smith";
const REASON = "Panel minute 14: evidence of drift in supervision";

function visit(id: string, service: string, team: string, grade: string): VisitForm {
  const f = { ...emptyVisitForm(config), visitId: id, service, team, visitDate: "2017-08-07", status: "Final" };
  for (const d of gradedColumns(config)) f.grades[d.key] = grade;
  return f;
}

/** A workbook set up with a Change log: two Final visits, one moderated twice (one grade up, one down). */
async function moderatedWorkbook(dir: string, typedOver = false): Promise<string> {
  const book = new ExcelJsWorkbook();
  await setUpWorkbook(book);
  await recordVisit(book, visit("TD-0001", "Safeguarding", "Safeguarding Team 1", "RI"), { who: NAME, when: "01/12/2026 09:00" });
  await recordVisit(book, visit("TD-0002", "Assessment", "Assessment Team 1", "G"), { who: NAME, when: "01/12/2026 09:05" });
  const loaded = (await loadVisitAt(book, 2))!;
  const edited = { ...loaded.form, grades: { ...loaded.form.grades, overall: "G", practice: "I" } };
  const saved = await saveVisitEdit(book, 2, loaded.form, edited, { who: NAME, reason: REASON, when: "02/12/2026 10:00" });
  expect(saved).toMatchObject({ ok: true });
  // A grade typed straight into the sheet, as a user would (no pane, no log).
  if (typedOver) await book.apply({ action: "Typed into the sheet", changes: [{ kind: "setValues", sheet: "Diagnostics", topLeft: "L3", values: [["I"]] }] });
  const file = path.join(dir, "moderated.xlsx");
  await fs.writeFile(file, await book.writeBuffer());
  return file;
}

it("summary --json gains a moderation key with counts per service, and no name or reason", async () => {
  const dir = await tempDir();
  const file = await moderatedWorkbook(dir);
  const result = await cli("summary", file, "--json");
  expect(result.code).toBe(0);
  const doc = JSON.parse(result.stdout);
  expect(doc.moderation).toEqual([{ service: "Safeguarding", changed: 2, up: 1, down: 1, other: 0 }]);
  expect(result.stdout).not.toContain(NAME);
  expect(result.stdout).not.toContain("Panel minute");
});

it("the summary workbook and the Word report state the counts, never a name or a reason", async () => {
  const dir = await tempDir();
  const file = await moderatedWorkbook(dir);
  const out = path.join(dir, "summary.xlsx");
  expect((await cli("summary", file, "-o", out)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
  const at = cells.indexOf("Moderation");
  expect(at).toBeGreaterThan(0);
  expect(cells.slice(at + 2, at + 13)).toEqual(["Service", "Grades changed", "Up the scale", "Down the scale", "To or from no judgement", "Safeguarding", "2", "1", "1", "0", expect.any(String)]);
  expect(cells.some((c) => c.includes(NAME) || c.includes("Panel minute"))).toBe(false);

  const report = path.join(dir, "report.docx");
  expect((await cli("report", file, "-o", report)).code).toBe(0);
  const docx = await readDocx(new Uint8Array(await fs.readFile(report)));
  expect(docx.paragraphs.some((p) => p.text === "Moderation")).toBe(true);
  const table = docx.tables.find((t) => t[0]?.[1]?.text === "Grades changed");
  expect(table?.map((r) => r.map((c) => c.text))).toEqual([
    ["Service", "Grades changed", "Up the scale", "Down the scale", "To or from no judgement"],
    ["Safeguarding", "2", "1", "1", "0"],
  ]);
  expect(docx.xml).not.toContain(NAME);
  expect(docx.xml).not.toContain("Panel minute");
});

it("validate names the cell of a Final visit typed over since it was made final", async () => {
  const dir = await tempDir();
  const file = await moderatedWorkbook(dir, true);
  const result = await cli("validate", file);
  // A warning alone: exit 0 (was 1); --strict makes it exit 1.
  expect(result.code).toBe(0);
  expect((await cli("validate", file, "--strict")).code).toBe(1);
  expect(result.stdout).toMatch(/Diagnostics!L3 \(warning\): Visit TD-0002 was changed outside the pane since it was made final: Joint working \(L3: "I", logged "G"\)\./);
  // The counts are unchanged by a change nobody logged.
  expect(JSON.parse((await cli("summary", file, "--json")).stdout).moderation).toEqual([{ service: "Safeguarding", changed: 2, up: 1, down: 1, other: 0 }]);
});
