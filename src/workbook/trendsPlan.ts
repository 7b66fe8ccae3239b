import { DiagnosticsConfig, compileScale, gradedColumns, rangeAddress, readableTextColour } from "../domain";
import type { TrendsJson } from "../domain";
import {
  CHANGE_FILLS,
  TEAM_CHANGES_NOTE,
  TEAM_CHANGES_TITLE,
  TRENDS_TITLE,
  atOrAboveHeading,
  gradingHeading,
  ofVisits,
  roundsLine,
  thresholdLine,
  thresholdWords,
  trendGroups,
} from "../presentation/trendsWording";
import { ownedSheetName } from "./ownedSheets";
import { CellValue, WorkbookChange, WorkbookPlan } from "./plan";
import { SheetInfo } from "./port";

export const TRENDS_OWNER = "trends";
export const TRENDS_CHART_NAME = "TD_TrendsAtOrAbove";

export interface TrendsLayout {
  sheet: string;
  /** 1-based rows of each group's heading, of the team table's header, and the chart's numbers. */
  groupRows: number[];
  teamHeaderRow: number | null;
  chart: { name: string; dataRange: string } | null;
}

const HEADER_FILL = "DDE7EE";

/**
 * The Trends sheet (issue 12), the add-in's own, cleared and written again on every refresh like the Summary sheet:
 * per service (or area) the published table with one Grading column per round, the visits and how many were at or
 * above the threshold; per team the change words; and a stacked bar chart of visits at or above and below the
 * threshold per group and round. Team names and grades only: nothing narrative.
 */
export function trendsPlan(
  trends: TrendsJson,
  config: DiagnosticsConfig,
  sheets: readonly SheetInfo[],
  options: { threshold: string; inferred?: readonly string[] },
): { plan: WorkbookPlan; layout: TrendsLayout } {
  const compiled = compileScale(config.scale);
  const target = ownedSheetName(sheets, TRENDS_OWNER, "Trends");
  const sheet = target.name;
  const changes: WorkbookChange[] = [target.exists ? { kind: "clearSheet", sheet } : { kind: "addSheet", sheet, owner: TRENDS_OWNER }];
  const rounds = trends.rounds;
  const width = 1 + Math.max(1, rounds.length);
  const pad = (row: CellValue[]): CellValue[] => [...row, ...Array(Math.max(0, width - row.length)).fill(null)];
  const values: CellValue[][] = [pad([TRENDS_TITLE])];
  const styles: WorkbookChange[] = [{ kind: "setStyle", sheet, range: "A1", style: { bold: true, fontSize: 14 } }];
  for (const line of [...roundsLine(trends, options.inferred), thresholdLine(config, options.threshold)]) values.push(pad([line]));
  styles.push({ kind: "setStyle", sheet, range: `A2:A${values.length}`, style: { italic: true } });
  values.push(pad([]));

  const groupRows: number[] = [];
  for (const group of trendGroups(trends)) {
    const heading = values.length + 1;
    groupRows.push(heading);
    const byRound = rounds.map((r) => group.rounds.find((x) => x.round === r));
    const domains = group.rounds[0]?.rows.map((r) => r.domain) ?? [];
    values.push(pad([group.name]), pad(["Quality domain", ...rounds.map(gradingHeading)]));
    domains.forEach((domain, i) => {
      const at = values.length + 1;
      values.push(pad([domain, ...byRound.map((r) => r?.rows[i]?.text ?? null)]));
      byRound.forEach((r, c) => {
        const colour = r?.rows[i]?.headline ? compiled.byCode.get(r.rows[i].headline ?? "")?.colour : undefined;
        if (colour) styles.push({ kind: "setStyle", sheet, range: rangeAddress(c + 1, at, 1, 1), style: { fill: colour, fontColour: readableTextColour(colour) } });
      });
    });
    values.push(pad(["Visits", ...byRound.map((r) => r?.visits ?? null)]));
    values.push(pad([atOrAboveHeading(config, options.threshold), ...byRound.map((r) => (r ? ofVisits(r.atOrAboveThreshold, r.visits) : null))]));
    const last = values.length;
    styles.push(
      { kind: "setStyle", sheet, range: `A${heading}`, style: { bold: true, fontSize: 12 } },
      { kind: "setStyle", sheet, range: rangeAddress(0, heading + 1, width, last - heading), style: { border: true, wrap: true, verticalAlignment: "Top" } },
      { kind: "setStyle", sheet, range: rangeAddress(0, heading + 1, width, 1), style: { bold: true, fill: HEADER_FILL } },
      { kind: "setStyle", sheet, range: rangeAddress(0, last - 1, width, 2), style: { bold: true } },
      // "1 of 2" is text, which Excel puts on the left: aligned right with the visit numbers above it, as counts are.
      { kind: "setStyle", sheet, range: rangeAddress(1, last - 1, width - 1, 2), style: { horizontalAlignment: "Right" } },
    );
    values.push(pad([]));
  }

  // Per team: the change words, one column per domain (short labels, as the Diagnostics sheet heads them).
  const columns = gradedColumns(config);
  let teamHeaderRow: number | null = null;
  const teamBlock: CellValue[][] = [];
  if (trends.teams.length > 0) {
    teamHeaderRow = values.length + 2;
    teamBlock.push([TEAM_CHANGES_TITLE], [TEAM_CHANGES_NOTE], ["Service", "Team", "Visits", ...columns.map((d) => d.shortLabel)]);
    trends.teams.forEach((t, i) => {
      teamBlock.push([t.service, t.team, t.visits.length, ...columns.map((d) => t.change[d.fullLabel] ?? null)]);
      columns.forEach((d, c) => {
        const fill = CHANGE_FILLS[t.change[d.fullLabel] ?? ""];
        if (fill) styles.push({ kind: "setStyle", sheet, range: rangeAddress(3 + c, teamHeaderRow! + 1 + i, 1, 1), style: { fill } });
      });
    });
    const teamWidth = 3 + columns.length;
    styles.push(
      { kind: "setStyle", sheet, range: `A${teamHeaderRow - 2}`, style: { bold: true, fontSize: 12 } },
      { kind: "setStyle", sheet, range: `A${teamHeaderRow - 1}`, style: { italic: true } },
      { kind: "setStyle", sheet, range: rangeAddress(0, teamHeaderRow, teamWidth, 1), style: { bold: true, fill: HEADER_FILL, wrap: true } },
      // Wrapped, so a long team name ("Safeguarding Team 9 (Central and West)") is not cut off at the Visits column.
      { kind: "setStyle", sheet, range: rangeAddress(0, teamHeaderRow, teamWidth, trends.teams.length + 1), style: { border: true, wrap: true, verticalAlignment: "Top" } },
    );
  }

  // The figure's numbers, then the chart: visits at or above the threshold and below, per group and round.
  const chartChanges: WorkbookChange[] = [];
  let chart: TrendsLayout["chart"] = null;
  const groups = trendGroups(trends);
  if (groups.length > 0) {
    const top = (teamHeaderRow !== null ? teamHeaderRow + trends.teams.length + 2 : values.length + 1);
    const label = atOrAboveHeading(config, options.threshold);
    const title = `Visits ${label.toLowerCase()} per ${"areas" in trends ? "area" : "service"} and round (number of visits)`;
    const block: CellValue[][] = [
      ["Group and round", label, `Below ${thresholdWords(config, options.threshold)}`],
      ...groups.flatMap((g) => g.rounds.map((r) => [`${g.name} ${r.round}`, r.atOrAboveThreshold, r.visits - r.atOrAboveThreshold])),
    ];
    const dataRange = rangeAddress(0, top + 1, 3, block.length);
    const colour = compiled.byCode.get(options.threshold)?.colour ?? "00B050";
    chart = { name: TRENDS_CHART_NAME, dataRange };
    chartChanges.push(
      { kind: "setValues", sheet, topLeft: rangeAddress(0, top, 1, 1), values: [[title]] },
      { kind: "setValues", sheet, topLeft: rangeAddress(0, top + 1, 1, 1), values: block },
      { kind: "setStyle", sheet, range: rangeAddress(0, top, 1, 1), style: { bold: true, fontSize: 12 } },
      { kind: "setStyle", sheet, range: dataRange, style: { border: true } },
      { kind: "setStyle", sheet, range: rangeAddress(0, top + 1, 3, 1), style: { bold: true, fill: HEADER_FILL } },
      {
        kind: "addChart",
        sheet,
        name: TRENDS_CHART_NAME,
        title,
        dataRange,
        series: [
          { name: String(block[0][1]), colour },
          { name: String(block[0][2]), colour: "BFBFBF" },
        ],
        anchor: rangeAddress(0, top + block.length + 2, 1, 1),
        width: 520,
        height: Math.max(240, 90 + 28 * (block.length - 1)),
      },
    );
  }
  changes.push({ kind: "setValues", sheet, topLeft: "A1", values });
  if (teamBlock.length > 0 && teamHeaderRow !== null) {
    const w = Math.max(...teamBlock.map((r) => r.length));
    changes.push({ kind: "setValues", sheet, topLeft: `A${teamHeaderRow - 2}`, values: teamBlock.map((r) => [...r, ...Array(w - r.length).fill(null)]) });
  }
  changes.push({ kind: "setColumnWidths", sheet, widths: [58, ...Array(Math.max(rounds.length, 2 + columns.length)).fill(30)] }, ...styles, ...chartChanges);
  return { plan: { action: "Refresh trends", changes }, layout: { sheet, groupRows, teamHeaderRow, chart } };
}
