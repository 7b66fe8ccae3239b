import { ChangeLogEntry, RawTable, cellText, changeLogRecord, recordTable } from "../domain";
import { DiagnosticsSnapshot } from "./diagnosticsRead";
import { WorkbookChange } from "./plan";
import { appendRowsChanges, tableFormats, tableStructure } from "./tablePlan";

/**
 * The Change log table (issue 15) as Set up makes it, and the rows the pane appends to it: on its own sheet, never
 * rewritten, never a row edited or deleted. Appends go below the table the co-authoring-safe way
 * (`appendRowsChanges`: `appendTableRows`, never `rows.add`).
 */

export const CHANGE_LOG_TABLE = changeLogRecord.table;
export const CHANGE_LOG_SHEET = changeLogRecord.sheet;

/** The Change log as read, for building plans on it; null when the workbook has none (or it was not asked for). */
export function changeLogRawTable(snapshot: Pick<DiagnosticsSnapshot, "changeLog">): RawTable | null {
  const t = snapshot.changeLog;
  if (!t) return null;
  return { sheet: t.sheet, headerRow: t.headerRow, firstColumn: t.firstColumn, headers: t.headers, rows: t.rows };
}

/** Every row of the Change log, in sheet order (Who and Reason read as "[not read]" unless the read asked for narrative). */
export function changeLogEntries(snapshot: Pick<DiagnosticsSnapshot, "changeLog">): ChangeLogEntry[] {
  const raw = changeLogRawTable(snapshot);
  if (!raw) return [];
  const log = recordTable(changeLogRecord, raw.headers);
  return raw.rows.filter((r) => r.some((c) => cellText(c).trim() !== "")).map((r) => log.read(r));
}

/**
 * Set up's part for the Change log: made when missing on a sheet of its own (a user's sheet called Change log is
 * left alone), its missing columns added, the header bold and frozen. Applied twice, nothing changes.
 */
export function changeLogSetupChanges(snapshot: DiagnosticsSnapshot): WorkbookChange[] {
  const raw = changeLogRawTable(snapshot);
  const existing = raw ? { raw, table: snapshot.changeLog?.table ?? null } : null;
  const structure = tableStructure(changeLogRecord, existing, snapshot.sheets);
  // Diagnostics stays the sheet a new workbook opens on.
  const made = structure.changes.map((c) => (c.kind === "addSheet" ? { ...c, activate: false } : c));
  return [...made, ...tableFormats(changeLogRecord, structure.placement)];
}

/**
 * The changes that append `entries` to the Change log, in the same plan as the edit they record. A workbook set up
 * before the Change log existed gets the table made first, in the same plan. Nothing is selected: the user stays on
 * the visit they edited.
 */
export function changeLogAppendChanges(snapshot: DiagnosticsSnapshot, entries: readonly ChangeLogEntry[]): WorkbookChange[] {
  if (entries.length === 0) return [];
  let raw = changeLogRawTable(snapshot);
  let tableName = snapshot.changeLog?.table ?? null;
  const made: WorkbookChange[] = [];
  if (!raw || (tableName === null && !recordTable(changeLogRecord, raw.headers).columns.has("visitId"))) {
    made.push(...changeLogSetupChanges({ ...snapshot, changeLog: null }));
    const created = made.find((c) => c.kind === "createTable");
    if (!created || created.kind !== "createTable") return [];
    raw = { sheet: created.sheet, headerRow: 1, firstColumn: 0, headers: created.headers, rows: [] };
    tableName = created.name;
  }
  const log = recordTable(changeLogRecord, raw.headers);
  const rows = entries.map((e) => log.row(e, raw!.headers.length));
  // A table just made on a new sheet has nothing below it (no extra round trip to look); on a sheet that was there
  // already, the adapter looks (below undefined).
  const newSheet = made.some((c) => c.kind === "addSheet");
  const below = made.length === 0 ? snapshot.changeLog?.below : newSheet ? { totalsShown: false, dataBelow: false } : undefined;
  const { changes } = appendRowsChanges(raw, tableName, rows, below);
  return [...made, ...changes.filter((c) => c.kind !== "select")];
}
