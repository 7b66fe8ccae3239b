/**
 * A large .xlsx in the form openpyxl (and pandas' to_excel through it) writes: one sheet, every string inline
 * (t="inlineStr"), numbers with t="n", dates as serials with a date style, no Excel table, no Lists sheet, the
 * sheet part deflated. Written as a stream (the sheet XML is never held whole), with its expected summary counted
 * here from the generated values alone, by rules written out below, not by the project's code.
 */
import { closeSync, openSync, writeSync } from "fs";
import { crc32, createDeflateRaw } from "zlib";
import { random } from "./random";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const OPENPYXL_HEADERS = [
  "Visit ID", "Visit date", "Round", "Service", "Team", "Area", "Team manager", "Diagnostic team",
  "Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion",
  "Strengths", "Areas for improvement", "Recommendations", "Status",
];
const SERVICES = ["Front door and MASH", "Assessment", "Safeguarding", "Children in care", "Care leaving"];
const GRADES = ["O", "G", "RI", "I", "RI / I", "G / RI"];

export interface Expected {
  rows: number;
  visits: number;
  drafts: number;
  excluded: number;
  /** Per service: the visits counted and the count of each overall grade. */
  services: Record<string, { visits: number; overall: Record<string, number> }>;
  xmlBytes: number;
}


const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function column(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const COLUMNS = OPENPYXL_HEADERS.map((_h, i) => column(i));

/** One row's cells as openpyxl writes them. */
function rowXml(r: number, values: (string | number | null)[], dateColumn: number): string {
  let xml = `<row r="${r}">`;
  values.forEach((v, c) => {
    if (v === null) return;
    const ref = `${COLUMNS[c]}${r}`;
    if (typeof v === "number") xml += `<c r="${ref}"${c === dateColumn ? ' s="1"' : ""} t="n"><v>${v}</v></c>`;
    else xml += `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
  });
  return `${xml}</row>`;
}

/** A zip written entry by entry to a file; a streamed entry's header is patched with its CRC and sizes at the end. */
class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;

  constructor(file: string) {
    this.fd = openSync(file, "w");
  }

  private write(bytes: Buffer): void {
    writeSync(this.fd, bytes, 0, bytes.length, this.offset);
    this.offset += bytes.length;
  }

  private header(name: Buffer, method: number): number {
    const at = this.offset;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(name.length, 26);
    this.write(local);
    this.write(name);
    return at;
  }

  private finishEntry(name: Buffer, at: number, method: number, crc: number, compressed: number, size: number): void {
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(crc >>> 0, 0);
    sizes.writeUInt32LE(compressed, 4);
    sizes.writeUInt32LE(size, 8);
    writeSync(this.fd, sizes, 0, 12, at + 14);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(compressed, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(at, 42);
    this.central.push(central, name);
    this.count++;
  }

  /** A deflated entry whose text comes in pieces from `pieces`. */
  async deflated(path: string, pieces: Iterable<string>): Promise<number> {
    const name = Buffer.from(path, "utf8");
    const at = this.header(name, 8);
    const deflate = createDeflateRaw({ level: 6 });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    deflate.on("data", (chunk: Buffer) => {
      this.write(chunk);
      compressed += chunk.length;
    });
    const ended = new Promise<void>((resolve, reject) => {
      deflate.on("end", resolve);
      deflate.on("error", reject);
    });
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, "utf8");
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once("drain", resolve));
    }
    deflate.end();
    await ended;
    this.finishEntry(name, at, 8, crc, compressed, size);
    return size;
  }

  async text(path: string, text: string): Promise<void> {
    await this.deflated(path, [text]);
  }

  close(): void {
    const directory = Buffer.concat(this.central);
    const start = this.offset;
    this.write(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    closeSync(this.fd);
  }
}

/**
 * Writes `rows` visits. By construction: 2% are drafts (Status "Draft"), 0.5% of the rest have no Team (left out),
 * every other row is counted, with grades written as the scale writes them. Narrative differs on every row, as real
 * findings do (so nothing in them repeats).
 */
export async function writeOpenpyxlWorkbook(file: string, rows: number, seed = 7): Promise<Expected> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const expected: Expected = { rows, visits: 0, drafts: 0, excluded: 0, services: {}, xmlBytes: 0 };
  const dateColumn = OPENPYXL_HEADERS.indexOf("Visit date");
  const start = 42826; // 01/04/2017

  function* sheet(): Generator<string> {
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr><dimension ref="A1:${COLUMNS[COLUMNS.length - 1]}${rows + 1}"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData>`;
    yield rowXml(1, OPENPYXL_HEADERS, -1).replace(/<c /g, '<c s="2" ');
    let batch = "";
    for (let i = 0; i < rows; i++) {
      const service = pick(SERVICES);
      const draft = next() < 0.02;
      const noTeam = !draft && next() < 0.005;
      const grades = [pick(GRADES), pick(GRADES), pick(GRADES), pick(GRADES), pick(GRADES)];
      const values: (string | number | null)[] = [
        `TD-${String(i + 1).padStart(7, "0")}`,
        start + Math.floor(next() * 2500),
        `Round ${1 + Math.floor(next() * 4)}`,
        service,
        noTeam ? null : `${service} Team ${1 + Math.floor(next() * 9)}`,
        pick(["North", "South", "East", "West"]),
        `Manager ${i % 997}`,
        `Reviewer ${i % 89}, Reviewer ${i % 83}`,
        ...grades,
        `Visit ${i + 1}: a stable staff group; children are seen regularly and their views are recorded in plans.`,
        `Visit ${i + 1}: supervision is not always recorded, and plans are not always specific or measurable.`,
        `Visit ${i + 1}: monthly supervision for every worker, recorded on the file; SMART outcomes in every plan.`,
        draft ? "Draft" : "Final",
      ];
      if (draft) expected.drafts++;
      else if (noTeam) expected.excluded++;
      else {
        expected.visits++;
        const s = (expected.services[service] ??= { visits: 0, overall: {} });
        s.visits++;
        s.overall[grades[4]] = (s.overall[grades[4]] ?? 0) + 1;
      }
      batch += rowXml(i + 2, values, dateColumn);
      if (batch.length > 1 << 20) {
        yield batch;
        batch = "";
      }
    }
    yield batch;
    yield `</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>`;
  }

  const zip = new ZipWriter(file);
  await zip.text("[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  await zip.text("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  await zip.text("xl/workbook.xml", `<workbook ${NS} xmlns:r="${REL}"><workbookPr/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  await zip.text("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`);
  await zip.text("xl/styles.xml", `<styleSheet ${NS}><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="0"/></cellXfs></styleSheet>`);
  expected.xmlBytes = await zip.deflated("xl/worksheets/sheet1.xml", sheet());
  zip.close();
  return expected;
}
