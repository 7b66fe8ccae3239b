/**
 * Flow 110 (issue 11 §4): a deep dive recorded in the pane. The row gets Visit type "Deep dive", its function in
 * Service and no grades; Check sheet says nothing about missing grades; the summary's base counts one deep dive and
 * the grade tables are as they were without it.
 */
import * as path from "node:path";
import type { Bench } from "./harness";
import { assert, assertEqual } from "./harness";

type Tables = [string, [string, string][]][];

export async function deepDiveFlow(
  b: Bench,
  notes: string[],
  seeded: (b: Bench) => Promise<void>,
  column: Record<string, string>,
  gradeHeaders: readonly string[],
  expectedTables: Tables,
  tablesIn: (values: (string | number | boolean)[][]) => Tables,
): Promise<void> {
  await seeded(b);
  await b.tab("Record visit");
  const form = b.pane.getByRole("form", { name: /Record a visit/ });
  await form.getByRole("radio", { name: "Deep dive" }).check();
  await form.getByRole("combobox", { name: /^Function/ }).fill("Fostering");
  await form.getByLabel(/^Visit date/).fill("12/03/2018");
  assertEqual(await form.getByRole("combobox", { name: "Overall conclusion", exact: true }).count(), 0, "grade boxes shown for a deep dive");
  await form.getByRole("textbox", { name: "Strengths" }).fill("Carers feel well supported.");
  await form.getByRole("textbox", { name: "Recommendations" }).fill("Recruit more foster carers.\nReview respite.");
  await b.page.evaluate(() => {
    const side = document.querySelector<HTMLElement>(".pane-side");
    if (side) side.style.width = "320px";
  });
  await form.getByRole("combobox", { name: /^Function/ }).scrollIntoViewIfNeeded();
  notes.push(`screenshot ${path.basename(await b.shot("deep-dive-form-320px"))}`);
  await form.getByRole("radio", { name: "Deep dive" }).scrollIntoViewIfNeeded();
  notes.push(`screenshot ${path.basename(await b.shot("deep-dive-type-320px"))}`);
  await b.press("Save visit");
  notes.push(await b.message(/Visit TD-0005 saved on row 6\./));

  const header = (await b.call("values", "Diagnostics", `A1:${column["Visit type"]}1`))[0];
  const row = (await b.call("values", "Diagnostics", `A6:${column["Visit type"]}6`))[0];
  const at = (h: string) => row[header.indexOf(h)];
  assertEqual(at("Visit type"), "Deep dive", "Visit type of the saved row");
  assertEqual(at("Service"), "Fostering", "Service (the function) of the saved row");
  assertEqual(at("Team"), "", "Team of the saved row");
  assertEqual(gradeHeaders.map(at), gradeHeaders.map(() => ""), "grades of the saved row");
  notes.push(`row 6: ${at("Visit ID")}, ${at("Service")}, ${at("Visit type")}, no team, no grades`);
  const dropdown = await b.call("dropdown", "Diagnostics", `${column["Visit type"]}6`);
  assertEqual(dropdown, ["Team diagnostic", "Deep dive"], `Visit type dropdown in ${column["Visit type"]}6`);

  await b.tab("Check sheet");
  await b.press("Check sheet");
  const panel = b.pane.getByRole("tabpanel");
  const status = await panel.getByRole("status").first().innerText();
  const text = await panel.innerText();
  assert(!/grade is missing/i.test(text), `Check sheet lists a missing grade: ${text}`);
  assert(!new RegExp(`\\b[A-Z]6\\b`).test(text), `Check sheet names a cell of row 6: ${text}`);
  notes.push(`Check sheet: ${status.trim()}`);

  await b.tab("Summary");
  await b.press("Refresh summary");
  await b.message(/Summary written/);
  const values = await b.call("values", "Summary", "A1:B60");
  assertEqual(tablesIn(values), expectedTables, "the grade tables (the deep dive not in them)");
  const sheet = values.flat().map(String).join("\n");
  assert(/4 visits counted\./.test(sheet), "the base counts the 4 team visits");
  const line = sheet.split("\n").find((l) => /deep dive/.test(l));
  assertEqual(line, "1 deep dive (functions looked at as a whole: not in the grade tables).", "the base's deep-dive line");
  notes.push(`Summary base: 4 visits counted; ${line}`);
}
