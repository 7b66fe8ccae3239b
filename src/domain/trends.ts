import { DiagnosticsConfig, OVERALL_KEY, gradedColumns } from "./config";
import { IsoDate } from "./dates";
import { decidingGrade } from "./programme";
import { GroupBy, chooseHeadline, gradingText, orderCounts } from "./rollup";
import { TeamLink, orderRounds, roundOf, teamIdentity } from "./rounds";
import { CompiledScale, compileScale } from "./scale";
import { foldLabel } from "./text";

/** Trends across rounds (issue 12): per-round tables side by side, and each team's change. */

export type GradeChange = "improved" | "declined" | "same" | "new" | "not comparable";

/** A counted visit as trends need it. Grades are canonical codes keyed by domain key. */
export interface TrendVisit {
  visitId: string;
  service: string;
  team: string;
  area?: string;
  date: IsoDate;
  /** As typed; blank means the financial year stands in. */
  round: string;
  grades: Record<string, string>;
}

/**
 * The change between two grades by the scale's order, a split grade sitting between its
 * two grades. No judgement (or a blank or unknown grade) on either side is not comparable.
 */
export function gradeChange(previous: string | undefined, latest: string | undefined, compiled: CompiledScale): GradeChange {
  const a = compiled.byCode.get(previous ?? "");
  const b = compiled.byCode.get(latest ?? "");
  if (!a || !b || !a.graded || !b.graded) return "not comparable";
  if (b.rank < a.rank) return "improved";
  if (b.rank > a.rank) return "declined";
  return "same";
}

export interface TrendRowJson {
  domain: string;
  headline: string | null;
  tie: boolean;
  counts: Record<string, number>;
  text: string;
}

export interface TrendRoundJson {
  round: string;
  visits: number;
  atOrAboveThreshold: number;
  rows: TrendRowJson[];
}

export interface TrendTeamJson {
  service: string;
  team: string;
  visits: { visitId: string; round: string; date: IsoDate; grades: Record<string, string> }[];
  change: Record<string, GradeChange>;
}

/** The shape of `trends --json` (issue 12); with by "area" the group keys are `areas` / `area`. */
export type TrendsJson = {
  rounds: string[];
  teams: TrendTeamJson[];
  problems: unknown[];
} & ({ services: ({ service: string; rounds: TrendRoundJson[] })[] } | { areas: ({ area: string; rounds: TrendRoundJson[] })[] });

export interface TrendsOptions {
  by?: GroupBy;
  compiled?: CompiledScale;
  links?: readonly TeamLink[];
  /** The threshold level code; default the scale's second level (Good on the Ofsted scale). */
  threshold?: string;
  problems?: unknown[];
}

/** True when the visit's overall (or, with no overall column, its lowest domain) is at or above the threshold. */
export function atOrAbove(visit: Pick<TrendVisit, "grades">, config: DiagnosticsConfig, compiled: CompiledScale, threshold: string): boolean {
  const limit = compiled.byCode.get(threshold);
  if (!limit || !limit.graded) return false;
  const grade = config.overall
    ? compiled.byCode.get(visit.grades[config.overall.key] ?? "") ?? null
    : decidingGrade({ grades: visit.grades }, compiled, false);
  return !!grade && grade.graded && grade.rank <= limit.rank;
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, "en-GB", { numeric: true });
}

function orderNames(names: Iterable<string>, preferred: readonly string[]): string[] {
  const known = preferred.map(foldLabel);
  const position = (n: string) => {
    const i = known.indexOf(foldLabel(n));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...names].sort((a, b) => position(a) - position(b) || byName(a, b));
}

/** Builds the trends tables and team changes from counted visits. Row order never changes the result. */
export function buildTrends(visits: readonly TrendVisit[], config: DiagnosticsConfig, options: TrendsOptions = {}): TrendsJson {
  const by = options.by ?? "service";
  const compiled = options.compiled ?? compileScale(config.scale);
  const threshold = options.threshold ?? config.scale.levels[Math.min(1, config.scale.levels.length - 1)]?.code ?? "";
  const domains = gradedColumns(config);
  const identity = teamIdentity(options.links ?? []);
  const base = orderRounds(visits);
  const roundKey = new Map(base.rounds.map((r, i) => [foldLabel(r), i]));
  const roundIndex = (v: TrendVisit) => roundKey.get(foldLabel(roundOf(v).round)) ?? 0;

  // Per group, per round: visit count, threshold count and a tally per domain.
  const groups = new Map<string, { name: string; rounds: Map<number, { visits: number; above: number; counts: Map<string, number>[] }> }>();
  const teams = new Map<string, { service: string; team: string; list: TrendVisit[] }>();
  for (const v of visits) {
    const name = (by === "service" ? v.service : v.area ?? "").trim();
    if (name !== "") {
      const gkey = foldLabel(name);
      let g = groups.get(gkey);
      if (!g) groups.set(gkey, (g = { name, rounds: new Map() }));
      const ri = roundIndex(v);
      let r = g.rounds.get(ri);
      if (!r) g.rounds.set(ri, (r = { visits: 0, above: 0, counts: domains.map(() => new Map()) }));
      r.visits++;
      if (atOrAbove(v, config, compiled, threshold)) r.above++;
      domains.forEach((d, i) => {
        const code = v.grades[d.key];
        if (code) r!.counts[i].set(code, (r!.counts[i].get(code) ?? 0) + 1);
      });
    }
    if (foldLabel(v.team) === "") continue;
    const tkey = identity.keyOf(v.service, v.team);
    let t = teams.get(tkey);
    if (!t) teams.set(tkey, (t = { service: v.service.trim(), team: v.team.trim(), list: [] }));
    t.list.push(v);
  }

  const groupRows = orderNames(
    [...groups.values()].map((g) => g.name),
    by === "service" ? config.services : config.areas,
  ).map((name) => {
    const g = groups.get(foldLabel(name))!;
    const rounds = [...g.rounds.keys()].sort((a, b) => a - b).map((ri) => {
      const r = g.rounds.get(ri)!;
      return {
        round: base.rounds[ri],
        visits: r.visits,
        atOrAboveThreshold: r.above,
        rows: domains.map((d, i) => {
          const headline = chooseHeadline(r.counts[i], compiled, config.tieRule);
          const counts = orderCounts(r.counts[i], compiled);
          return {
            domain: d.fullLabel,
            headline: headline.category?.code ?? null,
            tie: headline.tie,
            counts: Object.fromEntries(counts.map((c) => [c.grade, c.count])),
            text: gradingText(counts, headline, compiled, d.key === OVERALL_KEY),
          };
        }),
      };
    });
    return { name, rounds };
  });

  const teamRows: TrendTeamJson[] = [...teams.values()].map((t) => {
    const list = [...t.list].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : roundIndex(a) - roundIndex(b) || byName(a.visitId, b.visitId),
    );
    const latest = list[list.length - 1];
    const previous = list.length > 1 ? list[list.length - 2] : null;
    const service = list[0].service.trim();
    // The Lists sheet's name; else the first spelling met, so a later typo in case or spacing does not rename it.
    const team = identity.currentName(latest.service, latest.team) ?? list[0].team.trim();
    return {
      service,
      team,
      visits: list.map((v) => ({
        visitId: v.visitId,
        round: base.rounds[roundIndex(v)],
        date: v.date,
        grades: Object.fromEntries(domains.filter((d) => v.grades[d.key]).map((d) => [d.fullLabel, v.grades[d.key]])),
      })),
      change: Object.fromEntries(
        domains.map((d) => [d.fullLabel, previous ? gradeChange(previous.grades[d.key], latest.grades[d.key], compiled) : "new"]),
      ),
    };
  });
  const serviceOrder = config.services.map(foldLabel);
  const sp = (s: string) => {
    const i = serviceOrder.indexOf(foldLabel(s));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  teamRows.sort((a, b) => sp(a.service) - sp(b.service) || byName(a.service, b.service) || byName(a.team, b.team));

  const problems = options.problems ?? [];
  const roundNames = base.rounds;
  return by === "service"
    ? { rounds: roundNames, services: groupRows.map((g) => ({ service: g.name, rounds: g.rounds })), teams: teamRows, problems }
    : { rounds: roundNames, areas: groupRows.map((g) => ({ area: g.name, rounds: g.rounds })), teams: teamRows, problems };
}

/** Teams whose change in the given row (the overall conclusion's full label) is improved or declined. */
export function overallMovers(trends: TrendsJson, overallLabel: string): { improved: TrendTeamJson[]; declined: TrendTeamJson[] } {
  return {
    improved: trends.teams.filter((t) => t.change[overallLabel] === "improved"),
    declined: trends.teams.filter((t) => t.change[overallLabel] === "declined"),
  };
}
