import type { ScanOptions } from "./xlsxStructure";
import { CellValue } from "../../workbook/plan";
import { XlsxFormatError } from "./xlsxStructure";
import { decodeXml, isoCellSerial, textRuns } from "./xmlText";

/**
 * A byte-level scan of a worksheet part's <sheetData>, fed in pieces as they are inflated: several times faster
 * than any general XML parser, and it never holds the sheet's XML whole. An element cut by a piece's end (a cell
 * whose </c> has not arrived yet) is carried over to the next piece; only that remainder is kept. Handles any
 * namespace prefix, cells with or without "r", shared, inline and formula strings, booleans, errors, numbers and
 * ISO dates. Each cell with a value goes to the sink as it is read.
 *
 * Plain Uint8Array and TextDecoder, no Node Buffer and no Node built-in: the command line (xlsxFile.ts, xlsxReader.ts)
 * and the task pane's "Import visits…" (xlsxParts.ts, in the pane's bundle) read sheets through this one scanner.
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
const SHEET_DATA = Array.from("sheetData", (c) => c.charCodeAt(0));

/** UTF-8 as Buffer.toString("utf8") reads it: a leading byte-order mark is kept as U+FEFF, not dropped. */
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

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
function hasText(bytes: Uint8Array, from: number, to: number): boolean | null {
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
function isTag(bytes: Uint8Array, at: number, prefix: readonly number[], name: readonly number[]): boolean {
  const plen = prefix.length;
  for (let k = 0; k < plen; k++) if (bytes[at + k] !== prefix[k]) return false;
  for (let k = 0; k < name.length; k++) if (bytes[at + plen + k] !== name[k]) return false;
  return DELIMITER[bytes[at + plen + name.length]] === 1;
}

/**
 * Runs of text this short and all ASCII are made by hand, a character at a time. Measured on the inline strings of a
 * 300,000-row openpyxl sheet, each decoded and looked up in a Map as the reader does: 84-110 ns a string of up to 8
 * characters by hand against 207-245 ns through TextDecoder, 406 against 529 ns for 9-12; from 13 characters V8
 * builds the string by hand as a chain of pieces (a cons string) and TextDecoder is quicker (338 against 496 ns).
 */
const SHORT_TEXT = 12;

/** The bytes from `a` to `b` as UTF-8 text. */
function utf8Text(bytes: Uint8Array, a: number, b: number): string {
  if (b - a <= SHORT_TEXT) {
    let text = "";
    for (let q = a; q < b; q++) {
      const code = bytes[q];
      if (code >= 128) return utf8.decode(bytes.subarray(a, b));
      text += String.fromCharCode(code);
    }
    return text;
  }
  return utf8.decode(bytes.subarray(a, b));
}

/** The bytes from `a` to `b` one character each, as Buffer.toString("latin1") reads them. */
function latin1Text(bytes: Uint8Array, a: number, b: number): string {
  let text = "";
  for (let q = a; q < b; q++) text += String.fromCharCode(bytes[q]);
  return text;
}

/**
 * A <v> of a number cell: its number, as Number() reads the text, else its text. Plain digits with an optional
 * minus and decimal point, 15 digits at most, are read here: the digits make an integer below 2^53 and the point a
 * power of ten up to 10^15, both exact, so their quotient is the correctly rounded number Number() gives. Anything
 * else (exponents, more digits, spaces) goes through Number() as before.
 */
function numberOrText(bytes: Uint8Array, a: number, b: number): CellValue {
  let q = a;
  const negative = bytes[q] === 45; /* - */
  if (negative) q++;
  let mantissa = 0;
  let digits = 0;
  let scale = 1;
  for (; q < b; q++) {
    const d = bytes[q] - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    digits++;
  }
  if (q < b && bytes[q] === 46 /* . */) {
    for (q++; q < b; q++) {
      const d = bytes[q] - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      scale *= 10;
      digits++;
    }
  }
  if (q === b && digits > 0 && digits <= 15) return negative ? -(mantissa / scale) : mantissa / scale;
  const text = latin1Text(bytes, a, b);
  const number = Number(text);
  return Number.isFinite(number) && text.trim() !== "" ? number : decodeXml(utf8Text(bytes, a, b));
}

const T = [116];

/**
 * Whether a namespace prefix is one textRuns' pattern (xmlText.ts) reads as a prefix: letters, digits, "_", "." and
 * "-" then ":", or none.
 */
function isPlainPrefix(prefix: readonly number[]): boolean {
  if (prefix.length === 0) return true;
  if (prefix[prefix.length - 1] !== 58 /* : */) return false;
  for (let k = 0; k < prefix.length - 1; k++) {
    const b = prefix[k];
    const ok = (b >= 48 && b <= 57) || ((b | 32) >= 97 && (b | 32) <= 122) || b === 95 || b === 46 || b === 45;
    if (!ok) return false;
  }
  return true;
}

/**
 * The text of an inline string's <is> fragment, as textRuns gives it. The common fragment, one <t> with text and no
 * markup in it and nothing around it (as openpyxl and pandas write every inline string), is read from the bytes
 * directly: textRuns would find that one run and decode its entities, which is what is done here. Any other fragment
 * (rich runs, phonetic runs, a prefix textRuns would not read) goes through textRuns.
 */
function inlineText(bytes: Uint8Array, from: number, to: number, prefix: readonly number[] | null): string {
  if (prefix !== null && bytes[from] === LT && isTag(bytes, from + 1, prefix, T)) {
    const plen = prefix.length;
    let open = from + 2 + plen;
    if (bytes[open] !== GT) {
      while (open < to && bytes[open] !== GT) open++;
      if (open >= to || bytes[open - 1] === SLASH) return textRuns(utf8Text(bytes, from, to));
    }
    let close = open + 1;
    while (close < to && bytes[close] !== LT) close++;
    if (close + plen + 4 === to && bytes[close + 1] === SLASH && isTag(bytes, close + 2, prefix, T) && bytes[close + 3 + plen] === GT) {
      return decodeXml(utf8Text(bytes, open + 1, close));
    }
  }
  return textRuns(utf8Text(bytes, from, to));
}

export type { ScanOptions };

export class SheetScanner {
  private carry: Uint8Array | null = null;
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
    if (this.carry) bytes.set(this.carry, 0);
    bytes.set(piece, carried);
    const used = this.scan(bytes, n, false);
    // Copied, so the carried bytes never keep a whole piece alive.
    this.carry = used < n && !this.done ? bytes.slice(used, n) : null;
    if (this.carry && this.carry.length > MAX_CARRY) throw new XlsxFormatError("has a cell too large to read");
  }

  /**
   * A whole part in one piece, scanned where it lies: no copy and no padding (a look past its end can happen only
   * at the part's very end, once). The same cells as push and end would give.
   */
  whole(bytes: Uint8Array): void {
    if (this.done) return;
    if (this.carry) {
      this.push(bytes);
      this.end();
      return;
    }
    // A plain Uint8Array view of a subclass's bytes (Node's zlib gives its own kind), no copy: the scan then meets
    // one kind of array, as push gives it, and its element loads stay monomorphic.
    const plain = bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.scan(plain, plain.length, true);
  }

  /** The part has ended: whatever was carried is read as it is. */
  end(): void {
    if (this.done || !this.carry) return;
    const n = this.carry.length;
    const bytes = padded(n);
    bytes.set(this.carry, 0);
    this.carry = null;
    this.scan(bytes, n, true);
  }

  /**
   * Reads whole elements from the first `n` bytes; returns how many were used (the rest is an element cut short).
   * The bytes after `n` are zeros (see padded), so a look ahead past the end of a piece reads no delimiter.
   */
  private scan(bytes: Uint8Array, n: number, final: boolean): number {
    let i = 0;
    if (this.prefix === null) {
      const dataAt = indexOfBytes(bytes, SHEET_DATA, n);
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
    const inlinePrefix = isPlainPrefix(prefix) ? prefix : null;
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
          const text = inlineText(bytes, isStart, isEnd < 0 ? isStart : isEnd, inlinePrefix);
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
          const text = decodeXml(utf8Text(bytes, vStart, vEnd));
          value = sink.text ? sink.text(text) : text;
        } else if (type === 98 /* b */) {
          value = bytes[vStart] === 49 || (bytes[vStart] | 32) === 116;
        } else if (type === 100 /* d */) {
          const text = utf8Text(bytes, vStart, vEnd);
          value = isoCellSerial(text) ?? decodeXml(text);
        } else {
          value = numberOrText(bytes, vStart, vEnd);
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
function padded(n: number): Uint8Array {
  return new Uint8Array(n + PAD);
}

/** Where `needle` first starts in the first `n` bytes, or -1: the native search for its first byte, then the rest. */
function indexOfBytes(bytes: Uint8Array, needle: readonly number[], n: number): number {
  const first = needle[0];
  const last = n - needle.length;
  for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/**
 * The whole grid of a part held in memory (the pane's "Import visits…", tests): rows without cells are empty
 * arrays. The part is scanned whole where it lies, or fed in pieces of `pieceBytes` (tests cut every element).
 */
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
  if (pieceBytes >= bytes.length) scanner.whole(bytes);
  else {
    const step = Math.max(1, pieceBytes);
    for (let at = 0; at < bytes.length; at += step) scanner.push(bytes.subarray(at, at + step));
    scanner.end();
  }
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  return grid;
}
