import { CellValue } from "../../workbook/plan";

/** A CSV file the parser refuses, with the reason as the end of a sentence. */
export class CsvFormatError extends Error {}

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
  const SEP = separator.charCodeAt(0);
  const rows: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const where = () => `row ${rows.length + 1}`;
  const endField = () => {
    if (row.length >= CSV_LIMITS.columns) {
      throw new CsvFormatError(
        `${where()} has more than ${CSV_LIMITS.columns.toLocaleString("en-GB")} fields, Excel's limit (separator "${separator === "\t" ? "tab" : separator}")`,
      );
    }
    row.push(field === "" ? null : field);
    field = "";
  };
  const endRow = () => {
    endField();
    if (rows.length >= CSV_LIMITS.rows) throw new CsvFormatError(`it has more than ${CSV_LIMITS.rows.toLocaleString("en-GB")} rows, Excel's limit`);
    rows.push(row);
    row = [];
  };
  const tooLong = () =>
    new CsvFormatError(`${where()} has a field longer than ${CSV_LIMITS.cellCharacters.toLocaleString("en-GB")} characters, Excel's limit for a cell`);
  let sawAnything = false;
  while (i < n) {
    sawAnything = true;
    if (quoted) {
      // Copy up to the next quote in one slice.
      const q = text.indexOf('"', i);
      const stop = q < 0 ? n : q;
      field += text.slice(i, stop);
      if (field.length > CSV_LIMITS.cellCharacters) throw tooLong();
      i = stop;
      if (q < 0) break;
      if (text.charCodeAt(i + 1) === 34) {
        field += '"';
        i += 2;
        continue;
      }
      quoted = false;
      i++;
      continue;
    }
    const code = text.charCodeAt(i);
    if (code === 34 && field === "") {
      quoted = true;
      i++;
    } else if (code === SEP) {
      endField();
      i++;
    } else if (code === 13 || code === 10) {
      endRow();
      i += code === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      sawAnything = false;
    } else {
      // Plain text up to the next separator, quote or line break, in one slice.
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === SEP || c === 13 || c === 10 || c === 34) break;
        j++;
        if (j - i > CSV_LIMITS.cellCharacters) break;
      }
      field += text.slice(i, j);
      if (field.length > CSV_LIMITS.cellCharacters) throw tooLong();
      i = j;
      // A quote inside an unquoted field is kept as text, as before.
      if (j < n && text.charCodeAt(j) === 34) {
        field += '"';
        i = j + 1;
      }
    }
  }
  if (sawAnything || quoted) endRow();
  return rows;
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
