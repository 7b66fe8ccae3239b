import { fittedWidth } from "./columnWidths";
import { RawTable, RecordKind, RecordValue, cellAddress, cellText, columnLetter, matchColumns } from "../domain";
import { findSheet, ownedSheetName } from "./ownedSheets";
import { CellValue, ConditionalFill, SheetInfo, WorkbookChange } from "./plan";
import { TableBelow } from "./port";

/**
 * The changes that make and keep a record kind's table, built from its definition alone: the table on its own
 * sheet (or the columns it lacks), the dropdowns of its list and grade columns, its date formats, and rows
 * appended below it. Set up uses it for the Diagnostics table; every later kind (actions first) reuses it.
 */

export const LAST_ROW = 1048576;
export const DATE_FORMAT = "dd/mm/yyyy";

/** Where a kind's table sits once the structure changes are applied. */
export interface TablePlacement {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 0-based sheet column of the first header. */
  firstColumn: number;
  headers: unknown[];
  /** Whether the table is found (an Excel table, or a range naming the kind's identifying columns) rather than made. */
  recognised: boolean;
}

/** What a workbook holds of a kind's table: as read, and the Excel table's name when it is one. */
export interface ExistingTable {
  raw: RawTable;
  table: string | null;
}

/**
 * Creates the kind's table when missing, or adds the columns it lacks at the right without touching a row.
 * A sheet of the kind's name that holds something else is never written over: the table goes on a sheet of its
 * own, tagged with `owner` (by default the table's name in lower case).
 */
export function tableStructure(
  kind: RecordKind<unknown>,
  existing: ExistingTable | null,
  sheets: readonly SheetInfo[],
  owner = kind.table.toLowerCase(),
): { changes: WorkbookChange[]; placement: TablePlacement } {
  const changes: WorkbookChange[] = [];
  const raw = existing?.raw ?? null;
  const recognised = raw !== null && (existing?.table !== null || identifies(kind, raw.headers));
  if (!raw || !recognised) {
    const taken = findSheet(sheets, kind.sheet);
    const sheet = taken && raw ? ownedSheetName(sheets, owner, kind.sheet).name : (taken?.name ?? kind.sheet);
    const headers = kind.columns.map((c) => c.header);
    if (!findSheet(sheets, sheet)) changes.push({ kind: "addSheet", sheet, activate: true });
    changes.push({ kind: "createTable", sheet, name: kind.table, topLeft: "A1", headers });
    return { changes, placement: { sheet, headerRow: 1, firstColumn: 0, headers, recognised: false } };
  }
  const { columns } = matchColumns(raw.headers, kind.columns);
  const missing = kind.columns.filter((c) => !columns.has(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    if (existing?.table) changes.push({ kind: "addTableColumns", table: existing.table, headers: missing });
    else {
      const at = raw.firstColumn + raw.headers.length;
      changes.push({ kind: "setValues", sheet: raw.sheet, topLeft: `${columnLetter(at)}${raw.headerRow}`, values: [missing] });
    }
  }
  return {
    changes,
    placement: { sheet: raw.sheet, headerRow: raw.headerRow, firstColumn: raw.firstColumn, headers: [...raw.headers, ...missing], recognised: true },
  };
}

function identifies(kind: RecordKind<unknown>, headers: readonly unknown[]): boolean {
  const { columns } = matchColumns(headers, kind.columns);
  return kind.identifying.every((key) => columns.has(key));
}

/**
 * Dropdowns, colours and formats over whole columns below the header, so rows written later keep them: grade
 * columns first (dropdown, then `gradeFills`), then list columns, then date formats, the bold header row,
 * widths for a table just made, and the frozen header.
 */
export function tableFormats(
  kind: RecordKind<unknown>,
  placement: TablePlacement,
  gradeFills: ConditionalFill[] = [],
  /** The values a column's list offers, by column key: a table just made gets its columns wide enough for them. */
  listValues: Record<string, readonly string[]> = {},
  /** A column whose list follows another column of its row (issue 13: Team follows Service): the source formula for the first data row. */
  dependent: Record<string, { on: string; source: (onColumn: string, firstRow: number) => string }> = {},
): WorkbookChange[] {
  const changes: WorkbookChange[] = [];
  const { sheet, headerRow, firstColumn, headers } = placement;
  const { columns } = matchColumns(headers, kind.columns);
  const below = (key: string) => {
    const c = columns.get(key);
    if (c === undefined) return null;
    const letter = columnLetter(firstColumn + c);
    return `${letter}${headerRow + 1}:${letter}${LAST_ROW}`;
  };
  const dropdowns = (of: "grade" | "list") => {
    for (const column of kind.columns.filter((c) => c.kind === of && c.list)) {
      const range = below(column.key);
      if (!range) continue;
      const error = alertWithinLimits(column, column.listError ?? { title: column.header, message: `Choose ${column.header.toLowerCase()} from the list.` });
      const follows = dependent[column.key];
      const on = follows ? columns.get(follows.on) : undefined;
      const source = follows && on !== undefined ? follows.source(columnLetter(firstColumn + on), headerRow + 1) : `=${column.list}`;
      changes.push({ kind: "listValidation", sheet, range, source, errorTitle: error.title, errorMessage: error.message });
      if (of === "grade" && gradeFills.length > 0) changes.push({ kind: "conditionalFills", sheet, range, fills: gradeFills });
    }
  };
  dropdowns("grade");
  dropdowns("list");
  for (const column of kind.columns.filter((c) => c.kind === "date")) {
    const range = below(column.key);
    if (range) changes.push({ kind: "setStyle", sheet, range, style: { numberFormat: DATE_FORMAT } });
  }
  const lastHeader = columnLetter(firstColumn + headers.length - 1);
  changes.push({
    kind: "setStyle",
    sheet,
    range: `${columnLetter(firstColumn)}${headerRow}:${lastHeader}${headerRow}`,
    style: { bold: true, wrap: true, verticalAlignment: "Top" },
  });
  if (!placement.recognised) {
    // Headers wrap (bold, wrapped above), so only the values are fitted.
    const base = (c: (typeof kind.columns)[number]) => (c.narrative ? 40 : c.kind === "grade" ? 16 : 14);
    changes.push({ kind: "setColumnWidths", sheet, widths: kind.columns.map((c) => (c.narrative ? 40 : fittedWidth(listValues[c.key] ?? [], base(c), 40))) });
  }
  changes.push({ kind: "freezeRows", sheet, rows: headerRow });
  return changes;
}

/** Excel's Data Validation dialog takes an error alert title of at most 32 characters and a message of at most 225. */
export const ALERT_TITLE_LIMIT = 32;
export const ALERT_MESSAGE_LIMIT = 225;

/**
 * A column's error alert as Excel's dialog can hold it. A message naming every grade of a long scale (the
 * five-point one with splits reaches 272 characters) gives way to one pointing at the Lists sheet, and a long
 * title to "Not on the list"; never cut mid-word. (Whether Excel refuses or truncates longer ones is not
 * documented; the emulation refuses, the cautious case.)
 */
export function alertWithinLimits(
  column: { header: string; kind: string },
  alert: { title: string; message: string },
): { title: string; message: string } {
  const title = alert.title.length <= ALERT_TITLE_LIMIT ? alert.title : "Not on the list";
  if (alert.message.length <= ALERT_MESSAGE_LIMIT) return { title, message: alert.message };
  const named = column.kind === "grade" ? "Choose a grade from the list (see the Lists sheet)." : `Choose ${column.header.toLowerCase()} from the list (see the Lists sheet).`;
  return { title, message: named.length <= ALERT_MESSAGE_LIMIT ? named : "Choose an entry from the list (see the Lists sheet)." };
}

function lastNonBlankRow(rows: readonly (readonly unknown[])[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i].some((c) => cellText(c).trim() !== "")) return i;
  return -1;
}

/**
 * Writes rows (each as long as the header) directly below a table's last record and selects them. A blank row
 * left inside the table (a new table has one) is filled first; an Excel table is written by `appendTableRows`
 * (never `rows.add`, so co-authors' rows are not shifted), a range by `setValues`. `row` is where this read
 * expects the first row; the adapter reports where it landed (AppliedPlan).
 */
export function appendRowsChanges(
  table: RawTable,
  tableName: string | null,
  rows: RecordValue[][],
  below?: TableBelow,
): { changes: WorkbookChange[]; row: number } {
  const firstFree = lastNonBlankRow(table.rows) + 1;
  const row = table.headerRow + 1 + firstFree;
  const values = rows as CellValue[][];
  const changes: WorkbookChange[] = [];
  // An Excel table's blank rows are left to the adapter too, which places the rows where the table ends when the
  // write arrives: a visit another person appended since this read is then written after, never over (issue 10).
  // With a totals row shown or data under the table, blank rows are inserted first, as many as are written (the
  // co-authoring article: insert before writing under a table). Unknown (no read of it): the adapter looks.
  if (tableName) {
    const insertFirst = below ? (below.totalsShown || below.dataBelow ? rows.length : 0) : undefined;
    changes.push({ kind: "appendTableRows", table: tableName, rows: values, ...(insertFirst !== undefined ? { insertFirst } : {}) });
  }
  else changes.push({ kind: "setValues", sheet: table.sheet, topLeft: cellAddress(table.firstColumn, row), values });
  const last = row + Math.max(rows.length, 1) - 1;
  changes.push({
    kind: "select",
    sheet: table.sheet,
    range: `${columnLetter(table.firstColumn)}${row}:${columnLetter(table.firstColumn + table.headers.length - 1)}${last}`,
  });
  return { changes, row };
}

/** One write per cell whose value differs between two readings of the same row (see RecordTable.cells). */
export function cellChanges(
  table: RawTable,
  row: number,
  before: ReadonlyMap<number, RecordValue>,
  after: ReadonlyMap<number, RecordValue>,
): WorkbookChange[] {
  const changes: WorkbookChange[] = [];
  for (const [column, value] of after) {
    if (before.get(column) === value) continue;
    changes.push({ kind: "setValues", sheet: table.sheet, topLeft: cellAddress(table.firstColumn + column, row), values: [[value]] });
  }
  return changes;
}
