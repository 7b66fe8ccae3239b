/**
 * The one home of the sentences every output shares: the Summary sheet, the pane, the Word report, the
 * clipboard table and the terminal. Layer: src/presentation imports only src/domain; workbook/, report/,
 * cli/ and taskpane/ import it downward (test/report/layering.test.ts holds the arrows).
 */
import { ExcludedRow, GroupBy, Summary, SummaryBase, formatBritishDate } from "../domain";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One sentence per fact of the base, shared by the Summary sheet, the pane and reports. */
export function describeBase(summary: Summary): string[] {
  const { base } = summary;
  const lines: string[] = [];
  const filter: string[] = [];
  if (base.filter.round !== undefined) filter.push(`round ${base.filter.round}`);
  if (base.filter.from !== undefined) filter.push(`visits from ${formatBritishDate(base.filter.from)}`);
  if (base.filter.to !== undefined) filter.push(`visits to ${formatBritishDate(base.filter.to)}`);
  lines.push(filter.length ? `Selection: ${filter.join(", ")}.` : "Selection: all rounds and dates.");
  if (base.rounds.length) lines.push(`Rounds: ${base.rounds.join(", ")}.`);
  if (base.firstVisit && base.lastVisit) {
    lines.push(`Visits dated ${formatBritishDate(base.firstVisit)} to ${formatBritishDate(base.lastVisit)}.`);
  }
  lines.push(`${plural(base.visits, "visit")} counted.`);
  const left: string[] = [];
  if (base.drafts) left.push(`${plural(base.drafts, "draft")}`);
  if (base.forModeration) left.push(forModerationCount(base.forModeration));
  if (base.excluded.length) left.push(`${plural(base.excluded.length, "row")} with problems (listed below)`);
  if (base.filteredOut) left.push(`${plural(base.filteredOut, "visit")} outside the selection`);
  if (base.ungrouped) left.push(`${plural(base.ungrouped, "visit")} with no ${summary.by}`);
  lines.push(left.length ? `Left out: ${left.join("; ")}.` : "Left out: none.");
  const deepDives = deepDivesLine(summary);
  if (deepDives) lines.push(deepDives);
  return lines;
}

/** "2 visits for moderation": what the base (and each file's line) says of visits not counted until Final (issue 15). */
export function forModerationCount(n: number): string {
  return `${plural(n, "visit")} for moderation`;
}

/** The base as one paragraph, for a copied table that has no "below" to point at. */
export function describeBaseInline(summary: Summary): string {
  return describeBase(summary).join(" ").replace(" (listed below)", "");
}

export const HEADLINE_RULE =
  "Each cell gives the most frequent grade among graded visits, then the count of each grade. A tie is marked and settled by the workbook's tie rule.";

/** The line under each group's heading, as in council reports. */
export const JUDGEMENTS_LINE = "The overall judgements of the diagnostic teams";

/** The two column headings of every published table. */
export const TABLE_HEADINGS = ["Quality domain", "Grading"] as const;

/** Said instead of the tables when no visit was counted. */
export const NOTHING_COUNTED = "No visits counted: nothing to summarise yet.";

/** Said instead of the tables when no visit was counted: which rounds there are, when the round asked for has none. */
export function nothingCounted(base: Pick<SummaryBase, "filter" | "otherRounds">): string {
  const others = base.otherRounds ?? [];
  if (base.filter.round === undefined || others.length === 0) return NOTHING_COUNTED;
  const list = others.length === 1 ? `round ${others[0]}` : `rounds ${others.slice(0, -1).join(", ")} and ${others[others.length - 1]}`;
  return `No visit is in round "${base.filter.round}": the visits are in ${list}.`;
}

/** The heading over the rows left out of the counts. */
export const ROWS_LEFT_OUT = "Rows left out";

/** What a row left out is called: "Diagnostics row 17". */
export function leftOutRow(row: ExcludedRow): string {
  return `${row.sheet} row ${row.row}`;
}

/** Why it was left out: its reasons, naming only cells and kinds of problem. */
export function leftOutReasons(row: ExcludedRow): string {
  return row.reasons.join(" ");
}

/** "Diagnostics row 17: I17: …", for lists. */
export function leftOutLine(row: ExcludedRow): string {
  return `${leftOutRow(row)}: ${leftOutReasons(row)}`;
}

export function groupHeading(_summary: Summary, name: string, visits: number): string {
  return `${name} (${plural(visits, "visit")})`;
}

/** "service" or "area", as the grouping is named in titles. */
export function groupWord(by: GroupBy): string {
  return by === "service" ? "service" : "area";
}

/** "Service" or "Area", as the first column of the Counts data and the chart block is headed. */
export function groupColumn(by: GroupBy): string {
  return by === "service" ? "Service" : "Area";
}

/** The Summary sheet's title. */
export function findingsTitle(by: GroupBy): string {
  return `Team diagnostics: findings by ${groupWord(by)}`;
}

/** The heading over the deep dives in the Word report. */
export const DEEP_DIVES_HEADING = "Deep dives";

/** One line per function a deep dive looked at, e.g. "Fostering: 1 deep dive"; empty when none. */
export function deepDiveFunctionLines(summary: Summary): string[] {
  return (summary.base.deepDiveFunctions ?? []).map((f) => `${f.name || "Function not named"}: ${plural(f.count, "deep dive")}`);
}

/** "2 deep dives (not graded, so not in the tables)." when the selection has any (issue 11 §4); null when none. */
export function deepDivesLine(summary: Summary): string | null {
  const n = summary.base.deepDives ?? 0;
  return n > 0 ? `${plural(n, "deep dive")} (functions looked at as a whole: not in the grade tables).` : null;
}
