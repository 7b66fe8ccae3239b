import { Summary, formatBritishDate } from "../domain";

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
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  lines.push(`${plural(base.visits, "visit")} counted.`);
  const left: string[] = [];
  if (base.drafts) left.push(`${plural(base.drafts, "draft")}`);
  if (base.excluded.length) left.push(`${plural(base.excluded.length, "row")} with problems (listed below)`);
  if (base.filteredOut) left.push(`${plural(base.filteredOut, "visit")} outside the selection`);
  if (base.ungrouped) left.push(`${plural(base.ungrouped, "visit")} with no ${summary.by}`);
  lines.push(left.length ? `Left out: ${left.join("; ")}.` : "Left out: none.");
  return lines;
}

export const HEADLINE_RULE =
  "Each cell gives the most frequent grade among graded visits, then the count of each grade. A tie is marked and settled by the workbook's tie rule.";

export function groupHeading(summary: Summary, name: string, visits: number): string {
  return `${name} (${visits} ${visits === 1 ? "visit" : "visits"})`;
}
