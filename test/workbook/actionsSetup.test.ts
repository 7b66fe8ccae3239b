/** Issue 11 §2: Set up makes the Actions table with its dropdowns, dates and RAG colours; twice changes nothing. */
import { setUpWorkbook } from "../../src/actions/workbookActions";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/excelJsWorkbook";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { ACTION_STATUSES, actionRecord } from "../../src/domain";
import { ragFormulaFills } from "../../src/workbook/actionsPlan";
import { dependentTeamSource } from "../../src/workbook/teamLists";
import { EmulatedWorkbook } from "../emulation";
import { freshPortEachTest } from "../emulation/freshPort";

const headers = actionRecord.columns.map((c) => c.header);
let wb: EmulatedWorkbook;
let port: OfficeWorkbook;
freshPortEachTest((w, p) => {
  wb = w;
  port = p;
});

const snapshot = (w: EmulatedWorkbook) =>
  JSON.stringify({
    sheets: w.sheetNames(),
    names: w.names(),
    actions: w.tableValues("Actions"),
    cfs: w.sheet("Actions").conditionalFormatsAt("I2").map((f) => [f.type, f.rule, f.fill, f.fontColor]),
    lists: w.sheet("Lists").values("A1:Z12"),
  });

it("makes the Actions table on its own sheet, with the issue's headers, after Diagnostics and Lists", async () => {
  await setUpWorkbook(port);
  expect(wb.sheetNames()).toEqual(["Sheet1", "Diagnostics", "Lists", "Team lists", "Actions", "Change log"]);
  expect(wb.tableValues("Actions").headers).toEqual([
    "Action ID", "Visit ID", "Service", "Team", "Recommendation", "Action", "Owner", "Due date", "Status", "Progress", "Completed date",
  ]);
  expect(headers).toHaveLength(11);
  expect(wb.activeCellAddress()).not.toMatch(/^Actions!/);
});

it("lists the action statuses on the Lists sheet behind TD_ActionStatuses, and the Status dropdown refuses others", async () => {
  await setUpWorkbook(port);
  const lists = wb.sheet("Lists");
  const row1 = lists.values("A1:Z1")[0];
  const col = row1.indexOf("Action statuses");
  expect(col).toBeGreaterThan(0);
  const letter = String.fromCharCode(65 + col);
  expect(lists.values(`${letter}2:${letter}6`).map((r) => r[0])).toEqual([...ACTION_STATUSES]);
  const name = wb.names().find((n) => n.name === "TD_ActionStatuses");
  expect(name?.formula).toBe(`=Lists!$${letter}$2:$${letter}$6`);
  const actions = wb.sheet("Actions");
  expect(actions.validationAt("I2")?.rule).toEqual({ list: { inCellDropDown: true, source: "=TD_ActionStatuses" } });
  expect(actions.enterAsUser("I3", "On track").accepted).toBe(true);
  expect(actions.enterAsUser("I4", "Done-ish").accepted).toBe(false);
  // Team follows the row's Service (issue 13): the dependent list over the Team lists block (teamLists.ts).
  expect(actions.validationAt("D2")?.rule).toEqual({ list: { inCellDropDown: true, source: dependentTeamSource("C", 2) } });
});

it("formats the due and completed dates as dates and colours Status by RAG with formulas that need no add-in", async () => {
  await setUpWorkbook(port);
  const actions = wb.sheet("Actions");
  expect(actions.cell("H2").numberFormat).toBe("dd/mm/yyyy");
  expect(actions.cell("K500").numberFormat).toBe("dd/mm/yyyy");
  const cfs = actions.conditionalFormatsAt("I2");
  expect(cfs.every((f) => f.type === "Custom")).toBe(true);
  // Newest first in the emulation: reverse to the order written.
  expect(cfs.reverse().map((f) => [f.rule?.formula, f.fill, f.fontColor])).toEqual(
    ragFormulaFills("I", "H", 2).map((r) => [r.formula, `#${r.fill}`, `#${r.fontColour}`]),
  );
  expect(actions.conditionalFormatsAt("H2")).toEqual([]);
  expect(actions.conditionalFormatsAt("I1048576")).toHaveLength(4);
});

it("changes nothing when set up twice", async () => {
  await setUpWorkbook(port);
  const before = snapshot(wb);
  await setUpWorkbook(port);
  expect(snapshot(wb)).toBe(before);
});

it("leaves a user's own sheet called Actions alone and makes the table on a sheet of its own", async () => {
  wb.addSheet("Actions");
  wb.setValues("Actions", "A1", [["My to-do list", "keep me"]]);
  await setUpWorkbook(port);
  expect(wb.sheet("Actions").values("A1:B1")).toEqual([["My to-do list", "keep me"]]);
  expect(wb.sheet("Actions").conditionalFormatsAt("I2")).toEqual([]);
  expect(wb.table("Actions")?.sheet.name).toBe("TD Actions");
  expect(wb.tableValues("Actions").headers).toEqual(headers);
});

it("writes the RAG formulas into a file through the ExcelJS adapter, as expression rules", async () => {
  const book = new ExcelJsWorkbook();
  await setUpWorkbook(book);
  const ws = book.workbook.getWorksheet("Actions")!;
  const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] }).conditionalFormattings;
  const rag = cf.find((c) => c.ref === "I2:I1048576");
  expect(rag?.rules.map((r) => [r.type, r.formulae[0]])).toEqual(ragFormulaFills("I", "H", 2).map((r) => ["expression", r.formula.slice(1)]));
});
