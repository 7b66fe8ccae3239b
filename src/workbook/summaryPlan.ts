import { ActionsReportJson, DiagnosticsConfig, FINGERPRINT_LABEL, ModerationCount, Summary, compileScale, rangeAddress, readableTextColour } from "../domain";
import { MODERATION_HEADINGS, MODERATION_INTRO, MODERATION_TITLE, moderationRows } from "../presentation/moderation";
import { ACTION_SUMMARY_HEADINGS, ACTION_SUMMARY_TITLE, actionSummaryIntro, actionSummaryRows } from "../presentation/actions";
import { fittedWidths } from "./columnWidths";
import { countsRows } from "../presentation/counts";
import { gradeDistribution, gradeName } from "../presentation/distribution";
import { ownedSheetName } from "./ownedSheets";
import { CellValue, WorkbookChange, WorkbookPlan } from "./plan";
import { SheetInfo } from "./port";
import {
  HEADLINE_RULE,
  NOTHING_COUNTED,
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
  // Styles go after the values they dress.
  const styles: WorkbookChange[] = [{ kind: "setStyle", sheet, range: "A1", style: { bold: true, fontSize: 14 } }];

  const groupWord = groupWordOf(summary.by);
  const values: CellValue[][] = [[findingsTitle(summary.by), null]];
  for (const line of describeBase(summary)) values.push([line, null]);
  // One sentence a row, so neither runs off a printed page.
  for (const sentence of HEADLINE_RULE.split(/(?<=\.) /)) values.push([sentence, null]);
  values.push([null, null]);
  styles.push({ kind: "setStyle", sheet, range: `A2:A${values.length}`, style: { italic: true } });

  const groupRows: number[] = [];
  for (const group of summary.groups) {
    const heading = values.length + 1;
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
  if (summary.groups.length === 0) values.push([NOTHING_COUNTED, null], [null, null]);

  if (summary.base.excluded.length > 0) {
    const start = values.length + 1;
    values.push([ROWS_LEFT_OUT, null], ["Row", "Reason"]);
    for (const row of summary.base.excluded) values.push([leftOutRow(row), leftOutReasons(row)]);
    styles.push(
      { kind: "setStyle", sheet, range: `A${start}`, style: { bold: true, fontSize: 12 } },
      { kind: "setStyle", sheet, range: `A${start + 1}:B${start + 1}`, style: { bold: true, fill: "DDE7EE" } },
      { kind: "setStyle", sheet, range: `A${start + 1}:B${values.length}`, style: { border: true, wrap: true, verticalAlignment: "Top" } },
    );
  }
  const actionChanges: WorkbookChange[] = [];
  if (actions && actions.services.length > 0) {
    const top = values.length + 1;
    const block: CellValue[][] = [["Service", ...ACTION_SUMMARY_HEADINGS], ...actionSummaryRows(actions)];
    values.push([ACTION_SUMMARY_TITLE, null], [actionSummaryIntro(actions.today), null]);
    for (let i = 0; i < block.length; i++) values.push([null, null]);
    values.push([null, null]);
    actionChanges.push(
      { kind: "setValues", sheet, topLeft: `A${top + 2}`, values: block },
      { kind: "setStyle", sheet, range: `A${top}`, style: { bold: true, fontSize: 12 } },
      { kind: "setStyle", sheet, range: `A${top + 1}`, style: { italic: true } },
      { kind: "setStyle", sheet, range: rangeAddress(0, top + 2, block[0].length, block.length), style: { border: true, verticalAlignment: "Top" } },
      { kind: "setStyle", sheet, range: rangeAddress(0, top + 2, block[0].length, 1), style: { bold: true, fill: "DDE7EE" } },
    );
  }
  if (moderation && moderation.length > 0) {
    const top = values.length + 1;
    const block: CellValue[][] = [["Service", ...MODERATION_HEADINGS], ...moderationRows(moderation)];
    values.push([MODERATION_TITLE, null], [MODERATION_INTRO, null]);
    for (let i = 0; i < block.length; i++) values.push([null, null]);
    values.push([null, null]);
    actionChanges.push(
      { kind: "setValues", sheet, topLeft: `A${top + 2}`, values: block },
      { kind: "setStyle", sheet, range: `A${top}`, style: { bold: true, fontSize: 12 } },
      { kind: "setStyle", sheet, range: `A${top + 1}`, style: { italic: true, wrap: true } },
      { kind: "setStyle", sheet, range: rangeAddress(0, top + 2, block[0].length, block.length), style: { border: true, verticalAlignment: "Top" } },
      { kind: "setStyle", sheet, range: rangeAddress(0, top + 2, block[0].length, 1), style: { bold: true, fill: "DDE7EE", wrap: true } },
    );
  }
  // Below everything: the chart domain's grades per group as plain numbers, and a stacked bar chart of them, so a
  // printed page holds the tables at full width. Refresh clears the sheet (charts included) first: never duplicated.
  const widths = [58, 40];
  const chartChanges: WorkbookChange[] = [];
  let chart: SummaryLayout["chart"] = null;
  const distribution = gradeDistribution(summary, config, compiled);
  if (distribution) {
    const top = values.length + 1;
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
  changes.push(
    { kind: "setValues", sheet, topLeft: "A1", values },
    { kind: "setColumnWidths", sheet, widths },
    ...styles,
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
  );
  return { plan: { action: "Refresh summary", changes }, layout: { summarySheet: sheet, countsSheet: counts, groupRows, chart } };
}

/** Where the fingerprint of the summary's inputs is kept: beside the title, clear of the tables and the chart's numbers. */
export const FINGERPRINT_CELL = { row: 0, column: 3, address: "D1" } as const;

/** The fingerprint cell, in small grey text: a later read compares it with the inputs (see summaryFingerprint). */
function fingerprintChanges(sheet: string, fingerprint: string): WorkbookChange[] {
  return [
    { kind: "setValues", sheet, topLeft: FINGERPRINT_CELL.address, values: [[`${FINGERPRINT_LABEL}${fingerprint}`]] },
    { kind: "setStyle", sheet, range: FINGERPRINT_CELL.address, style: { fontColour: "767676" } },
  ];
}

/** The fingerprint stored on a Summary sheet as read from A1, or null when there is none. */
export function storedFingerprint(values: readonly (readonly CellValue[])[] | undefined): string | null {
  const cell = values?.[FINGERPRINT_CELL.row]?.[FINGERPRINT_CELL.column];
  return typeof cell === "string" && cell.startsWith(FINGERPRINT_LABEL) ? cell.slice(FINGERPRINT_LABEL.length) : null;
}
