/** The team's feedback report (issue 11 §1): one visit, its own text only, and its actions. */
import {
  ActionItem,
  CompiledScale,
  DiagnosticsConfig,
  IsoDate,
  Problem,
  STATUS_PLANNED,
  VisitForm,
  describeProblem,
  editDistance,
  foldLabel,
  formatBritishDate,
  recordTable,
  sheetChecks,
  validateTable,
  visitRecord,
} from "../domain";
import { UserFacingError } from "../errors";
import { WorkbookPort } from "../workbook/port";
import { actionsTable } from "./actionActions";
import { readContext, requireTable } from "./context";

export interface FeedbackData {
  visit: VisitForm;
  config: DiagnosticsConfig;
  compiled: CompiledScale;
  /** The actions of this visit's plan (same Visit ID and team), in table order. */
  actions: ActionItem[];
}

export class UnknownVisitError extends Error {
  constructor(
    readonly visitId: string,
    readonly nearest: string[],
  ) {
    super(
      nearest.length === 0
        ? `No visit has the ID "${visitId}": the workbook has no Visit IDs.`
        : `No visit has the ID "${visitId}"; the nearest found ${nearest.length === 1 ? "is" : "are"} ${nearest.map((n) => `"${n}"`).join(", ")}.`,
    );
  }
}

/** A Planned visit has not happened: a report of it would read as a visit with every grade "Not graded". */
export class PlannedVisitError extends UserFacingError {
  constructor(
    readonly visitId: string,
    date: string,
  ) {
    const on = /^\d{4}-\d{2}-\d{2}$/.test(date) ? ` (${formatBritishDate(date)})` : "";
    super(`Visit ${visitId} is Planned${on}: its feedback report can be written once the visit has happened and its Status is Draft, For moderation or Final.`);
  }
}

/**
 * A visit whose row has an error (as `validate` and Check sheet list them): the report would print a mistyped grade
 * as the grade, or "team not named". The message names the first problem's cell; `lister` says what lists them all.
 */
export class VisitRowProblemError extends UserFacingError {
  constructor(
    readonly visitId: string,
    readonly problem: Problem,
    readonly count: number,
  ) {
    super(VisitRowProblemError.sentence(visitId, problem, count, "validate lists"));
  }

  static sentence(visitId: string, problem: Problem, count: number, lister: string): string {
    const first = count === 1 ? "" : `the first of its ${count} problems is `;
    return `Visit ${visitId}'s row must be put right before its feedback report can be written (${lister} all its problems): ${first}${describeProblem(problem)}`;
  }
}

/** Up to three IDs closest to the one asked for (edit distance on folded text), closest first. */
export function nearestIds(wanted: string, ids: readonly string[], count = 3): string[] {
  const key = foldLabel(wanted);
  return [...new Set(ids)]
    .map((id) => ({ id, d: editDistance(key, foldLabel(id)) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id, "en-GB", { numeric: true }))
    .slice(0, count)
    .map((x) => x.id);
}

/**
 * The visit with that ID, in full, with its actions. Throws UnknownVisitError naming the nearest IDs, PlannedVisitError
 * for a visit that has not happened, and VisitRowProblemError for a row with errors (checked as on `today`).
 */
export async function feedbackData(port: WorkbookPort, visitId: string, today: IsoDate): Promise<FeedbackData> {
  const context = await readContext(port, { rows: true, narrative: true, lists: true, selection: false, actions: true });
  const table = requireTable(context);
  const visits = recordTable(visitRecord(context.config, context.compiled), table.headers);
  const key = foldLabel(visitId);
  const ids: string[] = [];
  let visit: VisitForm | null = null;
  let row = 0;
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    const id = visits.text(cells, "visitId");
    if (id === "") continue;
    ids.push(id);
    if (!visit && foldLabel(id) === key) {
      visit = visits.read(cells);
      row = table.headerRow + 1 + i;
    }
  }
  if (!visit || key === "") throw new UnknownVisitError(visitId.trim(), nearestIds(visitId, ids));
  const found = visit;
  if (foldLabel(found.status) === foldLabel(STATUS_PLANNED)) throw new PlannedVisitError(found.visitId, found.visitDate);
  // The same checks as validate and Check sheet, so the report and the check never disagree about a row.
  const errors = validateTable(table, context.config, context.compiled, sheetChecks(today)).problems.filter((p) => p.row === row && p.severity === "error");
  if (errors.length > 0) throw new VisitRowProblemError(found.visitId, errors[0], errors.length);
  const t = actionsTable(context);
  const actions = t
    ? t.table.rows
        .map((cells) => t.records.read(cells))
        .filter((a) => foldLabel(a.visitId) === foldLabel(found.visitId) && foldLabel(a.team) === foldLabel(found.team))
    : [];
  return { visit: found, config: context.config, compiled: context.compiled, actions };
}
