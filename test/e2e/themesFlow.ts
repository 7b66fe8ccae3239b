/**
 * Flow 120 (issue 12, recurring themes): findings typed into the visit form tick the themes they suggest; the
 * reviewer unticks one and ticks another; Save writes the confirmed themes into the Themes columns Set up added; Refresh
 * summary writes the Recurring themes section with the counts. Screenshots at 320 px.
 */
import type { Bench } from "./harness";
import { assert, assertEqual } from "./harness";

const checkedIn = async (b: Bench, group: string): Promise<string[]> => {
  const boxes = b.pane.getByRole("group", { name: group, exact: true }).getByRole("checkbox");
  const names: string[] = [];
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    if (await box.isChecked()) names.push((await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? "")).trim());
  }
  return names;
};

export async function themesFlow(
  b: Bench,
  notes: string[],
  seeded: (b: Bench) => Promise<void>,
  column: Record<string, string>,
  gradeHeaders: readonly string[],
): Promise<void> {
  await seeded(b);
  // Set up adds the two theme columns at the end of the table, after Visit type (R): S and T.
  const headers = await b.call("values", "Diagnostics", "S1:T1");
  assertEqual(headers, [["Themes (strengths)", "Themes (areas for improvement)"]], "the theme columns Set up adds");
  await b.page.evaluate(() => {
    const side = document.querySelector<HTMLElement>(".pane-side");
    if (side) side.style.width = "320px";
  });

  await b.tab("Record visit");
  await b.pane.getByRole("combobox", { name: "Service", exact: true }).selectOption("Safeguarding");
  await b.pane.getByRole("combobox", { name: "Team", exact: true }).fill("Safeguarding Team 1");
  await b.pane.getByLabel("Visit date").fill("06/11/2017");
  for (const h of gradeHeaders) await b.pane.getByRole("combobox", { name: h, exact: true }).selectOption({ label: "RI – Requires Improvement" });
  await b.pane.getByRole("textbox", { name: "Strengths" }).fill("Supervision is regular and reflective.");
  await b.pane.getByRole("textbox", { name: "Areas for improvement" }).fill("Plans lack detail and visits are late.");

  const strengths = "Themes raised as strengths";
  const areas = "Themes raised as areas for improvement";
  assertEqual(await checkedIn(b, strengths), ["Management oversight and supervision"], "strength themes ticked from the text");
  assertEqual(await checkedIn(b, areas), ["Planning", "Timeliness"], "area themes ticked from the text");
  notes.push(`suggested: strengths ${JSON.stringify(await checkedIn(b, strengths))}, areas ${JSON.stringify(await checkedIn(b, areas))}`);
  const areaGroup = b.pane.getByRole("group", { name: areas, exact: true });
  await areaGroup.scrollIntoViewIfNeeded();
  await b.shot("themes-suggested-320px");

  // By keyboard (walkthrough finding 12): each side's list is one Tab stop, its themes reached with the arrow keys.
  await b.pane.getByRole("textbox", { name: "Areas for improvement" }).focus();
  const stops: string[] = [];
  for (let i = 0; i < 25 && stops[stops.length - 1] !== "Recommendations"; i++) {
    await b.page.keyboard.press("Tab");
    const f = await b.focused();
    // Which list each theme stop is in: both lists start with the same theme.
    const list = await b.frame.evaluate(() => document.activeElement?.closest("fieldset")?.querySelector("legend")?.textContent ?? "");
    stops.push(f.name === "Recommendations" ? f.name : `${f.name} (${list})`);
  }
  notes.push(`Tab from Areas for improvement: ${stops.join(" → ")}`);
  assertEqual(
    stops,
    [`Caseloads and workload (${strengths})`, `Caseloads and workload (${areas})`, "Recommendations"],
    "one Tab stop per list of themes, then Recommendations",
  );
  await b.page.keyboard.press("Shift+Tab"); // back into the areas list, on its first theme
  await b.page.keyboard.press("ArrowDown");
  assertEqual((await b.focused()).name, "Management oversight and supervision", "ArrowDown moves to the next theme");
  await b.page.keyboard.press("Space");
  assertEqual(await checkedIn(b, areas), ["Management oversight and supervision", "Planning", "Timeliness"], "Space ticks the focused theme");
  await b.page.keyboard.press("Space");
  assertEqual(await checkedIn(b, areas), ["Planning", "Timeliness"], "Space again unticks it");

  await areaGroup.getByRole("checkbox", { name: "Timeliness", exact: true }).uncheck();
  await areaGroup.getByRole("checkbox", { name: "Audit and learning", exact: true }).check();
  // Typing on does not tick again what the reviewer unticked.
  await b.pane.getByRole("textbox", { name: "Areas for improvement" }).fill("Plans lack detail and visits are late; drift.");
  assertEqual(await checkedIn(b, areas), ["Planning", "Audit and learning"], "the reviewer's ticks stand");
  await areaGroup.scrollIntoViewIfNeeded();
  await b.shot("themes-confirmed-320px");

  await b.press("Save visit");
  notes.push(await b.message("Visit TD-0005 saved on row 6."));
  assertEqual(
    await b.call("values", "Diagnostics", "S6:T6"),
    [["Management oversight and supervision", "Planning; Audit and learning"]],
    "the confirmed themes in the sheet's Themes cells",
  );
  assertEqual((await b.call("values", "Diagnostics", `${column["Team"]}6:${column["Team"]}6`))[0][0], "Safeguarding Team 1", "the saved row");

  // A theme typed by hand into the sheet counts too.
  assert((await b.call("type", "Diagnostics", "T4", "timeliness", false)).ok, "typing a theme into T4");

  await b.tab("Summary");
  await b.press("Refresh summary");
  notes.push(await b.message(/Summary written to the "Summary" and "Counts" sheets/));
  const values = await b.call("values", "Summary", "A1:C120");
  const at = values.findIndex((r) => r[0] === "Recurring themes");
  assert(at > 0, "the Summary sheet has the Recurring themes section");
  const section = values.slice(at, at + 12).map((r) => r.map(String));
  const safeguarding = section.findIndex((r) => r[0] === "Safeguarding");
  assert(safeguarding > 0, `a Safeguarding block in the themes section: ${JSON.stringify(section)}`);
  assertEqual(
    section.slice(safeguarding + 1, safeguarding + 6),
    [
      ["Theme", "Strength (teams)", "Area for improvement (teams)"],
      ["Planning", "0", "1"],
      ["Audit and learning", "0", "1"],
      ["Timeliness", "0", "1"],
      ["Management oversight and supervision", "1", "0"],
    ],
    "the Safeguarding themes, most frequent first",
  );
  const text = values.flat().map(String).join("\n");
  assert(!text.includes("reflective") && !text.includes("Plans lack detail"), "the Summary sheet quotes a finding");
  notes.push(`themes section at Summary!A${at + 1}: ${section.slice(safeguarding + 2, safeguarding + 6).map((r) => `${r[0]} ${r[1]}/${r[2]}`).join("; ")}`);
  await b.page.getByRole("tab", { name: "Summary" }).click();
  await b.page.locator(`td[data-address="A${at + 1}"]`).scrollIntoViewIfNeeded();
  await b.shot("summary-themes");
}
