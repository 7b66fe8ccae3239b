import { HIDDEN_VALUE_FORMAT } from "./summaryStaleness";
import { ActionsReportJson, DiagnosticsConfig, FINGERPRINT_LABEL, ModerationCount, Summary, compileScale, rangeAddress, readableTextColour, summaryThemeTotals } from "../domain";
import type { TrendsJson } from "../domain";
import { findingsOf } from "../presentation/glance";
import { glanceBlock, sheetFindingSource } from "./overviewPlan";
import { MODERATION_HEADINGS, MODERATION_INTRO, MODERATION_TITLE, moderationRows } from "../presentation/moderation";
import { ACTION_SUMMARY_HEADINGS, ACTION_SUMMARY_TITLE, actionSummaryIntro, actionSummaryRows } from "../presentation/actions";
import { fittedWidths } from "./columnWidths";
import { countsRows } from "../presentation/counts";
import { gradeDistribution, gradeName } from "../presentation/distribution";
import { ownedSheetName } from "./ownedSheets";
import { CellValue, WorkbookChange, WorkbookPlan } from "./plan";
import { SheetInfo } from "./port";
import { themesSection } from "./themesPlan";
import {
  HEADLINE_RULE,
  nothingCounted,
  ROWS_LEFT_OUT,
  TABLE_HEADINGS,
  describeBase,
  findingsTitle,
  groupColumn,
  groupHeading,
  groupWord as groupWordOf,
  leftOutReasons,
  leftOutRow,
} from "../presentation/wording";

export const SUMMARY_OWNER = "summary";
export const COUNTS_OWNER = "counts";

/** Where each part of the Summary sheet landed, for charts and tests. */
export interface SummaryLayout {
  summarySheet: string;
  countsSheet: string;
  /** 1-based row of each group's heading. */
  groupRows: number[];
  /** The chart below the tables and the block of numbers it draws; null when nothing was counted. */
  chart: { name: string; dataRange: string } | null;
  /** 1-based rows of the key findings and the picture at a glance at the top (issue 12); null without them. */
  opening: { findingsRow: number; glanceRow: number; atOrAboveRow: number | null; titleRow: number } | null;
}

/** The trends of the visits the summary counts, for the key findings and the picture at a glance at the top. */
export interface SummaryOpening {
  trends: TrendsJson;
  threshold: string;
}

export const SUMMARY_CHART_NAME = "TD_OverallByService";

/**
 * The Summary and Counts sheets: one published table per service (or area), the base, and the rows
 * left out. Aggregates only: no names and no narrative text reach these sheets.
 */
export function summaryPlan(
  summary: Summary,
  config: DiagnosticsConfig,
  sheets: readonly SheetInfo[],
  /** The actions by RAG per service (issue 11), when the workbook has an Actions table: counts only. */
  actions: Pick<ActionsReportJson, "today" | "services" | "overdue"> | null = null,
  fingerprint?: string,
  /** Key findings and the picture at a glance, first on the sheet; absent or nothing counted: the tables start at A1. */
  opening: SummaryOpening | null = null,
  /** Per service, the grades moderation changed (issue 15), when the workbook's Change log holds changes: counts only. */
  moderation: readonly ModerationCount[] | null = null,
): { plan: WorkbookPlan; layout: SummaryLayout } {
  const compiled = compileScale(config.scale);
  const target = ownedSheetName(sheets, SUMMARY_OWNER, "Summary");
  const countsTarget = ownedSheetName(sheets, COUNTS_OWNER, "Counts");
  const sheet = target.name;
  const changes: WorkbookChange[] = [];
  for (const [t, owner] of [[target, SUMMARY_OWNER], [countsTarget, COUNTS_OWNER]] as const) {
    changes.push(t.exists ? { kind: "clearSheet", sheet: t.name } : { kind: "addSheet", sheet: t.name, owner });
  }
  // First, when there is something to show: the key findings and the picture at a glance (issue 12), each finding
  // naming the table on this sheet that holds its figures. Everything else starts below it.
  const openingBlock =
    opening && opening.trends.rounds.length > 0
      ? glanceBlock(opening.trends, config, findingsOf(opening.trends, config, compiled, opening.threshold, summaryThemeTotals(summary, config)), sheet, 1, {
          threshold: opening.threshold,
          source: sheetFindingSource(config, opening.threshold),
        })
      : null;
  /** Sheet rows above the published tables' title. */
  const offset = openingBlock ? openingBlock.values.length + 1 : 0;
  const titleRow = offset + 1;
  // Styles go after the values they dress.
  const styles: WorkbookChange[] = [{ kind: "setStyle", sheet, range: `A${titleRow}`, style: { bold: true, fontSize: 14 } }];

  const groupWord = groupWordOf(summary.by);
  const values: CellValue[][] = [[findingsTitle(summary.by), null]];
  /** The sheet row the next pushed row lands on. */
  const next = () => offset + values.length + 1;
  for (const line of describeBase(summary)) values.push([line, null]);
  // One sentence a row, so neither runs off a printed page.
  for (const sentence of HEADLINE_RULE.split(/(?<=\.) /)) values.push([sentence, null]);
  values.push([null, null]);
  styles.push({ kind: "setStyle", sheet, range: `A${titleRow + 1}:A${next() - 1}`, style: { italic: true } });

  const groupRows: number[] = [];
  for (const group of summary.groups) {
    const heading = next();
    groupRows.push(heading);
    values.push([groupHeading(summary, group.name, group.visits), null], [...TABLE_HEADINGS]);
    styles.push(
      { kind: "setStyle", sheet, range: `A${heading}`, style: { bold: true, fontSize: 12 } },
      { kind: "setStyle", sheet, range: `A${heading + 1}:B${heading + 1 + group.rows.length}`, style: { border: true, wrap: true, verticalAlignment: "Top" } },
      { kind: "setStyle", sheet, range: `A${heading + 1}:B${heading + 1}`, style: { bold: true, fill: "DDE7EE" } },
    );
    group.rows.forEach((row, i) => {
      values.push([row.domain, row.text]);
      const colour = row.headline ? compiled.byCode.get(row.headline)?.colour : undefined;
      const at = heading + 2 + i;
      if (colour) styles.push({ kind: "setStyle", sheet, range: `B${at}`, style: { fill: colour, fontColour: readableTextColour(colour) } });
      if (row.domainKey === config.overall?.key) styles.push({ kind: "setStyle", sheet, range: `A${at}:B${at}`, style: { bold: true } });
    });
    values.push([null, null]);
  }
  if (summary.groups.length === 0) values.push([nothingCounted(summary.base), null], [null, null]);

  if (summary.base.excluded.length > 0) {
    const start = next();
    values.push([ROWS_LEFT_OUT, null], ["Row", "Reason"]);
    for (const row of summary.base.excluded) values.push([leftOutRow(row), leftOutReasons(row)]);
    styles.push(
      { kind: "setStyle", sheet, range: `A${start}`, style: { bold: true, fontSize: 12 } },
      { kind: "setStyle", sheet, range: `A${start + 1}:B${start + 1}`, style: { bold: true, fill: "DDE7EE" } },
      { kind: "setStyle", sheet, range: `A${start + 1}:B${next() - 1}`, style: { border: true, wrap: true, verticalAlignment: "Top" } },
    );
  }
  const actionChanges: WorkbookChange[] = [];
  if (actions && actions.services.length > 0) {
    const rows = [["Service", ...ACTION_SUMMARY_HEADINGS], ...actionSummaryRows(actions)];
    actionChanges.push(...countsSection(sheet, values, next(), ACTION_SUMMARY_TITLE, actionSummaryIntro(actions.today), rows));
  }
  if (moderation && moderation.length > 0) {
    const rows = [["Service", ...MODERATION_HEADINGS], ...moderationRows(moderation)];
    actionChanges.push(...countsSection(sheet, values, next(), MODERATION_TITLE, MODERATION_INTRO, rows));
  }
  actionChanges.push(...themesSection(summary, sheet, values, next())); // Issue 12: recurring themes, only with a theme column.
  // Below everything: the chart domain's grades per group as plain numbers, and a stacked bar chart of them, so a
  // printed page holds the tables at full width. Refresh clears the sheet (charts included) first: never duplicated.
  const widths = [58, 40];
  const chartChanges: WorkbookChange[] = [];
  let chart: SummaryLayout["chart"] = null;
  const distribution = gradeDistribution(summary, config, compiled);
  if (distribution) {
    const top = next();
    const title = `${distribution.domain.shortLabel} by ${groupWord} (number of visits)`;
    const header = [groupColumn(summary.by), ...distribution.categories.map(gradeName)];
    const block: CellValue[][] = [header, ...distribution.groups.map((g) => [g.name, ...g.counts])];
    const width = header.length;
    const dataRange = rangeAddress(0, top + 1, width, block.length);
    const at = (row: number, w = width) => rangeAddress(0, row, w, 1);
    chart = { name: SUMMARY_CHART_NAME, dataRange };
    chartChanges.push(
      { kind: "setValues", sheet, topLeft: at(top, 1), values: [[title]] },
      { kind: "setValues", sheet, topLeft: at(top + 1, 1), values: block },
      { kind: "setStyle", sheet, range: at(top, 1), style: { bold: true, fontSize: 12 } },
      { kind: "setStyle", sheet, range: dataRange, style: { border: true, verticalAlignment: "Top" } },
      { kind: "setStyle", sheet, range: at(top + 1), style: { bold: true, fill: "DDE7EE" } },
      {
        kind: "addChart",
        sheet,
        name: SUMMARY_CHART_NAME,
        title,
        dataRange,
        series: distribution.categories.map((c) => ({ name: gradeName(c), colour: c.colour })),
        anchor: rangeAddress(0, top + block.length + 2, 1, 1),
        width: 520,
        height: Math.max(240, 90 + 34 * distribution.groups.length),
      },
    );
    widths.push(...header.slice(2).map((h) => Math.max(10, h.length + 3)));
  }
  // The glance matrix's domain columns: wide enough for "RI / I (12) ▲", their headers wrapped.
  if (openingBlock) for (let i = 2; i < openingBlock.width; i++) widths[i] = Math.max(widths[i] ?? 0, 16);
  changes.push(
    { kind: "setValues", sheet, topLeft: `A${titleRow}`, values },
    { kind: "setColumnWidths", sheet, widths },
    ...styles,
    ...(openingBlock ? [{ kind: "setValues", sheet, topLeft: "A1", values: openingBlock.values } as WorkbookChange, ...openingBlock.styles] : []),
    ...actionChanges,
    ...chartChanges,
  );
  if (fingerprint !== undefined) changes.push(...fingerprintChanges(sheet, fingerprint));

  // Counts: one row per group, domain and grade, plain numbers ready for pivot tables and charts.
  const counts = countsTarget.name;
  const countRows: CellValue[][] = countsRows(summary, compiled);
  changes.push(
    { kind: "setValues", sheet: counts, topLeft: "A1", values: countRows },
    { kind: "setStyle", sheet: counts, range: "A1:D1", style: { bold: true, fill: "DDE7EE" } },
    { kind: "setColumnWidths", sheet: counts, widths: fittedWidths(countRows, [28, 62, 14, 8], 100) },
    { kind: "freezeRows", sheet: counts, rows: 1 },
    // The Counts sheet runs to many printed pages: each page repeats its header row.
    { kind: "printTitleRows", sheet: counts, rows: 1 },
  );
  return { plan: { action: "Refresh summary", changes }, layout: {
      summarySheet: sheet,
      countsSheet: counts,
      groupRows,
      chart,
      opening: openingBlock ? { findingsRow: 1, glanceRow: openingBlock.glanceRow, atOrAboveRow: openingBlock.atOrAboveRow, titleRow } : null,
    },
  };
}

/** Where the fingerprint of the summary's inputs is kept: beside the title, clear of the tables and the chart's numbers. */
export const FINGERPRINT_CELL = { row: 0, column: 3, address: "D1" } as const;

/**
 * The fingerprint cell: a later read compares it with the inputs (see summaryFingerprint). Out of sight (number format
 * ";;;" shows nothing, on screen or in print, and keeps the value) and grey in the formula bar: a reader of the sheet
 * took "Inputs cbf353aab1f78d60" beside the key findings for a stray code.
 */
function fingerprintChanges(sheet: string, fingerprint: string): WorkbookChange[] {
  return [
    { kind: "setValues", sheet, topLeft: FINGERPRINT_CELL.address, values: [[`${FINGERPRINT_LABEL}${fingerprint}`]] },
    { kind: "setStyle", sheet, range: FINGERPRINT_CELL.address, style: { fontColour: "767676", numberFormat: HIDDEN_VALUE_FORMAT } },
  ];
}

/** The fingerprint stored on a Summary sheet as read from A1, or null when there is none. */
export function storedFingerprint(values: readonly (readonly CellValue[])[] | undefined): string | null {
  const cell = values?.[FINGERPRINT_CELL.row]?.[FINGERPRINT_CELL.column];
  return typeof cell === "string" && cell.startsWith(FINGERPRINT_LABEL) ? cell.slice(FINGERPRINT_LABEL.length) : null;
}

/**
 * A titled table of counts below what `values` holds (the action plans by RAG, the grades moderation changed): its
 * title and intro in column A, the table written apart because it is wider than the sheet's first two columns. Adds
 * blank rows to `values` to keep its place and returns the changes that write and dress it.
 */
function countsSection(sheet: string, values: CellValue[][], top: number, title: string, intro: string, rows: CellValue[][]): WorkbookChange[] {
  values.push([title, null], [intro, null]);
  for (let i = 0; i < rows.length; i++) values.push([null, null]);
  values.push([null, null]);
  return [
    { kind: "setValues", sheet, topLeft: `A${top + 2}`, values: rows },
    { kind: "setStyle", sheet, range: `A${top}`, style: { bold: true, fontSize: 12 } },
    { kind: "setStyle", sheet, range: `A${top + 1}`, style: { italic: true, wrap: true } },
    { kind: "setStyle", sheet, range: rangeAddress(0, top + 2, rows[0].length, rows.length), style: { border: true, verticalAlignment: "Top" } },
    { kind: "setStyle", sheet, range: rangeAddress(0, top + 2, rows[0].length, 1), style: { bold: true, fill: "DDE7EE", wrap: true } },
  ];
}
