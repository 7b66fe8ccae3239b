import { financialYear } from "./calendar";
import { IsoDate } from "./dates";
import { foldLabel } from "./text";

/** Rounds of visits and team identity across them (issue 12). */

export interface RoundOf {
  round: string;
  /** True when Round was blank and the financial year stands in. */
  inferred: boolean;
}

/**
 * A financial year typed another way ("2017/18", "17-18", "2017-2018", "FY 2017/18") as the project writes it,
 * "2017-18", so one year is one round; any other round ("Round 1", "2017") as typed. The two years must follow on.
 */
export function canonicalRound(text: string): string {
  const m = /^(?:fy\s*)?(\d{2}|\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})$/i.exec(text.trim());
  if (!m) return text;
  const first = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  const second = Number(m[2]);
  const follows = m[2].length === 2 ? second === (first + 1) % 100 : second === first + 1;
  return follows ? `${first}-${String((first + 1) % 100).padStart(2, "0")}` : text;
}

/** A visit's round: its Round value, or its financial year ("2017-18") when blank. */
export function roundOf(visit: { round: string; date: IsoDate }): RoundOf {
  const typed = visit.round.trim();
  return typed !== "" ? { round: typed, inferred: false } : { round: financialYear(visit.date), inferred: true };
}

export interface RoundsBase {
  /** Rounds ordered by their earliest visit date, never as text. */
  rounds: string[];
  /** Rounds that stand for a financial year because Round was blank. */
  inferred: string[];
  /** How many visits had a blank Round. */
  inferredVisits: number;
}

/**
 * Orders rounds by their earliest visit (ties: natural order, so "Round 9" before
 * "Round 10"). Rounds that differ only in case or spacing are one round, spelt as first met.
 */
export function orderRounds(visits: readonly { round: string; date: IsoDate }[]): RoundsBase {
  const rounds = new Map<string, { name: string; first: IsoDate; inferred: boolean }>();
  let inferredVisits = 0;
  for (const v of visits) {
    const { round, inferred } = roundOf(v);
    if (inferred) inferredVisits++;
    const key = foldLabel(round);
    const r = rounds.get(key);
    if (!r) rounds.set(key, { name: round, first: v.date, inferred });
    else {
      if (v.date < r.first) r.first = v.date;
      r.inferred = r.inferred || inferred;
    }
  }
  const ordered = [...rounds.values()].sort(
    (a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : a.name.localeCompare(b.name, "en-GB", { numeric: true })),
  );
  return { rounds: ordered.map((r) => r.name), inferred: ordered.filter((r) => r.inferred).map((r) => r.name), inferredVisits };
}

/** A team on the Lists sheet with the names it was previously called. */
export interface TeamLink {
  service: string;
  team: string;
  previouslyCalled: readonly string[];
}

export interface TeamIdentity {
  /** The key a visit's team is known by across rounds: folded service and current team name. */
  keyOf(service: string, team: string): string;
  /** The current name for a team, when the Lists sheet gives one. */
  currentName(service: string, team: string): string | null;
  /** Current team key → the earlier names linked to it. */
  previouslyCalled: Map<string, string[]>;
}

const join = (service: string, team: string) => `${foldLabel(service)}|${foldLabel(team)}`;

/** Team identity: same folded service and team name, or linked by "Previously called". */
export function teamIdentity(links: readonly TeamLink[] = []): TeamIdentity {
  const alias = new Map<string, string>();
  const names = new Map<string, string>();
  const previouslyCalled = new Map<string, string[]>();
  for (const link of links) {
    const current = join(link.service, link.team);
    names.set(current, link.team.trim());
    const earlier = link.previouslyCalled.map((n) => n.trim()).filter((n) => n !== "" && join(link.service, n) !== current);
    if (earlier.length > 0) previouslyCalled.set(current, earlier);
    for (const old of earlier) {
      const key = join(link.service, old);
      // A name cannot be both a current team and an alias of another: the current team wins.
      if (!alias.has(key)) alias.set(key, current);
    }
  }
  for (const key of names.keys()) alias.delete(key);
  const keyOf = (service: string, team: string) => {
    const key = join(service, team);
    return alias.get(key) ?? key;
  };
  return {
    keyOf,
    currentName: (service, team) => names.get(keyOf(service, team)) ?? null,
    previouslyCalled,
  };
}
