import { promises as fs } from "fs";
import * as path from "path";
import { openWorkbookFile } from "../../../src/adapters/exceljs/files";
import { snapshotFrom } from "../../../src/adapters/exceljs/snapshot";
import { scanSheet } from "../../../src/adapters/files/sheetGrid";
import { readLimits, readXlsx } from "../../../src/adapters/files/xlsxReader";
import { defaultConfig } from "../../../src/domain";
import { diagnosticsRequest, diagnosticsView } from "../../../src/workbook/diagnosticsRead";
import { NOT_READ } from "../../../src/workbook/port";
import { HEADERS, Row, cli, tempDir, visit, writeXlsx } from "../../cli/fixtures";
import { FixtureCell, cellXml, columnName, deflated, oneSheetXlsx, sheetXml } from "./zipFixture";

/**
 * The streamed .xlsx read (zipFile.ts, sheetScan.ts, xlsxFile.ts) against the whole-part read: pieces of a few bytes
 * cut every element somewhere, and the cells must come out the same.
 */

jest.setTimeout(30000); // generated workbooks on a shared, loaded machine

const CONFIG = defaultConfig({ services: [] });
const WITH_NARRATIVE = diagnosticsRequest({ rows: true, narrative: true, lists: true, selection: false, actions: true }, CONFIG);
const WITHOUT_NARRATIVE = diagnosticsRequest({ rows: true, narrative: false, lists: true, selection: false, actions: true }, CONFIG);

async function write(name: string, data: Buffer): Promise<string> {
  const file = path.join(await tempDir(), name);
  await fs.writeFile(file, data);
  return file;
}

/** A sheet with every kind of cell the scanner reads, under an "x:" prefix, some without "r", entities, formulae. */
function oddSheet(rows: number): string {
  const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  let body = "";
  for (let r = 1; r <= rows; r++) {
    const cells = [
      `<x:c r="A${r}" t="inlineStr"><x:is><x:t xml:space="preserve">Row ${r} &amp; &lt;more&gt;</x:t></x:is></x:c>`,
      `<x:c t="s"><x:v>${r % 3}</x:v></x:c>`,
      `<x:c r="C${r}" s="1"><x:v>${42954 + r}</x:v></x:c>`,
      `<x:c r="D${r}" t="str"><x:f>"T"&amp;"${r}"</x:f><x:v>T${r}</x:v></x:c>`,
      `<x:c r="E${r}" t="b"><x:v>${r % 2}</x:v></x:c>`,
      `<x:c r="F${r}"/>`,
      `<x:c r="G${r}" t="d"><x:v>2017-08-07T00:00:00</x:v></x:c>`,
      `<x:c r="H${r}" t="e"><x:v>#N/A</x:v></x:c>`,
      `<x:c r="I${r}"><x:v/></x:c>`,
      `<x:c r="J${r}"><x:v>-1.5e${r % 4}</x:v></x:c>`,
      `<x:c r="K${r}" t="inlineStr"><x:is><x:r><x:t>rich</x:t></x:r><x:r><x:t xml:space="preserve"> text</x:t></x:r></x:is></x:c>`,
    ];
    body += r % 7 === 0 ? `<x:row>${cells.join("")}</x:row>` : `<x:row r="${r + (r > 50 ? 3 : 0)}" spans="1:11">${cells.join("")}</x:row>`;
  }
  return `<?xml version="1.0"?><x:worksheet ${ns}><x:dimension ref="A1:K${rows}"/><x:sheetData>${body}</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`;
}

describe("the sheet scanner fed in pieces", () => {
  const options = { strings: ["zero", "one", "two"], date1904: false, isDate: [false, true] };
  const bytes = Buffer.from(oddSheet(120), "utf8");
  const whole = scanSheet(bytes, options);

  it("reads the same cells as from the whole part, whatever the piece size", () => {
    expect(whole.filter((r) => r.length > 0)).toHaveLength(120);
    expect(whole[0]).toEqual(["Row 1 & <more>", "one", 42955, "T1", true, undefined, 42954, "#N/A", undefined, -15, "rich text"]);
    for (const size of [1, 2, 3, 7, 13, 64, 1000]) expect(scanSheet(bytes, options, size)).toEqual(whole);
  });

  it("refuses a cell past Excel's last row, which no sheet Excel wrote has", () => {
    const xml = sheetXml([["Service"]], `<row r="1048577"><c r="A1048577"><v>1</v></c></row>`);
    expect(() => scanSheet(Buffer.from(xml), options, 7)).toThrow(/beyond Excel's limit of 1,048,576 rows/);
  });
});

describe("an .xlsx streamed from disk in 7-byte pieces", () => {
  let saved: typeof readLimits;
  beforeEach(() => {
    saved = { ...readLimits };
    readLimits.pieceBytes = 7;
    readLimits.wholePartBytes = 0; // every sheet streamed, however small
  });
  afterEach(() => {
    Object.assign(readLimits, saved);
  });

  const rowsOf = (count: number): Row[] => {
    const rows: Row[] = [];
    for (let i = 0; i < count; i++) {
      rows.push(visit(i % 3 ? "Safeguarding" : "Assessment", ["RI", "G", i % 5 ? "RI" : "I", "G", i % 2 ? "RI / I" : "G"], { Strengths: `Narrative ${i} & more` }));
    }
    return rows;
  };

  it.each([
    ["an Excel table (ExcelJS, shared strings, deflated)", "table"],
    ["a plain range under title rows (ExcelJS, deflated)", "range"],
  ])("%s: the same snapshot as the whole-part reader", async (_label, kind) => {
    const file = path.join(await tempDir(), `${kind}.xlsx`);
    const lists = { name: "Lists", headers: ["Services"], rows: [{ Services: "Safeguarding" }, { Services: "Assessment" }] };
    const sheet = kind === "table" ? { rows: rowsOf(300), table: "Diagnostics" } : { rows: rowsOf(300), titles: [["Council diagnostics"], []] };
    await writeXlsx(file, [sheet, lists]);
    const expected = snapshotFrom(readXlsx(await fs.readFile(file)), WITH_NARRATIVE);
    const opened = await openWorkbookFile(file);
    const streamed = await opened.read(WITH_NARRATIVE);
    expect(streamed).toEqual(expected);
    expect(streamed.found.Diagnostics.rows.length).toBe(300);
  });

  it("stored (not deflated) parts with inline strings: the same, and the narrative kept only as NOT_READ when not asked for", async () => {
    const header: FixtureCell[] = [...HEADERS];
    const data: FixtureCell[][] = rowsOf(200).map((r) => HEADERS.map((h) => (h === "Visit date" ? 42954 : ((r[h] as string | undefined) ?? null))));
    const xml = sheetXml([header, ...data]);
    const stored = oneSheetXlsx(xml);
    const file = await write("stored.xlsx", stored);
    const expected = snapshotFrom(readXlsx(stored), WITH_NARRATIVE);
    const opened = await openWorkbookFile(file);
    expect(await opened.read(WITH_NARRATIVE)).toEqual(expected);

    const lean = diagnosticsView(await opened.read(WITHOUT_NARRATIVE)).diagnostics!;
    const strengths = HEADERS.indexOf("Strengths");
    expect(lean.rows).toHaveLength(200);
    expect(new Set(lean.rows.map((r) => r[strengths]))).toEqual(new Set([NOT_READ]));
    const others = (rows: unknown[][]) => rows.map((r) => r.filter((_v, c) => c !== strengths && !["Areas for improvement", "Recommendations", "Team manager", "Diagnostic team"].includes(HEADERS[c])));
    expect(others(lean.rows)).toEqual(others(expected.found.Diagnostics.rows));
  });

  it("a narrative cell of spaces only (ASCII or not) reads as empty, and any text as NOT_READ, without decoding it", async () => {
    const strengths = HEADERS.indexOf("Strengths");
    const texts = ["   ", "\u00a0\u2003", "&", "Réussite", " x "];
    const data: FixtureCell[][] = texts.map((t, i) =>
      HEADERS.map((h, c) => (c === strengths ? t : h === "Visit date" ? 42954 : ((rowsOf(5)[i][h] as string | undefined) ?? null))),
    );
    const file = await write("spaces.xlsx", oneSheetXlsx(deflated(sheetXml([[...HEADERS], ...data]))));
    const lean = diagnosticsView(await (await openWorkbookFile(file)).read(WITHOUT_NARRATIVE)).diagnostics!;
    expect(lean.rows.map((r) => r[strengths])).toEqual([null, null, NOT_READ, NOT_READ, NOT_READ]);
  });

  it("cells right of the table and stray rows far below hold nothing in the read, and the counts are unchanged", async () => {
    const header: FixtureCell[] = [...HEADERS];
    const rows = rowsOf(40).map((r) => HEADERS.map((h) => (h === "Visit date" ? 42954 : ((r[h] as string | undefined) ?? null))));
    const far = `<row r="5000">${cellXml("A5000", "stray")}${cellXml(`${columnName(16383)}5000`, "corner")}</row>`;
    const xml = sheetXml([header, ...rows.map((r) => [...r, null, null, "beyond the header"])], far);
    const file = await write("stray.xlsx", oneSheetXlsx(deflated(xml)));
    const found = diagnosticsView(await (await openWorkbookFile(file)).read(WITHOUT_NARRATIVE)).diagnostics!;
    expect(found.rows.reduce((widest, r) => Math.max(widest, r.length), 0)).toBeLessThanOrEqual(HEADERS.length);
    expect(found.rows.flat().filter((v) => v === "beyond the header" || v === "corner")).toEqual([]);
    const result = await cli("summary", file, "--json");
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { base: { visits: number } }).base.visits).toBe(40);
  }, 30000);
});

describe("a sheet part inflated whole (up to readLimits.wholePartBytes) or streamed: the same read", () => {
  const rows: Row[] = [];
  for (let i = 0; i < 300; i++) rows.push(visit(i % 3 ? "Safeguarding" : "Assessment", ["RI", "G", i % 5 ? "RI" : "I", "G", "G"], { Strengths: `Narrative ${i}` }));

  it.each([
    ["an Excel table", "table"],
    ["a plain range under title rows", "range"],
  ])("%s read whole gives the whole-part reader's snapshot", async (_label, kind) => {
    const file = path.join(await tempDir(), `${kind}-whole.xlsx`);
    await writeXlsx(file, [kind === "table" ? { rows, table: "Diagnostics" } : { rows, titles: [["Council diagnostics"], []] }]);
    const expected = snapshotFrom(readXlsx(await fs.readFile(file)), WITH_NARRATIVE);
    expect(readLimits.wholePartBytes).toBeGreaterThan((await fs.stat(file)).size);
    expect(await (await openWorkbookFile(file)).read(WITH_NARRATIVE)).toEqual(expected);
    expect(diagnosticsView(await (await openWorkbookFile(file)).read(WITHOUT_NARRATIVE)).diagnostics!.rows).toHaveLength(300);
  });

  it("a part that says it is small but inflates past the limit is streamed instead, and reads the same", async () => {
    const data: FixtureCell[][] = rows.map((r) => HEADERS.map((h) => (h === "Visit date" ? 42954 : ((r[h] as string | undefined) ?? null))));
    const entry = deflated(sheetXml([[...HEADERS], ...data]));
    const honest = oneSheetXlsx(entry);
    const lying = await write("lying.xlsx", oneSheetXlsx({ ...entry, size: 100 }));
    const expected = snapshotFrom(readXlsx(honest), WITH_NARRATIVE);
    const saved = readLimits.wholePartBytes;
    readLimits.wholePartBytes = 1024; // the part unpacks to far more than 1 KB
    try {
      expect(entry.size).toBeGreaterThan(10 * 1024);
      expect(await (await openWorkbookFile(lying)).read(WITH_NARRATIVE)).toEqual(expected);
    } finally {
      readLimits.wholePartBytes = saved;
    }
  });
});

describe("stream errors: one sentence, exit 2", () => {
  it("a row past Excel's last row", async () => {
    const xml = sheetXml([["Visit ID", "Service", "Team"]], `<row r="2000000"><c r="A2000000"><v>1</v></c></row>`);
    const file = await write("too-far.xlsx", oneSheetXlsx(deflated(xml)));
    const result = await cli("summary", file, "--json");
    expect(result.stderr).toMatch(/too-far\.xlsx" could not be read: sheet "Diagnostics" has a cell beyond Excel's limit/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.code).toBe(2);
  });
});
