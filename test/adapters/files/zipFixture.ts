import { crc32, deflateRawSync } from "zlib";

/** An entry's bytes as stored in the zip: `data` is what it inflates to (for the CRC and sizes), `raw` what is written. */
export interface RawEntry {
  raw: Buffer;
  method: 0 | 8;
  size: number;
  crc: number;
}

/** A deflated entry, or one whose compressed bytes are given as they are (damaged data, a zip bomb). */
export function deflated(text: string | Buffer): RawEntry {
  const data = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  return { raw: deflateRawSync(data), method: 8, size: data.length, crc: crc32(data) };
}

/** A zip of stored (uncompressed) entries, or of RawEntry ones: enough to hand-craft unusual .xlsx files. */
export function zip(files: Record<string, string | RawEntry>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const entry: RawEntry =
      typeof content === "string"
        ? { raw: Buffer.from(content, "utf8"), method: 0, size: Buffer.byteLength(content), crc: crc32(Buffer.from(content, "utf8")) }
        : content;
    const data = entry.raw;
    const nameBytes = Buffer.from(name, "utf8");
    const crc = entry.crc;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.size, 24);
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
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A cell's XML: strings inline, numbers as numbers, { iso } as a t="d" ISO date as openpyxl writes with iso_dates. */
export type FixtureCell = string | number | { iso: string } | null;

export function cellXml(ref: string, value: FixtureCell): string {
  if (value === null) return "";
  if (typeof value === "number") return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === "string") return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
  return `<c r="${ref}" t="d"><v>${value.iso}</v></c>`;
}

export function columnName(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The rows of a sheet as <sheetData> XML; rows are 1-based in order, `extra` is raw XML put after them. */
export function sheetXml(rows: FixtureCell[][], extra = "", dimension?: string): string {
  const body = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => cellXml(`${columnName(c)}${r + 1}`, v)).join("")}</row>`)
    .join("");
  return `<worksheet ${NS}>${dimension ? `<dimension ref="${dimension}"/>` : ""}<sheetData>${body}${extra}</sheetData></worksheet>`;
}

/** A one-sheet .xlsx ("Diagnostics", no table, no Lists sheet) whose sheet part is given as it is. */
export function oneSheetXlsx(sheet: string | RawEntry): Buffer {
  return zip({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": `<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Diagnostics" sheetId="1" r:id="rA"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rA" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheet,
  });
}
