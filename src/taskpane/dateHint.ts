import { formatLongDate, parseBritishDate, whyNotADate } from "../domain";

/** A date the form holds as ISO (read from the sheet), shown in British form. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Says how a typed date was read, in words, so 07/08 cannot be mistaken for 8 July; or why it is not a date. Under
 * every date box a manager types into (the visit form, a planned visit).
 */
export function dateHint(typed: string): string {
  const date = typed.trim() === "" ? null : parseBritishDate(typed.trim());
  if (date) return `Read as ${formatLongDate(date)}.`;
  const why = ISO_DATE.test(typed.trim()) ? null : whyNotADate(typed);
  return why && /^\d/.test(typed.trim()) && typed.trim().length >= 8 ? why : "Type the date as dd/mm/yyyy, for example 07/08/2017.";
}
