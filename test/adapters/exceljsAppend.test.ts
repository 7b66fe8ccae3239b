/** Issue 10 item 3 in the ExcelJS adapter: null in an appended row leaves the cell as it is ("" would clear it). */
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/excelJsWorkbook";
import { WorkbookChange } from "../../src/workbook/plan";

test("an appended row's null cells leave what is there, its values are written", async () => {
  const port = ExcelJsWorkbook.create();
  const apply = (...changes: WorkbookChange[]) => port.apply({ action: "test", changes });
  await apply(
    { kind: "addSheet", sheet: "Diagnostics" },
    { kind: "createTable", sheet: "Diagnostics", name: "Diagnostics", topLeft: "A1", headers: ["Service", "Team", "Flag"] },
  );
  await apply({ kind: "appendTableRows", table: "Diagnostics", rows: [["Assessment", "Team 1", "x"]] });
  // What a council keeps in its own column of the next row (a formula filled down, say).
  const ws = port.workbook.getWorksheet("Diagnostics")!;
  ws.getCell("C3").value = { formula: 'IF(B3="","","!")' } as never;
  await apply({ kind: "appendTableRows", table: "Diagnostics", rows: [["Assessment", "Team 2", null]] });
  expect([ws.getCell("A3").value, ws.getCell("B3").value, ws.getCell("C3").formula]).toEqual(["Assessment", "Team 2", 'IF(B3="","","!")']);
});
