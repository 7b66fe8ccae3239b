/** Plain models and helpers of the emulated workbook (see workbook.ts). */
import { Rect, parseRect, splitSheet } from "./address";
import type { EmulatedSheet } from "./sheet";

export type Scalar = string | number | boolean;

/** What Excel's Range.values gives back for a formula it cannot calculate here. */
export const FORMULA_RESULT = "#NAME?";

export interface FormatProps {
  numberFormat: string;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  fontSize: number;
  wrap: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  /** Border style per edge name (EdgeTop, InsideHorizontal, …). */
  borders: Record<string, string>;
}

export const DEFAULT_FORMAT: FormatProps = {
  numberFormat: "General",
  fill: null,
  fontColor: "#000000",
  bold: false,
  italic: false,
  fontSize: 11,
  wrap: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  borders: {},
};

export type FormatKey = keyof FormatProps;

export interface Stamped<T> {
  v: T;
  seq: number;
}

export interface StoredCell {
  value: Scalar;
  formula: string | null;
  fmt: Partial<Record<FormatKey, Stamped<unknown>>>;
}

/** A format applied to a large rectangle at once (a whole column, say), newer than older cell formats. */
export interface FormatLayer {
  rect: Rect;
  props: Partial<FormatProps>;
  seq: number;
}

/** A cell as the workbench shows it: its value and formula, with its format. */
export interface CellView extends FormatProps {
  address: string;
  value: Scalar;
  formula: string | null;
}

export interface ValidationView {
  rect: Rect;
  address: string;
  rule: { list?: { source: string; inCellDropDown: boolean } } & Record<string, unknown>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatModel {
  id: number;
  sheet: EmulatedSheet;
  rect: Rect;
  type: "CellValue" | "ContainsText" | "Custom";
  /** formula: a Custom format's rule, stored as written (the emulation does not evaluate it). */
  rule: { formula1?: string; formula2?: string; operator?: string; text?: string; formula?: string } | null;
  fill: string | null;
  fontColor: string | null;
}

export interface ChartModel {
  id: number;
  sheet: EmulatedSheet;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  anchor: string | null;
  width: number;
  height: number;
  series: { name: string; colour: string | null }[];
}

export interface TableModel {
  id: number;
  name: string;
  sheet: EmulatedSheet;
  /** Header row at r0, the last row at r1 (the totals row when shown): always at least one body row. */
  rect: Rect;
  /** A totals row is shown as the table's last row (Table.showTotals). Optional so seeded models stay valid. */
  showTotals?: boolean;
  /** Calculated columns: column offset in the table to the formula Excel fills into new rows. */
  calculated?: Map<number, string>;
}

/** The body rows of a table: the header and, when shown, the totals row left out. */
export function bodyRect(t: TableModel): Rect {
  return { ...t.rect, r0: t.rect.r0 + 1, r1: t.rect.r1 - (t.showTotals ? 1 : 0) };
}

/** Excel's limits on a data validation error alert (the Data Validation dialog's title and message boxes). */
export const ALERT_TITLE_LIMIT = 32;
export const ALERT_MESSAGE_LIMIT = 225;

export interface NameModel {
  name: string;
  sheet: EmulatedSheet | null;
  rect: Rect | null;
  comment: string;
}

export class EmulationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "EmulationError";
  }
}

export const A1 = (address: string) => parseRect(splitSheet(address).local);

/** Excel's en-GB parse of typed text: numbers, percentages, TRUE/FALSE and dd/mm/yyyy dates. */
export function parseTyped(text: string): { value: Scalar; numberFormat?: string } | null {
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const num = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?(%?)$/.exec(t);
  if (num && (num[2] || num[3])) {
    const n = Number(`${num[1]}${(num[2] ?? "0").replace(/,/g, "")}${num[3] ?? ""}${num[4] ?? ""}`);
    if (Number.isFinite(n)) return num[5] ? { value: n / 100, numberFormat: "0%" } : { value: n };
  }
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (date) {
    const [d, m] = [Number(date[1]), Number(date[2])];
    let y = Number(date[3]);
    if (date[3].length === 2) y += y < 30 ? 2000 : 1900;
    const ms = Date.UTC(y, m - 1, d);
    const check = new Date(ms);
    if (check.getUTCDate() === d && check.getUTCMonth() === m - 1) {
      return { value: Math.round(ms / 86400000) + 25569, numberFormat: "dd/mm/yyyy" };
    }
  }
  return null;
}
