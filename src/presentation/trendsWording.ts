import type { DiagnosticsConfig, TrendRoundJson, TrendsJson } from "../domain";

/** Wording for trends across rounds (issue 12), shared by the Trends sheet, the Word report, the CLI and the pane. */

export const TRENDS_TITLE = "Trends across rounds";
export const TEAM_CHANGES_TITLE = "Change per team since its previous visit";
export const TEAM_CHANGES_NOTE = "improved, declined or same by the scale's order (a split grade sits between its two grades); new: one visit only; not comparable: no judgement on either side.";

/** The groups of a trends document, whichever the grouping. */
export function trendGroups(trends: TrendsJson): { name: string; rounds: TrendRoundJson[] }[] {
  return "areas" in trends ? trends.areas.map((g) => ({ name: g.area, rounds: g.rounds })) : trends.services.map((g) => ({ name: g.service, rounds: g.rounds }));
}

export function roundsLine(trends: TrendsJson, inferred: readonly string[] = []): string[] {
  if (trends.rounds.length === 0) return ["No visits counted: nothing to compare yet."];
  const lines = [`Rounds, earliest first: ${trends.rounds.join(", ")}.`];
  if (inferred.length > 0) lines.push(`${inferred.join(", ")}: the financial year of visits with no Round typed.`);
  return lines;
}

/** "good": the threshold grade's label in running text. */
export function thresholdWords(config: DiagnosticsConfig, threshold: string): string {
  const level = config.scale.levels.find((l) => l.code === threshold);
  return (level?.label ?? threshold).toLowerCase();
}

export function thresholdLine(config: DiagnosticsConfig, threshold: string): string {
  const basis = config.overall ? "overall conclusion" : "lowest domain grade";
  return `At or above ${thresholdWords(config, threshold)}: visits whose ${basis} was ${thresholdWords(config, threshold)} or better.`;
}

export const gradingHeading = (round: string) => `Grading ${round}`;
export const atOrAboveHeading = (config: DiagnosticsConfig, threshold: string) => `At or above ${thresholdWords(config, threshold)}`;
export const ofVisits = (above: number, visits: number) => `${above} of ${visits}`;

/** Fills for change words on sheets: light green, light red, none. */
export const CHANGE_FILLS: Record<string, string> = { improved: "C6EFCE", declined: "FFC7CE" };
