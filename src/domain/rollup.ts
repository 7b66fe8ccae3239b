import { DiagnosticsConfig, OVERALL_KEY, TieRule, gradedColumns } from "./config";
import { IsoDate } from "./dates";
import { CompiledScale, GradeCategory, compileScale } from "./scale";
import { foldLabel } from "./text";
import { financialYear } from "./calendar";
import { ExcludedRow, ValidationResult, Visit } from "./visits";
import { groupThemes } from "./themeSummary";
import type { ServiceThemes } from "./themes";

export type GroupBy = "service" | "area";

export interface SummaryFilter {
  round?: string;
  from?: IsoDate;
  to?: IsoDate;
}

export interface GradeCount {
  grade: string;
  count: number;
}

/** One line of a per-service table: a domain and its grading cell. */
export interface SummaryRow {
  domainKey: string;
  /** The domain's full label. */
  domain: string;
  /** Headline grade code, or null when no visit was graded. */
  headline: string | null;
  tie: boolean;
  /** Largest count first; equal counts best grade first. */
  counts: GradeCount[];
  /** The cell as published, e.g. "RI (5 x RI, 3 x I, 1 x G)". */
  text: string;
}

export interface GroupSummary {
  name: string;
  visits: number;
  rows: SummaryRow[];
}

/** What a table rests on: the filter, the visits counted and what was left out. */
export interface SummaryBase {
  filter: SummaryFilter;
  rounds: string[];
  firstVisit: IsoDate | null;
  lastVisit: IsoDate | null;
  visits: number;
  drafts: number;
  /** Visits outside the round or dates asked for. */
  filteredOut: number;
  /** Visits with no area, when grouping by area. */
  ungrouped: number;
  excluded: ExcludedRow[];
  /** Deep dives in the selection: never counted in the grade tables (issue 11 §4); absent or 0 when none. */
  deepDives?: number;
  /** The functions the deep dives looked at, alphabetically, with how many each (present with deepDives). */
  deepDiveFunctions?: { name: string; count: number }[];
  /** Visits For moderation in the selection: not counted until Final (issue 15); absent when none. */
  forModeration?: number;
  /**
   * When a round was asked for and no visit is in it: the rounds the visits are in, in order (a round mistyped,
   * "2017/18" for "2017-18", is then plain). Absent otherwise.
   */
  otherRounds?: string[];
}

export interface Summary {
  by: GroupBy;
  base: SummaryBase;
  groups: GroupSummary[];
  /** Per group, the teams each theme was raised for (issue 12); only when the table has a theme column. */
  themes?: ServiceThemes[];
}

export const NOT_GRADED = "Not graded";

/** True when a visit passes the round and date filter. */
/** A counted visit's round: its Round, or its financial year when Round is blank, as the trends count it (rounds.ts). */
function visitRound(round: string, visitDate: IsoDate): string {
  return round !== "" ? round : financialYear(visitDate);
}

export function inFilter(visit: Pick<Visit, "round" | "visitDate">, filter: SummaryFilter): boolean {
  if (filter.round !== undefined && foldLabel(visitRound(visit.round, visit.visitDate)) !== foldLabel(filter.round)) return false;
  if (filter.from !== undefined && visit.visitDate < filter.from) return false;
  if (filter.to !== undefined && visit.visitDate > filter.to) return false;
  return true;
}

/** For a draft or a row left out: outside the filter only when its round or date says so; unknown stays in. */
export function mayBeInFilter(row: { round: string; visitDate: IsoDate | null }, filter: SummaryFilter): boolean {
  // A blank Round with a date is in its financial year; with neither, it may be in any round.
  const round = row.round !== "" ? row.round : row.visitDate !== null ? financialYear(row.visitDate) : "";
  if (filter.round !== undefined && round !== "" && foldLabel(round) !== foldLabel(filter.round)) return false;
  if (row.visitDate !== null) {
    if (filter.from !== undefined && row.visitDate < filter.from) return false;
    if (filter.to !== undefined && row.visitDate > filter.to) return false;
  }
  return true;
}

interface Headline {
  category: GradeCategory | null;
  tie: boolean;
  /** How a tie was settled: the lower grade, or the split grade between two neighbours. */
  settled?: "lower" | "split";
}

/** The most frequent graded category; a tie goes to the rule. */
export function chooseHeadline(
  counts: ReadonlyMap<string, number>,
  compiled: CompiledScale,
  rule: TieRule,
): Headline {
  let top = 0;
  let leaders: GradeCategory[] = [];
  for (const [code, count] of counts) {
    const category = compiled.byCode.get(code);
    if (!category || !category.graded || count === 0) continue;
    if (count > top) {
      top = count;
      leaders = [category];
    } else if (count === top) leaders.push(category);
  }
  if (leaders.length === 0) return { category: null, tie: false };
  leaders.sort((a, b) => a.rank - b.rank);
  const worst = leaders[leaders.length - 1];
  if (leaders.length === 1) return { category: worst, tie: false };
  if (rule === "split" && leaders.length === 2 && worst.rank - leaders[0].rank === 2 && worst.rank % 2 === 0) {
    const between = compiled.categories.find((c) => c.rank === worst.rank - 1);
    if (between) return { category: between, tie: true, settled: "split" };
  }
  return { category: worst, tie: true, settled: "lower" };
}

/** Counts in published order: largest first, equal counts best grade first. */
export function orderCounts(counts: ReadonlyMap<string, number>, compiled: CompiledScale): GradeCount[] {
  const rank = (code: string) => compiled.byCode.get(code)?.rank ?? Number.MAX_SAFE_INTEGER;
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([grade, count]) => ({ grade, count }))
    .sort((a, b) => b.count - a.count || rank(a.grade) - rank(b.grade));
}

/** The published cell: "RI (5 x RI, 3 x I, 1 x G)"; the overall row spells the headline out. */
export function gradingText(
  counts: readonly GradeCount[],
  headline: Headline,
  compiled: CompiledScale,
  spellOut: boolean,
): string {
  const nj = compiled.scale.noJudgement;
  const list = counts
    .map(({ grade, count }) => `${count} x ${grade === nj.code ? nj.countLabel : grade}`)
    .join(", ");
  const lead = headline.category ? (spellOut ? headline.category.label : headline.category.code) : NOT_GRADED;
  const tieNote = headline.tie ? `; tie, ${headline.settled === "split" ? "split" : "lower"} grade shown` : "";
  return `${lead} (${list}${tieNote})`;
}

function orderGroups(names: Iterable<string>, preferred: readonly string[]): string[] {
  const known = preferred.map(foldLabel);
  const position = (name: string) => {
    const i = known.indexOf(foldLabel(name));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...names].sort((a, b) => position(a) - position(b) || a.localeCompare(b, "en-GB", { numeric: true }));
}

/** Rolls validated visits up into one table per service (or area). Row order never changes the result. */
/** `{ deepDives: n }` when the selection has deep dives, else nothing: a base without them is as it was. */
function forModerationIn(validation: ValidationResult, filter: SummaryFilter): Pick<SummaryBase, "forModeration"> {
  const n = (validation.forModeration ?? []).filter((d) => mayBeInFilter(d, filter)).length;
  return n > 0 ? { forModeration: n } : {};
}

function deepDivesIn(validation: ValidationResult, filter: SummaryFilter): Pick<SummaryBase, "deepDives" | "deepDiveFunctions"> {
  const dives = (validation.deepDives ?? []).filter((d) => inFilter(d, filter));
  if (dives.length === 0) return {};
  const functions = new Map<string, { name: string; count: number }>();
  for (const d of dives) {
    const key = foldLabel(d.service);
    const f = functions.get(key) ?? { name: d.service, count: 0 };
    f.count++;
    functions.set(key, f);
  }
  const deepDiveFunctions = [...functions.values()].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return { deepDives: dives.length, deepDiveFunctions };
}

export function rollUp(
  validation: ValidationResult,
  config: DiagnosticsConfig,
  options: { by?: GroupBy; filter?: SummaryFilter; compiled?: CompiledScale } = {},
): Summary {
  const by = options.by ?? "service";
  const filter = options.filter ?? {};
  const compiled = options.compiled ?? compileScale(config.scale);
  const domains = gradedColumns(config);
  // Per domain, grade → a counter bumped in place: one Map look-up per grade, not a get and a set.
  const groups = new Map<string, { visits: number; counts: Map<string, { n: number }>[] }>();
  const rounds = new Set<string>();
  let firstVisit: IsoDate | null = null;
  let lastVisit: IsoDate | null = null;
  let counted = 0;
  let filteredOut = 0;
  let ungrouped = 0;

  const roundsOutside = new Set<string>();
  for (const visit of validation.visits) {
    if (!inFilter(visit, filter)) {
      filteredOut++;
      if (filter.round !== undefined) roundsOutside.add(visitRound(visit.round, visit.visitDate));
      continue;
    }
    const name = by === "service" ? visit.service : visit.area;
    if (name === "") {
      ungrouped++;
      continue;
    }
    counted++;
    rounds.add(visitRound(visit.round, visit.visitDate));
    if (firstVisit === null || visit.visitDate < firstVisit) firstVisit = visit.visitDate;
    if (lastVisit === null || visit.visitDate > lastVisit) lastVisit = visit.visitDate;
    let group = groups.get(name);
    if (!group) {
      group = { visits: 0, counts: domains.map(() => new Map<string, { n: number }>()) };
      groups.set(name, group);
    }
    group.visits++;
    for (let d = 0; d < domains.length; d++) {
      const grade = visit.grades[domains[d].key];
      const tally = group.counts[d];
      const counter = tally.get(grade);
      if (counter === undefined) tally.set(grade, { n: 1 });
      else counter.n++;
    }
  }

  const preferred = by === "service" ? config.services : config.areas;
  return {
    by,
    base: {
      filter,
      rounds: orderGroups(rounds, []),
      firstVisit,
      lastVisit,
      visits: counted,
      drafts: validation.drafts.filter((d) => mayBeInFilter(d, filter)).length,
      filteredOut,
      ungrouped,
      excluded: validation.excluded.filter((e) => mayBeInFilter(e, filter)),
      ...deepDivesIn(validation, filter),
      ...forModerationIn(validation, filter),
      ...(counted === 0 && roundsOutside.size > 0 ? { otherRounds: orderGroups(roundsOutside, []) } : {}),
    },
    groups: orderGroups(groups.keys(), preferred).map((name) => {
      const group = groups.get(name)!;
      return {
        name,
        visits: group.visits,
        rows: domains.map((domain, d) => {
          // The same grades in the same (first-seen) order as the counters.
          const tally = new Map<string, number>();
          for (const [grade, counter] of group.counts[d]) tally.set(grade, counter.n);
          const headline = chooseHeadline(tally, compiled, config.tieRule);
          const counts = orderCounts(tally, compiled);
          const spellOut = domain.key === OVERALL_KEY;
          return {
            domainKey: domain.key,
            domain: domain.fullLabel,
            headline: headline.category?.code ?? null,
            tie: headline.tie,
            counts,
            text: gradingText(counts, headline, compiled, spellOut),
          };
        }),
      };
    }),
    ...(validation.themeColumns ? { themes: groupThemes(validation.visits.filter((v) => inFilter(v, filter)), by, config, orderGroups(groups.keys(), preferred)) } : {}),
  };
}
