/**
 * Flow 15 (issue 15): the personal-data guard in the pane. A date of birth typed into the sheet is listed by Check
 * sheet (cell and kind, never the text); an email typed into the form is warned about before saving, and Save
 * anyway saves it.
 */
import type { Bench } from "./harness";
import { assert, assertEqual } from "./harness";

export async function privacyFlow(b: Bench, notes: string[], seeded: (b: Bench) => Promise<void>, column: Record<string, string>): Promise<void> {
  await seeded(b);
  await b.call("type", "Diagnostics", `${column["Strengths"]}3`, "Child DOB 12/03/2015 on the file.", false);
  await b.call("type", "Diagnostics", `${column["Recommendations"]}4`, "25 cases; s.47 enquiries timely; office 0113 222 4444.", false);
  await b.tab("Check sheet");
  await b.press("Check sheet");
  const list = b.pane.getByRole("list", { name: "Possible personal data" });
  await list.waitFor();
  const items = await list.getByRole("button").allInnerTexts();
  assertEqual(items, [`Diagnostics!${column["Strengths"]}3 looks like a date of birth`], "cells listed as possible personal data");
  const paneText = await b.frame.locator("body").innerText();
  assert(!paneText.includes("12/03/2015"), "the pane quotes the date of birth");
  notes.push(`Check sheet: ${items.join("; ")}`);
  await b.shot("personal-data-listed");

  await b.tab("Record visit");
  await b.pane.getByRole("searchbox", { name: "ID, team, service or date" }).fill("TD-0001");
  await b.press("Find");
  await b.pane.getByRole("list", { name: "Matching visits" }).getByRole("button").first().click();
  await b.idle();
  await b.pane.getByRole("textbox", { name: "Recommendations" }).fill("Ask jo.bloggs@example.com for the plan.");
  await b.press("Save changes");
  await b.pane.getByRole("list", { name: "Possible personal data in the form" }).getByText("Recommendations looks like an email address.").waitFor();
  await b.shot("form-warns-before-saving");
  assertEqual(await b.call("values", "Diagnostics", `${column["Recommendations"]}2:${column["Recommendations"]}2`), [[""]], "nothing saved before Save anyway");
  await b.press("Save anyway");
  await b.message(/Changes to visit TD-0001 saved/);
  assertEqual(
    await b.call("values", "Diagnostics", `${column["Recommendations"]}2:${column["Recommendations"]}2`),
    [["Ask jo.bloggs@example.com for the plan."]],
    "saved anyway",
  );
  notes.push("form warned before saving; Save anyway saved");
}
