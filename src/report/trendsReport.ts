import { AlignmentType, HeadingLevel, Paragraph, Table } from "docx";
import { DiagnosticsConfig, ThemeCount, TrendsJson, compileScale, overallMovers } from "../domain";
import { GLANCE_TITLE, KEY_FINDINGS_TITLE, atAGlance, findingSource, findingsOf, glanceNote, glanceText } from "../presentation/glance";
import { atOrAboveHeading, ofVisits, thresholdWords, trendGroups } from "../presentation/trendsWording";
import { stackedBarPng } from "./png";
import { TEXT_WIDTH, barCell, caption, fitWidths, heading, para, table, textCell } from "./wordReport";

/** The Word report's parts for issue 12: key findings and the picture at a glance first, progress since the last round. */

const BAR = { width: 170, height: 14, density: 2 };

/** Key findings in words (each with the table it comes from), then the matrix at a glance. */
export function openingSections(trends: TrendsJson, config: DiagnosticsConfig, threshold: string, themes?: ThemeCount[]): (Paragraph | Table)[] {
  const compiled = compileScale(config.scale);
  const groupWord = "areas" in trends ? "area" : "service";
  // Issue 12: with the theme totals (summaryThemeTotals), a finding on the most frequent theme.
  const findings = findingsOf(trends, config, compiled, threshold, themes);
  const out: (Paragraph | Table)[] = [];
  if (findings.length > 0) {
    out.push(heading(KEY_FINDINGS_TITLE, HeadingLevel.HEADING_1));
    for (const f of findings) out.push(para(`${f.text} (See ${findingSource(f, groupWord)}.)`));
  }
  const glance = atAGlance(trends, config, compiled);
  if (glance.rows.length === 0) return out;
  out.push(heading(GLANCE_TITLE, HeadingLevel.HEADING_1), para(glanceNote(glance, groupWord), { italics: true, keepNext: true }));
  const header = [groupWord === "area" ? "Area" : "Service", ...glance.columns];
  const cellShare = (TEXT_WIDTH - 2200) / glance.columns.length;
  const widths = fitWidths([2200, ...glance.columns.map(() => cellShare)], header, glance.rows.map((r) => [r.name, ...r.cells.map(glanceText)]));
  const nameWidth = widths[0];
  const rows = glance.rows.map((r) => [
    textCell(r.name, { width: nameWidth }),
    ...r.cells.map((c, i) =>
      textCell(glanceText(c), {
        width: widths[i + 1],
        align: AlignmentType.CENTER,
        bold: i === glance.columns.length - 1 && !!config.overall,
        fill: c.headline && c.visits > 0 ? compiled.byCode.get(c.headline)?.colour : undefined,
      }),
    ),
  ]);
  out.push(table(widths, header, rows), new Paragraph({ children: [] }));
  return out;
}

/**
 * "Progress since the last round": per service and round a bar of visits at or above the threshold and below, with
 * the numbers beside it, then the teams whose overall conclusion improved and declined, by name only. Only with two
 * rounds or more.
 */
export function progressSection(trends: TrendsJson, config: DiagnosticsConfig, threshold: string, figure: number): (Paragraph | Table)[] {
  if (trends.rounds.length < 2) return [];
  const compiled = compileScale(config.scale);
  const above = compiled.byCode.get(threshold)?.colour ?? "8CC63F";
  const below = "BFBFBF";
  const label = atOrAboveHeading(config, threshold);
  const words = thresholdWords(config, threshold);
  const groupWord = "areas" in trends ? "area" : "service";
  const [prev, last] = trends.rounds.slice(-2);
  const out: (Paragraph | Table)[] = [
    heading("Progress since the last round", HeadingLevel.HEADING_1),
    para(`How many visits in each round had an overall conclusion ${words} or better, per ${groupWord}, comparing ${last} with ${prev}.`, { keepNext: true }),
    caption(`Figure ${figure}: visits ${label.toLowerCase()} per ${groupWord} and round (number of visits)`),
  ];
  const rowsData = trendGroups(trends).flatMap((g) => g.rounds.map((r) => ({ name: `${g.name}, ${r.round}`, above: r.atOrAboveThreshold, visits: r.visits })));
  const max = Math.max(1, ...rowsData.map((r) => r.visits));
  const barFloor = Math.round(BAR.width * 15) + 200;
  const header = [groupWord === "area" ? "Area and round" : "Service and round", `${label}, then below`, label, `Below ${words}`, "Visits"];
  const numberShare = (TEXT_WIDTH - 3000 - barFloor) / 3;
  const widths = fitWidths(
    [3000, barFloor, numberShare, numberShare, numberShare],
    header,
    rowsData.map((r) => [r.name, "", String(r.above), String(r.visits - r.above), String(r.visits)]),
    { floors: [0, barFloor] },
  );
  const [nameWidth, barWidth, numberWidth] = widths;
  const rows = rowsData.map((r) => {
    const png = stackedBarPng([{ count: r.above, colour: above }, { count: r.visits - r.above, colour: below }], max, BAR.width * BAR.density, BAR.height * BAR.density);
    const bar = barCell(png, barWidth, r.name, `${r.name}: ${ofVisits(r.above, r.visits)} ${words} or better.`);
    return [
      textCell(r.name, { width: nameWidth }),
      bar,
      textCell(String(r.above), { width: numberWidth, align: AlignmentType.CENTER }),
      textCell(String(r.visits - r.above), { width: widths[3], align: AlignmentType.CENTER }),
      textCell(String(r.visits), { width: widths[4], align: AlignmentType.CENTER, bold: true }),
    ];
  });
  out.push(
    table(widths, header, rows),
    para(`Each bar shows one ${groupWord}'s visits in one round, ${words} or better on the left, drawn to the same scale. The numbers beside each bar give the same counts.`, { italics: true }),
  );
  if (config.overall) {
    const movers = overallMovers(trends, config.overall.fullLabel);
    const names = (list: typeof movers.improved) => list.map((t) => `${t.team} (${t.service})`).join(", ");
    out.push(
      heading("Teams whose overall conclusion changed", HeadingLevel.HEADING_2),
      para("Each team's latest visit compared with its previous one. Team names only; nothing of what was written about them.", { italics: true }),
      para(movers.improved.length > 0 ? `Improved (${movers.improved.length}): ${names(movers.improved)}.` : "Improved: none."),
      para(movers.declined.length > 0 ? `Declined (${movers.declined.length}): ${names(movers.declined)}.` : "Declined: none."),
    );
  }
  return out;
}
