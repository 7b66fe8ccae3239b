import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { crc32, inflateRawSync } from "zlib";
import ExcelJS from "exceljs";
import { parseCsv, decodeCsvBytes } from "../../src/adapters/exceljs/csv";
import { ExcelJsWorkbook, sourceBook } from "../../src/adapters/exceljs/excelJsWorkbook";
import { readXlsx } from "../../src/adapters/exceljs/fastXlsx";
import { loadWorkbookForEditing, openWorkbookFile, readDiagnostics } from "../../src/adapters/exceljs/files";
import { SourceBook, snapshotFrom } from "../../src/adapters/exceljs/snapshot";
import { defaultConfig } from "../../src/domain";
import { setUpWorkbook } from "../../src/actions/workbookActions";
import { CellValue } from "../../src/workbook/plan";
import { diagnosticsRequest, diagnosticsView, readDiagnosticsSnapshot } from "../../src/workbook/diagnosticsRead";

const ALL = { rows: true, lists: true, selection: false };

/** A zip of stored (uncompressed) entries: enough to hand-craft unusual .xlsx files. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, "utf8");
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** An .xlsx as some other programs write it: "x:" prefixes, cells without r, inline strings, ISO dates, a table without headerRowCount. */
function oddXlsx(options: { date1904?: boolean } = {}): Buffer {
  const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zip({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": `<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<x:workbook ${ns} xmlns:r="${REL}"><x:workbookPr${options.date1904 ? ' date1904="1"' : ""}/><x:sheets><x:sheet name="Read me" sheetId="1" r:id="rA"/><x:sheet name="Visits &amp; more" sheetId="2" r:id="rB"/></x:sheets><x:definedNames><x:definedName name="TD_Owned_summary">'Read me'!$A$1</x:definedName></x:definedNames></x:workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rA" Type="${REL}/worksheet" Target="worksheets/a.xml"/><Relationship Id="rB" Type="${REL}/worksheet" Target="/xl/worksheets/b.xml"/><Relationship Id="rS" Type="${REL}/sharedStrings" Target="strings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/strings.xml": `<x:sst ${ns}><x:si><x:t>Service</x:t></x:si><x:si><x:r><x:t>Te</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">am</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:si><x:si><x:t>Safeguarding &amp; &lt;more&gt;_x000D_</x:t></x:si></x:sst>`,
    "xl/styles.xml": `<x:styleSheet ${ns}><x:numFmts><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="164"/></x:cellXfs></x:styleSheet>`,
    "xl/worksheets/a.xml": `<x:worksheet ${ns}><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>Notes only</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
    "xl/worksheets/b.xml": `<x:worksheet ${ns}><x:sheetData>` +
      `<x:row r="2"><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Visit date</x:t></x:is></x:c><x:c r="E2" t="str"><x:v>Flag</x:v></x:c></x:row>` +
      `<x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="B3" t="str"><x:f>"T"&amp;"1"</x:f><x:v>T1</x:v></x:c><x:c r="C3" s="1"><x:v>42954</x:v></x:c><x:c r="D3"/><x:c r="E3" t="b"><x:v>1</x:v></x:c></x:row>` +
      `<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>Assessment</x:t></x:is></x:c><x:c r="B4" t="e"><x:v>#N/A</x:v></x:c><x:c r="C4" t="d"><x:v>2017-08-07T00:00:00Z</x:v></x:c><x:c r="E4"><x:v>-1.5e2</x:v></x:c></x:row>` +
      `</x:sheetData><x:tableParts count="1"><x:tablePart r:id="t1" xmlns:r="${REL}"/></x:tableParts></x:worksheet>`,
    "xl/worksheets/_rels/b.xml.rels": `<Relationships><Relationship Id="t1" Type="${REL}/table" Target="../tables/t.xml"/></Relationships>`,
    "xl/tables/t.xml": `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Diagnostics" displayName="Diagnostics" ref="A2:E4"><tableColumns count="5"/></table>`,
  });
}

describe("the fast .xlsx reader", () => {
  it("reads prefixed XML, cells without references, inline, rich, formula and error strings, booleans and dates", () => {
    const book = readXlsx(oddXlsx());
    expect(book.sheets.map((s) => s.name)).toEqual(["Read me", "Visits & more"]);
    expect(book.sheets[1].tables).toEqual([{ name: "Diagnostics", ref: "A2:E4", headerRow: true, totalsRow: false }]);
    expect(book.names).toEqual([{ name: "TD_Owned_summary", sheet: "Read me" }]);
    expect(book.sheets[0].grid()).toEqual([["Notes only"]]);
    const grid = book.sheets[1].grid();
    expect(grid[1]).toEqual(["Service", "Team", "Visit date", undefined, "Flag"]);
    expect(grid[2]).toEqual(["Safeguarding & <more>\r", "T1", 42954, undefined, true]);
    expect(grid[3]).toEqual(["Assessment", "#N/A", 42954, undefined, -150]);
    const snapshot = diagnosticsView(snapshotFrom(book, diagnosticsRequest(ALL, defaultConfig({ services: [] }))));
    expect(snapshot.sheets).toEqual([
      { name: "Read me", owner: "summary" },
      { name: "Visits & more", owner: null },
    ]);
    expect(snapshot.diagnostics).toMatchObject({ sheet: "Visits & more", table: "Diagnostics", headerRow: 2, firstColumn: 0 });
  });

  it("moves 1904-system dates onto the 1900 system, and only date-formatted numbers", () => {
    const grid = readXlsx(oddXlsx({ date1904: true })).sheets[1].grid();
    expect(grid[2][2]).toBe(42954 + 1462);
    expect(grid[3][4]).toBe(-150);
  });

  it("reads what ExcelJS reads, cell for cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Diagnostics");
    ws.addRow(["Service", "Team", "Visit date", "Link", "Rich", "Formula", "Bool", " spaced "]);
    ws.addRow([
      "Assessment",
      "Team \"A\" <1> & co",
      new Date(Date.UTC(2017, 7, 7)),
      { text: "a link", hyperlink: "https://example.org" },
      { richText: [{ text: "bold", font: { bold: true } }, { text: " plain" }] },
      { formula: "1+1", result: 2 },
      false,
      "  keep my spaces  ",
    ]);
    ws.getCell("C2").numFmt = "dd/mm/yyyy";
    ws.addRow([]);
    ws.getCell("J5").value = "far cell";
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const fast = readXlsx(bytes);
    const viaExcelJs = sourceBook((await loadWorkbookForEditing(bytes)).workbook);
    const dense = (book: SourceBook) => book.sheets.map((s) => s.grid().map((r) => Array.from(r, (v) => v ?? null)));
    expect(dense(fast)).toEqual(dense(viaExcelJs));
    expect(fast.sheets[0].grid()[1]).toEqual(["Assessment", 'Team "A" <1> & co', 42954, "a link", "bold plain", 2, false, "  keep my spaces  "]);
  });
});

describe("CSV", () => {
  it("parses RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes, CRLF, BOM", () => {
    const text = '\ufeffService,Team,Notes\r\nAssessment,"Team 1, North","He said ""yes""\r\nthen left"\r\n\r\n,,\nLast,row,x';
    expect(parseCsv(text)).toEqual([
      ["Service", "Team", "Notes"],
      ["Assessment", "Team 1, North", 'He said "yes"\r\nthen left'],
      [null],
      [null, null, null],
      ["Last", "row", "x"],
    ]);
    expect(parseCsv("a,b\n")).toEqual([["a", "b"]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("reads UTF-8, and Windows-1252 as Excel saves CSV", () => {
    expect(decodeCsvBytes(Buffer.from("Café", "utf8"))).toBe("Café");
    expect(decodeCsvBytes(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x51, 0x94]))).toBe("Café \u201cQ\u201d");
  });
});

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
    expect(sheet).toMatch(/<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="Grade not on the scale"[^>]*sqref="I2:I1048576"><formula1>TD_Grades<\/formula1>/);
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
