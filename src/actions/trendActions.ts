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
  SummaryFilter,
  compileScale,
  inFilter,
  orderRounds,
  teamLinksOf,
  thresholdOf,
} from "../domain";
import { SheetInfo, WorkbookPort } from "../workbook/port";
import { TrendsLayout, trendsPlan } from "../workbook/trendsPlan";
import { overviewChanges } from "../workbook/overviewPlan";
import { findingsOf } from "../presentation/glance";
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

/** The rounds that stand for a financial year because Round was blank, for the base line. */
export function inferredRounds(validation: ValidationResult): string[] {
  return orderRounds(trendVisits(validation)).inferred;
}

/**
 * Refreshes the Trends sheet in place (the add-in's own; cleared and written again, chart included, never duplicated):
 * one read of the workbook, one plan, applied once. For the pane, and for the command line's trends workbook.
 */
export async function refreshTrendsSheet(
  source: SourcePort,
  options: TrendActionOptions & { target?: WorkbookPort } = {},
): Promise<{ trends: TrendsJson; layout: TrendsLayout; config: DiagnosticsConfig }> {
  const checked = await checkSource(source, { tie: options.tie });
  const trends = trendsOf(checked.validation, checked.config, options.by ?? "service");
  const target = options.target ?? source;
  const layout = await writeTrendsSheet(target, trends, checked, target === source ? (checked.sheets ?? []) : []);
  return { trends, layout, config: checked.config };
}

/** Writes (or refreshes) the Trends sheet of trends already built from a checked source: one plan, applied once. */
export async function writeTrendsSheet(
  target: WorkbookPort,
  trends: TrendsJson,
  checked: Pick<Checked, "config" | "validation">,
  sheets: SheetInfo[] = [],
): Promise<TrendsLayout> {
  const threshold = thresholdOf(checked.config);
  const { plan, layout } = trendsPlan(trends, checked.config, sheets, { threshold, inferred: inferredRounds(checked.validation) });
  const findings = findingsOf(trends, checked.config, compileScale(checked.config.scale), threshold);
  const overview = overviewChanges(trends, checked.config, sheets, findings);
  // One plan for both sheets: one apply, so one batch.
  await target.apply({ action: "Refresh trends and overview", changes: [...plan.changes, ...overview.changes] });
  return layout;
}

/** The trends a Word report shows: the visits the report counts (its filter applied), with the threshold. */
export function reportTrends(validation: ValidationResult, config: DiagnosticsConfig, filter: SummaryFilter = {}, by: GroupBy = "service") {
  const visits = validation.visits.filter((v) => inFilter(v, filter));
  return { trends: trendsOf({ ...validation, visits }, config, by), threshold: thresholdOf(config) };
}
