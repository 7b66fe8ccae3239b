/** Folds a typed label for matching: case, punctuation and spacing never matter. */
export function foldLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/\./g, "")
    .replace(/[^a-z0-9/]+/g, " ")
    .replace(/\s*\/\s*/g, "/")
    .trim();
}

/**
 * Folds a column header for matching: as foldLabel, and spaces and slashes are dropped too, so "VisitDate",
 * "Visit.date", "visit_date" and "Visit date" are one header. Grades keep foldLabel, where "RI / I" and "RI I" differ.
 */
export function foldHeader(text: string): string {
  return foldLabel(text).replace(/[\s/]+/g, "");
}

/** Text of any cell value, for messages and matching. Never throws. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}
