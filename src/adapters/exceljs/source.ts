/** An ExcelJS workbook as plain values (cells, tables, names) for snapshotFrom, and the ExcelJS internals it reaches. */
import ExcelJS from "exceljs";
import { CellValue } from "../../workbook/plan";
import { SourceBook, SourceSheet, sheetOfReference } from "./snapshot";

/* ExcelJS keeps some state it offers no public way to reset; these are the fields used below (exceljs 4.x). */
export interface WorksheetInternals {
  _rows: unknown[];
  _columns: unknown;
  _keys: Record<string, unknown>;
  _merges: Record<string, unknown>;
  _media: unknown[];
  tables: Record<string, TableInternals>;
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
}

interface TableInternals {
  table: TableModel;
}

export interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef: string;
  autoFilterRef?: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: { name: string; filterButton?: boolean; totalsRowFunction?: string }[];
  rows?: unknown[][];
}

const MS_PER_DAY = 86400000;
/** Excel serial of 1 January 1970. */
const UNIX_EPOCH_SERIAL = 25569;

/** A cell's value as the core reads it: real dates become Excel serials, rich text and links their text, formulas their result. */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  }
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
    if ("hyperlink" in v) return plainValue(v.text as ExcelJS.CellValue);
    if ("formula" in v || "sharedFormula" in v) return plainValue(v.result as ExcelJS.CellValue);
    if ("error" in v) return String(v.error);
  }
  return null;
}

function worksheetGrid(ws: ExcelJS.Worksheet): CellValue[][] {
  const grid: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // Merged cells other than the top-left read as empty, as in Excel.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = plainValue(cell.value);
      if (v !== null) cells[col - 1] = v;
    });
    grid[rowNumber - 1] = cells;
  });
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  return grid;
}

export function tablesOf(ws: ExcelJS.Worksheet): TableModel[] {
  return Object.values((ws as unknown as WorksheetInternals).tables).map((t) => t.table);
}

/** The ExcelJS workbook as plain values for snapshotFrom. */
export function sourceBook(wb: ExcelJS.Workbook): SourceBook {
  const sheets: SourceSheet[] = wb.worksheets.map((ws) => ({
    name: ws.name,
    tables: tablesOf(ws).map((t) => ({
      name: t.displayName || t.name,
      ref: t.tableRef,
      headerRow: t.headerRow !== false,
      totalsRow: !!t.totalsRow,
    })),
    grid: () => worksheetGrid(ws),
  }));
  const names = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => ({
    name: n.name,
    sheet: n.ranges.length ? sheetOfReference(n.ranges[0]) : null,
  }));
  return { sheets, names };
}

