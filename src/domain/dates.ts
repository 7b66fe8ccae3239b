import { cellText } from "./text";

/** A calendar date as "YYYY-MM-DD": no time zone can shift it. */
export type IsoDate = string;

export type DateParse =
  | { kind: "blank" }
  | { kind: "date"; date: IsoDate; typedAsText: boolean }
  | { kind: "invalid"; message: string };

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function iso(y: number, m: number, d: number): IsoDate | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Excel's 1900 date system serial number (1 = 1 January 1900, with Excel's leap-year quirk). */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 120000) return null;
  const whole = Math.floor(serial);
  const ms = Date.UTC(1899, 11, 30) + whole * 86400000;
  const d = new Date(ms);
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function toExcelSerial(date: IsoDate): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

function expandYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}

/** Reads British text dates: 07/08/2017 is 7 August 2017. Also 7 Aug 2017 and ISO 2017-08-07. */
export function parseBritishDate(text: string): IsoDate | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) return iso(expandYear(Number(m[3])), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:t[\d:.]+z?)?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.findIndex((name) => m![2].length >= 3 && name.startsWith(m![2]));
    if (month >= 0) return iso(expandYear(Number(m[3])), month + 1, Number(m[1]));
  }
  return null;
}

/** Reads a visit date from a cell: a real date, an Excel serial or British text. Never throws. */
export function parseVisitDate(value: unknown): DateParse {
  if (value instanceof Date) {
    if (isNaN(value.getTime())) return { kind: "invalid", message: "is not a valid date." };
    // Spreadsheet libraries give dates as UTC midnight.
    const date = iso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
    return date ? { kind: "date", date, typedAsText: false } : { kind: "invalid", message: "is out of range." };
  }
  if (typeof value === "number") {
    const date = fromExcelSerial(value);
    return date
      ? { kind: "date", date, typedAsText: false }
      : { kind: "invalid", message: `${value} is not a date.` };
  }
  const text = cellText(value).trim();
  if (text === "") return { kind: "blank" };
  const date = parseBritishDate(text);
  if (date) return { kind: "date", date, typedAsText: true };
  // Why, in the form's words: "31/02/2026 is not a real date (February 2026 has 28 days)." (whyNotADate, below).
  return { kind: "invalid", message: whyNotADate(text) ?? `"${text}" is not a date.` };
}

const MONTH_NAMES = MONTHS.map((m) => m[0].toUpperCase() + m.slice(1));

/** "2017-08-07" as "7 August 2017": no reader can take it the American way round. */
export function formatLongDate(date: IsoDate): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** "2017-08-07" as "07/08/2017". */
export function formatBritishDate(date: IsoDate): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why a typed date was not read, in words a manager can act on: "31/02/2018 is not a real date (February 2018 has
 * 28 days)." rather than asking for dd/mm/yyyy when it was typed that way. Null when the text is a date (or blank).
 */
export function whyNotADate(text: string): string | null {
  const t = text.trim();
  if (t === "" || parseBritishDate(t) !== null) return null;
  const shown = t.length > 40 ? `${t.slice(0, 40)}…` : t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = expandYear(Number(m[3]));
    if (month < 1 || month > 12) return `${shown} is not a real date (there are 12 months, and the month comes second: dd/mm/yyyy).`;
    if (year < 1900 || year > 2200) return `${shown} is not a date this workbook can hold (the year ${year} is out of range).`;
    const days = daysIn(year, month);
    if (day < 1 || day > days) return `${shown} is not a real date (${MONTH_NAMES[month - 1]} ${year} has ${days} days).`;
  }
  return `"${shown}" is not a date: type it as dd/mm/yyyy, for example 07/08/2017.`;
}
