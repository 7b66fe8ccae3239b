import type { DiagnosticsConfig } from "./config";
import type { GroupBy } from "./rollup";
import { ServiceThemes, ThemeCount, themeCounts, themeTotals } from "./themes";
import { themesOf } from "./trendSettings";
import { foldLabel } from "./text";
import type { Visit } from "./visits";

/**
 * Per service (or area, following the summary), how many teams each theme was raised for, as a strength and as an
 * area for improvement, most frequent first (issue 12). Built from the visits a summary counts, so its filter and
 * its rows left out apply; theme names and counts only, never the text they came from.
 */
export function groupThemes(
  counted: readonly Visit[],
  by: GroupBy,
  config: DiagnosticsConfig,
  groupOrder: readonly string[],
): ServiceThemes[] {
  const visits = [];
  for (const v of counted) {
    const group = by === "service" ? v.service : v.area;
    if (group === "" || !v.themes) continue;
    // A team is its service and name, whatever the grouping: by area, two services' "Team 1" stay two teams.
    visits.push({ service: group, team: `${foldLabel(v.service)}|${foldLabel(v.team)}`, ...v.themes });
  }
  const counts = themeCounts(visits, themesOf(config), { serviceOrder: groupOrder, teamKey: (_s, t) => t });
  // Every group of the summary, in the summary's order, those without themes with an empty list.
  const byName = new Map(counts.map((c) => [foldLabel(c.service), c]));
  return groupOrder.map((name) => ({ service: name, themes: byName.get(foldLabel(name))?.themes ?? [] }));
}

/**
 * The totals across groups that the key finding on the most frequent theme is drawn from (keyFindings' `themes`):
 * undefined when the summary has no theme column, so no theme finding is made. One function for the Summary
 * sheet, the Word report and anything else showing key findings.
 */
export function summaryThemeTotals(summary: { themes?: readonly ServiceThemes[] }, config: DiagnosticsConfig): ThemeCount[] | undefined {
  return summary.themes ? themeTotals(summary.themes, themesOf(config)) : undefined;
}
