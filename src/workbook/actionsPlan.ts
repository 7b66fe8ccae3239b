import { AMBER_WINDOW_DAYS, RawTable, actionRecord, columnLetter, matchColumns } from "../domain";
import { RAG_COLOURS } from "../presentation/actions";
import { DiagnosticsSnapshot } from "./diagnosticsRead";
import { FormulaFill, WorkbookChange } from "./plan";
import { LAST_ROW, TablePlacement, tableFormats, tableStructure } from "./tablePlan";
import { dependentTeamSource } from "./teamLists";

/**
 * The Actions table (issue 11 §2) as Set up makes it: its own sheet, dropdowns, dates as dates, and the Status
 * column coloured by RAG through formulas, so the colours work in a workbook opened without the add-in.
 */

export const ACTIONS_TABLE = actionRecord.table;
export const ACTIONS_SHEET = actionRecord.sheet;

/**
 * The RAG rules as conditional-format formulas for the row of `status` and `due` (column letters, first data row
 * `row`). They mirror ragOf in src/domain/actionPlan.ts and never overlap, so their order does not matter:
 * Complete; Red = Off track or overdue; Amber = At risk, or Not started and due within 14 days; Green = the rest.
 * Excel's "=" on text ignores case. TODAY() recalculates each day without the add-in.
 */
export function ragFormulaFills(status: string, due: string, row: number): FormulaFill[] {
  const s = `$${status}${row}`;
  const d = `$${due}${row}`;
  const complete = `TRIM(${s})="Complete"`;
  const overdue = `AND(ISNUMBER(${d}),${d}<TODAY())`;
  const red = `OR(TRIM(${s})="Off track",${overdue})`;
  const amber = `OR(TRIM(${s})="At risk",AND(TRIM(${s})="Not started",ISNUMBER(${d}),${d}<=TODAY()+${AMBER_WINDOW_DAYS}))`;
  const fill = (formula: string, rag: keyof typeof RAG_COLOURS): FormulaFill => ({ formula: `=${formula}`, ...RAG_COLOURS[rag] });
  return [
    fill(complete, "Complete"),
    fill(`AND(NOT(${complete}),${red})`, "Red"),
    fill(`AND(NOT(${complete}),NOT(${red}),${amber})`, "Amber"),
    fill(`AND(TRIM(${s})<>"",NOT(${complete}),NOT(${red}),NOT(${amber}))`, "Green"),
  ];
}

/** The RAG colours over the Status column below the header (none when the table lacks Status or Due date). */
export function ragChanges(placement: TablePlacement): WorkbookChange[] {
  const { columns } = matchColumns(placement.headers, actionRecord.columns);
  const status = columns.get("status");
  const due = columns.get("dueDate");
  if (status === undefined || due === undefined) return [];
  const letter = (c: number) => columnLetter(placement.firstColumn + c);
  const first = placement.headerRow + 1;
  return [
    {
      kind: "formulaFills",
      sheet: placement.sheet,
      range: `${letter(status)}${first}:${letter(status)}${LAST_ROW}`,
      rules: ragFormulaFills(letter(status), letter(due), first),
    },
  ];
}

/** The Actions table as read, for building plans on it. */
export function actionsRawTable(snapshot: Pick<DiagnosticsSnapshot, "actions">): RawTable | null {
  const t = snapshot.actions;
  if (!t) return null;
  return { sheet: t.sheet, headerRow: t.headerRow, firstColumn: t.firstColumn, headers: t.headers, rows: t.rows };
}

/**
 * Set up's part for the Actions table: made when missing (on a sheet of its own: a user's sheet called Actions is
 * left alone), its missing columns added, then dropdowns, date formats and RAG colours. Applied twice, nothing changes.
 */
export function actionsSetupChanges(snapshot: DiagnosticsSnapshot): WorkbookChange[] {
  const raw = actionsRawTable(snapshot);
  const existing = raw ? { raw, table: snapshot.actions?.table ?? null } : null;
  const structure = tableStructure(actionRecord, existing, snapshot.sheets);
  // Diagnostics stays the sheet a new workbook opens on.
  const made = structure.changes.map((c) => (c.kind === "addSheet" ? { ...c, activate: false } : c));
  // Team follows the row's Service as on Diagnostics (issue 13): the same formula over the Team lists block.
  const follows = { team: { on: "service", source: dependentTeamSource } };
  return [...made, ...tableFormats(actionRecord, structure.placement, [], {}, follows), ...ragChanges(structure.placement)];
}
