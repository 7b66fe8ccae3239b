import { staleCheckChanges } from "../workbook/summaryStaleness";
import {
  GroupBy,
  ModerationCount,
  Problem,
  Summary,
  SummaryFilter,
  RawTable,
  RecordTable,
  VISIT_IDENTITY_FIELDS,
  VisitForm,
  FieldError,
  cellText,
  foldLabel,
  nextVisitId,
  recordTable,
  rollUp,
  validateTable,
  validateVisitForm,
  visitRecord,
  DEFAULT_SERVICES,
  DiagnosticsConfig,
  TieRule,
  IsoDate,
  sheetChecks,
  visitMatches,
  summaryFingerprint,
  isDeepDiveForm,
  STATUS_PLANNED,
  Team,
  plannedDateProblem,
  parseVisitDate,
} from "../domain";
import { newTeamsChange, LISTS_HEADERS } from "../workbook/listsSheet";
import { ownedSheetName } from "../workbook/ownedSheets";
import { WorkbookChange, WorkbookPlan } from "../workbook/plan";
import { DIAGNOSTICS_TABLE, LISTS_OWNER, LISTS_SHEET, WorkbookPort } from "../workbook/port";
import { setupPlan } from "../workbook/setupPlan";
import { appendRowsChanges, cellChanges } from "../workbook/tablePlan";
import { SummaryLayout, SummaryOpening, summaryPlan } from "../workbook/summaryPlan";
import { reportTrends } from "./trendActions";
import { todayIso } from "./today";
import { teamListChanges } from "../workbook/teamLists";
import { ActionContext, ContextRequest, basisOf, planFrom, readContext, requireTable } from "./context";
import { actionsReportOf, checkActionsIn } from "./actionActions";
import { localToday } from "../presentation/actions";
import { DriftFound, ModerationInput, driftIn, driftProblems, moderationChanges, moderationOf } from "./moderationActions";

/** Every row without the narrative columns: what checking, summarising and appending need. */
const ROWS: ContextRequest = { rows: true, narrative: false, lists: true, selection: false, actions: true, changeLog: true };

export async function setUpWorkbook(port: WorkbookPort): Promise<WorkbookPlan> {
  const context = await readContext(port, ROWS);
  const plan = { ...setupPlan(context.snapshot, context.config), basis: basisOf(context.snapshot) };
  await port.apply(plan);
  return plan;
}

export interface CheckResult {
  problems: Problem[];
  rowsChecked: number;
  visitsCounted: number;
  drafts: number;
  /** Final visits typed over since they were made final (issue 15), for "Log this change…". */
  drift?: DriftFound[];
}

/** A change to the settings kept on the Lists sheet, made from the pane. */
export interface SettingsChange {
  tieRule?: TieRule;
  addService?: string;
  addArea?: string;
}

/** Writes the changed settings to the Lists sheet and refreshes the dropdowns: Set up with the new settings. */
export async function saveSettings(port: WorkbookPort, change: SettingsChange): Promise<DiagnosticsConfig> {
  const context = await readContext(port, ROWS);
  const add = (list: string[], item: string | undefined) =>
    item && item.trim() !== "" && !list.some((x) => foldLabel(x) === foldLabel(item)) ? [...list, item.trim()] : list;
  const config: DiagnosticsConfig = {
    ...context.config,
    tieRule: change.tieRule ?? context.config.tieRule,
    // A workbook without a Lists sheet gets the default services listed, as Set up gives it; an emptied list stays empty.
    services: add(context.snapshot.lists === null ? DEFAULT_SERVICES : context.config.services, change.addService),
    areas: add(context.config.areas, change.addArea),
  };
  await port.apply({ ...setupPlan(context.snapshot, config), action: "Save settings", basis: basisOf(context.snapshot) });
  return config;
}

/**
 * One read of every row, validated: what summarising starts from. A Final visit dated after `today` is left out, as
 * Check sheet leaves it out, so the summary counts the visits Check sheet says are counted.
 */
async function readValidated(port: WorkbookPort, today: IsoDate = todayIso()) {
  const context = await readContext(port, ROWS);
  return { context, validation: validateTable(requireTable(context), context.config, context.compiled, { today }) };
}

/** Every problem in the Diagnostics table; changes nothing. */
export async function checkSheet(port: WorkbookPort, today: IsoDate = todayIso()): Promise<CheckResult> {
  const context = await readContext(port, ROWS);
  const validation = validateTable(requireTable(context), context.config, context.compiled, sheetChecks(today));
  return {
    // The Actions table's problems follow the visits' (issue 11 §2).
    problems: [...validation.problems, ...checkActionsIn(context), ...driftProblems(context)],
    rowsChecked: requireTable(context).rows.filter((r) => r.some((c) => cellText(c).trim() !== "")).length,
    visitsCounted: validation.visits.length,
    drafts: validation.drafts.length,
    drift: driftIn(context),
  };
}

export interface SummaryOptions {
  by?: GroupBy;
  filter?: SummaryFilter;
  /** The day a visit after which is a typing slip, left out (default: the user's clock). */
  today?: IsoDate;
}

/** Reads and rolls up without writing: for previews, exports and the summary workbook. */
export async function computeSummary(
  port: WorkbookPort,
  options: SummaryOptions = {},
): Promise<{ summary: Summary; config: DiagnosticsConfig; opening: SummaryOpening; moderation: ModerationCount[] | null }> {
  const { context, validation } = await readValidated(port, options.today);
  const summary = rollUp(validation, context.config, { by: options.by, filter: options.filter, compiled: context.compiled });
  const opening = reportTrends(validation, context.config, options.filter, summary.by);
  return { summary, config: context.config, opening, moderation: moderationOf(context) };
}

/** Both groupings from one read, for the Word report: one round trip fewer, and both see the same rows. */
export async function computeSummaries(
  port: WorkbookPort,
  filter: SummaryFilter = {},
  today: IsoDate = todayIso(),
): Promise<{ byService: Summary; byArea: Summary; config: DiagnosticsConfig; moderation: ModerationCount[] | null }> {
  const { context, validation } = await readValidated(port, today);
  const roll = (by: GroupBy) => rollUp(validation, context.config, { by, filter, compiled: context.compiled });
  return { byService: roll("service"), byArea: roll("area"), config: context.config, moderation: moderationOf(context) };
}

/** Writes the Summary and Counts sheets; only sheets the add-in owns are touched. */
export async function refreshSummary(
  port: WorkbookPort,
  options: SummaryOptions = {},
): Promise<{ summary: Summary; layout: SummaryLayout; config: DiagnosticsConfig; opening: SummaryOpening }> {
  const { context, validation } = await readValidated(port, options.today);
  const summary = rollUp(validation, context.config, { by: options.by, filter: options.filter, compiled: context.compiled });
  // The trends of the same visits (the filter applied), for the key findings and the picture at a glance at the top.
  const opening = reportTrends(validation, context.config, options.filter, summary.by);
  const actions = actionsReportOf(context, localToday());
  const fingerprint = summaryFingerprint(validation, context.config);
  const { plan, layout } = summaryPlan(summary, context.config, context.snapshot.sheets, actions, fingerprint, opening, moderationOf(context));
  // The sheet's own out-of-date line, for Excel without the add-in (issue 13).
  plan.changes.push(...staleCheckChanges(layout.summarySheet, context.snapshot.diagnostics?.table ?? null, requireTable(context), context.config, context.compiled));
  await port.apply({ ...plan, basis: basisOf(context.snapshot) });
  return { summary, layout, config: context.config, opening };
}

export type SaveResult = { ok: true; row: number; visitId: string; notice?: string } | { ok: false; errors: FieldError[] };

/** The Diagnostics rows read as visits: the header row matched once, for every row of this read. */
function visitTable(context: ActionContext): { table: RawTable; visits: RecordTable<VisitForm> } {
  const table = requireTable(context);
  return { table, visits: recordTable(visitRecord(context.config, context.compiled, { themes: true }), table.headers) };
}

function visitIdsExcept(table: RawTable, visits: RecordTable<VisitForm>, exceptRow: number | null): string[] {
  if (!visits.columns.has("visitId")) return [];
  return table.rows
    .map((row, i) => ({ id: visits.text(row, "visitId"), row: table.headerRow + 1 + i }))
    .filter((r) => r.id !== "" && r.row !== exceptRow)
    .map((r) => r.id);
}

function listsSheet(context: ActionContext): string {
  const owned = ownedSheetName(context.snapshot.sheets, LISTS_OWNER, LISTS_SHEET);
  return owned.exists ? owned.name : LISTS_SHEET;
}

/** Adds the team to the Lists sheet when it is new, so the sheet's dropdown accepts it too. */
function teamChanges(context: ActionContext, form: VisitForm): WorkbookChange[] {
  const known = context.config.teams.some((t) => foldLabel(t.name) === foldLabel(form.team));
  if (known || form.team.trim() === "") return [];
  return newTeamsChanges(context, [{ name: form.team.trim(), service: form.service, area: form.area }]);
}

/** Adds teams the Lists sheet lacks below its teams (none when the workbook has no Lists sheet), for the record form and Import. */
export function newTeamsChanges(context: ActionContext, teams: readonly Team[]): WorkbookChange[] {
  if (teams.length === 0 || !context.snapshot.lists) return [];
  // The sheet's dependent Team dropdown offers the new teams on their services' rows too (issue 13).
  const lists = teamListChanges(context.snapshot, { services: context.config.services, teams: [...context.config.teams, ...teams] });
  return [newTeamsChange(listsSheet(context), context.snapshot.lists, teams), ...lists];
}

/** A deep dive needs the Visit type column to say so: without it the row would read as an ungraded team visit. */
function visitTypeErrors(visits: RecordTable<VisitForm>, form: VisitForm): FieldError[] {
  if (!isDeepDiveForm(form) || visits.columns.has("visitType")) return [];
  return [{ field: "visitType", message: "The Diagnostics table has no Visit type column, so a deep dive cannot be told from a team visit: run Set up (it adds the column), then save again." }];
}

/** A planned visit on or before the team's last visit is refused: the programme would never show it. */
function plannedDateErrors(context: ActionContext, table: RawTable, form: VisitForm): FieldError[] {
  if (form.status !== STATUS_PLANNED) return [];
  const done = validateTable(table, context.config, context.compiled, { today: todayIso() }).visits;
  const date = parseVisitDate(form.visitDate);
  const problem = date.kind === "date" ? plannedDateProblem(done, { ...form, visitDate: date.date }) : null;
  return problem ? [{ field: "visitDate", message: problem }] : [];
}

/** Validates the form, then appends one row below the table and selects it. Nothing is written if anything is wrong. */
export async function recordVisit(port: WorkbookPort, form: VisitForm, log?: ModerationInput): Promise<SaveResult> {
  const context = await readContext(port, ROWS);
  const { table, visits } = visitTable(context);
  const others = visitIdsExcept(table, visits, null);
  const complete: VisitForm = { ...form, visitId: form.visitId.trim() || nextVisitId(others) };
  const errors = [...validateVisitForm(complete, context.config, others, context.compiled, { today: todayIso() }), ...visitTypeErrors(visits, complete)];
  if (errors.length === 0) errors.push(...plannedDateErrors(context, table, complete));
  if (errors.length > 0) return { ok: false, errors };
  const { changes: append, row } = appendRowsChanges(table, context.snapshot.diagnostics?.table ?? null, [visits.row(complete, table.headers.length)], context.snapshot.diagnostics?.below);
  // A visit recorded as Final has its graded values logged (issue 15), after the row: appended[0] stays the visit's.
  const changes: WorkbookChange[] = [...teamChanges(context, complete), ...append, ...moderationChanges(context, null, complete, log).changes];
  const applied = await port.apply(planFrom(context, "Record a visit", changes));
  const landed = applied?.appended[0]?.row ?? row;
  if (landed !== row) {
    // Another append reached the table between this action's read and its write (co-authoring, issue 10 item 5).
    return { ok: true, row: landed, visitId: complete.visitId, notice: `Another person added a visit at the same moment; yours is on row ${landed}.` };
  }
  return { ok: true, row, visitId: complete.visitId };
}

export interface LoadedVisit {
  row: number;
  form: VisitForm;
}

/** The visit on the selected row, or null when the selection is not on a Diagnostics row. */
export async function loadSelectedVisit(port: WorkbookPort): Promise<LoadedVisit | null> {
  const context = await readContext(port, { rows: true, narrative: true, lists: true, selection: true });
  const { table, visits } = visitTable(context);
  const selection = context.snapshot.selection;
  if (!selection || selection.sheet !== table.sheet) return null;
  const index = selection.row - table.headerRow - 1;
  const cells = table.rows[index];
  if (!cells || cells.every((c) => cellText(c).trim() === "")) return null;
  return { row: selection.row, form: visits.read(cells) };
}

export interface VisitListing {
  row: number;
  visitId: string;
  team: string;
  service: string;
  visitDate: string;
}

/** Visits whose ID, team, service or date (British, whole or in part: "07/08/2017", "08/2017") has every word of the text. */
export async function findVisits(port: WorkbookPort, text: string): Promise<VisitListing[]> {
  const context = await readContext(port, ROWS);
  const { table, visits } = visitTable(context);
  const listings: VisitListing[] = [];
  table.rows.forEach((cells, i) => {
    const form = visits.read(cells);
    if (!form.visitId && !form.team) return;
    if (!visitMatches(text, form)) return;
    listings.push({ row: table.headerRow + 1 + i, visitId: form.visitId, team: form.team, service: form.service, visitDate: form.visitDate });
  });
  return listings;
}

export async function loadVisitAt(port: WorkbookPort, row: number): Promise<LoadedVisit | null> {
  const context = await readContext(port, { ...ROWS, narrative: true });
  const { table, visits } = visitTable(context);
  const cells = table.rows[row - table.headerRow - 1];
  return cells ? { row, form: visits.read(cells) } : null;
}

function sameRecord(a: VisitForm, b: VisitForm): boolean {
  return VISIT_IDENTITY_FIELDS.every((f) => a[f] === b[f]) && Object.keys({ ...a.grades, ...b.grades }).every((k) => (a.grades[k] ?? "") === (b.grades[k] ?? ""));
}

export class RowMovedError extends Error {
  constructor(visitId: string, row: number) {
    super(`Row ${row} no longer holds visit ${visitId}: someone may have sorted or edited the sheet. Load the visit again.`);
  }
}

/**
 * Saves an edit into the row it came from, writing only the cells the user changed: columns the add-in does not
 * know and every other row stay as they are. The row is re-read first and must still hold the visit as loaded, so
 * neither a co-author's sort nor their edit of the same visit is written over.
 */
export async function saveVisitEdit(port: WorkbookPort, row: number, original: VisitForm, form: VisitForm, log?: ModerationInput): Promise<SaveResult> {
  const context = await readContext(port, ROWS);
  const { table, visits } = visitTable(context);
  const cells = table.rows[row - table.headerRow - 1];
  const current = cells ? visits.read(cells) : null;
  // Every field but the narrative ones (not read here) must be as loaded: the same team may well have other visits.
  if (!current || !sameRecord(current, original)) throw new RowMovedError(original.visitId || original.team, row);
  const errors = [...validateVisitForm(form, context.config, visitIdsExcept(table, visits, row), context.compiled, { today: todayIso() }), ...visitTypeErrors(visits, form)];
  if (errors.length > 0) return { ok: false, errors };
  // A visit For moderation or Final needs a reason (and a name) to change; each change is a Change log row, in this plan.
  const moderation = moderationChanges(context, current, form, log);
  if (moderation.errors.length > 0) return { ok: false, errors: moderation.errors };
  const changes: WorkbookChange[] = foldLabel(form.team) === foldLabel(original.team) ? [] : teamChanges(context, form);
  changes.push(...cellChanges(table, row, visits.cells(original), visits.cells(form)));
  changes.push(...moderation.changes);
  if (changes.length > 0) await port.apply(planFrom(context, "Edit a visit", changes));
  return { ok: true, row, visitId: form.visitId };
}

export async function selectCell(port: WorkbookPort, sheet: string, cell: string): Promise<void> {
  // No read first: selecting needs nothing but the address, and stays one round trip.
  await port.apply({ action: "Select", changes: [{ kind: "select", sheet, range: cell }] });
}

export { DIAGNOSTICS_TABLE, LISTS_HEADERS };
