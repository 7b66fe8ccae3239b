/**
 * What the Office.js adapter leaves in the workbook beyond what the port reports: dropdowns, colours,
 * formats, names, charts; and how it refuses plans that cannot apply. Inspected on the emulation.
 */
import { basisOf } from "../../src/actions/context";
import { OfficeWorkbook, columnRuns } from "../../src/adapters/officejs/officeWorkbook";
import { charactersToPoints, excelCells, needsTextFormat, parseAddress, rectangular, sheetOfFormula } from "../../src/adapters/officejs/cells";
import { CellValue, WorkbookChange } from "../../src/workbook/plan";
import { DIAGNOSTICS_SHEET, DIAGNOSTICS_TABLE, LISTS_SHEET, NOT_READ } from "../../src/workbook/port";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { DiagnosticsRead as ReadRequest, narrativeColumns, readDiagnosticsSnapshot } from "../../src/workbook/diagnosticsRead";

const EVERYTHING: ReadRequest = { rows: true, lists: true, selection: true };
let emulation: ExcelEmulation;
let wb: EmulatedWorkbook;
let port: OfficeWorkbook;

function setup(maxApiVersion?: string) {
  emulation?.uninstall();
  wb = new EmulatedWorkbook();
  emulation = installExcelEmulation(wb, { maxApiVersion });
  port = new OfficeWorkbook();
}
beforeEach(() => setup());
afterEach(() => emulation.uninstall());

const apply = (...changes: WorkbookChange[]) => port.apply({ action: "test", changes });
const HEADERS = ["Service", "Team", "Grade"];
const table = () =>
  apply(
    { kind: "addSheet", sheet: DIAGNOSTICS_SHEET },
    { kind: "createTable", sheet: DIAGNOSTICS_SHEET, name: DIAGNOSTICS_TABLE, topLeft: "A1", headers: HEADERS },
  );
const append = (rows: CellValue[][]) => apply({ kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows });

describe("cell helpers", () => {
  it("spot text Excel would not keep as typed", () => {
    for (const t of ["=A1", "+44", "-x", "@me", "#N/A", "007", "1/2", "12:30", "TRUE", "false", "Aug 2017", " x", "(5)", "£5", ".5"]) {
      expect([t, needsTextFormat(t)]).toEqual([t, true]);
    }
    for (const t of ["Assessment", "RI / I", "G", "No judgement", "Team 3", "", "Augustine"]) expect([t, needsTextFormat(t)]).toEqual([t, false]);
  });

  it("write null as an empty cell and mark only risky text as text", () => {
    expect(excelCells([["a", null, 3, "=x"]])).toEqual({ values: [["a", "", 3, "=x"]], formats: [[null, null, null, "@"]] });
    expect(excelCells([["a", 1]]).formats).toBeNull();
    expect(rectangular([["a"], ["b", "c"], []])).toEqual([["a", null], ["b", "c"], [null, null]]);
    expect(rectangular([])).toEqual([]);
  });

  it("parse Excel's addresses and name formulas", () => {
    expect(parseAddress("'Team''s data'!B3:D10")).toEqual({ sheet: "Team's data", block: { top: 2, left: 1, bottom: 9, right: 3 } });
    expect(parseAddress("Lists!A:A").block).toEqual({ top: 0, left: 0, bottom: 1048575, right: 0 });
    expect(sheetOfFormula("='My lists'!$A$1")).toBe("My lists");
    expect(sheetOfFormula("=Lists!$A$1")).toBe("Lists");
    expect(sheetOfFormula("=#REF!$A$1")).toBeNull();
    expect(charactersToPoints(8.43)).toBe(48);
  });
});

describe("OfficeWorkbook on the emulation", () => {
  it("makes stop-style dropdowns and colours that follow the whole text of a grade", async () => {
    await table();
    const fills = [
      { text: "RI", fill: "FFBF00", fontColour: "000000" },
      { text: "G / RI", fill: "C6C320", fontColour: "000000" },
    ];
    const grades: WorkbookChange[] = [
      { kind: "listValidation", sheet: DIAGNOSTICS_SHEET, range: "C2:C1048576", source: "=TD_Grades", errorTitle: "Grade", errorMessage: "Pick a grade." },
      { kind: "conditionalFills", sheet: DIAGNOSTICS_SHEET, range: "C2:C1048576", fills },
    ];
    await apply(...grades);
    await apply(...grades); // twice: nothing doubles
    await append([["Assessment", "Team 1", "RI"], ["Assessment", "Team 2", "G / RI"], ["Assessment", "Team 3", "G"]]);
    const s = wb.sheet(DIAGNOSTICS_SHEET);
    expect(s.validationAt("C4")).toMatchObject({
      rule: { list: { source: "=TD_Grades", inCellDropDown: true } },
      errorAlert: { showAlert: true, style: "Stop", title: "Grade", message: "Pick a grade." },
    });
    expect(s.validations).toHaveLength(1);
    expect([s.fillAt("C2"), s.fillAt("C3"), s.fillAt("C4")]).toEqual(["#FFBF00", "#C6C320", null]);
    expect(s.fontColorAt("C2")).toBe("#000000");
    expect(s.conditionalFormatsAt("C2")).toHaveLength(2);
  });

  it("formats as text only the cells that need it, and leaves numbers as numbers", async () => {
    await table();
    await append([["=HYPERLINK(x)", "Team 1", "G"], ["Assessment", 7, "RI"]]);
    const s = wb.sheet(DIAGNOSTICS_SHEET);
    expect(s.cell("A2")).toMatchObject({ value: "=HYPERLINK(x)", formula: null, numberFormat: "@" });
    expect(s.cell("A3")).toMatchObject({ value: "Assessment", numberFormat: "General" });
    expect(s.cell("B3")).toMatchObject({ value: 7, numberFormat: "General" });
  });

  it("follows an owned sheet that the user renamed, for its owner and for the lists", async () => {
    await apply(
      { kind: "addSheet", sheet: LISTS_SHEET, owner: "lists" },
      { kind: "setValues", sheet: LISTS_SHEET, topLeft: "B2", values: [["Grades"], ["O"]] },
    );
    wb.renameSheet(LISTS_SHEET, "Old lists");
    wb.addSheet(LISTS_SHEET); // a user's own sheet called Lists
    wb.setValues(LISTS_SHEET, "A1", [["not ours"]]);
    const s = await readDiagnosticsSnapshot(port, EVERYTHING);
    expect(s.sheets).toEqual(
      expect.arrayContaining([
        { name: "Old lists", owner: "lists", charts: [] },
        { name: LISTS_SHEET, owner: null },
      ]),
    );
    expect(s.lists).toEqual([["", ""], ["", "Grades"], ["", "O"]]);
  });

  it("replaces an owner mark left behind by a deleted sheet", async () => {
    await apply({ kind: "addSheet", sheet: "Summary", owner: "summary" });
    wb.deleteSheet("Summary");
    expect(wb.names()).toEqual([{ name: "TD_Owned_summary", formula: "=#REF!", sheet: null }]);
    await apply({ kind: "addSheet", sheet: "Summary", owner: "summary" });
    expect(wb.names()).toEqual([{ name: "TD_Owned_summary", formula: "=Summary!$A$1", sheet: "Summary" }]);
  });

  it("clears an owned sheet completely: values, formats, dropdowns, colours and charts", async () => {
    await apply(
      { kind: "addSheet", sheet: "Summary", owner: "summary" },
      { kind: "setValues", sheet: "Summary", topLeft: "A1", values: [["Service", "G"], ["Assessment", 2]], style: { fill: "DDE7EE", bold: true } },
      { kind: "listValidation", sheet: "Summary", range: "B2:B9", source: "=$A$1:$A$2", errorTitle: "t", errorMessage: "m" },
      { kind: "conditionalFills", sheet: "Summary", range: "B2:B9", fills: [{ text: "G", fill: "8CC63F", fontColour: "000000" }] },
      {
        kind: "addChart",
        sheet: "Summary",
        name: "Grades",
        title: "Grades",
        dataRange: "A1:B2",
        series: [{ name: "G", colour: "8CC63F" }],
        anchor: "D2",
        width: 400,
        height: 250,
      },
    );
    expect(wb.charts()).toHaveLength(1);
    expect(wb.charts()[0]).toMatchObject({ name: "Grades", type: "BarStacked", title: "Grades", anchor: "D2", series: [{ name: "G", colour: "#8CC63F" }] });
    await apply({ kind: "clearSheet", sheet: "Summary" });
    const s = wb.sheet("Summary");
    expect(s.usedAddress(false)).toBeNull();
    expect(s.validations).toEqual([]);
    expect(s.conditionalFormats).toEqual([]);
    expect(wb.charts()).toEqual([]);
  });

  it("refuses, before writing anything, to clear a sheet it did not make", async () => {
    wb.addSheet("Mine");
    wb.setValues("Mine", "A1", [["precious"]]);
    await expect(
      apply({ kind: "setValues", sheet: "Mine", topLeft: "B1", values: [["x"]] }, { kind: "clearSheet", sheet: "Mine" }),
    ).rejects.toThrow(/refusing to clear "Mine"/);
    expect(wb.sheet("Mine").values("A1:B1")).toEqual([["precious", ""]]);
  });

  it("refuses, before writing anything, to create a table whose name is taken", async () => {
    await table();
    await expect(
      apply(
        { kind: "setValues", sheet: DIAGNOSTICS_SHEET, topLeft: "H1", values: [["x"]] },
        { kind: "createTable", sheet: DIAGNOSTICS_SHEET, name: DIAGNOSTICS_TABLE, topLeft: "J1", headers: ["A"] },
      ),
    ).rejects.toThrow(/already exists/);
    expect(wb.sheet(DIAGNOSTICS_SHEET).cell("H1").value).toBe("");
  });

  it("appends below the last row holding data, and notices when Excel does not grow the table", async () => {
    wb.addSheet("Data");
    wb.setValues("Data", "A1", [["A", "B"], [1, 2]]);
    wb.addTable("Data", "A1:B5", DIAGNOSTICS_TABLE); // rows 3 to 5 are empty table rows
    await append([[3, 4]]); // fills row 3, inside the table
    expect(wb.tableValues(DIAGNOSTICS_TABLE).body).toEqual([[1, 2], [3, 4], ["", ""], ["", ""]]);
    // Row 4 alone, then rows 5-6: that block starts inside the table, which Excel does not take as writing below it.
    await expect(append([[5, 6], [7, 8], [9, 10]])).rejects.toThrow(/did not extend the table/);
    expect(wb.tableValues(DIAGNOSTICS_TABLE).address).toBe("Data!A1:B5");
  });

  it("resizes the table itself where the host has ExcelApi 1.13", async () => {
    setup("1.13");
    wb.addSheet("Data");
    wb.setValues("Data", "A1", [["A", "B"], [1, 2]]);
    wb.addTable("Data", "A1:B5", DIAGNOSTICS_TABLE);
    await append([[3, 4], [5, 6], [7, 8], [9, 10]]);
    expect(wb.tableValues(DIAGNOSTICS_TABLE)).toMatchObject({ address: "Data!A1:B6", body: [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]] });
  });

  it("fills the empty body row of a new table first, then grows it", async () => {
    await table();
    expect(wb.tableValues(DIAGNOSTICS_TABLE).address).toBe("Diagnostics!A1:C2");
    await append([["Assessment", "Team 1", "G"], ["Assessment", "Team 2", "RI"]]);
    expect(wb.tableValues(DIAGNOSTICS_TABLE)).toEqual({
      headers: HEADERS,
      body: [["Assessment", "Team 1", "G"], ["Assessment", "Team 2", "RI"]],
      address: "Diagnostics!A1:C3",
    });
  });

  it("reads a plain range where it starts, and the user's selection", async () => {
    wb.addSheet(DIAGNOSTICS_SHEET);
    wb.setValues(DIAGNOSTICS_SHEET, "B3", [HEADERS, ["Assessment", "Team 1", "G"]]);
    wb.activeSheet = wb.sheet(DIAGNOSTICS_SHEET);
    wb.sheet(DIAGNOSTICS_SHEET).selection = { r0: 3, c0: 2, r1: 5, c1: 3 };
    const s = await readDiagnosticsSnapshot(port, EVERYTHING);
    expect(s.diagnostics).toEqual({ sheet: DIAGNOSTICS_SHEET, table: null, headerRow: 3, firstColumn: 1, headers: HEADERS, rows: [["Assessment", "Team 1", "G"]] });
    expect(s.selection).toEqual({ sheet: DIAGNOSTICS_SHEET, row: 4, column: 2 });
  });

  it("sets widths in points, frozen rows, names and styles", async () => {
    await table();
    await apply(
      { kind: "setColumnWidths", sheet: DIAGNOSTICS_SHEET, widths: [14, 40] },
      { kind: "freezeRows", sheet: DIAGNOSTICS_SHEET, rows: 1 },
      { kind: "defineName", name: "TD_Teams", sheet: DIAGNOSTICS_SHEET, range: "B2:B301" },
      { kind: "setStyle", sheet: DIAGNOSTICS_SHEET, range: "A1:C1", style: { bold: true, fill: "DDE7EE", border: true, horizontalAlignment: "Center" } },
      { kind: "setStyle", sheet: DIAGNOSTICS_SHEET, range: "B2:B1048576", style: { numberFormat: "dd/mm/yyyy" } },
    );
    const s = wb.sheet(DIAGNOSTICS_SHEET);
    expect([s.columnWidth("A"), s.columnWidth("B"), s.columnWidth("C")]).toEqual([77.25, 213.75, 48]);
    expect(s.frozenRows).toBe(1);
    expect(wb.names()).toContainEqual({ name: "TD_Teams", formula: "=Diagnostics!$B$2:$B$301", sheet: DIAGNOSTICS_SHEET });
    expect(s.cell("B1")).toMatchObject({ bold: true, fill: "#DDE7EE", horizontalAlignment: "Center" });
    expect(s.cell("B1").borders).toMatchObject({ EdgeTop: "Continuous", EdgeBottom: "Continuous" });
    expect(s.cell("B99999").numberFormat).toBe("dd/mm/yyyy");
  });

  it("repeats rows at the top of each printed page where the host has ExcelApi 1.9, in the same request, and skips it on an older host", async () => {
    setup("1.9");
    await table();
    const before = emulation.syncCount();
    await apply({ kind: "printTitleRows", sheet: DIAGNOSTICS_SHEET, rows: 1 });
    expect(emulation.syncCount() - before).toBe(1);
    expect(wb.sheet(DIAGNOSTICS_SHEET).printTitleRows).toBe("$1:$1");
    setup("1.8");
    await table();
    await apply({ kind: "printTitleRows", sheet: DIAGNOSTICS_SHEET, rows: 2 });
    expect(wb.sheet(DIAGNOSTICS_SHEET).printTitleRows).toBeNull();
  });

  it("writes a block too big for one request in parts, in place", async () => {
    wb.addSheet("Big");
    const values = Array.from({ length: 3000 }, (_, i) => [i, `row ${i} ${"x".repeat(1500)}`]);
    const before = emulation.syncCount();
    await apply({ kind: "setValues", sheet: "Big", topLeft: "C5", values });
    expect(emulation.syncCount() - before).toBe(2);
    expect(Math.max(...emulation.requestBytes())).toBeLessThan(5 * 1024 * 1024);
    expect(wb.sheet("Big").values("C5:D5")).toEqual([[0, `row 0 ${"x".repeat(1500)}`]]);
    expect(wb.sheet("Big").values("C3004:D3004")).toEqual([[2999, `row 2999 ${"x".repeat(1500)}`]]);
    expect(wb.sheet("Big").usedAddress()).toBe("C5:D3004");
  });
});

describe("what read() reports, and what it leaves out", () => {
  const VISIT_HEADERS = ["Visit ID", "Service", "Team", "Strengths", "Allocation and workload", "Recommendations", "Status"];
  const visitRow = (n: number): string[] => [`V-${n}`, "Assessment", `Team ${n}`, `Strong oversight ${n}`, "G", `Recommend ${n}`, "Final"];
  const bare = (row: CellValue[]): CellValue[] => row.map((v, i) => (i === 3 || i === 5 ? (v === null || v === "" ? null : NOT_READ) : v));
  const ROWS: ReadRequest = { rows: true, narrative: false, lists: false, selection: false };
  const visitTable = async (rows: number) => {
    await apply(
      { kind: "addSheet", sheet: DIAGNOSTICS_SHEET },
      { kind: "createTable", sheet: DIAGNOSTICS_SHEET, name: DIAGNOSTICS_TABLE, topLeft: "A1", headers: VISIT_HEADERS },
    );
    if (rows > 0) await append(Array.from({ length: rows }, (_, i) => visitRow(i + 1)));
  };
  const syncsOf = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const before = emulation.syncCount();
    const result = await f();
    return [result, emulation.syncCount() - before];
  };

  it("finds the narrative columns as the core matches headers, and the runs of columns left to read", () => {
    expect([...narrativeColumns(VISIT_HEADERS)].sort()).toEqual([3, 5]);
    expect([...narrativeColumns(["team manager", "DIAGNOSTIC TEAM", "Areas for improvement", "Strengths", "Strengths"])].sort()).toEqual([0, 1, 2, 3]);
    expect(narrativeColumns(["Service", "Team"]).size).toBe(0);
    expect(columnRuns(7, new Set([3, 5]))).toEqual([
      { from: 0, to: 2 },
      { from: 4, to: 4 },
      { from: 6, to: 6 },
    ]);
    expect(columnRuns(3, new Set([0, 1, 2]))).toEqual([]);
  });

  it("reports workbook names, table names, and the charts of the add-in's own sheets only", async () => {
    const chart = (sheet: string, name: string): WorkbookChange => ({
      kind: "addChart",
      sheet,
      name,
      title: name,
      dataRange: "A1:B2",
      series: [{ name: "G", colour: "8CC63F" }],
      anchor: "D2",
      width: 400,
      height: 250,
    });
    await table();
    await apply(
      { kind: "addSheet", sheet: "Summary", owner: "summary" },
      { kind: "addSheet", sheet: "Mine" },
      { kind: "setValues", sheet: "Summary", topLeft: "A1", values: [["Service", "G"], ["Assessment", 2]] },
      { kind: "setValues", sheet: "Mine", topLeft: "A1", values: [["Service", "G"], ["Assessment", 2]] },
      chart("Summary", "Grades"),
      chart("Mine", "Users chart"),
      { kind: "defineName", name: "TD_Grades", sheet: "Summary", range: "B1:B2" },
    );
    const [s, syncs] = await syncsOf(() => readDiagnosticsSnapshot(port, EVERYTHING));
    expect(syncs).toBe(1);
    expect(s.sheets).toEqual([
      { name: "Sheet1", owner: null },
      { name: DIAGNOSTICS_SHEET, owner: null },
      { name: "Summary", owner: "summary", charts: ["Grades"] },
      { name: "Mine", owner: null },
    ]);
    expect(s.names).toEqual(["TD_Owned_summary", "TD_Grades"]);
    expect(s.tables).toEqual([DIAGNOSTICS_TABLE]);
  });

  it("leaves the narrative columns out unless asked for, at any row count", async () => {
    await visitTable(3);
    const rows = [1, 2, 3].map(visitRow);
    expect((await readDiagnosticsSnapshot(port, ROWS)).diagnostics!.rows).toEqual(rows.map(bare));
    expect((await readDiagnosticsSnapshot(port, { ...ROWS, narrative: true })).diagnostics!.rows).toEqual(rows);
  });

  it("reads the rest of a long table in one more sync, one range per run of wanted columns", async () => {
    setup();
    port = new OfficeWorkbook({ firstReadRows: 4 });
    await visitTable(11);
    const rows = Array.from({ length: 11 }, (_, i) => visitRow(i + 1));
    const [without, syncs] = await syncsOf(() => readDiagnosticsSnapshot(port, ROWS));
    expect(syncs).toBe(2);
    expect(without.diagnostics!.rows).toEqual(rows.map(bare));
    const [full, fullSyncs] = await syncsOf(() => readDiagnosticsSnapshot(port, { ...ROWS, narrative: true }));
    expect(fullSyncs).toBe(2);
    expect(full.diagnostics!.rows).toEqual(rows);
  });

  it("hides narrative cells only below a plain range's header row, title rows kept", async () => {
    setup();
    port = new OfficeWorkbook({ firstReadRows: 4 });
    wb.addSheet(DIAGNOSTICS_SHEET);
    const rows = Array.from({ length: 9 }, (_, i) => visitRow(i + 1));
    wb.setValues(DIAGNOSTICS_SHEET, "A1", [["Team diagnostics 2017-18", "", "", "Strengths", "", "", ""], VISIT_HEADERS, ...rows]);
    const [s, syncs] = await syncsOf(() => readDiagnosticsSnapshot(port, ROWS));
    expect(syncs).toBe(2);
    expect(s.diagnostics!.headers[0]).toBe("Team diagnostics 2017-18");
    expect(s.diagnostics!.rows).toEqual([VISIT_HEADERS, ...rows.map(bare)]);
    expect((await readDiagnosticsSnapshot(port, { ...ROWS, narrative: true })).diagnostics!.rows).toEqual([VISIT_HEADERS, ...rows]);
  });

  it("splits the rest only above the response budget, and reads a part again in halves if Excel still refuses it", async () => {
    setup();
    await visitTable(200);
    // The same workbook on a host whose limit is 6,000 bytes instead of 5 MB: every part must be small.
    emulation.uninstall();
    emulation = installExcelEmulation(wb, { payloadLimit: 6_000 });
    const rows = Array.from({ length: 200 }, (_, i) => visitRow(i + 1));
    // A budget under the limit: parts sized from the first rows, none refused.
    port = new OfficeWorkbook({ firstReadRows: 4, responseBudget: 3_000 });
    const [planned, plannedSyncs] = await syncsOf(() => readDiagnosticsSnapshot(port, { ...ROWS, narrative: true }));
    expect(planned.diagnostics!.rows).toEqual(rows);
    expect(plannedSyncs).toBeGreaterThan(2);
    expect(Math.max(...emulation.responseBytes())).toBeLessThan(6_000);
    // A budget Excel does not honour: refused responses are read again in smaller parts, and nothing is lost.
    port = new OfficeWorkbook({ firstReadRows: 4, responseBudget: 1_000_000 });
    emulation.reset();
    const s = await readDiagnosticsSnapshot(port, { ...ROWS, narrative: true });
    expect(s.diagnostics!.rows).toEqual(rows);
    expect(emulation.responseBytes().filter((b) => b > 6_000).length).toBeGreaterThan(0);
  });
});

describe("apply() on the read a plan was built from", () => {
  const summaryWithChart: WorkbookChange[] = [
    { kind: "setValues", sheet: "Summary", topLeft: "A1", values: [["Service", "G"], ["Assessment", 2]] },
    {
      kind: "addChart",
      sheet: "Summary",
      name: "Grades",
      title: "Grades",
      dataRange: "A1:B2",
      series: [{ name: "G", colour: "8CC63F" }],
      anchor: "D2",
      width: 400,
      height: 250,
    },
  ];
  const syncsOf = async (f: () => Promise<unknown>): Promise<number> => {
    const before = emulation.syncCount();
    await f();
    return emulation.syncCount() - before;
  };

  it("applies in one sync, no probe, deleting the charts the basis lists on a sheet it clears", async () => {
    await apply({ kind: "addSheet", sheet: "Summary", owner: "summary" }, ...summaryWithChart);
    const s = await readDiagnosticsSnapshot(port, EVERYTHING);
    const plan = { action: "refresh", changes: [{ kind: "clearSheet", sheet: "Summary" } as WorkbookChange, ...summaryWithChart], basis: basisOf(s) };
    expect(await syncsOf(() => port.apply(plan))).toBe(1);
    expect(wb.charts().map((c) => c.name)).toEqual(["Grades"]);
    // Without the basis the same plan probes first.
    expect(await syncsOf(() => port.apply({ ...plan, basis: undefined }))).toBe(2);
    expect(wb.charts().map((c) => c.name)).toEqual(["Grades"]);
  });

  it("probes after all when the basis does not list a cleared sheet's charts", async () => {
    await apply({ kind: "addSheet", sheet: "Summary", owner: "summary" }, ...summaryWithChart);
    const s = await readDiagnosticsSnapshot(port, EVERYTHING);
    const basis = { ...basisOf(s)!, sheets: s.sheets.map((x) => ({ name: x.name, owner: x.owner })) };
    const plan = { action: "refresh", changes: [{ kind: "clearSheet", sheet: "Summary" } as WorkbookChange, ...summaryWithChart], basis };
    expect(await syncsOf(() => port.apply(plan))).toBe(2);
    expect(wb.charts().map((c) => c.name)).toEqual(["Grades"]);
  });

  it("copes with a host that refuses the nested chart load: one more sync to read, a probe to clear", async () => {
    await apply({ kind: "addSheet", sheet: "Summary", owner: "summary" }, ...summaryWithChart);
    emulation.uninstall();
    emulation = installExcelEmulation(wb, { nestedCollectionLoads: false });
    const before = emulation.syncCount();
    const s = await readDiagnosticsSnapshot(port, EVERYTHING);
    expect(emulation.syncCount() - before).toBe(2);
    expect(s.sheets.find((x) => x.name === "Summary")).toEqual({ name: "Summary", owner: "summary" });
    const plan = { action: "refresh", changes: [{ kind: "clearSheet", sheet: "Summary" } as WorkbookChange, ...summaryWithChart], basis: basisOf(s) };
    expect(await syncsOf(() => port.apply(plan))).toBe(2);
    expect(wb.charts().map((c) => c.name)).toEqual(["Grades"]);
  });

  it("refuses, on the basis alone and before any round trip, what cannot apply", async () => {
    await table();
    wb.addSheet("Mine");
    wb.setValues("Mine", "A1", [["precious"]]);
    const basis = basisOf(await readDiagnosticsSnapshot(port, EVERYTHING))!;
    const refused = async (...changes: WorkbookChange[]) => {
      const before = emulation.syncCount();
      await expect(port.apply({ action: "test", changes, basis })).rejects.toThrow();
      expect(emulation.syncCount()).toBe(before);
    };
    await refused({ kind: "setValues", sheet: "Mine", topLeft: "B1", values: [["x"]] }, { kind: "clearSheet", sheet: "Mine" });
    await refused({ kind: "createTable", sheet: DIAGNOSTICS_SHEET, name: DIAGNOSTICS_TABLE.toUpperCase(), topLeft: "J1", headers: ["A"] });
    await refused({ kind: "appendTableRows", table: "Elsewhere", rows: [["x"]] });
    await refused({ kind: "setValues", sheet: "Nowhere", topLeft: "A1", values: [["x"]] });
    expect(wb.sheet("Mine").values("A1:B1")).toEqual([["precious", ""]]);
    expect(wb.sheet(DIAGNOSTICS_SHEET).cell("J1").value).toBe("");
  });
});
