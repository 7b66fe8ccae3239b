/**
 * e2e flow 133 (issue 13): rename and remove in Settings at 320 px. A team used by two visits is renamed with its
 * rows (the sheet's two cells, the Lists entry and its Previously called cell change, nothing else on Diagnostics);
 * a service that visits use cannot be removed (the pane says how many); an unused team typed onto the Lists sheet is
 * removed. Nothing is preselected, and Remove asks beside its button, naming the value, before it removes (new-user
 * test: one click removed the first service); Escape withdraws the question and gives focus back to Remove.
 */
import { Bench, assert, assertEqual, changedCells } from "./harness";
import { paneWidth } from "./paneFlows";

const cellsOn = (sheet: string, cells: string[]) => cells.filter((c) => c.startsWith(`${sheet}!`));

export async function settingsFlow(b: Bench, notes: string[], seeded: (b: Bench) => Promise<void>): Promise<void> {
  await seeded(b);
  // A second visit of Safeguarding Team 1, typed into row 6.
  const row: [string, string][] = [
    ["A6", "TD-0005"],
    ["B6", "20/11/2017"],
    ["C6", "1"],
    ["D6", "Safeguarding"],
    ["E6", "Safeguarding Team 1"],
    ["N6", "Final"],
  ];
  for (const [cell, text] of row) assert((await b.call("type", "Diagnostics", cell, text, false)).ok, `typing ${text} into ${cell}`);
  await paneWidth(b, 320);
  await b.tab("Set up");
  await b.press("Reload settings");

  // Rename the team, with its rows.
  const teams = b.pane.getByRole("region", { name: "Teams" });
  await teams.getByRole("button", { name: "Rename or remove a team" }).click();
  const teamGroup = teams.getByRole("group", { name: "Rename or remove a team" });
  await teamGroup.getByRole("combobox", { name: "Team to change" }).selectOption("Safeguarding Team 1");
  await teamGroup.getByText("Used by 2 visits.").waitFor();
  await teamGroup.getByRole("textbox", { name: "New name" }).fill("Safeguarding Team One");
  const also = teamGroup.getByRole("checkbox", { name: "Also change the 2 rows that use it" });
  assert(await also.isChecked(), "Also change the 2 rows is ticked by default");
  await teamGroup.scrollIntoViewIfNeeded();
  await b.shot("rename-team-320px");
  const before = await b.book();
  await teamGroup.getByRole("button", { name: "Rename team" }).click();
  await b.idle();
  notes.push(await b.message(/renamed Safeguarding Team One on the Lists sheet and 2 rows/));
  const after = await b.book();
  const changed = changedCells(before, after);
  assertEqual(cellsOn("Diagnostics", changed), ["Diagnostics!E2", "Diagnostics!E6"], "Diagnostics cells the rename changed");
  assertEqual(await b.call("values", "Diagnostics", "E2:E6"), [["Safeguarding Team One"], ["Safeguarding Team 2"], ["Safeguarding Team 3"], ["Assessment Team 1"], ["Safeguarding Team One"]], "the Team column after the rename");
  const lists = cellsOn("Lists", changed);
  // The team's entry, and its "Previously called" cell with the old name (so trends link its earlier rounds).
  assertEqual(lists.length, 2, `Lists cells the rename changed (${lists.join(", ")})`);
  const listed: unknown[] = [];
  for (const cell of lists) listed.push(await b.call("values", "Lists", cell.replace("Lists!", "") + ":" + cell.replace("Lists!", "")));
  assertEqual(listed, [[["Safeguarding Team One"]], [["Safeguarding Team 1"]]], "the team's Lists entry and its Previously called cell");
  notes.push(`changed: ${changed.filter((c) => !c.startsWith("Team lists!")).join(", ")} (and the Team lists block)`);
  await teamGroup.scrollIntoViewIfNeeded();
  await b.shot("renamed-320px");

  // Remove a service that visits use: refused, with the count, nothing written.
  const services = b.pane.getByRole("region", { name: "Services" });
  await services.getByRole("button", { name: "Rename or remove a service" }).click();
  const serviceGroup = services.getByRole("group", { name: "Rename or remove a service" });
  const serviceSelect = serviceGroup.getByRole("combobox", { name: "Service to change" });
  assertEqual(await serviceSelect.inputValue(), "", "the service chosen when the controls open");
  const beforeRemove = await b.book();
  await serviceGroup.getByRole("button", { name: "Remove service" }).click();
  notes.push(await b.message('Choose the service to remove in "Service to change" first.'));
  await serviceGroup.scrollIntoViewIfNeeded();
  await b.shot("remove-nothing-chosen-320px");
  await serviceSelect.selectOption("Safeguarding");
  await serviceGroup.getByRole("button", { name: "Remove service" }).click();
  const ask = serviceGroup.getByRole("group", { name: 'Remove "Safeguarding" from the Lists sheet? Visits and actions that name it are not changed.' });
  await ask.waitFor();
  assertEqual((await b.focused()).name, "Remove", "focus after Remove service");
  assertEqual(changedCells(beforeRemove, await b.book()), [], "cells changed by one click on Remove service");
  await ask.scrollIntoViewIfNeeded();
  await b.shot("remove-asks-320px");
  await ask.getByRole("button", { name: "Remove", exact: true }).click();
  await b.idle();
  notes.push(await b.message("4 visits use Safeguarding; rename it or change those rows first."));
  assertEqual(changedCells(beforeRemove, await b.book()), [], "cells changed by a refused remove");
  await serviceGroup.scrollIntoViewIfNeeded();
  await b.shot("remove-refused-320px");

  // An unused team, typed onto the Lists sheet, is removed.
  const teamCells = (await b.call("values", "Lists", "C1:C12")).map((r) => String(r[0] ?? ""));
  const free = teamCells.findIndex((v, i) => i > 0 && v === "") + 1;
  assert((await b.call("type", "Lists", `C${free}`, "Safegaurding Tem 4", false)).ok, "typing a mistyped team onto the Lists sheet");
  await b.press("Reload settings");
  await teams.getByRole("rowheader", { name: "Safegaurding Tem 4" }).waitFor();
  if (!(await teamGroup.isVisible())) await teams.getByRole("button", { name: "Rename or remove a team" }).click();
  await teamGroup.getByRole("combobox", { name: "Team to change" }).selectOption("Safegaurding Tem 4");
  await teamGroup.getByText("Not used by any row.").waitFor();
  const beforeUnused = await b.book();
  const removeTeam = teamGroup.getByRole("button", { name: "Remove team" });
  await removeTeam.click();
  const askTeam = teamGroup.getByRole("group", { name: /^Remove "Safegaurding Tem 4" from the Lists sheet\?/ });
  await askTeam.waitFor();
  // Escape withdraws the question: focus back on Remove team, nothing written.
  await b.page.keyboard.press("Escape");
  await askTeam.waitFor({ state: "detached" });
  assertEqual((await b.focused()).name, "Remove team", "focus after Escape");
  assertEqual(changedCells(beforeUnused, await b.book()), [], "cells changed by Remove team then Escape");
  // Keyboard only: Enter on Remove team asks, Enter on its focused Remove removes.
  await b.page.keyboard.press("Enter");
  await askTeam.waitFor();
  await askTeam.scrollIntoViewIfNeeded();
  await b.shot("remove-team-asks-320px");
  await b.page.keyboard.press("Enter");
  await b.idle();
  notes.push(await b.message("Safegaurding Tem 4 removed from the Lists sheet. No row was changed."));
  const removed = changedCells(beforeUnused, await b.book());
  assertEqual(cellsOn("Diagnostics", removed), [], "Diagnostics cells changed by removing an unused team");
  assertEqual(cellsOn("Lists", removed), [`Lists!C${free}`], "Lists cells changed by removing the team");
  assert((await teams.getByRole("rowheader", { name: "Safegaurding Tem 4" }).count()) === 0, "the removed team is no longer listed");
  await teamGroup.scrollIntoViewIfNeeded();
  await b.shot("team-removed-320px");

  // The sheet's own Team dropdown follows the row's service, with the renamed team (typing as a user would).
  const typed = await b.call("type", "Diagnostics", "E5", "Safeguarding Team 2", true);
  assert(!typed.ok, "a Safeguarding team typed on the Assessment row is refused by the sheet's dropdown");
  assert((await b.call("type", "Diagnostics", "E7", "Safeguarding Team One", true)).ok, "a row without a service offers every team");
  assert((await b.call("type", "Diagnostics", "D8", "Safeguarding", true)).ok, "typing a service");
  assert((await b.call("type", "Diagnostics", "E8", "Safeguarding Team One", true)).ok, "the renamed team is offered on a Safeguarding row");
  assert(!(await b.call("type", "Diagnostics", "E8", "Assessment Team 1", true)).ok, "an Assessment team is refused on a Safeguarding row");
  notes.push("the sheet's Team dropdown: Safeguarding Team 2 refused on the Assessment row; Safeguarding Team One accepted on a Safeguarding row");
}
