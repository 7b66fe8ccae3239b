/**
 * Pure helpers for the Office.js adapter: A1 addresses as Excel reports them, text that Excel
 * would not keep as typed, and column widths. No Office.js here, so they are unit-testable.
 */
import { columnIndex, columnLetter } from "../../domain/cells";
import { CellValue, OWNER_NAME_PREFIX } from "../../workbook/plan";

export interface Block {
  /** 0-based first row and column, inclusive last row and column. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Splits "'My sheet'!A1:B2" (as Range.address gives it) into the sheet name and the block. */
export function parseAddress(address: string): { sheet: string | null; block: Block } {
  let text = address.trim().replace(/^=/, "");
  let sheet: string | null = null;
  const quoted = /^'((?:[^']|'')+)'!/.exec(text);
  if (quoted) {
    sheet = quoted[1].replace(/''/g, "'");
    text = text.slice(quoted[0].length);
  } else {
    const bang = text.lastIndexOf("!");
    if (bang >= 0) {
      sheet = text.slice(0, bang);
      text = text.slice(bang + 1);
    }
  }
  const [a, b = a] = text.replace(/\$/g, "").split(":");
  const cell = (part: string, end: boolean) => {
    const m = /^([A-Za-z]{1,3})?(\d+)?$/.exec(part);
    if (!m || (!m[1] && !m[2])) throw new Error(`Unexpected address from Excel: ${address}`);
    return {
      row: m[2] ? Number(m[2]) - 1 : end ? 1048575 : 0,
      column: m[1] ? columnIndex(m[1]) : end ? 16383 : 0,
    };
  };
  const s = cell(a, false);
  const e = cell(b, true);
  return { sheet, block: { top: s.row, left: s.column, bottom: e.row, right: e.column } };
}

export const blockRows = (b: Block) => b.bottom - b.top + 1;

/** The sheet a workbook name refers to, from its formula ("='My sheet'!$A$1"), or null (#REF!, constants). */
export function sheetOfFormula(formula: unknown): string | null {
  if (typeof formula !== "string") return null;
  const text = formula.trim().replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!/.exec(text);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^!'"(),=#]+)!/.exec(text);
  return plain ? plain[1] : null;
}

/** "A1" address of the cell at a 0-based column and row. */
export const cellA1 = (column: number, row: number) => `${columnLetter(column)}${row + 1}`;

const MONTH_FIRST = /^\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i;

/**
 * True for text Excel would not store as typed when written through Range.values: formulas
 * ("=", "+", "-", "@"), numbers, percentages, currency, dates and times ("07/08/2017", "7 Aug",
 * "Aug 2017", "12:30"), TRUE/FALSE, error literals ("#N/A") and text with leading spaces.
 * The adapter formats such cells as text ("@") before writing, so a user's text stays text.
 */
export function needsTextFormat(text: string): boolean {
  if (text === "") return false;
  return /^[=+\-@#£$€(.\d\s]/.test(text) || /^(true|false)$/i.test(text) || MONTH_FIRST.test(text);
}

/**
 * The values and number formats to write for a block of plan values: null becomes "" (an empty
 * cell; Office.js would leave the old value) and risky text gets "@" in the formats, which are
 * otherwise null (leave the cell's format alone). formats is null when no cell needs "@".
 */
export function excelCells(values: CellValue[][]): { values: (string | number | boolean)[][]; formats: (string | null)[][] | null } {
  let risky = false;
  const formats = values.map((row) =>
    row.map((v) => {
      if (typeof v === "string" && needsTextFormat(v)) {
        risky = true;
        return "@";
      }
      return null;
    }),
  );
  const out = values.map((row) => row.map((v) => (v === null || v === undefined ? "" : typeof v === "number" && !Number.isFinite(v) ? "" : v)));
  return { values: out, formats: risky ? formats : null };
}

/** Excel column width in points for a width in characters of the default font (Calibri 11: 7 px a digit, 5 px padding). */
export function charactersToPoints(characters: number): number {
  return Math.trunc(characters * 7 + 5) * 0.75;
}

/**
 * A block Excel accepts: every row as wide as the widest (short rows padded with null, which the
 * plan means as empty). Empty when there is nothing to write.
 */
export function rectangular(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const width = Math.max(0, ...values.map((r) => r.length));
  if (width === 0) return [];
  return values.map((r) => (r.length === width ? [...r] : [...r, ...new Array<CellValue>(width - r.length).fill(null)]));
}

/** Approximate JSON size of a value, as Office.js sends it. */
export const jsonSize = (value: unknown) => JSON.stringify(value)?.length ?? 4;

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
export const rowIsBlank = (row: readonly unknown[]) => row.every(isBlank);

export const lower = (s: string) => s.toLowerCase();

/** Which owner each sheet has, from the names starting with OWNER_NAME_PREFIX (first one wins). Keys are lower case. */
export function ownersOf(names: { name: string; formula: unknown }[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const n of names) {
    if (!lower(n.name).startsWith(lower(OWNER_NAME_PREFIX))) continue;
    const sheet = sheetOfFormula(n.formula);
    if (sheet && !owners.has(lower(sheet))) owners.set(lower(sheet), n.name.slice(OWNER_NAME_PREFIX.length));
  }
  return owners;
}

/** Excel's Data Validation dialog: an error alert title of at most 32 characters, a message of at most 225. */
export const ALERT_LIMITS = { title: 32, message: 225 };

/**
 * Text within an alert limit: as it is when it fits, else cut at the last word that fits (hard only for a single
 * over-long word). The plans already keep their alerts within the limits (tablePlan.alertWithinLimits); this is the
 * adapter's safety net, since whether Excel refuses or truncates a longer one is not documented.
 */
export function withinLimit(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > limit / 2 ? cut.slice(0, space) : cut}…`;
}
