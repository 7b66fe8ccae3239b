import { columnLetter } from "../../domain/cells";
import { CellValue } from "../../workbook/plan";

/** A CSV file the parser refuses, with the reason as the end of a sentence. */
export class CsvFormatError extends Error {}

/**
 * A quoted field still open at the end of the file: every row after its opening quote would have been read as
 * part of it (silently, before). `row` is 1-based, `column` 0-based; `header` is the column's header when the
 * reader knows it (csvCollector's named()).
 */
export class CsvUnclosedQuoteError extends CsvFormatError {
  constructor(
    readonly row: number,
    readonly column: number,
    readonly header?: string,
  ) {
    const named = header ? ` ("${header}")` : "";
    super(
      `row ${row}, column ${columnLetter(column)}${named}: a quoted field starts there and is never closed, ` +
        "so every row after it would be read as part of it; add the closing quote and try again",
    );
  }
}

/** Excel's own limits (https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
export const CSV_LIMITS = { columns: 16_384, rows: 1_048_576, cellCharacters: 32_767 };

export type CsvSeparator = "," | ";" | "\t";

const SAMPLE = 64 * 1024;

/**
 * The separator: an Excel "sep=;" first line if there is one, else whichever of comma, semicolon and tab occurs
 * most often outside quotes in the first 64 KB (Excel in many European locales saves "CSV" with semicolons).
 * A tie, or none at all, is a comma.
 */
export function detectSeparator(text: string): CsvSeparator {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const sep = /^sep=(.)\r?\n/i.exec(text.slice(start, start + 8));
  if (sep && (sep[1] === "," || sep[1] === ";" || sep[1] === "\t")) return sep[1] as CsvSeparator;
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  const end = Math.min(text.length, start + SAMPLE);
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";" || ch === "\t")) counts[ch]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

/**
 * RFC 4180 CSV: separated fields (comma, or the separator detectSeparator finds), optionally in double quotes,
 * "" for a quote inside quotes, line breaks (CRLF, LF or CR) inside quoted fields kept. Every value stays text;
 * empty fields are null. Beyond Excel's limits (16,384 fields in a row, 32,767 characters in a field,
 * 1,048,576 rows) it throws CsvFormatError instead of building a block no workbook could hold.
 * Hand-written rather than a library: a small state machine, and no new dependency for the task pane's bundle.
 */
export function parseCsv(text: string, separator: CsvSeparator = detectSeparator(text)): CellValue[][] {
  const rows: CellValue[][] = [];
  const parser = new CsvRowParser(separator, (row) => rows.push(row));
  parser.push(text);
  parser.end();
  return rows;
}

/**
 * The same parser as a stream: text goes in piece by piece (push), each row comes out as soon as it ends, so a
 * large file is never one string and its rows need not all be kept. Hand-written for the reason parseCsv gives;
 * the state carried between pieces is a quote or a carriage return seen at the very end of one.
 */
export class CsvRowParser {
  private readonly sep: number;
  private row: CellValue[] = [];
  private field = "";
  private quoted = false;
  /** Inside quotes, a quote ended the last piece: "" or the closing quote, as the next piece says. */
  private quoteAtEnd = false;
  /** A CR ended the last piece: a LF starting the next belongs to it. */
  private crAtEnd = false;
  private sawAnything = false;
  /** The column (0-based) of the quoted field now open: said if the file ends inside it. */
  private quotedColumn = 0;
  private started = false;
  private count = 0;

  constructor(
    private readonly separator: CsvSeparator,
    private readonly onRow: (row: CellValue[], index: number) => void,
  ) {
    this.sep = separator.charCodeAt(0);
  }

  /** Rows ended so far. */
  get rows(): number {
    return this.count;
  }

  private where(): string {
    return `row ${this.count + 1}`;
  }

  private endField(): void {
    if (this.row.length >= CSV_LIMITS.columns) {
      const shown = this.separator === "\t" ? "tab" : this.separator;
      throw new CsvFormatError(`${this.where()} has more than ${CSV_LIMITS.columns.toLocaleString("en-GB")} fields, Excel's limit (separator "${shown}")`);
    }
    this.row.push(this.field === "" ? null : this.field);
    this.field = "";
  }

  private endRow(): void {
    this.endField();
    if (this.count >= CSV_LIMITS.rows) throw new CsvFormatError(`it has more than ${CSV_LIMITS.rows.toLocaleString("en-GB")} rows, Excel's limit`);
    const row = this.row;
    this.row = [];
    this.onRow(row, this.count++);
  }

  private tooLong(): CsvFormatError {
    return new CsvFormatError(
      `${this.where()} has a field longer than ${CSV_LIMITS.cellCharacters.toLocaleString("en-GB")} characters, Excel's limit for a cell`,
    );
  }

  push(text: string): void {
    const SEP = this.sep;
    const n = text.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    if (i < n && this.crAtEnd) {
      this.crAtEnd = false;
      if (text.charCodeAt(i) === 10) i++;
    }
    if (i < n && this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (text.charCodeAt(i) === 34) {
        this.field += '"';
        i++;
      } else this.quoted = false;
    }
    while (i < n) {
      this.sawAnything = true;
      if (this.quoted) {
        // Copy up to the next quote in one slice.
        const q = text.indexOf('"', i);
        const stop = q < 0 ? n : q;
        this.field += text.slice(i, stop);
        if (this.field.length > CSV_LIMITS.cellCharacters) throw this.tooLong();
        i = stop;
        if (q < 0) break;
        if (q === n - 1) {
          this.quoteAtEnd = true;
          break;
        }
        if (text.charCodeAt(i + 1) === 34) {
          this.field += '"';
          i += 2;
          continue;
        }
        this.quoted = false;
        i++;
        continue;
      }
      const code = text.charCodeAt(i);
      if (code === 34 && this.field === "") {
        this.quoted = true;
        this.quotedColumn = this.row.length;
        i++;
      } else if (code === SEP) {
        this.endField();
        i++;
      } else if (code === 13 || code === 10) {
        this.endRow();
        if (code === 13 && i === n - 1) this.crAtEnd = true;
        i += code === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        this.sawAnything = false;
      } else {
        // Plain text up to the next separator, quote or line break, in one slice.
        let j = i + 1;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === SEP || c === 13 || c === 10 || c === 34) break;
          j++;
          if (j - i > CSV_LIMITS.cellCharacters) break;
        }
        this.field += text.slice(i, j);
        if (this.field.length > CSV_LIMITS.cellCharacters) throw this.tooLong();
        i = j;
        // A quote inside an unquoted field is kept as text, as before.
        if (j < n && text.charCodeAt(j) === 34) {
          this.field += '"';
          i = j + 1;
        }
      }
    }
  }

  /** The end of the file. A quote still open is refused (CsvUnclosedQuoteError): no row ends inside quotes. */
  end(): void {
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      this.quoted = false;
    }
    if (this.quoted) throw new CsvUnclosedQuoteError(this.count + 1, this.quotedColumn);
    if (this.sawAnything) this.endRow();
  }
}

/** Windows-1252's characters for bytes 0x80 to 0x9F (Node without full ICU decodes these as Latin-1). */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Text of a CSV file's bytes: UTF-8 (with or without BOM), else Windows-1252 as Excel's "CSV" saves it. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    let out = "";
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    }
    return out;
  }
}

/** Decoded in pieces of this many bytes: a large file is never one string. */
const PIECE = 1 << 20;

function isUtf8(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += PIECE) decoder.decode(bytes.subarray(at, at + PIECE), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

export function cp1252(bytes: Uint8Array): string {
  const codes = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    codes[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b;
  }
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/**
 * Parses a CSV file's bytes piece by piece (decodeCsvBytes's encodings, detectSeparator's separator), giving each
 * row to onRow as it ends: memory holds one piece of text at a time, plus whatever onRow keeps.
 */
export function parseCsvBytes(bytes: Uint8Array, onRow: (row: CellValue[], index: number) => void): void {
  const utf8 = isUtf8(bytes);
  const decoder = utf8 ? new TextDecoder("utf-8") : null;
  const decode = (piece: Uint8Array, last: boolean) => (decoder ? decoder.decode(piece, { stream: !last }) : cp1252(piece));
  let parser: CsvRowParser | null = null;
  for (let at = 0; at < bytes.length || parser === null; at += PIECE) {
    const text = decode(bytes.subarray(at, at + PIECE), at + PIECE >= bytes.length);
    parser ??= new CsvRowParser(detectSeparator(text), onRow);
    parser.push(text);
    if (bytes.length === 0) break;
  }
  parser.end();
}
