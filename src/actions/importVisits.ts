/**
 * "Import visits…" (issue 14): a chosen .xlsx or .csv file's visits, checked with this workbook's own settings,
 * compared with the Diagnostics table (src/domain/importVisits.ts), then the new ones appended in one batch below
 * the table, the co-authoring-safe way (tablePlan appendRowsChanges): nothing in the table is overwritten. Their
 * teams the Lists sheet lacks are added below its teams in the same plan, as saving a visit adds a new team. The
 * file is read by the same parsers as the command line (src/adapters/files/bytesWorkbook.ts in the pane).
 *
 * Syncs: previewImport reads the workbook once; addImportedVisits reads it again (a co-author may have added rows
 * since), applies one plan and reads back once to confirm. A fixed number, whatever the number of rows.
 */
import {
  ImportVisitKey,
  MissingColumnsError,
  RawTable,
  RecordTable,
  VisitForm,
  cellAddress,
  cellText,
  compareImport,
  Team,
  newTeamsIn,
  nextVisitId,
  recordTable,
  validateTable,
  visitRecord,
} from "../domain";
import { WorkbookPort } from "../workbook/port";
import { appendRowsChanges } from "../workbook/tablePlan";
import { ActionContext, ContextRequest, planFrom, readContext, requireTable } from "./context";
import { todayIso } from "./today";
import { newTeamsChanges } from "./workbookActions";

/** A problem in the file, named by file, sheet, row and column (and cell). Never the cell's content. */
export interface ImportProblem {
  file: string;
  sheet: string;
  row: number;
  column: string;
  cell: string;
  message: string;
}

export interface ImportPreview {
  file: string;
  /** The file's visits that the table does not hold, in the file's order, with their row in the file. */
  fresh: { row: number; form: VisitForm }[];
  /** How many of the file's visits the table already holds. */
  already: number;
  /** How many of the file's rows have problems (each listed in `problems`). */
  withProblems: number;
  problems: ImportProblem[];
  /** The new visits' teams that the Lists sheet lacks: the add puts them on it (none without a Lists sheet). */
  newTeams: Team[];
}

export interface ImportResult {
  /** Rows written. */
  added: number;
  /** The first sheet row written, or null when nothing was. */
  row: number | null;
  /** Visits that became "already there" between the preview and the add (a co-author's), not written again. */
  skipped: number;
  /** Of the rows written, how many were read back in the table afterwards. */
  confirmed: number;
  /** Teams added to the Lists sheet, in the same plan as the rows. */
  teamsAdded: Team[];
}

export class ImportFileError extends Error {}

const READ: ContextRequest = { rows: true, narrative: false, lists: true, selection: false };
const isBlank = (cells: readonly unknown[]) => cells.every((c) => cellText(c).trim() === "");

function visitsOf(context: ActionContext): { table: RawTable; visits: RecordTable<VisitForm>; keys: ImportVisitKey[] } {
  const table = requireTable(context);
  const visits = recordTable(visitRecord(context.config, context.compiled), table.headers);
  const keys: ImportVisitKey[] = [];
  table.rows.forEach((cells, i) => {
    if (isBlank(cells)) return;
    const form = visits.read(cells);
    keys.push({ row: table.headerRow + 1 + i, visitId: form.visitId, team: form.team, visitDate: form.visitDate });
  });
  return { table, visits, keys };
}

/** As saving a visit adds a new team to the Lists sheet, so its dropdown and Check sheet know it. */
const teamsToList = (context: ActionContext, forms: readonly VisitForm[]): Team[] => (context.snapshot.lists ? newTeamsIn(context.config.teams, forms) : []);

const keyOf = (row: number, form: VisitForm): ImportVisitKey => ({ row, visitId: form.visitId, team: form.team, visitDate: form.visitDate });

/** Reads the file's visits, checks them with this workbook's settings and compares them with the table. Writes nothing. */
export async function previewImport(port: WorkbookPort, file: WorkbookPort & { textOnly?: boolean }, name: string): Promise<ImportPreview> {
  const context = await readContext(port, READ);
  const { keys: existing } = visitsOf(context);
  // The file is read with this workbook's settings (its own Lists sheet, if any, is not used): its grades must be on this scale.
  const source = await readContext(file, { rows: true, narrative: true, lists: false, selection: false }, context.config);
  if (!source.table) throw new ImportFileError(`"${name}" has no Diagnostics table or header row (Visit date, Service, Team, …) in its first rows.`);
  const table: RawTable = file.textOnly ? { ...source.table, textOnly: true } : source.table;
  let validation;
  try {
    validation = validateTable(table, context.config, context.compiled, { today: todayIso() });
  } catch (error) {
    if (error instanceof MissingColumnsError) {
      throw new ImportFileError(`"${name}" has no ${error.missing.map((c) => `"${c.header}"`).join(", ")} column, which this workbook's visits need.`);
    }
    throw error;
  }
  const problems: ImportProblem[] = validation.problems
    .filter((p) => p.severity !== "warning")
    .map((p) => ({ file: name, sheet: p.sheet, row: p.row, column: p.column, cell: p.cell, message: p.message }));
  const bad = new Set(validation.excluded.map((e) => e.row));
  const records = recordTable(visitRecord(context.config, context.compiled), table.headers);
  const rows: { row: number; form: VisitForm }[] = [];
  table.rows.forEach((cells, i) => {
    const row = table.headerRow + 1 + i;
    if (!isBlank(cells) && !bad.has(row)) rows.push({ row, form: records.read(cells) });
  });
  const verdicts = compareImport(existing, rows.map((r) => keyOf(r.row, r.form)));
  const idAt = records.columns.get("visitId");
  const idCell = (row: number) => cellAddress(table.firstColumn + (idAt ?? 0), row);
  const fresh: ImportPreview["fresh"] = [];
  let already = 0;
  verdicts.forEach((verdict, i) => {
    if (verdict.kind === "new") fresh.push(rows[i]);
    else if (verdict.kind === "already") already++;
    else {
      const row = rows[i].row;
      problems.push({ file: name, sheet: table.sheet, row, column: "Visit ID", cell: idCell(row), message: verdict.message });
      bad.add(row);
    }
  });
  problems.sort((a, b) => a.row - b.row);
  return { file: name, fresh, already, withProblems: bad.size, problems, newTeams: teamsToList(context, fresh.map((f) => f.form)) };
}

/**
 * Appends the preview's new visits in one batch below the table, checking again first that the table still lacks
 * them (a co-author may have added some since), then reads the table back to confirm they are there.
 */
export async function addImportedVisits(port: WorkbookPort, preview: ImportPreview): Promise<ImportResult> {
  const context = await readContext(port, READ);
  const { table, visits, keys } = visitsOf(context);
  const verdicts = compareImport(keys, preview.fresh.map((f) => keyOf(f.row, f.form)));
  const still = preview.fresh.filter((_f, i) => verdicts[i].kind === "new");
  const skipped = preview.fresh.length - still.length;
  if (still.length === 0) return { added: 0, row: null, skipped, confirmed: 0, teamsAdded: [] };
  // A visit without an ID gets the next free one, as the form gives it.
  const ids = keys.map((k) => k.visitId).filter((id) => id.trim() !== "");
  const forms = still.map(({ form }) => {
    const visitId = form.visitId.trim() || nextVisitId(ids);
    ids.push(visitId);
    return { ...form, visitId };
  });
  const width = table.headers.length;
  const { changes, row } = appendRowsChanges(table, context.snapshot.diagnostics?.table ?? null, forms.map((f) => visits.row(f, width)), context.snapshot.diagnostics?.below);
  // Worked out again from this read: a co-author may have listed some of the teams since the preview.
  const teamsAdded = teamsToList(context, forms);
  const listed = newTeamsChanges(context, teamsAdded);
  const applied = await port.apply(planFrom(context, `Import ${forms.length} ${forms.length === 1 ? "visit" : "visits"}`, [...listed, ...changes]));
  const landed = applied?.appended[0]?.row ?? row;
  const after = visitsOf(await readContext(port, READ)).keys;
  const wanted = new Set(forms.map((f) => f.visitId.trim().toLowerCase()));
  const confirmed = after.filter((k) => wanted.has(k.visitId.trim().toLowerCase())).length;
  return { added: forms.length, row: landed, skipped, confirmed, teamsAdded };
}
