import { addDays, addMonths } from "./calendar";
import { IsoDate, formatBritishDate } from "./dates";
import { CompiledScale, GradeCategory } from "./scale";
import { foldLabel } from "./text";

/** The programme of visits (issue 11 §3): when each team is due again, and its status. */

/** Months until the next visit, by level code. Defaults for the Ofsted scale: O 12, G 12, RI 6, I 3. */
export type VisitIntervals = Record<string, number>;

export const DEFAULT_INTERVALS: Readonly<VisitIntervals> = { O: 12, G: 12, RI: 6, I: 3 };

/** Days ahead within which a team with nothing planned is "due soon". */
export const DUE_SOON_DAYS = 30;

export type ProgrammeStatus = "overdue" | "planned" | "due soon" | "not due" | "never visited";

/** A visit as the programme needs it: done (counted) or planned. */
export interface ProgrammeVisit {
  service: string;
  team: string;
  date: IsoDate;
  planned: boolean;
  /** Canonical overall grade code, or null/absent when blank. */
  overall?: string | null;
  /** Canonical domain grade codes by key; used when the workbook has no overall column. */
  grades?: Record<string, string>;
}

/** For a split grade, its lower level; a level is itself; no judgement or unknown → null. */
export function lowerLevel(code: string | null | undefined, compiled: CompiledScale): GradeCategory | null {
  if (!code) return null;
  const category = compiled.byCode.get(code);
  if (!category || !category.graded) return null;
  if (category.rank % 2 === 0) return category;
  return compiled.categories.find((c) => c.rank === category.rank + 1) ?? null;
}

/**
 * The grade that decides the interval: the overall grade when the workbook has an
 * overall column, else the lowest graded domain. Null when nothing was graded.
 */
export function decidingGrade(
  visit: Pick<ProgrammeVisit, "overall" | "grades">,
  compiled: CompiledScale,
  hasOverall: boolean,
): GradeCategory | null {
  if (hasOverall) return compiled.byCode.get(visit.overall ?? "") ?? null;
  let worst: GradeCategory | null = null;
  for (const code of Object.values(visit.grades ?? {})) {
    const c = compiled.byCode.get(code);
    if (c && c.graded && (!worst || c.rank > worst.rank)) worst = c;
  }
  return worst;
}

/** Months to the next visit: a split takes its lower grade's interval; no judgement or none, the shortest. */
export function intervalFor(grade: GradeCategory | null, compiled: CompiledScale, intervals: VisitIntervals): number {
  const known = compiled.scale.levels.map((l) => intervals[l.code]).filter((n): n is number => Number.isFinite(n) && n > 0);
  const shortest = known.length > 0 ? Math.min(...known) : 3;
  const level = grade ? lowerLevel(grade.code, compiled) : null;
  const months = level ? intervals[level.code] : undefined;
  return months !== undefined && Number.isFinite(months) && months > 0 ? months : shortest;
}

export interface ProgrammeTeamJson {
  service: string;
  team: string;
  lastVisit: IsoDate | null;
  lastOverall: string | null;
  nextDue: IsoDate | null;
  planned: IsoDate | null;
  status: ProgrammeStatus;
}

/** Exactly the shape of `programme --json` (issue 11). */
export interface ProgrammeJson {
  today: IsoDate;
  teams: ProgrammeTeamJson[];
}

export interface ProgrammeOptions {
  today: IsoDate;
  compiled: CompiledScale;
  /** Whether the workbook has an overall column; without one the lowest domain grade decides. */
  hasOverall: boolean;
  intervals?: VisitIntervals;
  /** Teams on the Lists sheet, so teams never visited are listed too. */
  teams?: readonly { service: string; name: string }[];
  /** Service order from the Lists sheet; the rest follow alphabetically. */
  serviceOrder?: readonly string[];
}

/** A planned visit whose day has passed (no Final visit since, or it would be the last visit): it keeps no team "planned". */
export const planLapsed = (planned: IsoDate, today: IsoDate): boolean => planned < today;

/**
 * Why a team's planned date cannot stand, or null: the programme counts only plans after the team's last visit
 * done (below), so a plan on or before it would be a row that shows nowhere. `done` is the counted visits.
 */
export function plannedDateProblem(
  done: readonly { service: string; team: string; visitDate: IsoDate }[],
  plan: { service: string; team: string; visitDate: IsoDate },
): string | null {
  const key = (v: { service: string; team: string }) => `${foldLabel(v.service)}|${foldLabel(v.team)}`;
  const last = done.filter((v) => key(v) === key(plan)).reduce<typeof done[number] | null>((a, v) => (a === null || v.visitDate > a.visitDate ? v : a), null);
  if (last === null || plan.visitDate > last.visitDate) return null;
  // Named as the sheet spells it, whatever the case it was typed in.
  return `${last.team.trim()}'s last visit was on ${formatBritishDate(last.visitDate)}: a planned visit comes after it.`;
}

/**
 * One row per team (folded service + team): the last visit done, its overall grade, the
 * next due date, the next planned visit after the last one (the first from today on, else the latest that has
 * passed), and a status:
 * - `never visited`: no visit done (a planned one is still shown);
 * - `planned`: the next planned visit from today on falls on or before the due date (a plan whose day has passed
 *   with no Final visit since has lapsed: it is shown when nothing later is booked, but the team's status follows
 *   its due date, so a lapsed plan never hides an overdue team);
 * - `overdue`: the due date has passed and no visit is planned by it (a visit planned
 *   after the due date is shown, but the team is still overdue: the cautious reading);
 * - `due soon`: due within 30 days; otherwise `not due`.
 */
export function programme(visits: readonly ProgrammeVisit[], options: ProgrammeOptions): ProgrammeJson {
  const { today, compiled, hasOverall } = options;
  const intervals = options.intervals ?? DEFAULT_INTERVALS;
  const teams = new Map<string, { service: string; team: string; done: ProgrammeVisit[]; planned: IsoDate[] }>();
  const entry = (service: string, team: string) => {
    const key = `${foldLabel(service)}|${foldLabel(team)}`;
    let t = teams.get(key);
    if (!t) {
      t = { service: service.trim(), team: team.trim(), done: [], planned: [] };
      teams.set(key, t);
    }
    return t;
  };
  for (const t of options.teams ?? []) entry(t.service, t.name);
  for (const v of visits) {
    if (foldLabel(v.team) === "" || foldLabel(v.service) === "") continue;
    const t = entry(v.service, v.team);
    if (v.planned) t.planned.push(v.date);
    else t.done.push(v);
  }
  const rows: ProgrammeTeamJson[] = [];
  for (const t of teams.values()) {
    const last = t.done.reduce<ProgrammeVisit | null>((a, v) => (a === null || v.date > a.date ? v : a), null);
    const after = t.planned.filter((d) => last === null || d > last.date).sort();
    // The next plan from today on; with none, the latest that has passed (shown, but lapsed: see the status below).
    const planned = after.find((d) => !planLapsed(d, today)) ?? after[after.length - 1] ?? null;
    if (!last) {
      rows.push({ service: t.service, team: t.team, lastVisit: null, lastOverall: null, nextDue: null, planned, status: "never visited" });
      continue;
    }
    const months = intervalFor(decidingGrade(last, compiled, hasOverall), compiled, intervals);
    const nextDue = addMonths(last.date, months);
    let status: ProgrammeStatus;
    if (planned !== null && planned <= nextDue && !planLapsed(planned, today)) status = "planned";
    else if (nextDue < today) status = "overdue";
    else if (nextDue <= addDays(today, DUE_SOON_DAYS)) status = "due soon";
    else status = "not due";
    const overall = hasOverall ? (last.overall ?? null) || null : null;
    rows.push({ service: t.service, team: t.team, lastVisit: last.date, lastOverall: overall, nextDue, planned, status });
  }
  const order = (options.serviceOrder ?? []).map(foldLabel);
  const position = (s: string) => {
    const i = order.indexOf(foldLabel(s));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const byName = (a: string, b: string) => a.localeCompare(b, "en-GB", { numeric: true });
  rows.sort((a, b) => position(a.service) - position(b.service) || byName(a.service, b.service) || byName(a.team, b.team));
  return { today, teams: rows };
}

const STATUS_ORDER: ProgrammeStatus[] = ["overdue", "due soon", "never visited", "planned", "not due"];

/** The pane's order: overdue first, then due soon, never visited, planned, not due; earliest due first within each. */
export function byUrgency(teams: readonly ProgrammeTeamJson[]): ProgrammeTeamJson[] {
  return [...teams].sort(
    (a, b) =>
      STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || (a.nextDue ?? "").localeCompare(b.nextDue ?? ""),
  );
}
