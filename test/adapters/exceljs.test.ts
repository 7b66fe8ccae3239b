import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { inflateRawSync } from "zlib";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/excelJsWorkbook";
import { readXlsx } from "../../src/adapters/files/xlsxReader";
import { zip } from "./files/zipFixture";
import { loadWorkbookForEditing, openWorkbookFile } from "../../src/adapters/exceljs/files";
import { readDiagnostics } from "../../src/actions/readDiagnostics";
import { setUpWorkbook } from "../../src/actions/workbookActions";
import { CellValue } from "../../src/workbook/plan";
import { readDiagnosticsSnapshot } from "../../src/workbook/diagnosticsRead";

const ALL = { rows: true, lists: true, selection: false };

describe("ExcelJsWorkbook writing", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "td-exceljs-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function template(): Promise<Buffer> {
    const workbook = ExcelJsWorkbook.create();
    await setUpWorkbook(workbook);
    return Buffer.from(await workbook.writeBuffer());
  }

  const part = (bytes: Buffer, name: string): string => entries(bytes)[name] ?? "";

  function entries(bytes: Buffer): Record<string, string> {
    const book = readXlsx(bytes); // proves the file parses; then pull the raw part for XML checks
    expect(book.sheets.length).toBeGreaterThan(0);
    const entries = new Map<string, string>();
    // Tiny central-directory walk for test inspection.
    let at = bytes.readUInt32LE(bytes.length - 22 + 16);
    const count = bytes.readUInt16LE(bytes.length - 22 + 10);
    for (let i = 0; i < count; i++) {
      const nameLength = bytes.readUInt16LE(at + 28);
      const entryName = bytes.toString("utf8", at + 46, at + 46 + nameLength);
      const local = bytes.readUInt32LE(at + 42);
      const size = bytes.readUInt32LE(at + 20);
      const method = bytes.readUInt16LE(at + 10);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const raw = bytes.subarray(start, start + size);
      entries.set(entryName, (method === 8 ? inflateRawSync(raw) : raw).toString("utf8"));
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    return Object.fromEntries([...entries].filter(([n]) => !n.endsWith("/")));
  }

  it("writes whole-column formats, dropdowns and colours as ranges, not a million cells", async () => {
    const bytes = await template();
    expect(bytes.length).toBeLessThan(40_000);
    const sheet = part(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('sqref="I2:I1048576"');
    expect(sheet).toMatch(/<dataValidation type="list" showErrorMessage="1" errorStyle="stop" errorTitle="Grade not on the scale"[^>]*sqref="I2:I1048576"><formula1>TD_Grades<\/formula1>/);
    expect(sheet).toMatch(/<conditionalFormatting sqref="I2:I1048576"><cfRule type="expression" dxfId="\d+" priority="1"><formula>TRIM\(I2\)=&quot;O&quot;<\/formula>/);
    expect(sheet).toMatch(/<col min="2" max="2" width="14" style="\d+" customWidth="1"\/>/);
    const styles = part(bytes, "xl/styles.xml");
    expect(styles).toContain('formatCode="dd/mm/yyyy"');
    expect(styles).toMatch(/<dxf><font><color rgb="FF000000"\/><\/font><fill><patternFill patternType="solid"><fgColor rgb="FFFFBF00"\/><bgColor rgb="FFFFBF00"\/>/);
  });

  it("writes text starting with = as text, never as a formula", async () => {
    const workbook = ExcelJsWorkbook.create();
    await workbook.apply({
      action: "t",
      changes: [
        { kind: "addSheet", sheet: "S" },
        { kind: "setValues", sheet: "S", topLeft: "A1", values: [["=HYPERLINK(\"http://x\")", "=1+1"]] },
      ],
    });
    const sheet = part(Buffer.from(await workbook.writeBuffer()), "xl/worksheets/sheet1.xml");
    expect(sheet).not.toContain("<f>");
    expect(sheet).toMatch(/<c r="A1" t="s">/);
  });

  it("loads a template with whole-column dropdowns as whole ranges, not a cell each, and saves them unchanged", async () => {
    const bytes = await template();
    const workbook = await loadWorkbookForEditing(bytes);
    // ExcelJS on its own expands each validated range into one entry per cell (a million per column).
    const validations = (workbook.workbook.getWorksheet("Diagnostics") as unknown as { dataValidations: { model: object } }).dataValidations.model;
    expect(Object.keys(validations).length).toBeLessThan(20);
    const again = Buffer.from(await workbook.writeBuffer());
    expect(part(again, "xl/worksheets/sheet1.xml")).toContain('sqref="D2:D1048576"');
  });

  it("keeps a table's header row when Excel left headerRowCount out", async () => {
    const workbook = ExcelJsWorkbook.create();
    await setUpWorkbook(workbook);
    await workbook.apply({ action: "rows", changes: [{ kind: "setValues", sheet: "Diagnostics", topLeft: "A2", values: [["V-1", 42954]] }] });
    const files = entries(Buffer.from(await workbook.writeBuffer()));
    // As Excel writes it: the default headerRowCount="1" left out.
    files["xl/tables/table1.xml"] = files["xl/tables/table1.xml"].replace(' headerRowCount="1"', "");
    expect(files["xl/tables/table1.xml"]).not.toContain("headerRowCount");
    const loaded = await loadWorkbookForEditing(zip(files));
    const snapshot = await readDiagnosticsSnapshot(loaded, ALL);
    expect(snapshot.diagnostics).toMatchObject({ table: "Diagnostics", headerRow: 1 });
    expect(snapshot.diagnostics!.rows.map((r) => r.slice(0, 2))).toEqual([["V-1", 42954]]);
    const saved = entries(Buffer.from(await loaded.writeBuffer()));
    expect(saved["xl/tables/table1.xml"]).toContain('headerRowCount="1"');
  });

  it("gives wrapped cells room: rows grow to fit their text", async () => {
    const workbook = ExcelJsWorkbook.create();
    const long = "Effectiveness of case allocation and workload management arrangements, and then some more words to wrap";
    await workbook.apply({
      action: "t",
      changes: [
        { kind: "addSheet", sheet: "S", owner: "summary" },
        { kind: "setValues", sheet: "S", topLeft: "A1", values: [[long], ["short"]] as CellValue[][] },
        { kind: "setStyle", sheet: "S", range: "A1:A2", style: { wrap: true } },
        { kind: "setColumnWidths", sheet: "S", widths: [30] },
      ],
    });
    await workbook.writeBuffer();
    const ws = workbook.workbook.getWorksheet("S")!;
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(45);
    expect(ws.getRow(2).height).toBeUndefined();
    expect(ws.pageSetup.orientation).toBe("landscape");
  });

  it("prints the add-in's own sheets on A4 (councils print on A4; a file with no paper size prints on Letter)", async () => {
    // ECMA-376 Part 1, 18.3.1.64 pageSetup: paperSize 9 is A4; when absent it is 1, Letter.
    const workbook = new ExcelJsWorkbook();
    await workbook.apply({ action: "t", changes: [{ kind: "addSheet", sheet: "S", owner: "summary" }, { kind: "addSheet", sheet: "Theirs" }] });
    const JSZip = (await import("jszip")).default;
    const files = await JSZip.loadAsync(await workbook.writeBuffer());
    const setup = async (n: number) => /<pageSetup\b[^>]*>/.exec(await files.file(`xl/worksheets/sheet${n}.xml`)!.async("string"))?.[0] ?? "";
    expect(await setup(1)).toMatch(/paperSize="9"/);
    expect(await setup(1)).toMatch(/orientation="landscape"/);
    expect(await setup(2)).not.toMatch(/paperSize/);
  });

  it("repeats a sheet's title rows at the top of each printed page (the defined name Excel gives them, _xlnm.Print_Titles)", async () => {
    // ECMA-376 Part 1, 18.2.5 definedName: _xlnm.Print_Titles, scoped to its sheet (localSheetId), names the rows.
    const workbook = new ExcelJsWorkbook();
    await workbook.apply({
      action: "t",
      changes: [{ kind: "addSheet", sheet: "Other", owner: "lists" }, { kind: "addSheet", sheet: "Counts", owner: "counts" }, { kind: "printTitleRows", sheet: "Counts", rows: 1 }],
    });
    const JSZip = (await import("jszip")).default;
    const files = await JSZip.loadAsync(await workbook.writeBuffer());
    const book = await files.file("xl/workbook.xml")!.async("string");
    expect(book).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="1">(?:&apos;)?Counts(?:&apos;)?!\$1:\$1<\/definedName>/);
  });

  it("opens files read-only: the opened workbook refuses changes", async () => {
    const file = path.join(dir, "t.xlsx");
    await fs.writeFile(file, await template());
    const opened = await openWorkbookFile(file);
    await expect(opened.apply({ action: "x", changes: [] })).rejects.toThrow("never modified");
    const data = await readDiagnostics(opened);
    expect(data.table.sheet).toBe("Diagnostics");
    expect(data.table.rows).toEqual([]);
  });
});
