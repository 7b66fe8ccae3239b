import type { ScanOptions } from "./xlsxStructure";
import { CellValue } from "../../workbook/plan";
import { XlsxFormatError } from "./zip";
import { decodeXml, isoCellSerial, textRuns } from "./xmlText";

/**
 * A byte-level scan of a worksheet part's <sheetData>, fed in pieces as they are inflated: several times faster
 * than any general XML parser, and it never holds the sheet's XML whole. An element cut by a piece's end (a cell
 * whose </c> has not arrived yet) is carried over to the next piece; only that remainder is kept. Handles any
 * namespace prefix, cells with or without "r", shared, inline and formula strings, booleans, errors, numbers and
 * ISO dates. Each cell with a value goes to the sink as it is read.
 */

/** Excel's own limits (Excel specifications and limits): no real sheet has a cell beyond them. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
/** One element (a cell with its value) longer than this is no cell Excel writes: 32,767 characters, escaped, are far less. */
const MAX_CARRY = 16 * 1024 * 1024;

/** 1904-system serials are 1462 days smaller than 1900-system ones for the same date. */
const DATE1904_OFFSET = 1462;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const SPACE = 32;
const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;
const C = [99];
const V = [118];
const IS = [105, 115];
const ROW = [114, 111, 119];
const SHEET_DATA = Array.from(Buffer.from("sheetData"));

export interface SheetCells {
  /** A cell with a value, by 0-based row and column, in the order of the XML. */
  cell(row: number, column: number, value: CellValue): void;
  /** Applied to inline and formula texts, so a repeated one can be kept once (shared strings already are). */
  text?(text: string): string;
  /** What is wanted of a cell, asked before its value is decoded (WANT_VALUE when the sink does not say). */
  wants?(row: number, column: number): number;
}

/** The cell's value. */
export const WANT_VALUE = 0;
/** Nothing: the cell is passed over. */
export const WANT_NOTHING = 1;
/** Only whether it holds anything: an inline text is not decoded, and PRESENT stands for it. */
export const WANT_PRESENCE = 2;
export const PRESENT = "\u0000present";

/**
 * Whether an inline string's XML holds any text: true, false, or null when it cannot tell without decoding (a byte
 * outside ASCII, which may be a space String.trim removes, or an entity).
 */
function hasText(bytes: Buffer, from: number, to: number): boolean | null {
  let inTag = false;
  for (let q = from; q < to; q++) {
    const b = bytes[q];
    if (inTag) {
      if (b === GT) inTag = false;
    } else if (b === LT) {
      // A phonetic run (<rPh>) is not the cell's text: decode to be sure.
      if (bytes[q + 1] === 114 && bytes[q + 2] === 80) return null;
      inTag = true;
    } else if (b >= 128 || b === 38 /* & */) return null;
    else if (b !== SPACE && b !== 9 && b !== 10 && b !== 13) return true;
  }
  return false;
}

/** Bytes that may follow an element's name in a tag: space, tab, LF, CR, ">" and "/" (a table: one load per test). */
const DELIMITER = new Uint8Array(256);
for (const b of [SPACE, 9, 10, 13, GT, SLASH]) DELIMITER[b] = 1;

/**
 * Whether the tag at `at` (just after "<" or "</") is prefix + name, followed by a delimiter. A module function
 * rather than a closure made in each scan: a new closure at every piece was a new call target, and V8 threw the
 * scanner's optimised code away ("wrong call target") at every piece.
 */
function isTag(bytes: Buffer, at: number, prefix: number[], name: number[]): boolean {
  const plen = prefix.length;
  for (let k = 0; k < plen; k++) if (bytes[at + k] !== prefix[k]) return false;
  for (let k = 0; k < name.length; k++) if (bytes[at + plen + k] !== name[k]) return false;
  return DELIMITER[bytes[at + plen + name.length]] === 1;
}

export type { ScanOptions };

export class SheetScanner {
  private carry: Buffer | null = null;
  private prefix: number[] | null = null;
  private row = -1;
  private column = -1;
  /** </sheetData> has been read: nothing after it is a cell. */
  done = false;

  constructor(
    private readonly options: ScanOptions,
    private readonly sink: SheetCells,
  ) {}

  /** The next piece of the part's bytes. */
  push(piece: Uint8Array): void {
    if (this.done) return;
    const carried = this.carry?.length ?? 0;
    const n = carried + piece.byteLength;
    const bytes = padded(n);
    if (this.carry) this.carry.copy(bytes, 0);
    bytes.set(piece, carried);
    const used = this.scan(bytes, n, false);
    // Copied, so the carried bytes never keep a whole piece alive.
    this.carry = used < n && !this.done ? Buffer.from(bytes.subarray(used, n)) : null;
    if (this.carry && this.carry.length > MAX_CARRY) throw new XlsxFormatError("has a cell too large to read");
  }

  /**
   * A whole part in one piece, scanned where it lies: no copy and no padding (a look past its end can happen only
   * at the part's very end, once). The same cells as push and end would give.
   */
  whole(bytes: Buffer): void {
    if (this.done) return;
    if (this.carry) {
      this.push(bytes);
      this.end();
      return;
    }
    this.scan(bytes, bytes.length, true);
  }

  /** The part has ended: whatever was carried is read as it is. */
  end(): void {
    if (this.done || !this.carry) return;
    const n = this.carry.length;
    const bytes = padded(n);
    this.carry.copy(bytes, 0);
    this.carry = null;
    this.scan(bytes, n, true);
  }

  /**
   * Reads whole elements from the first `n` bytes; returns how many were used (the rest is an element cut short).
   * The bytes after `n` are zeros (see padded), so a look ahead past the end of a piece reads no delimiter.
   */
  private scan(bytes: Buffer, n: number, final: boolean): number {
    let i = 0;
    if (this.prefix === null) {
      const dataAt = bytes.indexOf("sheetData");
      if (dataAt < 0) return final ? n : Math.max(0, n - 256);
      let p0 = dataAt - 1;
      while (p0 >= 0 && bytes[p0] !== LT) p0--;
      i = dataAt;
      while (i < n && bytes[i] !== GT) i++;
      if (i >= n && !final) return Math.max(0, p0);
      this.prefix = Array.from(bytes.subarray(p0 + 1, dataAt));
      if (bytes[i - 1] === SLASH) {
        this.done = true; // <sheetData/>
        return n;
      }
    }
    const prefix = this.prefix;
    const plen = prefix.length;
    let done = false;
    const { strings, date1904, isDate } = this.options;
    const sink = this.sink;
    // The position in the sheet, in locals while scanning (faster than fields), stored back at each return.
    let row = this.row;
    let column = this.column;


    while (i < n) {
      while (i < n && bytes[i] !== LT) i++;
      if (i >= n) break;
      const lt = i;
      // Too few bytes left to tell which tag this is: wait for the next piece.
      if (!final && n - lt < plen + 12) {
        i = lt;
        break;
      }
      if (bytes[lt + 1] === SLASH) {
        if (isTag(bytes, lt + 2, prefix, SHEET_DATA)) {
          done = true;
          i = n;
          break;
        }
        i = lt + 2;
        continue;
      }
      const cell = isTag(bytes, lt + 1, prefix, C);
      if (!cell && !isTag(bytes, lt + 1, prefix, ROW)) {
        i = lt + 1;
        continue;
      }
      const savedRow = row;
      const savedColumn = column;
      // Attributes: r (reference), t (type), s (style); single-letter names only.
      let ref = -1;
      let refEnd = -1;
      let type = 0; // first byte of t
      let typeLength = 0;
      let style = -1;
      let j = lt + 1;
      while (j < n && bytes[j] !== GT) {
        if (bytes[j] === SPACE && bytes[j + 2] === EQUALS && (bytes[j + 3] === QUOTE || bytes[j + 3] === APOS)) {
          const name = bytes[j + 1];
          const quote = bytes[j + 3];
          let e = j + 4;
          while (e < n && bytes[e] !== quote) e++;
          if (name === 114 /* r */) {
            ref = j + 4;
            refEnd = e;
          } else if (name === 116 /* t */) {
            type = bytes[j + 4];
            typeLength = e - (j + 4);
          } else if (name === 115 /* s */) {
            style = 0;
            for (let k = j + 4; k < e; k++) style = style * 10 + (bytes[k] - 48);
          }
          j = e + 1;
          continue;
        }
        j++;
      }
      if (j >= n && !final) {
        i = lt;
        break;
      }
      const gt = j;
      const selfClosing = bytes[gt - 1] === SLASH;
      i = gt + 1;
      if (!cell) {
        if (ref >= 0) {
          let r = 0;
          for (let k = ref; k < refEnd; k++) r = r * 10 + (bytes[k] - 48);
          row = r - 1;
        } else row++;
        column = -1;
        if (row >= EXCEL_MAX_ROWS) this.outOfBounds();
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
      if (row >= EXCEL_MAX_ROWS || column >= EXCEL_MAX_COLUMNS) this.outOfBounds();
      if (selfClosing) continue;

      // Children up to </c>: the <v> value, or <is> for an inline string; <f> and others are skipped.
      let vStart = -1;
      let vEnd = -1;
      let isStart = -1;
      let isEnd = -1;
      let closed = false;
      let k = i;
      for (;;) {
        while (k < n && bytes[k] !== LT) k++;
        if (k >= n) break;
        if (bytes[k + 1] === SLASH) {
          if (isTag(bytes, k + 2, prefix, C)) {
            closed = true;
            break;
          }
          if (isStart >= 0 && isEnd < 0 && isTag(bytes, k + 2, prefix, IS)) isEnd = k;
          k += 2;
          continue;
        }
        if (vStart < 0 && isStart < 0 && isTag(bytes, k + 1, prefix, V)) {
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
        if (isStart < 0 && isTag(bytes, k + 1, prefix, IS)) {
          let e = k + 1;
          while (e < n && bytes[e] !== GT) e++;
          isStart = e + 1;
          k = isStart;
          continue;
        }
        k++;
      }
      while (k < n && bytes[k] !== GT) k++;
      if (!final && (!closed || k >= n)) {
        // The cell goes on in the next piece: read it again from its start then.
        row = savedRow;
        column = savedColumn;
        i = lt;
        break;
      }
      i = k + 1;

      if (row < 0 || column < 0) continue;
      const want = sink.wants ? sink.wants(row, column) : WANT_VALUE;
      if (want === WANT_NOTHING) continue;
      if (want === WANT_PRESENCE && type === 105 && typeLength === 9 && isStart >= 0) {
        const present = hasText(bytes, isStart, isEnd < 0 ? isStart : isEnd);
        if (present === true) sink.cell(row, column, PRESENT);
        if (present !== null) continue;
      }
      let value: CellValue = null;
      if (type === 105 /* inlineStr */ && typeLength === 9) {
        if (isStart >= 0) {
          const text = textRuns(bytes.toString("utf8", isStart, isEnd < 0 ? isStart : isEnd));
          value = sink.text ? sink.text(text) : text;
        }
      } else if (vStart >= 0) {
        if (type === 115 /* s */ && typeLength === 1) {
          let index = 0;
          for (let q = vStart; q < vEnd; q++) {
            const d = bytes[q] - 48;
            if (d >= 0 && d <= 9) index = index * 10 + d;
          }
          value = strings[index] ?? "";
        } else if (type === 115 /* str */ || type === 101 /* e */) {
          const text = decodeXml(bytes.toString("utf8", vStart, vEnd));
          value = sink.text ? sink.text(text) : text;
        } else if (type === 98 /* b */) {
          value = bytes[vStart] === 49 || (bytes[vStart] | 32) === 116;
        } else if (type === 100 /* d */) {
          const text = bytes.toString("utf8", vStart, vEnd);
          value = isoCellSerial(text) ?? decodeXml(text);
        } else {
          const text = bytes.toString("latin1", vStart, vEnd);
          const number = Number(text);
          value = Number.isFinite(number) && text.trim() !== "" ? number : decodeXml(bytes.toString("utf8", vStart, vEnd));
          if (date1904 && typeof value === "number" && style >= 0 && isDate[style]) value += DATE1904_OFFSET;
        }
      }
      if (value === null || value === "" || row < 0 || column < 0) continue;
      sink.cell(row, column, value);
    }
    this.row = row;
    this.column = column;
    this.done = done;
    return Math.min(i, n);
  }

  /** A reference past Excel's last row or column is no sheet Excel wrote, and would make the grid unbounded. */
  private outOfBounds(): never {
    throw new XlsxFormatError(
      `has a cell beyond Excel's limit of ${EXCEL_MAX_ROWS.toLocaleString("en-GB")} rows and ${EXCEL_MAX_COLUMNS.toLocaleString("en-GB")} columns`,
    );
  }
}

/**
 * A buffer of n bytes and PAD zeros after them: the scanner looks a few bytes ahead of where it is, and a read past
 * the end of a typed array makes V8 throw away the scanner's optimised code (a deopt "out of bounds") at every piece.
 */
const PAD = 512;
function padded(n: number): Buffer {
  const bytes = Buffer.allocUnsafe(n + PAD);
  bytes.fill(0, n);
  return bytes;
}

/** The whole grid of a part held in memory (small parts, tests): rows without cells are empty arrays. */
export function scanSheet(bytes: Uint8Array, options: ScanOptions, pieceBytes = bytes.length): CellValue[][] {
  const grid: CellValue[][] = [];
  const scanner = new SheetScanner(options, {
    cell(row, column, value) {
      let cells = grid[row];
      if (!cells) {
        cells = [];
        grid[row] = cells;
      }
      cells[column] = value;
    },
  });
  const step = Math.max(1, pieceBytes);
  for (let at = 0; at < bytes.length; at += step) scanner.push(bytes.subarray(at, at + step));
  scanner.end();
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  return grid;
}
