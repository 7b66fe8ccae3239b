/** Issue 13: the pure plans behind rename and remove in Settings. */
import { defaultConfig } from "../../src/domain";
import { listsSheetValues } from "../../src/workbook/listsSheet";
import { removePlan, renamePlan } from "../../src/workbook/listValuesPlan";

const lists = listsSheetValues(
  defaultConfig({
    services: ["Assessment", "Safeguarding"],
    areas: ["North"],
    teams: [
      { name: "Assessment 1", service: "Assessment", area: "North" },
      { name: "Safeguarding 1", service: "Safeguarding", area: "North" },
      { name: "Safeguarding 2", service: "Safeguarding", area: "" },
    ],
  }),
);
const none = { visits: { sheet: "Diagnostics", cells: [] }, actions: null };

it("renaming a service renames its Lists entry and every team's Service that names it, and no row unless asked", () => {
  const plan = renamePlan("Lists", lists, "service", "safeguarding", "Child protection", { visits: { sheet: "Diagnostics", cells: ["D3"] }, actions: { sheet: "Actions", cells: ["C2"] } }, false);
  expect(plan).toEqual({
    ok: true,
    changes: [
      { kind: "setValues", sheet: "Lists", topLeft: "B3", values: [["Child protection"]] },
      { kind: "setValues", sheet: "Lists", topLeft: "D3", values: [["Child protection"]] },
      { kind: "setValues", sheet: "Lists", topLeft: "D4", values: [["Child protection"]] },
    ],
  });
  const withRows = renamePlan("Lists", lists, "service", "Safeguarding", "Child protection", { visits: { sheet: "Diagnostics", cells: ["D3"] }, actions: { sheet: "Actions", cells: ["C2"] } }, true);
  expect(withRows.ok && withRows.changes.slice(3)).toEqual([
    { kind: "setValues", sheet: "Diagnostics", topLeft: "D3", values: [["Child protection"]] },
    { kind: "setValues", sheet: "Actions", topLeft: "C2", values: [["Child protection"]] },
  ]);
});

it("refuses a rename onto another entry's name, an empty name, and a value no longer listed", () => {
  expect(renamePlan("Lists", lists, "team", "Safeguarding 1", "safeguarding 2", none, true)).toEqual({ ok: false, message: "safeguarding 2 is already on the list of teams." });
  expect(renamePlan("Lists", lists, "team", "Safeguarding 1", "  ", none, true)).toEqual({ ok: false, message: "Type the team's new name." });
  expect(renamePlan("Lists", lists, "area", "South", "East", none, true)).toEqual({ ok: false, message: "South is no longer on the Lists sheet: choose Reload settings." });
  // A change of case alone is a rename.
  expect(renamePlan("Lists", lists, "team", "Safeguarding 1", "SAFEGUARDING 1", none, false)).toMatchObject({ ok: true });
});

it("removing a team moves the rows below up, across its name, service, area and earlier names", () => {
  const plan = removePlan("Lists", lists, "team", "Safeguarding 1", { visits: [], actions: [] });
  expect(plan).toEqual({
    ok: true,
    changes: [
      { kind: "setValues", sheet: "Lists", topLeft: "C3", values: [["Safeguarding 2"], [null]] },
      { kind: "setValues", sheet: "Lists", topLeft: "D3", values: [["Safeguarding"], [null]] },
      // The area below is blank: only the removed team's own cell is emptied.
      { kind: "setValues", sheet: "Lists", topLeft: "E3", values: [[null]] },
      { kind: "setValues", sheet: "Lists", topLeft: "Q3", values: [[null]] },
    ],
  });
});

it("refuses to remove a value that rows use, or that listed teams belong to", () => {
  expect(removePlan("Lists", lists, "team", "Assessment 1", { visits: ["E2"], actions: [] })).toEqual({ ok: false, message: "1 visit uses Assessment 1; rename it or change that row first." });
  expect(removePlan("Lists", lists, "service", "Assessment", { visits: ["D2", "D4"], actions: ["C2"] })).toEqual({
    ok: false,
    message: "2 visits and 1 action use Assessment; rename it or change those rows first.",
  });
  expect(removePlan("Lists", lists, "service", "Safeguarding", { visits: [], actions: [] })).toEqual({
    ok: false,
    message: "2 teams on the Lists sheet belong to Safeguarding; rename it, or change or remove those teams first.",
  });
});
