import { CellValue, SheetInfo, WorkbookPlan } from "./plan";

export type { SheetInfo } from "./plan";

/** A table as read: a header row and the rows under it. */
export interface TableSnapshot {
  sheet: string;
  /** The Excel table's name, or null when the data is a plain range. */
  table: string | null;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 0-based sheet column of the first header. */
  firstColumn: number;
  headers: CellValue[];
  rows: CellValue[][];
  /** An Excel table's totals row, and whether the row under the table holds anything (for appends); when known. */
  below?: TableBelow;
}

export interface TableBelow {
  totalsShown: boolean;
  dataBelow: boolean;
}

export interface SelectionSnapshot {
  sheet: string;
  /** 1-based row and 0-based column of the active cell. */
  row: number;
  column: number;
}

/**
 * How to find a header row in a plain range (a sheet's data with no Excel table), as labels: the adapter needs no
 * grading rules. Labels match ignoring case, spacing and punctuation (foldLabel). Among the first `rows` rows, the
 * header is the one holding every column of `mustHave` and the most columns of `columns` (first such row wins).
 * Each column is a list of alternative labels.
 */
export interface HeaderSearch {
  columns: readonly (readonly string[])[];
  mustHave: readonly (readonly string[])[];
  rows: number;
}

/** Where a requested table is looked for when the workbook has no Excel table of that name. */
export interface RangeFallback {
  /** The sheet whose used range holds the data. */
  sheet: string;
  header: HeaderSearch;
  /**
   * When there is no such sheet, the first other sheet whose header row is found, passing over the sheets listed
   * (an owned sheet, else the sheet of that name). Only the file readers search other sheets; the Office.js adapter
   * looks at `sheet` alone.
   */
  anySheet?: { except: readonly SheetRequest[] };
}

/** One table a read asks for. */
export interface TableRequest {
  /** The Excel table's name; also the table's key in WorkbookSnapshot.found. */
  name: string;
  /** Read the rows as well as the headers. */
  rows: boolean;
  /**
   * Header labels of columns whose text is not read (matched as HeaderSearch labels, first match wins): each such
   * cell reads as NOT_READ when it holds anything and null when it is empty, so a row holding only that text is never
   * taken for a blank one. Leaving narrative columns out keeps a 10,000-row read to one response under Excel on the
   * web's 5 MB limit.
   */
  skipHeaders?: readonly string[];
  fallback?: RangeFallback;
}

/** A sheet the add-in owns (marked with the owner name), else the sheet of that name, read as values from A1. */
export interface SheetRequest {
  owner: string;
  sheet: string;
}

export interface WorkbookSnapshot {
  sheets: SheetInfo[];
  /** Workbook-scoped names and table names, when the adapter reports them (see WorkbookBasis). */
  names?: string[];
  tables?: string[];
  /** Each requested table that was found, keyed by TableRequest.name. */
  found: Record<string, TableSnapshot>;
  /** Values from A1 to the end of the used range of each requested sheet that exists, keyed by SheetRequest.owner. */
  sheetValues: Record<string, CellValue[][]>;
  selection: SelectionSnapshot | null;
  /**
   * The workbook's date system, when the adapter can tell: 1900 (Excel's default) or 1904 (older Excel for Mac
   * workbooks), in which every date's serial is 1,462 lower. Cells are given as stored; the files adapter has moved
   * a 1904 file's date cells onto the 1900 system already and does not report it.
   */
  dateSystem?: 1900 | 1904;
}

export interface ReadRequest {
  tables: readonly TableRequest[];
  sheets?: readonly SheetRequest[];
  selection: boolean;
}

/**
 * What every action needs from a workbook: one read, then one plan applied.
 * Each call is one batch: the Office.js adapter makes a fixed number of round trips per call while the data fits
 * Excel on the web's 5 MB request and response limits (10,000 visits do), and splits only beyond them.
 */
export interface WorkbookPort {
  read(request: ReadRequest): Promise<WorkbookSnapshot>;
  /** Adapters that append to tables may say where the rows landed (AppliedPlan); others return nothing. */
  apply(plan: WorkbookPlan): Promise<AppliedPlan | void>;
}

/** Stands in for the text of a cell that was not read (see TableRequest.skipHeaders). */
export const NOT_READ = "[not read]";

export const DIAGNOSTICS_SHEET = "Diagnostics";
export const DIAGNOSTICS_TABLE = "Diagnostics";
export const LISTS_SHEET = "Lists";
/** Owner tag of the add-in's Lists sheet. */
export const LISTS_OWNER = "lists";

/** What applying a plan found out: where each appendTableRows change's first row landed (1-based sheet row). */
export interface AppliedPlan {
  appended: { table: string; row: number; rows: number }[];
}
