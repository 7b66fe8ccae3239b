import { DEFAULT_INTERVALS, DiagnosticsConfig, GradeScale, VisitIntervals, foldLabel } from "../domain";

/**
 * The revisit intervals on the Lists sheet (issue 11 §3): two columns, "Revisit grade" and "Revisit months",
 * one row per grade of the scale, best first. A council edits the months there; a split grade takes its lower
 * grade's interval and no judgement the shortest (src/domain/programme.ts), so only the levels are listed.
 */

/** The columns' headers on the Lists sheet (LISTS_HEADERS names them too). */
export const REVISIT_HEADERS = { grade: "Revisit grade", months: "Revisit months" } as const;

/** The two columns' values, without their headers (listsSheetValues adds those). */
export function revisitColumns(config: DiagnosticsConfig): string[][] {
  const intervals = config.intervals ?? DEFAULT_INTERVALS;
  const levels = config.scale.levels;
  return [levels.map((l) => l.code), levels.map((l) => (intervals[l.code] === undefined ? "" : String(intervals[l.code])))];
}

const same = (a: VisitIntervals, b: VisitIntervals) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

/**
 * The intervals as the sheet gives them: whole months above 0 per grade code of the scale (a grade typed in
 * another case is matched). Blank or non-numeric months are ignored, so that grade falls back to the shortest.
 * Returns `{}` when the sheet has no such columns or repeats the defaults, so a configuration read back from
 * a default sheet equals the default one; `{ intervals }` otherwise.
 */
export function readIntervals(
  list: (header: string) => string[] | null,
  scale: GradeScale,
  base: DiagnosticsConfig,
): { intervals?: VisitIntervals } {
  const grades = list(REVISIT_HEADERS.grade);
  const months = list(REVISIT_HEADERS.months);
  if (!grades || !months) return base.intervals ? { intervals: base.intervals } : {};
  const intervals: VisitIntervals = {};
  grades.forEach((grade, i) => {
    const level = scale.levels.find((l) => foldLabel(l.code) === foldLabel(grade));
    const n = Number((months[i] ?? "").trim());
    if (level && (months[i] ?? "").trim() !== "" && Number.isInteger(n) && n > 0) intervals[level.code] = n;
  });
  if (Object.keys(intervals).length === 0) return base.intervals ? { intervals: base.intervals } : {};
  if (!base.intervals && same(intervals, DEFAULT_INTERVALS as VisitIntervals)) return {};
  return { intervals };
}
