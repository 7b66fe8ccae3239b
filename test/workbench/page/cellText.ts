/** How the workbench's sheet view shows a cell's value: a simplified version of Excel's number formats. */
import type { Scalar } from "../../emulation/workbook";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Is this number format a date format (d, m, y tokens outside quotes and brackets)? */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) && /m/i.test(bare);
}

/** An Excel serial as a date in the format's order (dd, d, mm, m, mmm, yyyy, yy). */
export function formatSerialDate(serial: number, format: string): string {
  const date = new Date(Math.round((serial - 25569) * 86400000));
  if (Number.isNaN(date.getTime())) return String(serial);
  const d = date.getUTCDate();
  const m = date.getUTCMonth() + 1;
  const y = date.getUTCFullYear();
  const pad = (n: number) => String(n).padStart(2, "0");
  return format
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d/gi, (token) => {
      switch (token.toLowerCase()) {
        case "yyyy":
          return String(y);
        case "yy":
          return pad(y % 100);
        case "mmmm":
        case "mmm":
          return MONTHS[m - 1];
        case "mm":
          return pad(m);
        case "m":
          return String(m);
        case "dd":
          return pad(d);
        default:
          return String(d);
      }
    });
}

export function displayText(value: Scalar, numberFormat: string, formula: string | null): string {
  if (formula && value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (isDateFormat(numberFormat)) return formatSerialDate(value, numberFormat);
    if (/%$/.test(numberFormat)) return `${(value * 100).toFixed((numberFormat.split(".")[1] ?? "").replace("%", "").length)}%`;
    const fixed = /^0\.(0+)$/.exec(numberFormat);
    if (fixed) return value.toFixed(fixed[1].length);
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  }
  return value;
}

/** What the formula bar shows: the formula, else the value as typed (dates as dd/mm/yyyy). */
export function editText(value: Scalar, numberFormat: string, formula: string | null): string {
  if (formula) return formula;
  if (typeof value === "number" && isDateFormat(numberFormat)) return formatSerialDate(value, "dd/mm/yyyy");
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // Text that typing would turn into something else shows with Excel's leading apostrophe.
  if (typeof value === "string" && numberFormat !== "@" && looksTyped(value)) return `'${value}`;
  return String(value);
}

/** Would Excel take this text, typed, as a formula, number, date or logical? */
export function looksTyped(text: string): boolean {
  const t = text.trim();
  return (
    /^[=+\-@]./.test(text) ||
    /^(true|false)$/i.test(t) ||
    /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/.test(t) && /\d/.test(t) ||
    /^\d{1,2}\/\d{1,2}\/(\d{2}|\d{4})$/.test(t)
  );
}
