import { actionRecord, recordTable, visitRecord, defaultConfig } from "../../src/domain";
import { appendRowsChanges, tableFormats, tableStructure } from "../../src/workbook/tablePlan";

describe("the generic table plan", () => {
  it("builds the Actions table on its own sheet from the definition alone", () => {
    const { changes, placement } = tableStructure(actionRecord, null, [{ name: "Diagnostics", owner: null }]);
    expect(changes).toEqual([
      { kind: "addSheet", sheet: "Actions", activate: true },
      { kind: "createTable", sheet: "Actions", name: "Actions", topLeft: "A1", headers: actionRecord.columns.map((c) => c.header) },
    ]);
    const formats = tableFormats(actionRecord, placement);
    expect(formats.filter((c) => c.kind === "listValidation")).toEqual([
      expect.objectContaining({ range: "C2:C1048576", source: "=TD_Services" }),
      expect.objectContaining({ range: "D2:D1048576", source: "=TD_Teams" }),
      expect.objectContaining({ range: "I2:I1048576", source: "=TD_ActionStatuses", errorTitle: "Status" }),
    ]);
    expect(formats.filter((c) => c.kind === "setStyle" && c.style.numberFormat)).toEqual([
      { kind: "setStyle", sheet: "Actions", range: "H2:H1048576", style: { numberFormat: "dd/mm/yyyy" } },
      { kind: "setStyle", sheet: "Actions", range: "K2:K1048576", style: { numberFormat: "dd/mm/yyyy" } },
    ]);
    expect(formats).toContainEqual({ kind: "setColumnWidths", sheet: "Actions", widths: [14, 14, 14, 14, 40, 40, 40, 14, 14, 40, 14] });
    expect(formats[formats.length - 1]).toEqual({ kind: "freezeRows", sheet: "Actions", rows: 1 });
  });

  it("adds only the missing columns to an Actions table a user started, and never writes over a sheet of that name", () => {
    const raw = { sheet: "Actions", headerRow: 3, firstColumn: 1, headers: ["Team", "Action", "Status"], rows: [] };
    const { changes, placement } = tableStructure(actionRecord, { raw, table: null }, [{ name: "Actions", owner: null }]);
    expect(changes).toEqual([
      { kind: "setValues", sheet: "Actions", topLeft: "E3", values: [["Action ID", "Visit ID", "Service", "Recommendation", "Owner", "Due date", "Progress", "Completed date"]] },
    ]);
    expect(placement).toMatchObject({ sheet: "Actions", headerRow: 3, firstColumn: 1, recognised: true });
    expect(tableFormats(actionRecord, placement).some((c) => c.kind === "setColumnWidths")).toBe(false);

    const other = { ...raw, headers: ["Shopping", "List"] };
    const moved = tableStructure(actionRecord, { raw: other, table: null }, [{ name: "Actions", owner: null }]);
    expect(moved.changes[0]).toEqual({ kind: "addSheet", sheet: "TD Actions", activate: true });
  });

  it("appends records below the table and selects them", () => {
    const headers = actionRecord.columns.map((c) => c.header);
    const actions = recordTable(actionRecord, headers);
    const raw = { sheet: "Actions", headerRow: 1, firstColumn: 0, headers, rows: [actions.row({ ...actions.read([]), team: "North 1" }, headers.length)] };
    const record = { ...actions.read([]), team: "South 2", action: "Review caseloads", status: "Not started", dueDate: "2018-05-01" };
    const { changes, row } = appendRowsChanges(raw, "Actions", [actions.row(record, headers.length)]);
    expect(row).toBe(3);
    expect(changes).toEqual([
      { kind: "appendTableRows", table: "Actions", rows: [[null, null, null, "South 2", null, "Review caseloads", null, 43221, "Not started", null, null]] },
      { kind: "select", sheet: "Actions", range: "A3:K3" },
    ]);
  });

  it("gives the visit kind the grade dropdowns and colours first, then its list columns", () => {
    const kind = visitRecord(defaultConfig());
    const { placement } = tableStructure(kind, null, []);
    const fills = [{ text: "G", fill: "00FF00", fontColour: "000000" }];
    const kinds = tableFormats(kind, placement, fills).map((c) => (c.kind === "listValidation" ? c.source : c.kind));
    expect(kinds.slice(0, 13)).toEqual([
      ...Array.from({ length: 5 }, () => ["=TD_Grades", "conditionalFills"]).flat(),
      "=TD_Services",
      "=TD_Teams",
      "=TD_Statuses",
    ]);
  });
});
