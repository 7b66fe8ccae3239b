/**
 * The moderation trail (issue 15) in actions: the Change log rows an edit or a new Final visit adds, built into the
 * same plan as the edit (one batch); Final visits changed outside the pane since they were made final; logging such
 * a change with a reason; and the per-service counts of grades moderation changed (counts only).
 */
import {
  ChangeLogEntry,
  Drift,
  FieldError,
  MADE_FINAL_REASON,
  ModerationCount,
  Problem,
  RecordTable,
  STATUS_FINAL,
  VisitForm,
  Who,
  cellAddress,
  cellText,
  changeEntries,
  driftFromLog,
  finalEntries,
  foldLabel,
  moderationCounts,
  needsReason,
  reasonProblem,
  recordTable,
  visitRecord,
} from "../domain";
import { changeLogAppendChanges, changeLogEntries } from "../workbook/changeLogPlan";
import { WorkbookChange } from "../workbook/plan";
import { WorkbookPort } from "../workbook/port";
import { ActionContext, planFrom, readContext, requireTable } from "./context";

/** Who is logging and why: the name the person gave the pane (kept on their device) and the reason typed. */
export interface ModerationInput {
  who: string;
  reason?: string;
  /** "dd/mm/yyyy hh:mm" on the user's clock; now by default. */
  when?: string;
}

/** The words of Check sheet and `validate` for a Final visit typed over since it was made final. */
export const DRIFT_MESSAGE = "changed outside the pane since it was made final";

export const WHO_MISSING = "Give your name: the Change log records who made each change.";

/** Now as the Change log writes it: "dd/mm/yyyy hh:mm", local time, no zone. */
export function logStamp(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()} ${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

function whoOf(input: ModerationInput | undefined): Who {
  return { when: input?.when ?? logStamp(), who: (input?.who ?? "").trim() };
}

/**
 * The Change log changes for an edit (`before` the visit as loaded) or a new visit (`before` null), and the errors
 * that stop the save: a tracked change to a visit For moderation or Final with no reason, or with no name.
 */
export function moderationChanges(
  context: ActionContext,
  before: VisitForm | null,
  after: VisitForm,
  input: ModerationInput | undefined,
): { errors: FieldError[]; changes: WorkbookChange[]; entries: ChangeLogEntry[] } {
  const who = whoOf(input);
  const reason = (input?.reason ?? "").trim();
  if (before) {
    const problem = reasonProblem(before, after, context.config, reason);
    if (problem) return { errors: [{ field: "reason", message: problem }], changes: [], entries: [] };
  }
  const becomesFinal = foldLabel(after.status) === foldLabel(STATUS_FINAL);
  const entries = before ? changeEntries(before, after, context.config, who, reason) : becomesFinal ? finalEntries(after, context.config, who) : [];
  // A change made with a reason is signed; the values logged as a visit becomes Final may go unsigned.
  const reasoned = entries.some((e) => e.reason !== MADE_FINAL_REASON);
  if (before && needsReason(before.status) && reasoned && who.who === "") return { errors: [{ field: "who", message: WHO_MISSING }], changes: [], entries: [] };
  // A new visit's values are logged only where Set up made the Change log: recording never adds a sheet by itself.
  if (!before && !context.snapshot.changeLog) return { errors: [], changes: [], entries: [] };
  return { errors: [], changes: changeLogAppendChanges(context.snapshot, entries), entries };
}

function visitsOf(context: ActionContext): { visits: RecordTable<VisitForm>; forms: { row: number; form: VisitForm }[] } {
  const table = requireTable(context);
  const visits = recordTable(visitRecord(context.config, context.compiled), table.headers);
  const forms = table.rows
    .map((cells, i) => ({ row: table.headerRow + 1 + i, cells }))
    .filter((r) => r.cells.some((c) => cellText(c).trim() !== ""))
    .map((r) => ({ row: r.row, form: visits.read(r.cells) }));
  return { visits, forms };
}

/** A Final visit typed over since it was made final, with its row and the cells that differ. */
export interface DriftFound extends Drift {
  row: number;
  cells: string[];
}

/** Final visits whose values differ from their last logged ones, from a read that asked for the Change log. */
export function driftIn(context: ActionContext): DriftFound[] {
  if (!context.table || !context.snapshot.changeLog) return [];
  const table = context.table;
  const { forms } = visitsOf(context);
  const drifts = driftFromLog(
    forms.map((f) => f.form),
    changeLogEntries(context.snapshot),
    context.config,
  );
  const header = (field: string) => table.headers.findIndex((h) => foldLabel(cellText(h)) === foldLabel(field));
  return drifts.map((d) => {
    const row = forms.find((f) => foldLabel(f.form.visitId) === foldLabel(d.visitId))?.row ?? table.headerRow + 1;
    const cells = d.fields.map((f) => header(f.field)).map((c) => (c < 0 ? "" : cellAddress(table.firstColumn + c, row)));
    return { ...d, row, cells };
  });
}

/** Drift as Check sheet and `validate` show it (a warning naming the cells and what the log last had). */
export function driftProblems(context: ActionContext): Problem[] {
  const sheet = context.table?.sheet ?? "";
  return driftIn(context).map((d) => {
    const named = d.fields.map((f, i) => `${f.field} (${d.cells[i]}: "${f.now}", logged "${f.logged}")`).join(", ");
    const message = `Visit ${d.visitId} was ${DRIFT_MESSAGE}: ${named}.`;
    return { sheet, row: d.row, column: d.fields[0].field, cell: d.cells[0] ?? "", message, severity: "warning", brief: `${d.cells.join(", ")}: ${DRIFT_MESSAGE}.` } as Problem;
  });
}

const DRIFT_READ = { rows: true, narrative: false, lists: true, selection: false, changeLog: true } as const;

/** Every Final visit changed outside the pane, read afresh. */
export async function findDrift(port: WorkbookPort): Promise<DriftFound[]> {
  return driftIn(await readContext(port, DRIFT_READ));
}

/**
 * Logs a change typed into the sheet with a reason: one Change log row per field that differs, From the last logged
 * value, To the value now. Read afresh; nothing is logged when the visit no longer differs. Returns the rows logged.
 */
export async function logDrift(port: WorkbookPort, visitId: string, input: ModerationInput): Promise<{ ok: true; logged: number } | { ok: false; errors: FieldError[] }> {
  const reason = (input.reason ?? "").trim();
  if (reason === "") return { ok: false, errors: [{ field: "reason", message: "Give a reason for the change before logging it." }] };
  const who = whoOf(input);
  if (who.who === "") return { ok: false, errors: [{ field: "who", message: WHO_MISSING }] };
  const context = await readContext(port, DRIFT_READ);
  const drift = driftIn(context).find((d) => foldLabel(d.visitId) === foldLabel(visitId));
  if (!drift) return { ok: true, logged: 0 };
  const entries: ChangeLogEntry[] = drift.fields.map((f) => ({ ...who, visitId: drift.visitId, field: f.field, from: f.logged, to: f.now, reason }));
  await port.apply(planFrom(context, "Log a change", changeLogAppendChanges(context.snapshot, entries)));
  return { ok: true, logged: entries.length };
}

/** Per service, how many grades moderation changed and in which direction; null without a Change log with changes. */
export function moderationOf(context: ActionContext): ModerationCount[] | null {
  if (!context.snapshot.changeLog || !context.table) return null;
  const { forms } = visitsOf(context);
  const serviceOf = (id: string) => forms.find((f) => foldLabel(f.form.visitId) === foldLabel(id))?.form.service;
  const counts = moderationCounts(changeLogEntries(context.snapshot), context.config, context.compiled, serviceOf);
  return counts.length > 0 ? counts : null;
}

/** The Change log's entries, and the per-service counts of any of them as moderationOf gives them for all. */
export interface ModerationLog {
  /** Read when asked for (a single file never asks). */
  entries(): ChangeLogEntry[];
  count(entries: readonly ChangeLogEntry[]): ModerationCount[];
}

/**
 * The Change log as consolidation needs it (consolidate.ts: an entry two files hold is one change); null when
 * moderationOf would be. The log and the visits are read only when asked for, the visits once.
 */
export function moderationLogOf(context: ActionContext): ModerationLog | null {
  if (!context.snapshot.changeLog || !context.table) return null;
  let services: Map<string, string> | null = null;
  const serviceOf = (id: string) => {
    if (!services) {
      services = new Map();
      for (const { form } of visitsOf(context).forms) if (!services.has(foldLabel(form.visitId))) services.set(foldLabel(form.visitId), form.service);
    }
    return services.get(foldLabel(id));
  };
  return { entries: () => changeLogEntries(context.snapshot), count: (entries) => moderationCounts(entries, context.config, context.compiled, serviceOf) };
}
