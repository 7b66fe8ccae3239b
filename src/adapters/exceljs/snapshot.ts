import { parseCellAddress } from "../../domain/cells";
import { findHeaderRowBy } from "../../workbook/headerSearch";
import { CellValue, OWNER_NAME_PREFIX } from "../../workbook/plan";
import { ReadRequest, SheetInfo, SheetRequest, TableRequest, TableSnapshot, WorkbookSnapshot } from "../../workbook/port";

/**
 * A workbook as plain values, whatever read it (ExcelJS, the fast .xlsx reader or the CSV parser).
 * One function turns it into a WorkbookSnapshot, so every reader finds a requested table the same way.
 */
export interface SourceTable {
  name: string;
  /** "A1:Q101", header row included. */
  ref: string;
  headerRow: boolean;
  totalsRow: boolean;
}

export interface SourceSheet {
  name: string;
  tables: SourceTable[];
  /** Values by 0-based row (row 1 first) and 0-based column; missing cells are null or absent. Called at most once per read. */
  grid(): CellValue[][];
}

export interface SourceName {
  name: string;
  /** The sheet the name's range is on, or null for a constant or formula. */
  sheet: string | null;
}

export interface SourceBook {
  sheets: SourceSheet[];
  names: SourceName[];
}

/** Rows within the first 20 searched for a header row (a request's HeaderSearch.rows; kept for importers). */
export const HEADER_SEARCH_ROWS = 20;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The sheet a defined name points at, from its formula text: "'My sheet'!$A$1" → "My sheet". */
export function sheetOfReference(reference: string): string | null {
  const text = reference.trim().replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!/.exec(text);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^([^!'"(),]+)!/.exec(text);
  return plain ? plain[1] : null;
}

export function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b] = ref.replace(/\$/g, "").split(":");
  const start = parseCellAddress(a);
  const end = b === undefined ? start : parseCellAddress(b);
  if (!start || !end) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

const isBlankValue = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function lastNonBlankRow(grid: CellValue[][]): number {
  for (let r = grid.length - 1; r >= 0; r--) {
    const row = grid[r];
    if (row && row.some((v) => !isBlankValue(v))) return r;
  }
  return -1;
}

function lastNonBlankColumn(row: CellValue[] | undefined): number {
  if (!row) return -1;
  for (let c = row.length - 1; c >= 0; c--) if (!isBlankValue(row[c])) return c;
  return -1;
}

/** Wider than any real table (Excel's own limit is 16,384 columns): rows this wide are not padded. */
const PAD_WIDTH_LIMIT = 1024;

/**
 * A rectangle of the grid, padded with null. When it is wider than PAD_WIDTH_LIMIT (a stray cell at XFD1),
 * each row stops at its last value instead, so a sheet whose used range runs to XFD1048576 never
 * becomes a 16,384 x 1,048,576 block.
 */
/** No hole and no undefined: every cell is a value or null. */
function isFull(cells: CellValue[]): boolean {
  for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) return false;
  return true;
}

function block(grid: CellValue[][], top: number, left: number, bottom: number, right: number): CellValue[][] {
  const out: CellValue[][] = [];
  const fullWidth = right - left + 1;
  for (let r = top; r <= bottom; r++) {
    const source = grid[r];
    const width = fullWidth <= PAD_WIDTH_LIMIT ? fullWidth : Math.max(0, Math.min(fullWidth, (source?.length ?? 0) - left));
    // A row already as the block wants it (the fast reader makes a table's rows so) is taken as it is, not copied.
    if (left === 0 && source && source.length === width && isFull(source)) {
      out.push(source);
      continue;
    }
    const row: CellValue[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = source ? source[left + c] : undefined;
      row[c] = v === undefined ? null : v;
    }
    out.push(row);
  }
  return out;
}

/** The used range from A1, or null when the sheet is empty. */
export function usedValues(grid: CellValue[][]): CellValue[][] | null {
  const bottom = lastNonBlankRow(grid);
  if (bottom < 0) return null;
  let right = -1;
  for (let r = 0; r <= bottom; r++) right = Math.max(right, lastNonBlankColumn(grid[r]));
  return block(grid, 0, 0, bottom, right);
}

function tableSnapshot(sheet: SourceSheet, table: SourceTable, grid: CellValue[][], withRows: boolean): TableSnapshot | null {
  const range = decodeRange(table.ref);
  if (!range) return null;
  const headerRow = range.top; // 1-based
  const headers = block(grid, headerRow - 1, range.left, headerRow - 1, range.right)[0];
  const firstData = table.headerRow ? headerRow + 1 : headerRow;
  let lastData = range.bottom - (table.totalsRow ? 1 : 0);
  // Trailing blank rows are no data: a new table's blank first row, rows cleared at the bottom.
  while (lastData >= firstData && !(grid[lastData - 1] ?? []).slice(range.left, range.right + 1).some((v) => !isBlankValue(v))) lastData--;
  return {
    sheet: sheet.name,
    table: table.name,
    headerRow,
    firstColumn: range.left,
    headers,
    rows: withRows && lastData >= firstData ? block(grid, firstData - 1, range.left, lastData - 1, range.right) : [],
  };
}

/** A plain range: from the recognised header row (or row 1) down to the last row with anything in it. */
function rangeSnapshot(sheetName: string, grid: CellValue[][], headerIndex: number, withRows: boolean, searchRows: number): TableSnapshot {
  const top = Math.max(headerIndex, 0);
  const bottom = lastNonBlankRow(grid);
  // Wide enough for the header and, when the header was not recognised, the title rows rawTableFrom searches.
  let right = lastNonBlankColumn(grid[top]);
  const searchEnd = headerIndex >= 0 ? top : Math.min(bottom, searchRows - 1);
  for (let r = top; r <= searchEnd; r++) right = Math.max(right, lastNonBlankColumn(grid[r]));
  right = Math.max(right, 0);
  return {
    sheet: sheetName,
    table: null,
    headerRow: top + 1,
    firstColumn: 0,
    headers: block(grid, top, 0, top, right)[0],
    rows: withRows && bottom > top ? block(grid, top + 1, 0, bottom, right) : [],
  };
}

/**
 * Each requested table: the Excel table of that name; else its fallback sheet (through its table when the header row
 * is a table's); else, when the request allows, the first other sheet whose header row is found in its first rows.
 * The file readers hold every cell already, so the columns in skipHeaders are read like any other.
 */
export function snapshotFrom(book: SourceBook, request: ReadRequest): WorkbookSnapshot {
  const grids = new Map<SourceSheet, CellValue[][]>();
  const gridOf = (sheet: SourceSheet) => {
    let grid = grids.get(sheet);
    if (!grid) {
      grid = sheet.grid();
      grids.set(sheet, grid);
    }
    return grid;
  };

  const owners = new Map<string, string>();
  for (const name of book.names) {
    if (!name.name.startsWith(OWNER_NAME_PREFIX) || name.sheet === null) continue;
    const sheet = book.sheets.find((s) => sameName(s.name, name.sheet!));
    if (sheet && !owners.has(sheet.name)) owners.set(sheet.name, name.name.slice(OWNER_NAME_PREFIX.length));
  }
  const sheets: SheetInfo[] = book.sheets.map((s) => ({ name: s.name, owner: owners.get(s.name) ?? null }));
  // An owned sheet: the one marked with its owner's name (even if renamed), else the sheet of that name.
  const ownedSheet = (r: SheetRequest) =>
    book.sheets.find((s) => owners.get(s.name) === r.owner) ?? book.sheets.find((s) => sameName(s.name, r.sheet));

  const found: Record<string, TableSnapshot> = {};
  for (const t of request.tables) {
    const snapshot = findTable(book, t, gridOf, ownedSheet);
    if (snapshot) found[t.name] = snapshot;
  }

  const sheetValues: Record<string, CellValue[][]> = {};
  for (const r of request.sheets ?? []) {
    const sheet = ownedSheet(r);
    const values = sheet ? usedValues(gridOf(sheet)) : null;
    if (values) sheetValues[r.owner] = values;
  }

  return { sheets, found, sheetValues, selection: null };
}

function findTable(
  book: SourceBook,
  request: TableRequest,
  gridOf: (sheet: SourceSheet) => CellValue[][],
  ownedSheet: (r: SheetRequest) => SourceSheet | undefined,
): TableSnapshot | null {
  for (const sheet of book.sheets) {
    const table = sheet.tables.find((t) => sameName(t.name, request.name));
    if (table) {
      const snapshot = tableSnapshot(sheet, table, gridOf(sheet), request.rows);
      if (snapshot) return snapshot;
    }
  }
  const fallback = request.fallback;
  if (!fallback) return null;
  const search = fallback.header;
  const headerIn = (grid: CellValue[][]) => findHeaderRowBy(grid.slice(0, search.rows).map((r) => r ?? []), search);
  const fromSheet = (sheet: SourceSheet, headerIndex: number): TableSnapshot => {
    const grid = gridOf(sheet);
    const table =
      headerIndex >= 0
        ? sheet.tables.find((t) => {
            const range = decodeRange(t.ref);
            return range !== null && t.headerRow && range.top === headerIndex + 1;
          })
        : undefined;
    return (table && tableSnapshot(sheet, table, grid, request.rows)) || rangeSnapshot(sheet.name, grid, headerIndex, request.rows, search.rows);
  };
  const named = book.sheets.find((s) => sameName(s.name, fallback.sheet));
  if (named) return fromSheet(named, headerIn(gridOf(named)));
  if (!fallback.anySheet) return null;
  const passOver = new Set(fallback.anySheet.except.map(ownedSheet));
  for (const sheet of book.sheets) {
    if (passOver.has(sheet)) continue;
    const at = headerIn(gridOf(sheet));
    if (at >= 0) return fromSheet(sheet, at);
  }
  return null;
}
