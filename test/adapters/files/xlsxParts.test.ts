/**
 * The pane's .xlsx reader (xlsxParts.ts over zipBytes.ts, inflated by DecompressionStream("deflate-raw"))
 * gives the same book as the command line's reader (xlsxReader.ts over Node's zlib), and a chosen file's bytes
 * open as a read-only port whose visits are those the command line counts. No Node built-in on that path.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { openWorkbookFile } from "../../../src/adapters/exceljs/files";
import { SourceBook } from "../../../src/adapters/exceljs/snapshot";
import { FileReadError, openFileBytes } from "../../../src/adapters/files/bytesWorkbook";
import { InflateError, streamInflate } from "../../../src/adapters/files/inflate";
import { readXlsxParts } from "../../../src/adapters/files/xlsxParts";
import { readLimits, readXlsx } from "../../../src/adapters/files/xlsxReader";
import { xmlParts } from "../../../src/adapters/files/zipBytes";
import { checkSource } from "../../../src/actions/summaryActions";
import { defaultConfig } from "../../../src/domain";
import { WorkbookPort } from "../../../src/workbook/port";
import { diagnosticsRequest } from "../../../src/workbook/diagnosticsRead";
import { csvText, knownRows, tempDir, writeXlsx } from "../../cli/fixtures";
import { VisitsXmlForm, visitsXlsx } from "./visitsXml";
import { deflated, zip } from "./zipFixture";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const dense = (book: SourceBook) => ({
  sheets: book.sheets.map((s) => ({ name: s.name, tables: s.tables, grid: s.grid().map((r) => Array.from(r, (v) => v ?? null)) })),
  names: book.names,
});
const paneBook = async (bytes: Uint8Array) => readXlsxParts(await xmlParts(bytes, streamInflate));

/** Prefixed XML, cells without r, inline, rich, formula and error strings, booleans, ISO dates, 1904 dates, deflated. */
function oddXlsx(): Buffer {
  const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zip({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": `<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": deflated(`<x:workbook ${ns} xmlns:r="${REL}"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="Visits &amp; more" sheetId="2" r:id="rB"/></x:sheets><x:definedNames><x:definedName name="TD_Owned_summary">'Visits &amp; more'!$A$1</x:definedName></x:definedNames></x:workbook>`),
    "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rB" Type="${REL}/worksheet" Target="/xl/worksheets/b.xml"/><Relationship Id="rS" Type="${REL}/sharedStrings" Target="strings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/strings.xml": deflated(`<x:sst ${ns}><x:si><x:t>Service</x:t></x:si><x:si><x:r><x:t>Te</x:t></x:r><x:r><x:t xml:space="preserve">am</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh></x:si><x:si><x:t>Safeguarding &amp; é _x000D_</x:t></x:si></x:sst>`),
    "xl/styles.xml": `<x:styleSheet ${ns}><x:numFmts><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="164"/></x:cellXfs></x:styleSheet>`,
    "xl/worksheets/b.xml": deflated(
      `<x:worksheet ${ns}><x:sheetData>` +
        `<x:row r="2"><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Visit date</x:t></x:is></x:c><x:c r="E2" t="str"><x:v>Flag</x:v></x:c></x:row>` +
        `<x:row r="3"><x:c r="A3" t="s"><x:v>2</x:v></x:c><x:c r="B3" t="str"><x:f>"T"&amp;"1"</x:f><x:v>T1 ü</x:v></x:c><x:c r="C3" s="1"><x:v>42954</x:v></x:c><x:c r="D3"/><x:c r="E3" t="b"><x:v>1</x:v></x:c></x:row>` +
        `<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>Assessment</x:t></x:is></x:c><x:c r="B4" t="e"><x:v>#N/A</x:v></x:c><x:c r="C4" t="d"><x:v>2017-08-07T00:00:00Z</x:v></x:c><x:c r="E4"><x:v>-1.5e2</x:v></x:c></x:row>` +
        `</x:sheetData><x:tableParts count="1"><x:tablePart r:id="t1" xmlns:r="${REL}"/></x:tableParts></x:worksheet>`,
    ),
    "xl/worksheets/_rels/b.xml.rels": `<Relationships><Relationship Id="t1" Type="${REL}/table" Target="../tables/t.xml"/></Relationships>`,
    "xl/tables/t.xml": `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Diagnostics" displayName="Diagnostics" ref="A2:E4"><tableColumns count="5"/></table>`,
  });
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the pane's .xlsx reader", () => {
  it("gives the command line reader's book for hand-made XML (prefixes, inline and rich strings, 1904 dates)", async () => {
    const bytes = oddXlsx();
    expect(dense(await paneBook(bytes))).toEqual(dense(readXlsx(bytes)));
    expect((await paneBook(bytes)).sheets[0].grid()[2]).toEqual(["Safeguarding & é \r", "T1 ü", 42954 + 1462, undefined, true]);
  });

  it("gives the command line reader's book for the bundled example and for a workbook ExcelJS wrote", async () => {
    const example = await fs.readFile(path.join(__dirname, "../../../examples/diagnostics-example.xlsx"));
    expect(dense(await paneBook(example))).toEqual(dense(readXlsx(example)));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Diagnostics");
    ws.addRow(["Service", "Team", "Visit date", "Rich", "Formula", "Bool"]);
    ws.addRow(["Assessment", 'Team "A" <1> & co', new Date(Date.UTC(2017, 7, 7)), { richText: [{ text: "bold", font: { bold: true } }, { text: " plain" }] }, { formula: "1+1", result: 2 }, false]);
    ws.getCell("C2").numFmt = "dd/mm/yyyy";
    const written = Buffer.from(await wb.xlsx.writeBuffer());
    expect(dense(await paneBook(written))).toEqual(dense(readXlsx(written)));
  });

  it("refuses damaged data and a part over the cap with one sentence, and says when the browser cannot inflate", async () => {
    const damaged = zip({ "_rels/.rels": { raw: Buffer.from([0xff, 0xff, 0xff]), method: 8, size: 10, crc: 0 } });
    await expect(openFileBytes("bad.xlsx", damaged)).rejects.toThrow(new FileReadError('"bad.xlsx" could not be read as an Excel workbook (.xlsx): its part _rels/.rels is damaged.'));
    const bomb = oddXlsx();
    await expect(xmlParts(bomb, streamInflate, 100)).rejects.toThrow(/is too large to read \(over 0 MB when unpacked\)/);
    const none = async () => {
      throw new InflateError("unsupported", "this version of Excel cannot unpack .xlsx files in the task pane");
    };
    await expect(openFileBytes("old.xlsx", oddXlsx(), none)).rejects.toThrow('"old.xlsx" cannot be read here: this version of Excel cannot unpack .xlsx files in the task pane. Save it as CSV and choose that instead.');
    await expect(openFileBytes("notes.txt", new Uint8Array([1, 2, 3]))).rejects.toThrow('"notes.txt" is not an .xlsx or .csv file.');
  });
});

describe("a chosen file's bytes as a port", () => {
  it("gives the visits, drafts and problems the command line counts, for .xlsx and .csv", async () => {
    const xlsx = path.join(dir, "east.xlsx");
    await writeXlsx(xlsx, [{ rows: knownRows() }]);
    const csv = path.join(dir, "west.csv");
    await fs.writeFile(csv, csvText(knownRows()));
    for (const file of [xlsx, csv]) {
      const cli = await checkSource(await openWorkbookFile(file));
      const pane = await checkSource(await openFileBytes(path.basename(file), new Uint8Array(await fs.readFile(file))));
      expect(pane.validation).toEqual(cli.validation);
      expect(pane.validation.visits).toHaveLength(14);
    }
  });

  it("imports no Node built-in and uses no Buffer on the pane's path", async () => {
    const seen = new Set<string>();
    const walk = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = await fs.readFile(file, "utf8");
      expect([file, /\bBuffer\b|\bprocess\.|require\(/.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""))]).toEqual([file, false]);
      for (const m of text.matchAll(/^import [^;]*? from "([^"]+)";/gms)) {
        expect([file, m[1]]).toEqual([file, expect.stringMatching(/^\./)]);
        await walk(path.resolve(path.dirname(file), `${m[1]}.ts`));
      }
    };
    await walk(path.join(__dirname, "../../../src/adapters/files/bytesWorkbook.ts"));
    expect(seen.size).toBeGreaterThan(8);
  });
});

describe("the pane's path and the command line's path on the same file", () => {
  // Both read sheets through one scanner (sheetScan.ts): the pane's whole part at once, the command line's streamed
  // from disk (whole, or in pieces cut anywhere), keeping only the table's columns.
  const forms: VisitsXmlForm[] = [
    { strings: "shared", dates: "serial", date1904: false, prefix: "", refs: true },
    { strings: "inline", dates: "iso", date1904: false, prefix: "x", refs: false },
    { strings: "shared", dates: "serial", date1904: true, prefix: "x", refs: false },
    { strings: "inline", dates: "serial", date1904: true, prefix: "", refs: true },
    { strings: "shared", dates: "iso", date1904: true, prefix: "s.m-1", refs: true },
  ];
  const request = (narrative: boolean) => diagnosticsRequest({ rows: true, narrative, lists: true, selection: false, actions: true }, defaultConfig({ services: [] }));
  const same = async (cli: WorkbookPort, pane: WorkbookPort) => {
    // With the narrative, as "Import visits…" reads; without it (checkSource), the command line keeps only NOT_READ
    // for the narrative and the pane's whole grid its text (snapshot.ts), so there the visits are compared.
    expect((await pane.read(request(true))).found).toEqual((await cli.read(request(true))).found);
    const [a, b] = [await checkSource(cli), await checkSource(pane)];
    expect(b.validation).toEqual(a.validation);
    return b;
  };

  it.each(forms)("reads the same visits, cells and narrative: %j", async (form) => {
    const file = path.join(dir, `form-${forms.indexOf(form)}.xlsx`);
    const bytes = visitsXlsx(form);
    await fs.writeFile(file, bytes);
    const pane = await openFileBytes(path.basename(file), new Uint8Array(bytes));
    const checked = await same(await openWorkbookFile(file), pane);
    expect(checked.validation.visits).toHaveLength(14);
    expect(checked.validation.drafts).toHaveLength(1);
    expect(new Set(checked.validation.visits.map((v) => v.visitDate))).toEqual(new Set(["2017-08-07"]));
    const found = (await pane.read(request(true))).found.Diagnostics!;
    const manager = found.headers.indexOf("Team manager");
    const strengths = found.headers.indexOf("Strengths");
    expect([found.rows[0][manager], found.rows[0][strengths]]).toEqual(["Zoë Ó Brien & <co>", "Narrative with “quotes”, é and ü, long enough to be decoded whole."]);

    // The command line streaming the sheet in 7-byte pieces: every element cut somewhere.
    const saved = { ...readLimits };
    readLimits.pieceBytes = 7;
    readLimits.wholePartBytes = 0;
    try {
      await same(await openWorkbookFile(file), pane);
    } finally {
      Object.assign(readLimits, saved);
    }
  });

  it("refuses, with one sentence naming the sheet, a cell beyond Excel's last row", async () => {
    const row = '<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>stray</t></is></c></row>';
    const bytes = visitsXlsx({ strings: "inline", dates: "serial", date1904: false, prefix: "", refs: true }, undefined, row);
    await expect((await openFileBytes("far.xlsx", new Uint8Array(bytes))).read(request(false))).rejects.toThrow(
      new FileReadError(`"far.xlsx" could not be read as an Excel workbook (.xlsx): sheet "Diagnostics" has a cell beyond Excel's limit of 1,048,576 rows and 16,384 columns.`),
    );
  });
});
