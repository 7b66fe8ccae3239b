/**
 * The .xlsx reader over inflated parts and plain bytes (no Node Buffer, no zlib), so the task pane reads a chosen
 * workbook the same way the command line does. The workbook's structure (relationships, sheets, tables, names,
 * shared strings, date styles) and the XML text helpers are shared with the command line (xlsxStructure.ts,
 * xmlText.ts); only the sheet scan is this file's own, over a Uint8Array, because the command line's scanner
 * (sheetScan.ts) is tuned on Node's Buffer. test/adapters/files/xlsxParts.test.ts checks that both give the same book.
 * The parts come from zipBytes.ts (inflated through inflate.ts).
 */
import { CellValue } from "../../workbook/plan";
import { SourceBook, SourceSheet } from "../exceljs/snapshot";
import { decodeXml, isoCellSerial, textRuns } from "./xmlText";
import { XlsxFormatError, workbookParts } from "./xlsxStructure";

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
function parseSheet(bytes: Uint8Array, strings: readonly string[], date1904: boolean, isDate: readonly boolean[]): CellValue[][] {
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

/** A workbook part missing or unreadable: the same error the command line's reader gives. */
export { XlsxFormatError as XlsxPartsError };

/** The book from a workbook's inflated XML parts (path → bytes): the shared structure, then this file's byte scan. */
export function readXlsxParts(parts: ReadonlyMap<string, Uint8Array>): SourceBook {
  const bytesOf = (path: string) => parts.get(path) ?? null;
  const structure = workbookParts((path) => {
    const b = bytesOf(path);
    return b ? utf8.decode(b) : null;
  });
  const { strings, date1904, isDate } = structure.scan;
  const sheets: SourceSheet[] = structure.sheets.map(({ name, tables, part }) => ({
    name,
    tables,
    grid: () => {
      const b = bytesOf(part);
      return b ? parseSheet(b, strings, date1904, isDate) : [];
    },
  }));
  return { sheets, names: structure.names };
}
