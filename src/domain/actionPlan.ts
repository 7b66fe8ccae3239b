import { addDays, addMonths } from "./calendar";
import { IsoDate } from "./dates";
import { foldLabel } from "./text";

/** Action plans (issue 11 §2): statuses, worked-out RAG, checks, and starting a plan from a visit. */

export const ACTION_STATUSES = ["Not started", "On track", "At risk", "Off track", "Complete"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const RAGS = ["Red", "Amber", "Green", "Complete"] as const;
export type Rag = (typeof RAGS)[number];

/** Days ahead within which a Not started action turns Amber. */
export const AMBER_WINDOW_DAYS = 14;
/** Months after the visit that a new action falls due. */
export const ACTION_DUE_MONTHS = 3;

/** One row of the Actions table, as read. Status is the text typed; dates are ISO or null. */
export interface ActionInput {
  actionId: string;
  visitId: string;
  service: string;
  team: string;
  recommendation: string;
  action: string;
  owner: string;
  due: IsoDate | null;
  status: string;
  progress: string;
  completed: IsoDate | null;
  /** Sheet row, for naming cells in problems. */
  row?: number;
}

/** The status as on the list, or null when it is not one of them. */
export function actionStatus(typed: string): ActionStatus | null {
  const folded = foldLabel(typed);
  return ACTION_STATUSES.find((s) => foldLabel(s) === folded) ?? null;
}

/** True when the due date has passed and the action is not complete. */
export function isOverdue(action: Pick<ActionInput, "due" | "status">, today: IsoDate): boolean {
  return actionStatus(action.status) !== "Complete" && action.due !== null && action.due < today;
}

/**
 * RAG worked out, never typed: Complete when Complete; Red when Off track or overdue;
 * Amber when At risk, or Not started and due within 14 days; Green otherwise.
 * A status not on the list is judged by its dates alone.
 */
export function ragOf(action: Pick<ActionInput, "due" | "status">, today: IsoDate): Rag {
  const status = actionStatus(action.status);
  if (status === "Complete") return "Complete";
  if (status === "Off track" || isOverdue(action, today)) return "Red";
  if (status === "At risk") return "Amber";
  if (status === "Not started" && action.due !== null && action.due <= addDays(today, AMBER_WINDOW_DAYS)) return "Amber";
  return "Green";
}

export type ActionColumn = "visitId" | "due" | "status" | "completed";
export type ActionProblemKind = "unknownVisit" | "dueBeforeVisit" | "completeWithoutDate" | "unknownStatus";

export interface ActionProblem {
  actionId: string;
  row?: number;
  /** The column key, so the caller can name the cell. */
  column: ActionColumn;
  kind: ActionProblemKind;
  /** Never quotes narrative; names at most the Visit ID or status typed. */
  message: string;
}

/** A visit as the action checks need it. */
export interface ActionVisitRef {
  visitId: string;
  date: IsoDate | null;
}

/** Checks every action against the visits; problems in row order, then column order. */
export function checkActions(actions: readonly ActionInput[], visits: readonly ActionVisitRef[]): ActionProblem[] {
  const byId = new Map(visits.map((v) => [foldLabel(v.visitId), v]));
  const problems: ActionProblem[] = [];
  for (const a of actions) {
    const at = { actionId: a.actionId, ...(a.row !== undefined ? { row: a.row } : {}) };
    const visit = byId.get(foldLabel(a.visitId));
    if (!visit) {
      problems.push({
        ...at,
        column: "visitId",
        kind: "unknownVisit",
        message: a.visitId.trim() === "" ? "has no Visit ID." : `names Visit ID "${a.visitId.trim()}", which is not in the Diagnostics table.`,
      });
    } else if (a.due !== null && visit.date !== null && a.due < visit.date) {
      problems.push({ ...at, column: "due", kind: "dueBeforeVisit", message: "is due before the visit it comes from." });
    }
    const status = actionStatus(a.status);
    if (status === null) {
      const shown = a.status.trim().slice(0, 40);
      problems.push({
        ...at,
        column: "status",
        kind: "unknownStatus",
        message: `"${shown}" is not a status on the list (${ACTION_STATUSES.join(", ")}).`,
      });
    } else if (status === "Complete" && a.completed === null) {
      problems.push({ ...at, column: "completed", kind: "completeWithoutDate", message: "is Complete but has no completed date." });
    }
  }
  return problems;
}

/** Splits recommendations into one line each, bullets and numbering stripped. */
export function recommendationLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-*•–—·▪◦‣>]+\s*|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.):]\s+)/i, "")
        .trim(),
    )
    .filter((line) => line !== "");
}

/** The visit an action plan starts from. */
export interface ActionPlanVisit {
  visitId: string;
  service: string;
  team: string;
  date: IsoDate;
  recommendations: string;
  teamManager: string;
}

/**
 * "Start action plan": one Not started action per recommendation line, due three calendar
 * months after the visit, owned by the team manager. A line that already has an action for
 * this visit (compared folded) is skipped, so running it twice adds nothing. The Action
 * column is left for the team manager to write.
 */
export function startActionPlan(
  visit: ActionPlanVisit,
  existing: readonly Pick<ActionInput, "actionId" | "visitId" | "recommendation">[],
  newId: (n: number) => string = (n) => `${visit.visitId}-A${n}`,
): ActionInput[] {
  const visitKey = foldLabel(visit.visitId);
  const taken = new Set(existing.filter((a) => foldLabel(a.visitId) === visitKey).map((a) => foldLabel(a.recommendation)));
  const ids = new Set(existing.map((a) => foldLabel(a.actionId)));
  const due = addMonths(visit.date, ACTION_DUE_MONTHS);
  const out: ActionInput[] = [];
  let n = 0;
  for (const line of recommendationLines(visit.recommendations)) {
    const key = foldLabel(line);
    if (taken.has(key)) continue;
    taken.add(key);
    let id: string;
    do id = newId(++n);
    while (ids.has(foldLabel(id)));
    ids.add(foldLabel(id));
    out.push({
      actionId: id,
      visitId: visit.visitId,
      service: visit.service,
      team: visit.team,
      recommendation: line,
      action: "",
      owner: visit.teamManager,
      due,
      status: "Not started",
      progress: "",
      completed: null,
    });
  }
  return out;
}

export interface ActionsServiceJson {
  service: string;
  actions: number;
  rag: Record<Rag, number>;
}

export interface OverdueActionJson {
  actionId: string;
  visitId: string;
  service: string;
  team: string;
  due: IsoDate;
  status: string;
}

/** Exactly the shape of `actions --json` (issue 11). */
export interface ActionsReportJson {
  today: IsoDate;
  services: ActionsServiceJson[];
  overdue: OverdueActionJson[];
  problems: ActionProblem[];
}

/**
 * Per service the actions by RAG, and the overdue ones, earliest due first. Services
 * come in the order given (the Lists sheet's), then the rest alphabetically. Never
 * carries action text or owners.
 */
export function actionsReport(
  actions: readonly ActionInput[],
  today: IsoDate,
  options: { serviceOrder?: readonly string[]; problems?: ActionProblem[] } = {},
): ActionsReportJson {
  const groups = new Map<string, ActionsServiceJson>();
  const overdue: OverdueActionJson[] = [];
  for (const a of actions) {
    const key = foldLabel(a.service);
    let group = groups.get(key);
    if (!group) {
      group = { service: a.service.trim(), actions: 0, rag: { Red: 0, Amber: 0, Green: 0, Complete: 0 } };
      groups.set(key, group);
    }
    group.actions++;
    group.rag[ragOf(a, today)]++;
    if (isOverdue(a, today)) {
      const status = actionStatus(a.status) ?? a.status.trim();
      overdue.push({ actionId: a.actionId, visitId: a.visitId, service: group.service, team: a.team.trim(), due: a.due!, status });
    }
  }
  const order = (options.serviceOrder ?? []).map(foldLabel);
  const position = (s: string) => {
    const i = order.indexOf(foldLabel(s));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const services = [...groups.values()].sort(
    (a, b) => position(a.service) - position(b.service) || a.service.localeCompare(b.service, "en-GB", { numeric: true }),
  );
  overdue.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.actionId.localeCompare(b.actionId, "en-GB", { numeric: true })));
  return { today, services, overdue, problems: options.problems ?? [] };
}
