/**
 * Project issue 10, items 1–4: what the Office.js adapter does today on an emulation that behaves as
 * Excel does. Each is `test.failing`: it states what the add-in should do and fails on today's adapter,
 * so Jest reports it as passing until the fix lands; then Jest reports it as failing and the fix
 * must turn it into a plain `test` (the assertions stay as they are).
 */
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { CellValue, WorkbookChange } from "../../src/workbook/plan";
import { DIAGNOSTICS_SHEET, DIAGNOSTICS_TABLE } from "../../src/workbook/port";
import { EmulatedWorkbook } from "../emulation";
import { freshPortEachTest } from "./freshPort";

let wb: EmulatedWorkbook;
let port: OfficeWorkbook;
freshPortEachTest((w, p) => {
  wb = w;
  port = p;
});

const apply = (...changes: WorkbookChange[]) => port.apply({ action: "test", changes });
const HEADERS = ["Service", "Team", "Grade"];
const table = () =>
  apply(
    { kind: "addSheet", sheet: DIAGNOSTICS_SHEET },
    { kind: "createTable", sheet: DIAGNOSTICS_SHEET, name: DIAGNOSTICS_TABLE, topLeft: "A1", headers: HEADERS },
  );
const append = (rows: CellValue[][]) => apply({ kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows });
const sheet = () => wb.sheet(DIAGNOSTICS_SHEET);

// Item 5 (two managers appending at once) has no test here: the adapter reads and writes in one sync, and
// the emulation runs each sync whole on one shared workbook, so it cannot lose a visit the way two
// coauthors' copies merging can. ExcelEmulation.pauseNextRun interleaves batches between syncs only.

describe("issue 10 on today's adapter", () => {
  test("1. a team dropdown whose named source has blank rows refuses a team not on the list", async () => {
    await table();
    wb.setValues(DIAGNOSTICS_SHEET, "H1", [["Team 1"], ["Team 2"]]); // H3:H300 blank, as the Lists sheet's ranges are
    await apply({ kind: "listValidation", sheet: DIAGNOSTICS_SHEET, range: "B2:B300", source: "=$H$1:$H$300", errorTitle: "Team", errorMessage: "Pick a team from the list." });
    expect(sheet().enterAsUser("B2", "Not a team").accepted).toBe(false);
  });

  test("2a. appending keeps what a user keeps under the table", async () => {
    await table();
    await append([["Assessment", "Team 1", "RI"]]);
    // A note typed under the table, then taken out of it (as Excel's undo of AutoExpansion leaves it).
    wb.setValues(DIAGNOSTICS_SHEET, "A3", [["Note: rows below are for the area manager"]]);
    wb.table(DIAGNOSTICS_TABLE)!.rect = { r0: 0, r1: 1, c0: 0, c1: 2 };
    await append([["Assessment", "Team 2", "G"]]);
    expect(sheet().values("A3:A4")).toEqual([["Assessment"], ["Note: rows below are for the area manager"]]);
    expect(wb.tableValues(DIAGNOSTICS_TABLE).body).toEqual([["Assessment", "Team 1", "RI"], ["Assessment", "Team 2", "G"]]);
  });

  test("2b. with a totals row shown, the visit goes into the table, above the totals", async () => {
    await table();
    await append([["Assessment", "Team 1", "RI"]]);
    await Excel.run(async (context) => {
      context.workbook.tables.getItem(DIAGNOSTICS_TABLE).showTotals = true;
    });
    await append([["Assessment", "Team 2", "G"]]);
    expect(wb.tableValues(DIAGNOSTICS_TABLE)).toMatchObject({ body: [["Assessment", "Team 1", "RI"], ["Assessment", "Team 2", "G"]], totals: ["Total", "", ""] });
  });

  test("3. a council's own calculated column keeps its formula in new rows (cells the add-in does not know are left null)", async () => {
    await table();
    await append([["Assessment", "Team 1", "RI"]]);
    await Excel.run(async (context) => {
      context.workbook.tables.getItem(DIAGNOSTICS_TABLE).columns.add(undefined, undefined, "Flag");
    });
    wb.setCalculatedColumn(DIAGNOSTICS_TABLE, "Flag", '=IF([@Grade]="I","!","")');
    // The plan's row has null where the adapter knows no column: today it is written as "".
    await append([["Assessment", "Team 2", "G", null]]);
    expect(sheet().cell("D3").formula).toBe('=IF([@Grade]="I","!","")');
  });

  test("4. set-up does not fail on an error alert longer than Excel's dialog takes", async () => {
    await table();
    wb.setValues(DIAGNOSTICS_SHEET, "H1", [["G"]]);
    await apply({ kind: "listValidation", sheet: DIAGNOSTICS_SHEET, range: "C2:C300", source: "=$H$1", errorTitle: "Grade", errorMessage: "x".repeat(272) });
    expect(sheet().validationAt("C2")?.errorAlert.message.length).toBeLessThanOrEqual(225);
  });
});
