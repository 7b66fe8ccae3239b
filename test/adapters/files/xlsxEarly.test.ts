import { promises as fs } from "fs";
import * as path from "path";
import { openWorkbookFile } from "../../../src/adapters/exceljs/files";
import { snapshotFrom } from "../../../src/adapters/exceljs/snapshot";
import { openXlsxFile } from "../../../src/adapters/files/xlsxFile";
import { readLimits, readXlsx } from "../../../src/adapters/files/xlsxReader";
import { ZipFile } from "../../../src/adapters/files/zipFile";
import { defaultConfig } from "../../../src/domain";
import { diagnosticsRequest, diagnosticsView } from "../../../src/workbook/diagnosticsRead";
import { HEADERS, Row, cli, tempDir, visit, writeXlsx } from "../../cli/fixtures";
import { FixtureCell, RawEntry, deflated, oneSheetXlsx, sheetXml, zip } from "./zipFixture";

/**
 * A large sheet part starts inflating on zlib's thread when the file is opened (readLimits.earlyPartBytes): the read
 * must be the one the other paths give, an inflate's error must surface as the same sentence when the sheet is
 * read (and never as an unhandled rejection), and what was read at opening serves one read only, so a second read
 * of a file that has changed in between reads the new file whole (its cells and its shared strings).
 */

jest.setTimeout(30000);

const CONFIG = defaultConfig({ services: [] });
const WITH_NARRATIVE = diagnosticsRequest({ rows: true, narrative: true, lists: true, selection: false, actions: true }, CONFIG);

let saved: typeof readLimits;
beforeEach(() => {
  saved = { ...readLimits };
  readLimits.earlyPartBytes = 0; // the largest sheet part inflated early, however small
});
afterEach(() => {
  Object.assign(readLimits, saved);
  jest.restoreAllMocks();
});

const rowsOf = (count: number, service = "Safeguarding"): Row[] =>
  Array.from({ length: count }, (_, i) => visit(i % 3 ? service : "Assessment", ["RI", "G", i % 5 ? "RI" : "I", "G", "G"], { Strengths: `Narrative ${i}` }));

async function write(name: string, data: Buffer): Promise<string> {
  const file = path.join(await tempDir(), name);
  await fs.writeFile(file, data);
  return file;
}

describe("a sheet part inflated early, when the file is opened", () => {
  it.each([
    ["an Excel table", "table"],
    ["a plain range under title rows", "range"],
  ])("%s: the same snapshot as the whole-part reader", async (_label, kind) => {
    const file = path.join(await tempDir(), `${kind}-early.xlsx`);
    const lists = { name: "Lists", headers: ["Services"], rows: [{ Services: "Safeguarding" }, { Services: "Assessment" }] };
    await writeXlsx(file, [kind === "table" ? { rows: rowsOf(300), table: "Diagnostics" } : { rows: rowsOf(300), titles: [["Council diagnostics"], []] }, lists]);
    const expected = snapshotFrom(readXlsx(await fs.readFile(file)), WITH_NARRATIVE);
    const early = await (await openWorkbookFile(file)).read(WITH_NARRATIVE);
    expect(diagnosticsView(early).diagnostics!.rows).toHaveLength(300);
    expect(early).toEqual(expected);
  });

  it("with the early inflate off, the same snapshot again (the path the test above replaces)", async () => {
    const file = path.join(await tempDir(), "late.xlsx");
    await writeXlsx(file, [{ rows: rowsOf(120), table: "Diagnostics" }]);
    readLimits.earlyPartBytes = 0;
    const early = await (await openWorkbookFile(file)).read(WITH_NARRATIVE);
    readLimits.earlyPartBytes = Number.POSITIVE_INFINITY;
    const late = await (await openWorkbookFile(file)).read(WITH_NARRATIVE);
    expect(diagnosticsView(late).diagnostics!.rows).toHaveLength(120);
    expect(early).toEqual(late);
  });

  it("a part that inflates past the whole-part limit is streamed instead, and reads the same", async () => {
    const rows = rowsOf(200);
    const data: FixtureCell[][] = rows.map((r) => HEADERS.map((h) => (h === "Visit date" ? 42954 : ((r[h] as string | undefined) ?? null))));
    const entry = deflated(sheetXml([[...HEADERS], ...data]));
    const expected = snapshotFrom(readXlsx(oneSheetXlsx(entry)), WITH_NARRATIVE);
    const lying = await write("lying-early.xlsx", oneSheetXlsx({ ...entry, size: 100 }));
    readLimits.wholePartBytes = 1024; // the part says 100 bytes and unpacks to far more than 1 KB
    expect(entry.size).toBeGreaterThan(10 * 1024);
    expect(await (await openWorkbookFile(lying)).read(WITH_NARRATIVE)).toEqual(expected);
  });

  it("bad deflate data gives the sentence the other paths give, when the sheet is read", async () => {
    const good = deflated(sheetXml([["Visit ID", "Service"], ["TD-1", "Safeguarding"]]));
    const broken = await write("broken-early.xlsx", oneSheetXlsx({ ...good, raw: Buffer.from(good.raw.map((b, i) => (i > 4 ? b ^ 0x5a : b))) }));
    const unhandled = jest.fn();
    process.on("unhandledRejection", unhandled);
    try {
      const book = openXlsxFile(broken);
      const early = await book.read(WITH_NARRATIVE).catch((error: Error) => error.message);
      readLimits.earlyPartBytes = Number.POSITIVE_INFINITY;
      const late = await openXlsxFile(broken)
        .read(WITH_NARRATIVE)
        .catch((error: Error) => error.message);
      expect(early).toBe('sheet "Diagnostics" is damaged (part xl/worksheets/sheet1.xml)');
      expect(early).toBe(late);
      // A book opened and never read: its inflate fails with nobody waiting, and that must not be an unhandled rejection.
      readLimits.earlyPartBytes = 0;
      openXlsxFile(broken);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });

  it("serves one read only: a second read of the same opened file reads the file again", async () => {
    const file = path.join(await tempDir(), "changes.xlsx");
    await writeXlsx(file, [{ rows: rowsOf(10), titles: [["Council diagnostics"], []] }]);
    const book = openXlsxFile(file);
    const first = diagnosticsView(snapshotFrom(await book.read(WITH_NARRATIVE), WITH_NARRATIVE)).diagnostics!.rows;
    await writeXlsx(file, [{ rows: rowsOf(25, "Fostering"), titles: [["Council diagnostics"], []] }]);
    const second = diagnosticsView(snapshotFrom(await book.read(WITH_NARRATIVE), WITH_NARRATIVE)).diagnostics!.rows;
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(25);
    expect(second.filter((r) => r.includes("Fostering"))).toHaveLength(16);
  });

  it("inflates early only the largest worksheet part, and only when it is large enough", async () => {
    const file = path.join(await tempDir(), "which.xlsx");
    const lists = { name: "Lists", headers: ["Services"], rows: [{ Services: "Safeguarding" }] };
    await writeXlsx(file, [{ rows: rowsOf(200), table: "Diagnostics" }, lists]);
    const later = jest.spyOn(ZipFile.prototype, "wholeLater");
    await (await openWorkbookFile(file)).read(WITH_NARRATIVE);
    expect(later.mock.calls.map(([entry]) => entry.name)).toEqual(["xl/worksheets/sheet1.xml"]);
    later.mockClear();
    readLimits.earlyPartBytes = Number.POSITIVE_INFINITY;
    await (await openWorkbookFile(file)).read(WITH_NARRATIVE);
    expect(later).not.toHaveBeenCalled();
  });
});

/** Diagnostics (small, good) and a larger "Data" sheet given as it is: the early inflate picks Data. */
function twoSheetXlsx(data: RawEntry, diagnostics: FixtureCell[][]): Buffer {
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zip({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": `<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Diagnostics" sheetId="1" r:id="rA"/><sheet name="Data" sheetId="2" r:id="rB"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rA" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rB" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": deflated(sheetXml(diagnostics)),
    "xl/worksheets/sheet2.xml": data,
  });
}

describe("a damaged part inflated early", () => {
  const header: FixtureCell[] = ["Visit ID", "Visit date", "Service", "Team", "Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"];
  const diagnostics: FixtureCell[][] = [header, ["TD-1", 42954, "Safeguarding", "Team 1", "RI", "G", "RI", "I", "RI"], ["TD-2", 42955, "Safeguarding", "Team 2", "G", "G", "G", "G", "G"]];
  const big = sheetXml(Array.from({ length: 3000 }, (_, r) => [`Other data ${r}`, r, `more ${r * 7}`]));

  it("a sheet that is not needed, damaged past its head, does not stop the read", async () => {
    const good = deflated(big);
    // Damage near the end of the deflate data: the head (its first rows) still inflates.
    const damaged = { ...good, raw: Buffer.from(good.raw.map((b, i) => (i > good.raw.length - 200 ? b ^ 0x5a : b))) };
    const file = await write("damaged-other.xlsx", twoSheetXlsx(damaged, diagnostics));
    const later = jest.spyOn(ZipFile.prototype, "wholeLater");
    const result = await cli("summary", file, "--json");
    expect(later.mock.calls.map(([entry]) => entry.name)).toEqual(["xl/worksheets/sheet2.xml"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { base: { visits: number } }).base.visits).toBe(2);
  });

  it("a bad local header: the fast reader's sentence naming the sheet, as without the early inflate", async () => {
    const bytes = twoSheetXlsx(deflated(big), diagnostics);
    // The local header of xl/worksheets/sheet2.xml (the last entry) loses its signature.
    const at = bytes.lastIndexOf(Buffer.from("PK\x03\x04", "latin1"));
    bytes[at] = 0;
    const file = await write("bad-local.xlsx", bytes);
    const early = await cli("summary", file, "--json");
    readLimits.earlyPartBytes = Number.POSITIVE_INFINITY;
    const late = await cli("summary", file, "--json");
    expect(early.stderr).toBe(`"${file}" could not be read: sheet "Data" is damaged (part xl/worksheets/sheet2.xml: its zip entry cannot be read).\n`);
    expect(early).toEqual(late);
  });
});
