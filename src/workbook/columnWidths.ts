import { cellText } from "../domain";

/**
 * A column's width (Excel's unit: characters of the default font) that shows its longest value whole: the longest of
 * the values and the header, plus a little room for the dropdown arrow, never below `min` and capped at `max` (a very
 * long value wraps or is cut rather than making the sheet unreadable).
 */
export function fittedWidth(values: readonly unknown[], min: number, max: number): number {
  let longest = 0;
  for (const v of values) longest = Math.max(longest, cellText(v).trim().length);
  return Math.min(max, Math.max(min, Math.ceil(longest * 1.1) + 2));
}

/** Widths for each column of rows (the first row the headers), each fitted to its values. */
export function fittedWidths(rows: readonly (readonly unknown[])[], mins: readonly number[], max: number): number[] {
  return mins.map((min, c) => fittedWidth(rows.map((r) => r[c]), min, max));
}
