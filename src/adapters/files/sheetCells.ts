/**
 * What the sheet scanner (sheetScan.ts) hands a sink and how it reads a cell's value: the sink's interface and its
 * answers, Excel's limits, the reading of a <v> by the cell's type and style, and the errors a part can give. Plain
 * Uint8Array, no Node built-in (the task pane's bundle carries it).
 */
import type { ScanOptions } from "./xlsxStructure";
import { CellValue } from "../../workbook/plan";
import { XlsxFormatError } from "./xlsxStructure";
import { GT, LT, SLASH, hasText, inlineText, numberOrText, utf8Text } from "./cellBytes";
import { decodeXml, isoCellSerial } from "./xmlText";

/** Excel's own limits (Excel specifications and limits): no real sheet has a cell beyond them. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** 1904-system serials are 1462 days smaller than 1900-system ones for the same date. */
const DATE1904_OFFSET = 1462;

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

/** Whether </v></c> starts at `e` (the "<" after a value), all of it within the first `n` bytes. */
export function endsValueCell(bytes: Uint8Array, e: number, n: number): boolean {
  return e + 7 < n && bytes[e + 1] === SLASH && bytes[e + 2] === 118 && bytes[e + 3] === GT && bytes[e + 4] === LT && bytes[e + 5] === SLASH && bytes[e + 6] === 99 && bytes[e + 7] === GT;
}

/** Whether </is></c> starts at `e` (the "<" after an inline string's fragment), all of it within the first `n` bytes. */
export function endsInlineCell(bytes: Uint8Array, e: number, n: number): boolean {
  return e + 8 < n && bytes[e + 1] === SLASH && bytes[e + 2] === 105 && bytes[e + 3] === 115 && bytes[e + 4] === GT && bytes[e + 5] === LT && bytes[e + 6] === SLASH && bytes[e + 7] === 99 && bytes[e + 8] === GT;
}

/**
 * An inline string's cell to the sink, from its <is> fragment (`from` to `to`): PRESENT when only its presence is
 * wanted and that can be told without decoding, else its text (through the sink's text, when it has one); nothing
 * when it holds no text.
 */
export function inlineCell(sink: SheetCells, row: number, column: number, want: number, bytes: Uint8Array, from: number, to: number, prefix: readonly number[] | null): void {
  if (want === WANT_PRESENCE) {
    const present = hasText(bytes, from, to);
    if (present === true) sink.cell(row, column, PRESENT);
    if (present !== null) return;
  }
  const text = inlineText(bytes, from, to, prefix);
  const value = sink.text ? sink.text(text) : text;
  if (value !== "") sink.cell(row, column, value);
}

/** A <v> value by the cell's type (the first byte of t and its length) and style, as the reader gives it. */
export function vValue(bytes: Uint8Array, vStart: number, vEnd: number, type: number, typeLength: number, style: number, options: ScanOptions, sink: SheetCells): CellValue {
  if (type === 115 /* s */ && typeLength === 1) {
    let index = 0;
    for (let q = vStart; q < vEnd; q++) {
      const d = bytes[q] - 48;
      if (d >= 0 && d <= 9) index = index * 10 + d;
    }
    return options.strings[index] ?? "";
  }
  if (type === 115 /* str */ || type === 101 /* e */) {
    const text = decodeXml(utf8Text(bytes, vStart, vEnd));
    return sink.text ? sink.text(text) : text;
  }
  if (type === 98 /* b */) return bytes[vStart] === 49 || (bytes[vStart] | 32) === 116;
  if (type === 100 /* d */) {
    const text = utf8Text(bytes, vStart, vEnd);
    return isoCellSerial(text) ?? decodeXml(text);
  }
  const value = numberOrText(bytes, vStart, vEnd);
  return options.date1904 && typeof value === "number" && style >= 0 && options.isDate[style] ? value + DATE1904_OFFSET : value;
}

/**
 * A part read to its end without its </sheetData> (or with no <sheetData> at all) is cut short or is no sheet: read
 * as it is, the rows after the cut would be lost without a word. A worksheet part always holds <sheetData>
 * (ECMA-376 Part 1, 18.3.1.99 worksheet: sheetData is required).
 */
export const cutShort = () => new XlsxFormatError("a sheet part stops before the end of its rows", "is damaged (its XML stops before the end of its rows)");

/** A sheet whose part the workbook names but the file does not hold. */
export const partMissing = (part: string) => new XlsxFormatError(`its part ${part} is missing`, `is damaged (its part ${part} is missing)`);
