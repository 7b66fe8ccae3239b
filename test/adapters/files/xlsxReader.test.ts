import ExcelJS from "exceljs";
import { sourceBook } from "../../../src/adapters/exceljs/excelJsWorkbook";
import { loadWorkbookForEditing } from "../../../src/adapters/exceljs/files";
import { SourceBook, snapshotFrom } from "../../../src/adapters/exceljs/snapshot";
import { readXlsx } from "../../../src/adapters/files/xlsxReader";
import { defaultConfig } from "../../../src/domain";
import { diagnosticsRequest, diagnosticsView } from "../../../src/workbook/diagnosticsRead";
import { zip } from "./zipFixture";

const ALL = { rows: true, lists: true, selection: false };

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
