/**
 * Action plans (issue 11 §2): reading the Actions table, "Start action plan" from a visit, the checks, the
 * `actions` report, and editing an action's status and progress in place. The pane and the command line call these.
 */
import {
  ActionInput,
  ActionItem,
  ActionProblem,
  ActionsReportJson,
  IsoDate,
  Problem,
  RawTable,
  RecordTable,
  VisitForm,
  actionRecord,
  actionStatus,
  actionsReport,
  cellAddress,
  cellText,
  checkActions,
  foldLabel,
  isOverdue,
  ragOf,
  recommendationLines,
  recordTable,
  startActionPlan,
  visitRecord,
  Rag,
} from "../domain";
import { actionsRawTable } from "../workbook/actionsPlan";
import { WorkbookChange } from "../workbook/plan";
import { WorkbookPort } from "../workbook/port";
import { appendRowsChanges, cellChanges } from "../workbook/tablePlan";
import { ActionContext, planFrom, readContext, requireTable } from "./context";

export class NoActionsTableError extends Error {
  constructor() {
    super("This workbook has no Actions table yet. Choose Set up workbook first.");
  }
}

/** The Actions table as read, matched once. */
export interface ActionsTable {
  table: RawTable;
  name: string | null;
  records: RecordTable<ActionItem>;
}

export function actionsTable(context: ActionContext): ActionsTable | null {
  const table = actionsRawTable(context.snapshot);
  if (!table) return null;
  return { table, name: context.snapshot.actions?.table ?? null, records: recordTable(actionRecord, table.headers) };
}

const blankRow = (cells: readonly unknown[]) => cells.every((c) => cellText(c).trim() === "");

export function toInput(item: ActionItem, row?: number): ActionInput {
  return {
    actionId: item.actionId,
    visitId: item.visitId,
    service: item.service,
    team: item.team,
    recommendation: item.recommendation,
    action: item.action,
    owner: item.owner,
    due: item.dueDate || null,
    status: item.status,
    progress: item.progress,
    completed: item.completedDate || null,
    ...(row !== undefined ? { row } : {}),
  };
}

export function toItem(a: ActionInput): ActionItem {
  return {
    actionId: a.actionId,
    visitId: a.visitId,
    service: a.service,
    team: a.team,
    recommendation: a.recommendation,
    action: a.action,
    owner: a.owner,
    dueDate: a.due ?? "",
    status: a.status,
    progress: a.progress,
    completedDate: a.completed ?? "",
  };
}

/** Every non-blank row of the Actions table, with its sheet row. */
export function readActionInputs(t: ActionsTable): ActionInput[] {
  const out: ActionInput[] = [];
  t.table.rows.forEach((cells, i) => {
    if (!blankRow(cells)) out.push(toInput(t.records.read(cells), t.table.headerRow + 1 + i));
  });
  return out;
}

/** The visits' IDs and dates, as the action checks need them. */
export function visitRefs(context: ActionContext): { visitId: string; date: IsoDate | null }[] {
  if (!context.table) return [];
  const visits = recordTable(visitRecord(context.config, context.compiled), context.table.headers);
  return context.table.rows
    .filter((cells) => !blankRow(cells))
    .map((cells) => {
      const v = visits.read(cells);
      return { visitId: v.visitId, date: v.visitDate || null };
    })
    .filter((v) => v.visitId !== "");
}

const COLUMN_OF: Record<ActionProblem["column"], keyof ActionItem> = {
  visitId: "visitId",
  due: "dueDate",
  status: "status",
  completed: "completedDate",
};

const BRIEF: Record<ActionProblem["kind"], string> = {
  unknownVisit: "the Visit ID is not in the Diagnostics table",
  dueBeforeVisit: "the action is due before its visit",
  completeWithoutDate: "Complete without a completed date",
  unknownStatus: "the status is not on the list",
};

/** The action checks as problems naming the cell, as the visits' do ("Actions!I5: …"). */
export function actionCellProblems(t: ActionsTable, problems: readonly ActionProblem[]): Problem[] {
  return problems.map((p) => {
    const key = COLUMN_OF[p.column];
    const column = actionRecord.columns.find((c) => c.key === key)!;
    const at = t.records.columns.get(key);
    const row = p.row ?? t.table.headerRow;
    const cell = at === undefined ? `row ${row}` : cellAddress(t.table.firstColumn + at, row);
    const who = p.actionId.trim() !== "" ? `Action ${p.actionId.trim()}` : "This action";
    return { sheet: t.table.sheet, row, column: column.header, cell, message: `${who} ${p.message}`, severity: "error", brief: `${cell}: ${BRIEF[p.kind]}` };
  });
}

/** Checks every action against the visits: the problems for Check sheet and `validate`. */
export function checkActionsIn(context: ActionContext): Problem[] {
  const t = actionsTable(context);
  if (!t) return [];
  return actionCellProblems(t, checkActions(readActionInputs(t), visitRefs(context)));
}

/** The actions by RAG per service from a read that asked for the Actions table; null without one. */
export function actionsReportOf(context: ActionContext, today: IsoDate): ActionsReportJson | null {
  const t = actionsTable(context);
  return t ? actionsReport(readActionInputs(t), today, { serviceOrder: context.config.services }) : null;
}

/** The `actions --json` document for a workbook: per service the actions by RAG, the overdue ones, the problems. */
export async function actionsOverview(port: WorkbookPort, today: IsoDate): Promise<ActionsReportJson & { cellProblems: Problem[] }> {
  const context = await readContext(port, { rows: true, narrative: false, lists: true, selection: false, actions: true });
  const t = actionsTable(context);
  if (!t) throw new NoActionsTableError();
  const inputs = readActionInputs(t);
  const problems = checkActions(inputs, visitRefs(context));
  const report = actionsReport(inputs, today, { serviceOrder: context.config.services, problems });
  return { ...report, cellProblems: actionCellProblems(t, problems) };
}

export interface StartPlanResult {
  visitId: string;
  added: ActionInput[];
  /** Recommendation lines that already had an action. */
  skipped: number;
  /** Sheet row of the first action written, or null when none was. */
  row: number | null;
}

export class VisitNotFoundError extends Error {
  constructor(visitId: string) {
    super(`No visit has the ID "${visitId}" in the Diagnostics table: save the visit first, then start its action plan.`);
  }
}

/** The visit with that ID, read in full (recommendations included). */
function visitById(context: ActionContext, visitId: string): VisitForm | null {
  const table = requireTable(context);
  const visits = recordTable(visitRecord(context.config, context.compiled), table.headers);
  const key = foldLabel(visitId);
  for (const cells of table.rows) {
    if (key !== "" && foldLabel(visits.text(cells, "visitId")) === key) return visits.read(cells);
  }
  return null;
}

/**
 * "Start action plan": one Not started action per recommendation line of the visit, owner the team manager, due
 * three months after the visit, appended below the Actions table the co-authoring-safe way. A recommendation that
 * already has an action for this visit gets no second one, so running it twice adds nothing.
 */
export async function startActionPlanFor(port: WorkbookPort, visitId: string): Promise<StartPlanResult> {
  const context = await readContext(port, { rows: true, narrative: true, lists: true, selection: false, actions: true });
  const t = actionsTable(context);
  if (!t) throw new NoActionsTableError();
  const visit = visitById(context, visitId);
  if (!visit) throw new VisitNotFoundError(visitId);
  if (!visit.visitDate) throw new Error(`Visit ${visit.visitId} has no visit date, so its actions cannot be given a due date. Fill in the date first.`);
  const existing = readActionInputs(t);
  const added = startActionPlan(
    { visitId: visit.visitId, service: visit.service, team: visit.team, date: visit.visitDate, recommendations: visit.recommendations, teamManager: visit.teamManager },
    existing,
  );
  const total = new Set(recommendationLines(visit.recommendations).map(foldLabel)).size;
  if (added.length === 0) return { visitId: visit.visitId, added, skipped: total, row: null };
  const width = t.table.headers.length;
  const { changes, row } = appendRowsChanges(t.table, t.name, added.map((a) => t.records.row(toItem(a), width)));
  await port.apply(planFrom(context, "Start action plan", changes));
  return { visitId: visit.visitId, added, skipped: total - added.length, row };
}

/** An action as the pane lists it. */
export interface ActionListing {
  row: number;
  item: ActionItem;
  rag: Rag;
  overdue: boolean;
}

const URGENCY: Record<Rag, number> = { Red: 0, Amber: 1, Green: 2, Complete: 3 };

/** Every action, overdue and at-risk first (Red, then Amber, Green, Complete; earliest due first within each). */
export async function listActions(port: WorkbookPort, today: IsoDate): Promise<ActionListing[]> {
  const context = await readContext(port, { rows: true, narrative: true, lists: true, selection: false, actions: true });
  const t = actionsTable(context);
  if (!t) throw new NoActionsTableError();
  const listings: ActionListing[] = [];
  t.table.rows.forEach((cells, i) => {
    if (blankRow(cells)) return;
    const item = t.records.read(cells);
    const input = toInput(item);
    listings.push({ row: t.table.headerRow + 1 + i, item, rag: ragOf(input, today), overdue: isOverdue(input, today) });
  });
  const due = (l: ActionListing) => l.item.dueDate || "9999-12-31";
  return listings.sort((a, b) => URGENCY[a.rag] - URGENCY[b.rag] || (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : a.row - b.row));
}

export class ActionMovedError extends Error {
  constructor(actionId: string, row: number) {
    super(`Row ${row} no longer holds action ${actionId}: someone may have sorted or edited the sheet. Open the actions again.`);
  }
}

export type ActionEdit = Partial<Pick<ActionItem, "status" | "progress" | "completedDate">>;

/**
 * Changes an action's status and progress (and completed date) in place, writing only those cells. The row is read
 * again first and must still hold the action as listed, so a co-author's sort or edit is never written over.
 */
export async function updateAction(port: WorkbookPort, row: number, original: ActionItem, edit: ActionEdit): Promise<ActionItem> {
  if (edit.status !== undefined && actionStatus(edit.status) === null) throw new Error(`"${edit.status}" is not an action status.`);
  const context = await readContext(port, { rows: true, narrative: true, lists: true, selection: false, actions: true });
  const t = actionsTable(context);
  if (!t) throw new NoActionsTableError();
  const cells = t.table.rows[row - t.table.headerRow - 1];
  const current = cells ? t.records.read(cells) : null;
  if (!current || JSON.stringify(current) !== JSON.stringify(original)) throw new ActionMovedError(original.actionId, row);
  const after: ActionItem = { ...current, ...edit };
  const changes: WorkbookChange[] = cellChanges(t.table, row, t.records.cells(current), t.records.cells(after));
  if (changes.length > 0) await port.apply(planFrom(context, "Update an action", changes));
  return after;
}
