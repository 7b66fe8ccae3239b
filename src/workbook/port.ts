import { CellValue, SheetInfo, WorkbookPlan } from "./plan";

export type { SheetInfo } from "./plan";

/** The Diagnostics data as read: a header row and the rows under it. */
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
}

export interface SelectionSnapshot {
  sheet: string;
  /** 1-based row and 0-based column of the active cell. */
  row: number;
  column: number;
}

export interface WorkbookSnapshot {
  sheets: SheetInfo[];
  /** Workbook-scoped names and table names, when the adapter reports them (see WorkbookBasis). */
  names?: string[];
  tables?: string[];
  diagnostics: TableSnapshot | null;
  /** Values from A1 to the end of the used range of the add-in's lists sheet (owner "lists", else the sheet named Lists), or null when there is none. */
  lists: CellValue[][] | null;
  selection: SelectionSnapshot | null;
}

export interface ReadRequest {
  /** Read the Diagnostics table's rows as well as its headers. */
  rows: boolean;
  /**
   * Also read the narrative columns (names and findings: see ColumnDefinition.narrative). Only editing one visit
   * needs them; leaving them out keeps a 10,000-row read to one response under Excel on the web's 5 MB limit.
   * Without them a narrative cell reads as NOT_READ when it holds anything and null when it is empty, so a row
   * holding only findings is never taken for a blank one.
   */
  narrative?: boolean;
  lists: boolean;
  selection: boolean;
}

/**
 * What every action needs from a workbook: one read, then one plan applied.
 * Each call is one batch: the Office.js adapter makes a fixed number of round trips per call while the data fits
 * Excel on the web's 5 MB request and response limits (10,000 visits do), and splits only beyond them.
 */
export interface WorkbookPort {
  read(request: ReadRequest): Promise<WorkbookSnapshot>;
  apply(plan: WorkbookPlan): Promise<void>;
}

/** Stands in for the text of a narrative cell that was not read (see ReadRequest.narrative). */
export const NOT_READ = "[not read]";

export const DIAGNOSTICS_SHEET = "Diagnostics";
export const DIAGNOSTICS_TABLE = "Diagnostics";
export const LISTS_SHEET = "Lists";
/** Owner tag of the add-in's Lists sheet. */
export const LISTS_OWNER = "lists";
