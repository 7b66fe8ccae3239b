import { DiagnosticsConfig, Summary, compileScale } from "../domain";
import { countsRows } from "../presentation/counts";

/** Byte order mark: put it first when saving for Excel, which otherwise misreads non-ASCII UTF-8. */
export const CSV_BOM = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
 * gets a leading apostrophe, so it opens as text.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: text neutralised, then quoted when it holds a quote, comma or line break. */
export function csvField(value: string | number): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/**
 * The Counts data as CSV: one row per group, domain and grade (every grade of the scale, zeros included,
 * as on the Counts sheet). CRLF line ends; no byte order mark (add CSV_BOM when saving a file for Excel).
 */
export function countsCsv(summary: Summary, config: DiagnosticsConfig): string {
  return countsRows(summary, compileScale(config.scale)).map(csvLine).join("");
}
