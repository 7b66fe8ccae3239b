/**
 * Issue 13: the Actions table's Team dropdown follows its row's Service as the Diagnostics one does, through the same
 * formula over the add-in's Team lists block (teamLists.ts), in Excel without the add-in.
 */
import { setUpWorkbook } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { actionRecord } from "../../src/domain";
import { ACTIONS_SHEET, actionsSetupChanges } from "../../src/workbook/actionsPlan";
import { DiagnosticsSnapshot } from "../../src/workbook/diagnosticsRead";
import { dependentTeamSource } from "../../src/workbook/teamLists";
import { EmulatedWorkbook, parseRect } from "../emulation";
import { freshPortEachTest } from "../emulation/freshPort";
import { dropdownEntries } from "../emulation/validity";

let wb: EmulatedWorkbook;
let port: OfficeWorkbook;
freshPortEachTest((w, p) => {
  wb = w;
  port = p;
});

/** Set up, visits typed with their service and team, then Set up again, which lists the teams. */
async function withTeams(): Promise<void> {
  await setUpWorkbook(port);
  const typed = [
    ["Assessment", "Assessment 1"],
    ["Children in care", "CiC Team 1"],
    ["Assessment", "Assessment 2"],
  ];
  typed.forEach((row, i) => wb.setValues("Diagnostics", `D${i + 2}`, [row]));
  await setUpWorkbook(port);
}

const offered = (cell: string) => {
  const { r0, c0 } = parseRect(cell);
  return dropdownEntries(wb.sheet(ACTIONS_SHEET), r0, c0);
};

it("gives the Actions table's Team column the dependent rule over its own Service column", async () => {
  await withTeams();
  const actions = wb.sheet(ACTIONS_SHEET);
  expect(wb.tableValues("Actions").headers.slice(2, 4)).toEqual(["Service", "Team"]);
  expect(actions.validationAt("D2")?.rule).toEqual({ list: { inCellDropDown: true, source: dependentTeamSource("C", 2) } });
  expect(actions.validationAt("D1048576")?.rule.list?.source).toBe(dependentTeamSource("C", 2));
});

it("offers each action's row its own service's teams, refuses another service's, and every team when Service is blank", async () => {
  await withTeams();
  const actions = wb.sheet(ACTIONS_SHEET);
  wb.setValues(ACTIONS_SHEET, "C2", [["Assessment"], ["children in care"]]);
  expect(offered("D2")).toEqual(["Assessment 1", "Assessment 2"]);
  expect(offered("D3")).toEqual(["CiC Team 1"]);
  expect(offered("D4")).toEqual(["Assessment 1", "CiC Team 1", "Assessment 2"]);
  expect(actions.enterAsUser("D2", "CiC Team 1").accepted).toBe(false);
  expect(actions.enterAsUser("D3", "CiC Team 1").accepted).toBe(true);
  expect(actions.enterAsUser("D2", "assessment 2").accepted).toBe(true);
});

it("follows the Service column Set up adds to an Actions table that had none", () => {
  const headers = actionRecord.columns.filter((c) => c.key !== "service").map((c) => c.header);
  const snapshot = {
    sheets: [{ name: "Actions", owner: null }],
    actions: { table: "Actions", sheet: "Actions", headerRow: 1, firstColumn: 0, headers, rows: [] },
  } as unknown as DiagnosticsSnapshot;
  const changes = actionsSetupChanges(snapshot);
  expect(changes).toContainEqual({ kind: "addTableColumns", table: "Actions", headers: ["Service"] });
  // Team stays in column C; Service is added after the last column, K.
  const team = changes.find((c) => c.kind === "listValidation" && c.range.startsWith("C2:"));
  expect(team).toMatchObject({ source: dependentTeamSource("K", 2) });
});

it("writes the same rule in a workbook made without Excel (the ExcelJS adapter: the command line's template)", async () => {
  const { ExcelJsWorkbook } = await import("../../src/adapters/exceljs/excelJsWorkbook");
  const book = new ExcelJsWorkbook();
  await setUpWorkbook(book);
  const model = (book.workbook.getWorksheet("Actions") as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
  expect(model["D2:D1048576"]?.formulae).toEqual([dependentTeamSource("C", 2).slice(1)]);
});
