import { GroupBy, ServiceThemes, Summary } from "../domain";

/**
 * The wording of the recurring-themes section (issue 12), shared by the Summary sheet, the summary workbook and the
 * Word report. Theme names and counts of teams only, never the text the themes came from.
 */
export const THEMES_TITLE = "Recurring themes";

export const themesIntro = (by: GroupBy) =>
  `Per ${by}, how many teams each theme was raised for, as a strength and as an area for improvement, most frequent first. Theme names and counts only.`;

/** Short, so they wrap to two or three lines in the Summary sheet's narrow third column. */
export const THEME_HEADINGS = ["Theme", "Strength (teams)", "Area for improvement (teams)"] as const;

export const NO_THEMES_RECORDED = "No themes recorded on these visits.";

/** The groups of a summary that has theme columns, in its order; null when the workbook has none (no section at all). */
export function themeGroups(summary: Pick<Summary, "themes">): ServiceThemes[] | null {
  return summary.themes ?? null;
}

/** One group's rows under THEME_HEADINGS. */
export function themeRows(group: ServiceThemes): (string | number)[][] {
  return group.themes.map((t) => [t.theme, t.asStrength, t.asAreaForImprovement]);
}
