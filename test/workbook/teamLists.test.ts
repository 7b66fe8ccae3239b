/**
 * Issue 13: the sheet's Team dropdown follows the row's service, in Excel without the add-in. Set up writes the
 * add-in's Team lists block and a list rule whose source is an OFFSET/MATCH formula; the emulation evaluates it for
 * each cell (test/emulation/listFormula.ts), so what a user meets typing into the sheet is checked here.
 */
import { setUpWorkbook } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { EVERY_TEAM, dependentTeamSource, teamListValues } from "../../src/workbook/teamLists";
import { EmulatedWorkbook, parseRect } from "../emulation";
import { freshPortEachTest } from "../emulation/freshPort";
import { dropdownEntries } from "../emulation/validity";

let wb: EmulatedWorkbook;
let port: OfficeWorkbook;
freshPortEachTest((w, p) => {
  wb = w;
  port = p;
});

const TEAMS: [string, string][] = [
  ["Assessment", "Assessment 1"],
  ["Assessment", "Assessment 2"],
  ["Children in care", "CiC Team 1"],
  ["Safeguarding", "Safeguarding North"],
];

/** Set up, rows typed with their service and team (as pasted rows are), then Set up again, which lists the teams. */
async function withTeams(): Promise<void> {
  await setUpWorkbook(port);
  TEAMS.forEach(([service, team], i) => {
    wb.setValues("Diagnostics", `D${i + 2}`, [[service, team]]);
  });
  await setUpWorkbook(port);
}

const offered = (cell: string) => {
  const { r0, c0 } = parseRect(cell);
  return dropdownEntries(wb.sheet("Diagnostics"), r0, c0);
};

it("lays the block out by service: every team first, then a column per service with teams, counts in row 2", () => {
  const values = teamListValues({
    services: ["Assessment", "Children in care", "Leaving care"],
    teams: TEAMS.map(([service, name]) => ({ name, service, area: "" })),
  });
  expect(values).toEqual([
    [EVERY_TEAM, "Assessment", "Children in care", "Safeguarding"],
    [4, 2, 1, 1],
    ["Assessment 1", "Assessment 1", "CiC Team 1", "Safeguarding North"],
    ["Assessment 2", "Assessment 2", null, null],
    ["CiC Team 1", null, null, null],
    ["Safeguarding North", null, null, null],
  ]);
  expect(dependentTeamSource("D", 2)).toBe(
    "=OFFSET(TD_TeamLists,2,IFERROR(MATCH($D2,TD_TeamListHeads,0),1)-1,MAX(1,INDEX(TD_TeamListCounts,IFERROR(MATCH($D2,TD_TeamListHeads,0),1))),1)",
  );
  // Within Excel's 255-character limit for a validation formula.
  expect(dependentTeamSource("AB", 1048575).length).toBeLessThan(255);
});

it("offers each row only its own service's teams, a service with spaces included, and every team when the service is blank", async () => {
  await withTeams();
  expect(wb.sheet("Diagnostics").validationAt("E2")?.rule.list?.source).toBe(dependentTeamSource("D", 2));
  expect(offered("E2")).toEqual(["Assessment 1", "Assessment 2"]);
  expect(offered("E4")).toEqual(["CiC Team 1"]);
  expect(offered("E5")).toEqual(["Safeguarding North"]);
  // A new row: its service decides, row by row (the relative $D2 moves with the cell).
  wb.setValues("Diagnostics", "D9", [["children in care"]]);
  expect(offered("E9")).toEqual(["CiC Team 1"]);
  expect(offered("E10")).toEqual(TEAMS.map(([, t]) => t));
  // A service with no teams listed yet offers every team.
  wb.setValues("Diagnostics", "D11", [["Leaving care"]]);
  expect(offered("E11")).toEqual(TEAMS.map(([, t]) => t));
});

it("refuses a team typed under another service, and accepts the service's own", async () => {
  await withTeams();
  const d = wb.sheet("Diagnostics");
  wb.setValues("Diagnostics", "D7", [["Assessment"]]);
  const refused = d.enterAsUser("E7", "CiC Team 1");
  expect(refused.accepted).toBe(false);
  expect(refused.alert?.title).toBe("Team not on the list");
  expect(d.enterAsUser("E7", "assessment 2").accepted).toBe(true);
  expect(d.cell("E7").value).toBe("assessment 2");
});

it("writes the block on a sheet of its own, leaving the Lists sheet's columns as they were, and twice gives the same", async () => {
  await withTeams();
  const block = wb.sheet("Team lists");
  // The columns follow the Services list's order.
  expect(block.values("A1:D2")).toEqual([
    [EVERY_TEAM, "Assessment", "Safeguarding", "Children in care"],
    [4, 2, 1, 1],
  ]);
  const before = JSON.stringify([wb.sheetNames(), wb.names(), block.values("A1:H8"), wb.sheet("Lists").values("A1:X10")]);
  await setUpWorkbook(port);
  expect(JSON.stringify([wb.sheetNames(), wb.names(), block.values("A1:H8"), wb.sheet("Lists").values("A1:X10")])).toBe(before);
});

it("a team recorded in the pane for a new name joins its service's dropdown at once", async () => {
  await withTeams();
  const { recordVisit } = await import("../../src/actions/workbookActions");
  const { emptyVisitForm, gradedColumns, defaultConfig } = await import("../../src/domain");
  const config = defaultConfig();
  const saved = await recordVisit(port, {
    ...emptyVisitForm(config),
    visitDate: "2018-03-14",
    service: "Children in care",
    team: "CiC Team 2",
    grades: Object.fromEntries(gradedColumns(config).map((d) => [d.key, "G"])),
  });
  expect(saved.ok).toBe(true);
  wb.setValues("Diagnostics", "D20", [["Children in care"]]);
  expect(offered("E20")).toEqual(["CiC Team 1", "CiC Team 2"]);
});
