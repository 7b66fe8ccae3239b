/** Issue 15: Set up makes the Change log table on its own sheet, last of its tables; twice changes nothing. */
import { setUpWorkbook } from "../../src/actions/workbookActions";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/excelJsWorkbook";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { EmulatedWorkbook } from "../emulation";
import { freshPortEachTest } from "../emulation/freshPort";

let wb: EmulatedWorkbook;
let port: OfficeWorkbook;
freshPortEachTest((w, p) => {
  wb = w;
  port = p;
});

const HEADERS = ["When", "Who", "Visit ID", "Field", "From", "To", "Reason"];

it("makes the Change log table on its own sheet, after the Actions table, with the issue's headers", async () => {
  await setUpWorkbook(port);
  expect(wb.sheetNames()).toEqual(["Sheet1", "Diagnostics", "Lists", "Team lists", "Actions", "Change log"]);
  expect(wb.tableValues("ChangeLog").headers).toEqual(HEADERS);
  expect(wb.activeCellAddress()).not.toMatch(/^'?Change log'?!/);
});

it("changes nothing when set up twice, and keeps rows already logged", async () => {
  await setUpWorkbook(port);
  wb.setValues("Change log", "A2", [["01/12/2026 09:30", "A. Moderator", "TD-0001", "Overall conclusion", "RI", "G", "Agreed at panel"]]);
  const before = JSON.stringify({ sheets: wb.sheetNames(), log: wb.tableValues("ChangeLog") });
  await setUpWorkbook(port);
  expect(JSON.stringify({ sheets: wb.sheetNames(), log: wb.tableValues("ChangeLog") })).toBe(before);
  expect(wb.tableValues("ChangeLog").body[0]).toEqual(["01/12/2026 09:30", "A. Moderator", "TD-0001", "Overall conclusion", "RI", "G", "Agreed at panel"]);
});

it("leaves a user's own sheet called Change log alone", async () => {
  wb.addSheet("Change log");
  wb.setValues("Change log", "A1", [["My notes", "keep me"]]);
  await setUpWorkbook(port);
  expect(wb.sheet("Change log").values("A1:B1")).toEqual([["My notes", "keep me"]]);
  expect(wb.table("ChangeLog")?.sheet.name).not.toBe("Change log");
  expect(wb.tableValues("ChangeLog").headers).toEqual(HEADERS);
});

it("writes the Change log table into a file through the ExcelJS adapter", async () => {
  const book = new ExcelJsWorkbook();
  await setUpWorkbook(book);
  const ws = book.workbook.getWorksheet("Change log")!;
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
});
