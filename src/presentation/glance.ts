import {
  CompiledScale,
  DiagnosticsConfig,
  GradeChange,
  KeyFinding,
  NOT_GRADED,
  TrendsJson,
  gradeChange,
  gradedColumns,
  keyFindings,
  keyFindingsInputFromTrends,
  roundInWords,
} from "../domain";
import { THEMES_TITLE } from "./themes";
import type { ThemeCount } from "../domain";
import { trendGroups } from "./trendsWording";

/** The picture at a glance (issue 12): services (or areas) by domains, the overall column last, latest round. */
export interface GlanceCell {
  headline: string | null;
  /** Visits graded in that domain (no judgement included) in the latest round. */
  visits: number;
  /** Change of the headline since the round before; absent with one round or no grading then. */
  change?: GradeChange;
}

export interface Glance {
  round: string | null;
  previousRound: string | null;
  /** Short labels, the overall conclusion last. */
  columns: string[];
  rows: { name: string; cells: GlanceCell[] }[];
  /** Groups with visits in an earlier round but none in the latest: no row, and the note names them. */
  absent: string[];
}

export const GLANCE_TITLE = "At a glance";
export const KEY_FINDINGS_TITLE = "Key findings";
/** Arrows for a change word, as on the sheet and in the report: ▲ better, ▼ worse, = same. */
export const CHANGE_ARROWS: Partial<Record<GradeChange, string>> = { improved: "▲", declined: "▼", same: "=" };

export function atAGlance(trends: TrendsJson, config: DiagnosticsConfig, compiled: CompiledScale): Glance {
  const columns = gradedColumns(config);
  const round = trends.rounds[trends.rounds.length - 1] ?? null;
  const previousRound = trends.rounds.length > 1 ? trends.rounds[trends.rounds.length - 2] : null;
  const groups = trendGroups(trends);
  const absent = groups.filter((g) => !g.rounds.some((r) => r.round === round)).map((g) => g.name);
  const rows = groups
    .map((g) => {
      const latest = g.rounds.find((r) => r.round === round);
      const before = previousRound ? g.rounds.find((r) => r.round === previousRound) : undefined;
      if (!latest) return null;
      return {
        name: g.name,
        cells: columns.map((d) => {
          const row = latest.rows.find((r) => r.domain === d.fullLabel);
          const prev = before?.rows.find((r) => r.domain === d.fullLabel);
          const cell: GlanceCell = { headline: row?.headline ?? null, visits: Object.values(row?.counts ?? {}).reduce((s, n) => s + n, 0) };
          if (prev && prev.headline && row?.headline) cell.change = gradeChange(prev.headline, row.headline, compiled);
          return cell;
        }),
      };
    })
    .filter((r): r is { name: string; cells: GlanceCell[] } => r !== null);
  return { round, previousRound, columns: columns.map((d) => d.shortLabel), rows, absent };
}

/**
 * "RI (9)": the headline and the visits; "Not graded (1)" where every visit had no judgement, as the grading tables
 * say of such a domain ("Not graded (1 x no judgement)").
 */
export function glanceHeadline(cell: GlanceCell): string {
  return `${cell.headline ?? NOT_GRADED} (${cell.visits})`;
}

/** "RI (9) ▲": the headline, the visits, the arrow for the change since the round before. */
export function glanceText(cell: GlanceCell): string {
  if (cell.visits === 0) return "";
  const arrow = cell.change ? CHANGE_ARROWS[cell.change] : undefined;
  return `${glanceHeadline(cell)}${arrow ? ` ${arrow}` : ""}`;
}

export function glanceNote(glance: Glance, groupWord: string): string {
  if (!glance.round) return "No visits counted: nothing to show yet.";
  const base = `Headline grade per ${groupWord} and domain in ${roundInWords(glance.round)}, with the number of visits in brackets, no judgement included.`;
  const note = glance.previousRound ? `${base} ▲ better, ▼ worse, = same as in ${roundInWords(glance.previousRound)}.` : base;
  // The table is the latest round's: a group seen only in earlier rounds is said, so the table is not read as all of them.
  // Semicolons between the names: a service's own name may hold "and" ("Placements and residential"). Worded for areas
  // too: a visit with no area names none, so an area can be missing from a round that had visits.
  return glance.absent.length > 0 ? `${note} Not shown, as no visit in ${roundInWords(glance.round)} names ${glance.absent.length === 1 ? "it" : "them"}: ${glance.absent.join("; ")}.` : note;
}

/** The key findings of a trends table, in words, from the figures only. */
export function findingsOf(trends: TrendsJson, config: DiagnosticsConfig, compiled: CompiledScale, threshold: string, themes?: ThemeCount[]): KeyFinding[] {
  return keyFindings(keyFindingsInputFromTrends(trends, { compiled, threshold, overallLabel: config.overall?.fullLabel, themes }));
}

/** Where a finding's figures are: the table beside it. */
export function findingSource(finding: KeyFinding, groupWord: string): string {
  const s = finding.source;
  const round = s.round ? ` (${roundInWords(s.round)})` : "";
  switch (s.table) {
    case "overall grades":
      return `At a glance: Overall conclusion column${round}`;
    case "groups":
      return `At a glance: ${s.group ?? groupWord} row${round}`;
    case "trends":
      return `Trends: ${s.group ?? groupWord}, At or above row`;
    case "themes":
      return `${THEMES_TITLE}: ${s.theme ?? "themes"}`;
  }
}
