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

/**
 * Edit distance with a swap of two neighbouring letters as one edit ("Stauts"; optimal string alignment), Infinity
 * once past `most`: the header checks' slips and the nearest Visit IDs. A dozen lines, written here: the well-kept
 * packages (fastest-levenshtein) count a swap as two edits and cannot stop early.
 */
export function editDistance(a: string, b: string, most = Infinity): number {
  if (Math.abs(a.length - b.length) > most) return Infinity;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
    }
    if (Math.min(...current) > most) return Infinity;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
