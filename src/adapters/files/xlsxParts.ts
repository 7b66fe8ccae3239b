/**
 * The .xlsx reader over inflated parts and plain bytes (no Node Buffer, no zlib), so the task pane reads a chosen
 * workbook the same way the command line does: sheet names, defined names, tables and cell values, dates as
 * Excel serial numbers. It follows the command line's fast reader (xlsxReader.ts) rule for rule — any namespace
 * prefix, cells with or without "r", shared, inline and formula strings, booleans, errors, numbers, ISO dates and
 * the 1904 date system — and test/adapters/files/xlsxParts.test.ts checks that both give the same book.
 * The parts come from zipBytes.ts (inflated through inflate.ts).
 */
import { CellValue } from "../../workbook/plan";
import { SourceBook, SourceSheet, SourceTable, sheetOfReference } from "../exceljs/snapshot";

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeXml(text: string): string {
  let out = text.indexOf("&") < 0 ? text : text.replace(ENTITY, (_m, name: string, dec: string, hex: string) => (name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16))));
  // OOXML escapes control characters as _xHHHH_.
  if (out.indexOf("_x") >= 0) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const value = decodeXml(m[2] ?? m[3] ?? "");
    map.set(m[1], value);
    const local = m[1].includes(":") ? m[1].slice(m[1].indexOf(":") + 1) : null;
    if (local && !map.has(local)) map.set(local, value);
  }
  return map;
}

function tags(xml: string, local: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*)>`, "g");
  const out: Map<string, string>[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(attributes(m[1]));
  return out;
}

function textRuns(fragment: string): string {
  const cleaned = fragment.indexOf("rPh") >= 0 ? fragment.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "") : fragment;
  let text = "";
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cleaned))) text += m[1];
  return decodeXml(text);
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ? textRuns(m[1]) : "");
  return out;
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const a of tags(xml, "numFmt")) custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!cellXfs) return [];
  return tags(cellXfs[0], "xf").map((a) => {
    const id = Number(a.get("numFmtId") ?? 0);
    const code = custom.get(id);
    if (code === undefined) return BUILT_IN_DATE_FORMATS.has(id);
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
    return /[dmyDMY]/.test(bare) && !/^[#0.,%\s]*$/.test(bare);
  });
}

/** An ISO 8601 cell (t="d") as an Excel serial, read with no time zone (ECMA-376 Part 1, 18.17.4.1). */
function isoCellSerial(text: string): number | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (m) {
    const [y, mo, d, h, mi, sec, frac] = [m[1], m[2], m[3], m[4], m[5], m[6], m[7]].map((x) => Number(x ?? 0));
    const day = Date.UTC(y, mo - 1, d) / 86400000 + 25569;
    if (!Number.isFinite(day) || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
    return day + (h * 3600 + mi * 60 + sec + (m[7] ? frac / 10 ** m[7].length : 0)) / 86400;
  }
  const time = /^\s*(\d{2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (time) return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400;
  return null;
}

const DATE1904_OFFSET = 1462;
const LT = 60;
const GT = 62;
const SLASH = 47;
const SPACE = 32;
const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const SHEET_DATA = ascii("sheetData");
const utf8 = new TextDecoder("utf-8");

function indexOfBytes(bytes: Uint8Array, needle: number[], from = 0): number {
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

const latin1 = (bytes: Uint8Array, start: number, end: number) => {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]);
  return s;
};

/** The sheet's values by 0-based row and column: a byte-level scan of <sheetData>, as xlsxReader.ts does it. */
function parseSheet(bytes: Uint8Array, strings: string[], date1904: boolean, isDate: boolean[]): CellValue[][] {
  const grid: CellValue[][] = [];
  const text = (start: number, end: number) => utf8.decode(bytes.subarray(start, end));
  const dataAt = indexOfBytes(bytes, SHEET_DATA);
  if (dataAt < 0) return grid;
  let p0 = dataAt - 1;
  while (p0 >= 0 && bytes[p0] !== LT) p0--;
  const prefix = Array.from(bytes.subarray(p0 + 1, dataAt));
  const plen = prefix.length;
  const n = bytes.length;
  const isTag = (at: number, name: number[]): boolean => {
    for (let k = 0; k < plen; k++) if (bytes[at + k] !== prefix[k]) return false;
    for (let k = 0; k < name.length; k++) if (bytes[at + plen + k] !== name[k]) return false;
    const next = bytes[at + plen + name.length];
    return next === SPACE || next === GT || next === SLASH || next === 9 || next === 10 || next === 13;
  };
  const C = [99];
  const V = [118];
  const IS = [105, 115];
  const ROW = [114, 111, 119];

  let i = dataAt;
  while (i < n && bytes[i] !== GT) i++;
  let row = -1;
  let column = -1;
  while (i < n) {
    while (i < n && bytes[i] !== LT) i++;
    if (i >= n) break;
    const lt = i;
    if (bytes[lt + 1] === SLASH) {
      if (isTag(lt + 2, SHEET_DATA)) break;
      i = lt + 2;
      continue;
    }
    const cell = isTag(lt + 1, C);
    if (!cell && !isTag(lt + 1, ROW)) {
      i = lt + 1;
      continue;
    }
    let ref = -1;
    let refEnd = -1;
    let type = 0;
    let typeLength = 0;
    let style = -1;
    let j = lt + 1;
    while (j < n && bytes[j] !== GT) {
      if (bytes[j] === SPACE && bytes[j + 2] === EQUALS && (bytes[j + 3] === QUOTE || bytes[j + 3] === APOS)) {
        const name = bytes[j + 1];
        const quote = bytes[j + 3];
        let e = j + 4;
        while (e < n && bytes[e] !== quote) e++;
        if (name === 114) {
          ref = j + 4;
          refEnd = e;
        } else if (name === 116) {
          type = bytes[j + 4];
          typeLength = e - (j + 4);
        } else if (name === 115) {
          style = 0;
          for (let k = j + 4; k < e; k++) style = style * 10 + (bytes[k] - 48);
        }
        j = e + 1;
        continue;
      }
      j++;
    }
    const selfClosing = bytes[j - 1] === SLASH;
    i = j + 1;
    if (!cell) {
      if (ref >= 0) {
        let r = 0;
        for (let k = ref; k < refEnd; k++) r = r * 10 + (bytes[k] - 48);
        row = r - 1;
      } else row++;
      column = -1;
      continue;
    }
    if (ref >= 0) {
      let c = 0;
      let k = ref;
      for (; k < refEnd; k++) {
        const code = bytes[k] | 32;
        if (code < 97 || code > 122) break;
        c = c * 26 + (code - 96);
      }
      column = c - 1;
      if (k < refEnd) {
        let r = 0;
        for (; k < refEnd; k++) r = r * 10 + (bytes[k] - 48);
        row = r - 1;
      }
    } else column++;
    if (selfClosing) continue;

    let vStart = -1;
    let vEnd = -1;
    let isStart = -1;
    let isEnd = -1;
    let k = i;
    for (;;) {
      while (k < n && bytes[k] !== LT) k++;
      if (k >= n) break;
      if (bytes[k + 1] === SLASH) {
        if (isTag(k + 2, C)) break;
        if (isStart >= 0 && isEnd < 0 && isTag(k + 2, IS)) isEnd = k;
        k += 2;
        continue;
      }
      if (vStart < 0 && isStart < 0 && isTag(k + 1, V)) {
        let e = k + 1;
        while (e < n && bytes[e] !== GT) e++;
        if (bytes[e - 1] === SLASH) {
          k = e + 1;
          continue;
        }
        vStart = e + 1;
        vEnd = vStart;
        while (vEnd < n && bytes[vEnd] !== LT) vEnd++;
        k = vEnd;
        continue;
      }
      if (isStart < 0 && isTag(k + 1, IS)) {
        let e = k + 1;
        while (e < n && bytes[e] !== GT) e++;
        isStart = e + 1;
        k = isStart;
        continue;
      }
      k++;
    }
    while (k < n && bytes[k] !== GT) k++;
    i = k + 1;

    let value: CellValue = null;
    if (type === 105 && typeLength === 9) {
      if (isStart >= 0) value = textRuns(text(isStart, isEnd < 0 ? isStart : isEnd));
    } else if (vStart >= 0) {
      if (type === 115 && typeLength === 1) {
        let index = 0;
        for (let q = vStart; q < vEnd; q++) {
          const d = bytes[q] - 48;
          if (d >= 0 && d <= 9) index = index * 10 + d;
        }
        value = strings[index] ?? "";
      } else if (type === 115 || type === 101) {
        value = decodeXml(text(vStart, vEnd));
      } else if (type === 98) {
        value = bytes[vStart] === 49 || (bytes[vStart] | 32) === 116;
      } else if (type === 100) {
        const iso = text(vStart, vEnd);
        value = isoCellSerial(iso) ?? decodeXml(iso);
      } else {
        const digits = latin1(bytes, vStart, vEnd);
        const number = Number(digits);
        value = Number.isFinite(number) && digits.trim() !== "" ? number : decodeXml(text(vStart, vEnd));
        if (date1904 && typeof value === "number" && style >= 0 && isDate[style]) value += DATE1904_OFFSET;
      }
    }
    if (value === null || value === "" || row < 0 || column < 0) continue;
    let cells = grid[row];
    if (!cells) {
      cells = [];
      grid[row] = cells;
    }
    cells[column] = value;
  }
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  return grid;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/");
  parts.pop();
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

function relationships(xml: string | null, base: string): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  if (!xml) return map;
  for (const a of tags(xml, "Relationship")) {
    if (a.get("TargetMode") === "External") continue;
    map.set(a.get("Id") ?? "", { type: a.get("Type") ?? "", target: resolveTarget(base, a.get("Target") ?? "") });
  }
  return map;
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export class XlsxPartsError extends Error {}

/** The book from a workbook's inflated XML parts (path → bytes). */
export function readXlsxParts(parts: ReadonlyMap<string, Uint8Array>): SourceBook {
  const bytesOf = (path: string) => parts.get(path) ?? null;
  const text = (path: string): string | null => {
    const b = bytesOf(path);
    return b ? utf8.decode(b) : null;
  };
  const rootRels = relationships(text("_rels/.rels"), "");
  const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookXml = text(officeDocument);
  if (workbookXml === null) throw new XlsxPartsError("no workbook part");
  const workbookRels = relationships(text(relsPath(officeDocument)), officeDocument);
  const pr = tags(workbookXml, "workbookPr")[0];
  const date1904 = pr ? ["1", "true"].includes((pr.get("date1904") ?? "").toLowerCase()) : false;
  const relOfType = (suffix: string) => [...workbookRels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const stringsPath = relOfType("/sharedStrings");
  const strings = stringsPath ? sharedStrings(text(stringsPath) ?? "") : [];
  const stylesPath = relOfType("/styles");
  const isDate = date1904 && stylesPath ? dateStyles(text(stylesPath) ?? "") : [];

  const sheets: SourceSheet[] = [];
  for (const a of tags(workbookXml, "sheet")) {
    const rel = workbookRels.get(a.get("r:id") ?? a.get("id") ?? "");
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const part = rel.target;
    const tables: SourceTable[] = [];
    for (const r of relationships(text(relsPath(part)), part).values()) {
      if (!r.type.endsWith("/table")) continue;
      const xml = text(r.target);
      const t = xml ? tags(xml, "table")[0] : undefined;
      if (!t) continue;
      tables.push({ name: t.get("displayName") || t.get("name") || "", ref: t.get("ref") ?? "", headerRow: t.get("headerRowCount") !== "0", totalsRow: Number(t.get("totalsRowCount") ?? 0) > 0 });
    }
    sheets.push({
      name: a.get("name") ?? "",
      tables,
      grid: () => {
        const b = bytesOf(part);
        return b ? parseSheet(b, strings, date1904, isDate) : [];
      },
    });
  }
  const names: SourceBook["names"] = [];
  const re = /<(?:[\w.-]+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(workbookXml))) names.push({ name: attributes(m[1]).get("name") ?? "", sheet: sheetOfReference(decodeXml(m[2])) });
  return { sheets, names };
}
