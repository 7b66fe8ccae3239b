/**
 * Flow 150 (issue 15): the moderation round trip. Set up, record a Final visit in the pane (its graded values are
 * logged), change a grade with a reason (a Change log row appears on the sheet), type a different grade straight
 * into the sheet (Check sheet reports it, naming the cell), then Refresh summary: the Summary sheet states the
 * moderated counts.
 */
import type { Bench } from "./harness";
import { assert, assertEqual } from "./harness";
import { paneWidth } from "./paneFlows";
import { reasonAndNameFlagged, typeNewTeam } from "./comboAndReasonChecks";

const GRADES = ["Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"];
const REASON = "Moderation panel agreed Good on the evidence";

export async function moderationFlow(b: Bench, notes: string[], column: Record<string, string>): Promise<void> {
  await b.setUp();
  const sheets = (await b.book()).sheets.map((s) => s.name);
  assert(sheets.includes("Change log"), `Set up makes the Change log sheet (sheets: ${sheets.join(", ")})`);
  assertEqual(await b.call("values", "Change log", "A1:G1"), [["When", "Who", "Visit ID", "Field", "From", "To", "Reason"]], "the Change log's headers");

  // A Final visit recorded in the pane: its graded values are logged as it becomes Final.
  await b.tab("Record visit");
  const f = (label: string) => b.pane.getByRole("form", { name: /Record a visit|Edit visit/ }).getByLabel(new RegExp(`^${label}\\s*\\*?$`));
  await f("Visit date").fill("07/08/2017");
  await f("Service").selectOption("Safeguarding");
  await typeNewTeam(b, f("Team"), "Safeguarding Team 1", notes);
  for (const g of GRADES) await f(g).selectOption("RI");
  await b.press("Save visit");
  await b.message(/Visit TD-0001 saved on row 2/);
  const made = await b.call("values", "Change log", "A2:G6");
  assertEqual(made.map((r) => r.slice(2)), GRADES.map((g) => ["TD-0001", g, "", "RI", "Made final"]), "the graded values logged as the visit became Final");
  notes.push(`recorded TD-0001 as Final: ${made.length} "Made final" rows`);

  // Change a grade: the Reason box appears; Save refuses without a reason, beside the box.
  await b.pane.getByRole("searchbox", { name: "ID, team, service or date" }).fill("TD-0001");
  await b.press("Find");
  await b.pane.getByRole("list", { name: "Matching visits" }).getByRole("button").first().click();
  await b.idle();
  await f("Overall conclusion").selectOption("G");
  const reason = b.pane.getByRole("textbox", { name: /^Reason for the change/ });
  await reason.waitFor();
  // Told beside the grade that changed, with a link down to the box (walkthrough finding 10), before any Save.
  await paneWidth(b, 320);
  const note = b.pane.getByRole("button", { name: "Reason for the change" });
  await note.waitFor();
  const gradeBox = await f("Overall conclusion").boundingBox();
  const noteBox = await note.boundingBox();
  assert(gradeBox !== null && noteBox !== null && noteBox.y > gradeBox.y && noteBox.y - gradeBox.y < 120, `the note is just under the grade (grade y ${gradeBox?.y}, note y ${noteBox?.y})`);
  await f("Overall conclusion").scrollIntoViewIfNeeded();
  notes.push(`reason note ${Math.round((noteBox?.y ?? 0) - (gradeBox?.y ?? 0))} px under the grade; screenshot ${(await b.shot("reason-note-320px")).split("/").pop()}`);
  await note.click();
  const focused = await b.focused();
  assert(focused.name.startsWith("Reason for the change"), `the link focuses the Reason box: ${focused.tag} "${focused.name}"`);
  await b.press("Save changes");
  await b.pane.getByText("This visit is Final: give a reason for changing Overall conclusion.").first().waitFor();
  await reasonAndNameFlagged(b, notes);
  assertEqual(await b.call("values", "Change log", "A7:G7"), [["", "", "", "", "", "", ""]], "nothing logged before a reason is given");
  await paneWidth(b, 320);
  await reason.scrollIntoViewIfNeeded();
  const reasonShot = await b.shot("reason-box-320px");
  notes.push(`reason box refused an empty reason; screenshot ${reasonShot.split("/").pop()}`);
  await reason.fill(REASON);
  await b.pane.getByRole("textbox", { name: /^Your name/ }).fill("A. Moderator");
  await b.press("Save changes");
  await b.message(/Changes to visit TD-0001 saved on row 2/);
  const logged = await b.call("values", "Change log", "A7:G7");
  assertEqual(logged[0].slice(1), ["A. Moderator", "TD-0001", "Overall conclusion", "RI", "G", REASON], "the Change log row for the change");
  assert(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/.test(String(logged[0][0])), `When is dd/mm/yyyy hh:mm: ${logged[0][0]}`);
  assertEqual(await b.call("values", "Diagnostics", `${column["Overall conclusion"]}2:${column["Overall conclusion"]}2`), [["G"]], "the grade changed on the sheet");
  notes.push(`Change log row 7: ${logged[0].slice(1, 6).join(" | ")}`);

  // A grade typed straight into the sheet: Check sheet reports it, naming the cell.
  const cell = `${column["Practice and direct work"]}2`;
  const typed = await b.call("type", "Diagnostics", cell, "I", false);
  assert(typed.ok, `typing I into ${cell} was refused`);
  await b.tab("Check sheet");
  await b.press("Check sheet");
  const drift = b.pane.getByRole("list", { name: "Final visits changed outside the pane" });
  await drift.waitFor();
  const text = (await drift.innerText()).replace(/\s+/g, " ");
  assert(text.includes(`Visit TD-0001 was changed outside the pane since it was made final: Practice and direct work (${cell}).`), `the drift message: ${text}`);
  await b.pane.getByRole("button", { name: "Log this change…" }).click();
  await drift.scrollIntoViewIfNeeded();
  const driftShot = await b.shot("check-sheet-drift-320px");
  notes.push(`Check sheet: ${text.slice(0, 120)}; screenshot ${driftShot.split("/").pop()}`);

  // Refresh summary: the Summary sheet states the moderated counts (one grade up, for Safeguarding).
  await paneWidth(b, 350);
  await b.tab("Summary");
  await b.press("Refresh summary");
  await b.message(/Summary written to the "Summary" and "Counts" sheets/);
  const values = await b.call("values", "Summary", "A1:E80");
  const at = values.findIndex((r) => r[0] === "Moderation");
  assert(at > 0, "a Moderation section on the Summary sheet");
  assertEqual(values[at + 2], ["Service", "Grades changed", "Up the scale", "Down the scale", "To or from no judgement"], "the moderation table's headings");
  assertEqual(values[at + 3], ["Safeguarding", 1, 1, 0, 0], "Safeguarding: one grade changed by moderation, up the scale");
  const all = values.flat().map(String).join(" ");
  assert(!all.includes("A. Moderator") && !all.includes("Moderation panel agreed"), "no name or reason on the Summary sheet");
  notes.push(`Summary sheet: ${values[at + 3].join(" | ")}`);
}
