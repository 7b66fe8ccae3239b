/**
 * Trends across rounds (issue 12) for the command line and the pane: one read through checkSource (the same rules
 * for what counts as `summary`), then the pure core's buildTrends with the Lists sheet's threshold and team links.
 */
import {
  DiagnosticsConfig,
  GroupBy,
  Problem,
  TieRule,
  TrendVisit,
  TrendsJson,
  ValidationResult,
  buildTrends,
  compileScale,
  teamLinksOf,
  thresholdOf,
} from "../domain";
import { Checked, SourcePort, checkSource } from "./summaryActions";

export interface TrendActionOptions {
  by?: GroupBy;
  tie?: TieRule;
}

/** The counted visits as the trends core takes them. */
export function trendVisits(validation: ValidationResult): TrendVisit[] {
  return validation.visits.map((v) => ({
    visitId: v.visitId,
    service: v.service,
    team: v.team,
    area: v.area,
    date: v.visitDate,
    round: v.round,
    grades: v.grades,
  }));
}

/** Problems as `summary --json` lists them. */
export function problemsJson(problems: readonly Problem[]) {
  return problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, cell: p.cell, message: p.message }));
}

/** The trends of validated visits, exactly the `trends --json` shape. */
export function trendsOf(validation: ValidationResult, config: DiagnosticsConfig, by: GroupBy = "service"): TrendsJson {
  return buildTrends(trendVisits(validation), config, {
    by,
    compiled: compileScale(config.scale),
    links: teamLinksOf(config),
    threshold: thresholdOf(config),
    problems: problemsJson(validation.problems),
  });
}

/** One read of a source, checked, and its trends. */
export async function trendsSource(port: SourcePort, options: TrendActionOptions = {}): Promise<Checked & { trends: TrendsJson }> {
  const checked = await checkSource(port, { tie: options.tie });
  return { ...checked, trends: trendsOf(checked.validation, checked.config, options.by ?? "service") };
}
