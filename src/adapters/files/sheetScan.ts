import type { ScanOptions } from "./xlsxStructure";
import { XlsxFormatError } from "./xlsxStructure";
import { GT, LT, SLASH, SPACE, indexOfBytes, isPlainPrefix, isTag } from "./cellBytes";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, SheetCells, WANT_NOTHING, WANT_VALUE, endsInlineCell, endsValueCell, inlineCell, vValue } from "./sheetCells";

export { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, PRESENT, WANT_NOTHING, WANT_PRESENCE, WANT_VALUE, cutShort, partMissing } from "./sheetCells";
export type { SheetCells } from "./sheetCells";

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

/** One element (a cell with its value) longer than this is no cell Excel writes: 32,767 characters, escaped, are far less. */
const MAX_CARRY = 16 * 1024 * 1024;

const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;
const C = [99];
const V = [118];
const IS = [105, 115];
const ROW = [114, 111, 119];
const SHEET_DATA = Array.from("sheetData", (c) => c.charCodeAt(0));

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
      // The usual cell as Excel and ExcelJS write it, <c r="B2" s="1" t="s"><v>5</v></c> with no prefix, read in one
      // straight pass: its reference parsed once, no loop over its attributes, no search for its children. It takes
      // only one space between attributes, "r" first, then "s" and "t" if there, in double quotes, and one <v> child,
      // or for an inline string one <is> child. Any other form (a tab or newline in the tag,
      // another attribute or order, no row in "r", other children, a cell cut by a piece's end) is read by the
      // general reading below, from its "<" again, as before.
      if (plen === 0 && bytes[lt + 1] === 99 && bytes[lt + 2] === SPACE && bytes[lt + 3] === 114 && bytes[lt + 4] === EQUALS && bytes[lt + 5] === QUOTE) {
        let k = lt + 6;
        let c = 0;
        while (k < n) {
          const code = bytes[k] | 32;
          if (code < 97 || code > 122) break;
          c = c * 26 + (code - 96);
          k++;
        }
        const digitsAt = k;
        let r = 0;
        while (k < n && bytes[k] >= 48 && bytes[k] <= 57) r = r * 10 + (bytes[k++] - 48);
        let ok = c > 0 && k > digitsAt && k < n && bytes[k] === QUOTE;
        k++;
        let fastStyle = -1;
        if (ok && bytes[k] === SPACE && bytes[k + 1] === 115 && bytes[k + 2] === EQUALS && bytes[k + 3] === QUOTE) {
          k += 4;
          fastStyle = 0;
          while (k < n && bytes[k] >= 48 && bytes[k] <= 57) fastStyle = fastStyle * 10 + (bytes[k++] - 48);
          ok = k < n && bytes[k] === QUOTE;
          k++;
        }
        let fastType = 0;
        let fastTypeLength = 0;
        if (ok && bytes[k] === SPACE && bytes[k + 1] === 116 && bytes[k + 2] === EQUALS && bytes[k + 3] === QUOTE) {
          k += 4;
          const from = k;
          while (k < n && bytes[k] !== QUOTE) k++;
          fastType = bytes[from];
          fastTypeLength = k - from;
          ok = k < n;
          k++;
        }
        const inline = fastType === 105 /* inlineStr */ && fastTypeLength === 9;
        // Where the value's bytes start and end, and where the cell ends, once its children are as expected.
        let from = -1;
        let to = -1;
        let cellEnd = -1;
        // An inline string as openpyxl and pandas write every text, <c r="A2" t="inlineStr"><is>…</is></c>: its
        // fragment is read as the general reading reads it (presence only, when that is all that is wanted).
        if (ok && inline && bytes[k] === GT && bytes[k + 1] === LT && bytes[k + 2] === 105 && bytes[k + 3] === 115 && bytes[k + 4] === GT) {
          from = k + 5;
          let e = from;
          for (;;) {
            while (e < n && bytes[e] !== LT) e++;
            // Stops at the first "</is" (as the general reading's end of the text) or "</c" (its end of the cell), never past.
            if (e + 4 >= n || (bytes[e + 1] === SLASH && (bytes[e + 2] === 99 || (bytes[e + 2] === 105 && bytes[e + 3] === 115)))) break;
            e++;
          }
          if (endsInlineCell(bytes, e, n)) {
            to = e;
            cellEnd = e + 9;
          }
        } else if (ok && !inline && bytes[k] === GT && bytes[k + 1] === LT && bytes[k + 2] === 118 && bytes[k + 3] === GT) {
          // Any other type: one <v>.
          from = k + 4;
          let e = from;
          while (e < n && bytes[e] !== LT) e++;
          if (endsValueCell(bytes, e, n)) {
            to = e;
            cellEnd = e + 8;
          }
        }
        if (cellEnd >= 0) {
          row = r - 1;
          column = c - 1;
          if (row >= EXCEL_MAX_ROWS || column >= EXCEL_MAX_COLUMNS) this.outOfBounds();
          i = cellEnd;
          if (row < 0) continue;
          const want = sink.wants ? sink.wants(row, column) : WANT_VALUE;
          if (want === WANT_NOTHING) continue;
          if (inline) inlineCell(sink, row, column, want, bytes, from, to, inlinePrefix);
          else {
            const value = vValue(bytes, from, to, fastType, fastTypeLength, fastStyle, this.options, sink);
            if (value !== null && value !== "") sink.cell(row, column, value);
          }
          continue;
        }
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
      // The usual cell, <v>…</v></c> with no prefix: read straight through, without the general loop below.
      if (plen === 0 && bytes[k] === LT && bytes[k + 1] === 118 && bytes[k + 2] === GT) {
        let e = k + 3;
        while (e < n && bytes[e] !== LT) e++;
        if (endsValueCell(bytes, e, n)) {
          vStart = k + 3;
          vEnd = e;
          closed = true;
          k = e + 7;
        }
      }
      if (!closed) for (;;) {
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
      if (type === 105 /* inlineStr */ && typeLength === 9) {
        if (isStart >= 0) inlineCell(sink, row, column, want, bytes, isStart, isEnd < 0 ? isStart : isEnd, inlinePrefix);
        continue;
      }
      const value = vStart >= 0 ? vValue(bytes, vStart, vEnd, type, typeLength, style, this.options, sink) : null;
      if (value === null || value === "") continue;
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
