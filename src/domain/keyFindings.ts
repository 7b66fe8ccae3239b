import { CompiledScale, GradeCategory } from "./scale";
import { ThemeCount } from "./themes";
import { TrendsJson } from "./trends";

/**
 * Key findings in words (issue 12): a few plain British English sentences drawn from the
 * figures alone, never from narrative text, each tagged with the table it traces to.
 */

export type KeyFindingTable = "overall grades" | "groups" | "trends" | "themes";

export interface KeyFinding {
  text: string;
  /** The table beside it that the sentence traces to, and which part. */
  source: { table: KeyFindingTable; group?: string; round?: string; theme?: string };
}

export interface GroupFigures {
  name: string;
  visits: number;
  atOrAbove: number;
  /** The same figures in the round before, when there is one. */
  previous?: { visits: number; atOrAbove: number };
}

export interface KeyFindingsInput {
  compiled: CompiledScale;
  /** Threshold level code (Good on the Ofsted scale). */
  threshold: string;
  /** Overall grade counts across every team counted; omit when the workbook has no overall column. */
  overallCounts?: Record<string, number>;
  groups: GroupFigures[];
  groupWord?: "service" | "area";
  latestRound?: string;
  previousRound?: string;
  /** Totals across services, as themeTotals gives them. */
  themes?: ThemeCount[];
}

const teams = (n: number) => `${n} ${n === 1 ? "team" : "teams"}`;
/** The verb after "N of M teams": "1 of its 2 teams was graded", "0 of 2 were". */
const were = (n: number) => (n === 1 ? "was" : "were");

/**
 * The fewest visits a group needs in both rounds for its change to be "the largest change": a share of 0 of 1 or
 * 2 of 2 moves by a whole team's worth on one visit, so below 3 visits in either round a group's change is left out
 * of this finding (its figures are still in the Trends table).
 */
export const LARGEST_CHANGE_MIN_VISITS = 3;

/**
 * A sentence about the latest round only, saying which round it is ("In 2018-19, most teams…"), since the
 * figures beside it may count every round; unchanged when the round is not known.
 */
function inLatestRound(input: KeyFindingsInput, sentence: string, startsWithName = false): string {
  if (!input.latestRound) return sentence;
  const rest = startsWithName ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1);
  return `In ${roundInWords(input.latestRound)}, ${rest}`;
}

/** A grade in running text: "requires improvement"; a split "between good and requires improvement". */
export function gradeInWords(category: GradeCategory, compiled: CompiledScale): string {
  if (category.rank % 2 === 0) return category.label.toLowerCase();
  const better = compiled.categories.find((c) => c.rank === category.rank - 1);
  const worse = compiled.categories.find((c) => c.rank === category.rank + 1);
  return better && worse ? `between ${better.label.toLowerCase()} and ${worse.label.toLowerCase()}` : category.code;
}

/** "as good" for a grade, "between good and requires improvement" for a split. */
function asGrade(words: string): string {
  return words.startsWith("between ") ? words : `as ${words}`;
}

function listInWords(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function gradeShare(input: KeyFindingsInput): KeyFinding | null {
  const { compiled } = input;
  const graded = Object.entries(input.overallCounts ?? {})
    .map(([code, count]) => ({ category: compiled.byCode.get(code), count }))
    .filter((g): g is { category: GradeCategory; count: number } => !!g.category && g.category.graded && g.count > 0);
  const total = graded.reduce((s, g) => s + g.count, 0);
  if (total === 0) return null;
  const top = Math.max(...graded.map((g) => g.count));
  const leaders = graded.filter((g) => g.count === top).sort((a, b) => a.category.rank - b.category.rank);
  const source = { table: "overall grades" as const, ...(input.latestRound ? { round: input.latestRound } : {}) };
  const words = leaders.map((l) => gradeInWords(l.category, compiled));
  const said = (text: string) => ({ text: inLatestRound(input, text), source });
  if (leaders.length > 1) return said(`As many teams were graded ${listInWords(words.map(asGrade))} (${top} of ${total} each).`);
  if (top === total) return said(total === 1 ? `The 1 team counted was graded ${asGrade(words[0])}.` : `All ${total} teams were graded ${asGrade(words[0])}.`);
  if (top * 2 > total) return said(`Most teams (${top} of ${total}) were graded ${asGrade(words[0])}.`);
  return said(`More teams were graded ${asGrade(words[0])} than any other grade (${top} of ${total}).`);
}

function thresholdWords(input: KeyFindingsInput): string | null {
  const limit = input.compiled.byCode.get(input.threshold);
  if (!limit || !limit.graded) return null;
  return limit.rank === 0 ? limit.label.toLowerCase() : `${limit.label.toLowerCase()} or better`;
}

/** The single group whose share at or above the threshold is furthest from everyone's; none on a tie. */
function standsOut(input: KeyFindingsInput): KeyFinding | null {
  const words = thresholdWords(input);
  const groups = input.groups.filter((g) => g.visits >= 2);
  const visits = input.groups.reduce((s, g) => s + g.visits, 0);
  const above = input.groups.reduce((s, g) => s + g.atOrAbove, 0);
  if (!words || groups.length < 2 || visits === 0) return null;
  // Compared as exact fractions of whole counts: |a/v - A/V| is |a·V - A·v| / (v·V), and V is the same for every
  // group, so gaps compare by cross-multiplying whole numbers (1 of 3 and 3 of 3 are equally far from 6 of 9; in
  // floating point one of them came out a hair further).
  const gap = (g: GroupFigures) => ({ n: Math.abs(g.atOrAbove * visits - above * g.visits), d: g.visits });
  const byGap = (a: GroupFigures, b: GroupFigures) => gap(b).n * gap(a).d - gap(a).n * gap(b).d;
  const ranked = [...groups].sort(byGap);
  if (gap(ranked[0]).n === 0 || byGap(ranked[0], ranked[1]) === 0) return null;
  const g = ranked[0];
  const all = input.groupWord === "area" ? "all areas" : "all services";
  return {
    text: inLatestRound(input, `${g.name} stands out: ${g.atOrAbove} of its ${teams(g.visits)} ${were(g.atOrAbove)} graded as ${words}, against ${above} of ${visits} across ${all}.`, true),
    source: { table: "groups", group: g.name, ...(input.latestRound ? { round: input.latestRound } : {}) },
  };
}

function largestChange(input: KeyFindingsInput): KeyFinding | null {
  const words = thresholdWords(input);
  const groups = input.groups.filter((g) => g.previous && g.previous.visits >= LARGEST_CHANGE_MIN_VISITS && g.visits >= LARGEST_CHANGE_MIN_VISITS);
  if (!words || groups.length === 0) return null;
  // As exact fractions, as in standsOut: a/v - p/w is (a·w - p·v) / (v·w).
  const delta = (g: GroupFigures) => ({ n: g.atOrAbove * g.previous!.visits - g.previous!.atOrAbove * g.visits, d: g.visits * g.previous!.visits });
  const bySize = (a: GroupFigures, b: GroupFigures) => Math.abs(delta(b).n) * delta(a).d - Math.abs(delta(a).n) * delta(b).d;
  const ranked = [...groups].sort(bySize);
  const d = delta(ranked[0]).n;
  if (d === 0 || (ranked[1] && bySize(ranked[0], ranked[1]) === 0)) return null;
  const g = ranked[0];
  const since = input.previousRound ? ` since ${roundInWords(input.previousRound)}` : " since the last round";
  return {
    text: `The largest change${since} was in ${g.name}, where the share of teams graded as ${words} ${d > 0 ? "rose" : "fell"} from ${g.previous!.atOrAbove} of ${g.previous!.visits} to ${g.atOrAbove} of ${g.visits}.`,
    source: { table: "trends", group: g.name, ...(input.latestRound ? { round: input.latestRound } : {}) },
  };
}

function mostFrequentTheme(input: KeyFindingsInput, side: "asAreaForImprovement" | "asStrength"): KeyFinding | null {
  const counts = (input.themes ?? []).filter((t) => t[side] > 0);
  if (counts.length === 0) return null;
  const top = Math.max(...counts.map((t) => t[side]));
  const leaders = counts.filter((t) => t[side] === top).map((t) => t.theme);
  const what = side === "asAreaForImprovement" ? "an area for improvement" : "a strength";
  const whats = side === "asAreaForImprovement" ? "areas for improvement" : "strengths";
  const names = leaders.map((n) => n.charAt(0).toLowerCase() + n.slice(1));
  const text =
    leaders.length === 1
      ? `The theme raised most often as ${what} was ${names[0]} (${teams(top)}).`
      : `The themes raised most often as ${whats} were ${listInWords(names)} (${teams(top)} each).`;
  return { text, source: { table: "themes", theme: leaders[0] } };
}

/** A few sentences from the figures: the grade share, the group that stands out, the largest change, the top themes. */
export function keyFindings(input: KeyFindingsInput): KeyFinding[] {
  return [
    gradeShare(input),
    standsOut(input),
    largestChange(input),
    mostFrequentTheme(input, "asAreaForImprovement"),
    mostFrequentTheme(input, "asStrength"),
  ].filter((f): f is KeyFinding => f !== null);
}

/**
 * The figures for keyFindings from a trends table: each group's latest round and the
 * round before, and the overall counts of the latest round across groups.
 */
export function keyFindingsInputFromTrends(
  trends: TrendsJson,
  options: { compiled: CompiledScale; threshold: string; overallLabel?: string; themes?: ThemeCount[] },
): KeyFindingsInput {
  const latestRound = trends.rounds[trends.rounds.length - 1];
  const previousRound = trends.rounds.length > 1 ? trends.rounds[trends.rounds.length - 2] : undefined;
  const list = "services" in trends ? trends.services.map((s) => ({ name: s.service, rounds: s.rounds })) : trends.areas.map((a) => ({ name: a.area, rounds: a.rounds }));
  const overallCounts: Record<string, number> = {};
  const groups: GroupFigures[] = [];
  for (const g of list) {
    const latest = g.rounds.find((r) => r.round === latestRound);
    if (!latest) continue;
    const prev = previousRound ? g.rounds.find((r) => r.round === previousRound) : undefined;
    groups.push({
      name: g.name,
      visits: latest.visits,
      atOrAbove: latest.atOrAboveThreshold,
      ...(prev ? { previous: { visits: prev.visits, atOrAbove: prev.atOrAboveThreshold } } : {}),
    });
    const row = options.overallLabel ? latest.rows.find((r) => r.domain === options.overallLabel) : undefined;
    for (const [code, n] of Object.entries(row?.counts ?? {})) overallCounts[code] = (overallCounts[code] ?? 0) + n;
  }
  return {
    compiled: options.compiled,
    threshold: options.threshold,
    ...(options.overallLabel ? { overallCounts } : {}),
    groups,
    groupWord: "services" in trends ? "service" : "area",
    latestRound,
    ...(previousRound ? { previousRound } : {}),
    ...(options.themes ? { themes: options.themes } : {}),
  };
}

/** A round as a sentence names it: a bare number ("1", as many councils type Round) reads "round 1"; others as written. */
export function roundInWords(round: string): string {
  const r = round.trim();
  return /^\d+$/.test(r) ? `round ${r}` : r;
}
