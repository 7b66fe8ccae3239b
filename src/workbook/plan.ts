/**
 * A plain description of a change to a workbook. Actions build one, an adapter applies it:
 * the Office.js adapter queues every step and syncs once; the ExcelJS adapter edits a file.
 * Addresses are A1 references within the named sheet, without the sheet name.
 */

/** A value written to a cell; null empties the cell. Dates are written as Excel serial numbers with a date format. */
export type CellValue = string | number | boolean | null;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** Hex colour without "#". */
  fill?: string;
  fontColour?: string;
  wrap?: boolean;
  numberFormat?: string;
  horizontalAlignment?: "Left" | "Center" | "Right";
  verticalAlignment?: "Top" | "Center" | "Bottom";
  /** Thin border on every edge of every cell. */
  border?: boolean;
}

export interface ConditionalFill {
  /** The cell's whole text equals this. */
  text: string;
  fill: string;
  fontColour: string;
}

export interface ChartSeries {
  name: string;
  colour: string;
}

export type WorkbookChange =
  /** Adds the sheet when no sheet has this name. With owner, marks it as the add-in's own (see OWNER_NAME_PREFIX). */
  | { kind: "addSheet"; sheet: string; owner?: string; activate?: boolean }
  /** Empties a sheet the add-in owns: values, formats, validation, conditional formats and charts. */
  | { kind: "clearSheet"; sheet: string }
  /** Writes a block of values from topLeft; strings starting "=" are written as text, never as formulas. */
  | { kind: "setValues"; sheet: string; topLeft: string; values: CellValue[][]; style?: CellStyle }
  | { kind: "setStyle"; sheet: string; range: string; style: CellStyle }
  /** Widths in characters, from column A onwards. */
  | { kind: "setColumnWidths"; sheet: string; widths: number[] }
  /** Creates an Excel table whose header row starts at topLeft, with no data rows. */
  | { kind: "createTable"; sheet: string; name: string; topLeft: string; headers: string[] }
  /** Adds columns at the right of a table, keeping every row. */
  | { kind: "addTableColumns"; table: string; headers: string[] }
  /** Writes rows directly below the table's last row, so the table grows (co-authoring safe: no rows.add). */
  | {
      kind: "appendTableRows";
      table: string;
      rows: CellValue[][];
      /**
       * Blank rows to insert where the body ends before writing (the read saw a totals row or data under the table);
       * when absent, an adapter that cannot tell without looking reads first.
       */
      insertFirst?: number;
    }
  /** A dropdown list with a stop-style error, replacing any validation on the range; source is a formula such as "=TD_Grades". */
  | {
      kind: "listValidation";
      sheet: string;
      range: string;
      source: string;
      errorTitle: string;
      errorMessage: string;
    }
  /** Cell colours that follow the cell's text (conditional formatting); replaces any already on the range, so applying twice changes nothing. */
  | { kind: "conditionalFills"; sheet: string; range: string; fills: ConditionalFill[] }
  /** A workbook-scoped name for a range of a sheet; an existing name of the same spelling is pointed at the new range. */
  | { kind: "defineName"; name: string; sheet: string; range: string }
  | { kind: "freezeRows"; sheet: string; rows: number }
  /** The sheet's first `rows` rows are printed again at the top of every page (Excel's "Rows to repeat at top"). */
  | { kind: "printTitleRows"; sheet: string; rows: number }
  /**
   * Stacked bar chart. dataRange includes its header row: the top-left cell is a label, grade names run across,
   * groups run down; one series per column after the first. Width and height are in points.
   */
  | {
      kind: "addChart";
      sheet: string;
      name: string;
      title: string;
      dataRange: string;
      series: ChartSeries[];
      /** Top-left cell of the chart. */
      anchor: string;
      width: number;
      height: number;
    }
  | { kind: "select"; sheet: string; range: string }
  /**
   * Cell colours that follow a formula (conditional formatting of the custom kind), so they work in Excel without
   * the add-in. Each formula is written as for the range's top-left cell (relative references move down the range,
   * "$" columns stay). The rules should not overlap; replaces any conditional formats already on the range.
   */
  | { kind: "formulaFills"; sheet: string; range: string; rules: FormulaFill[] }
  /** One cell's formula (starting "="), calculated by Excel; only on sheets the add-in owns. */
  | { kind: "setFormula"; sheet: string; cell: string; formula: string };

export interface FormulaFill {
  /** A formula starting "=", true for the cells to colour, e.g. '=$I2="Complete"'. */
  formula: string;
  fill: string;
  fontColour: string;
}

/** A sheet and, when the add-in made it, what for (the owner tag). */
export interface SheetInfo {
  name: string;
  owner: string | null;
  /** Names of the charts on a sheet the add-in owns (reported only for owned sheets). */
  charts?: string[];
}

/** What existed when a plan was built: lets an adapter apply it without asking the workbook again. */
export interface WorkbookBasis {
  sheets: SheetInfo[];
  /** Workbook-scoped names. */
  names: string[];
  tables: string[];
}

export interface WorkbookPlan {
  /** What the user asked for, for messages and tests. */
  action: string;
  changes: WorkbookChange[];
  /** The read the plan was built from; without it an adapter may have to look before it writes. */
  basis?: WorkbookBasis;
}

/** Workbook names starting with this mark a sheet as the add-in's own; the name follows the sheet if renamed. */
export const OWNER_NAME_PREFIX = "TD_Owned_";
