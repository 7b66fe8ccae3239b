import { ModerationCount } from "../domain";

/**
 * The moderation section's wording (issue 15), shared by the Summary sheet, the summary workbook and the Word report:
 * per service, how many grades moderation changed and in which direction. Counts only: the Change log's names and
 * reasons stay in the source workbook.
 */

export const MODERATION_TITLE = "Moderation";

export const MODERATION_INTRO =
  "Grades changed after moderation (a visit For moderation or Final changed with a reason), per service: counts only. Up and down are along the grading scale.";

export const MODERATION_HEADINGS = ["Grades changed", "Up the scale", "Down the scale", "To or from no judgement"] as const;

/** One row per service: its name, then the figures under MODERATION_HEADINGS. */
export function moderationRows(counts: readonly ModerationCount[]): (string | number)[][] {
  return counts.map((c) => [c.service || "No service", c.up + c.down + c.other, c.up, c.down, c.other]);
}

/** The `moderation` key of `summary --json`. */
export function moderationJson(counts: readonly ModerationCount[]): { service: string; changed: number; up: number; down: number; other: number }[] {
  return counts.map((c) => ({ service: c.service, changed: c.up + c.down + c.other, up: c.up, down: c.down, other: c.other }));
}
