import ExcelJS from "exceljs";
import { columnLetter, parseCellAddress } from "../../domain/cells";
import { CellStyle, CellValue, ConditionalFill, FormulaFill, OWNER_NAME_PREFIX, WorkbookChange, WorkbookPlan } from "../../workbook/plan";
import { ReadRequest, WorkbookPort, WorkbookSnapshot } from "../../workbook/port";
import { decodeRange, sheetOfReference, snapshotFrom } from "./snapshot";
import { TableModel, WorksheetInternals, plainValue, sourceBook, tablesOf } from "./source";
import { StyleApplier, conditionalRule, fitWrappedRows, formulaRule, mergedStyle } from "./styles";
import { ALERT_LIMITS, withinLimit } from "../officejs/cells";

export type { TableModel, WorksheetInternals } from "./source";
export { plainValue, sourceBook, tablesOf } from "./source";
export { fitWrappedRows } from "./styles";

/** Excel's last row: a range reaching it is a whole-column range, styled through the column. */
const LAST_ROW = 1048576;

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function absolute(range: string): string {
  return range
    .split(":")
    .map((part) => {
      const at = parseCellAddress(part);
      if (!at) throw new Error(`"${range}" is not a cell range.`);
      return `$${columnLetter(at.column)}$${at.row}`;
    })
    .join(":");
}

function mustRange(range: string) {
  const r = decodeRange(range);
  if (!r) throw new Error(`"${range}" is not a cell range.`);
  return r;
}

/**
 * WorkbookPort over an ExcelJS workbook, for files on disk: the command line, the demo and the tests.
 * Every WorkbookChange is applied as Excel would, except addChart (ExcelJS cannot write charts; skipped).
 */
export class ExcelJsWorkbook implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook()) {}

  static create(): ExcelJsWorkbook {
    const wb = new ExcelJS.Workbook();
    wb.creator = "Team Diagnostics";
    return new ExcelJsWorkbook(wb);
  }

  /** Opens .xlsx bytes. On Node, prefer loadWorkbookForEditing (files.ts), which also works around two ExcelJS reading faults. */
  static async load(data: ArrayBuffer | Uint8Array): Promise<ExcelJsWorkbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    return new ExcelJsWorkbook(wb);
  }

  /** The .xlsx file's bytes. Browser-safe: this module uses no Node APIs, so the task pane can bundle it. */
  async writeBuffer(): Promise<Uint8Array> {
    for (const ws of this.workbook.worksheets) fitWrappedRows(ws);
    const data = await this.workbook.xlsx.writeBuffer();
    return data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
  }

  async read(request: ReadRequest): Promise<WorkbookSnapshot> {
    return snapshotFrom(sourceBook(this.workbook), request);
  }

  async apply(plan: WorkbookPlan): Promise<void> {
    for (const change of plan.changes) this.applyChange(change);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.findSheet(name);
    if (!ws) throw new Error(`There is no sheet named "${name}".`);
    return ws;
  }

  /** The sheets' names, in order. */
  sheetNames(): string[] {
    return this.workbook.worksheets.map((w) => w.name);
  }

  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    return this.workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  }

  private table(name: string): { ws: ExcelJS.Worksheet; model: TableModel } {
    for (const ws of this.workbook.worksheets) {
      const model = tablesOf(ws).find((t) => t.name.toLowerCase() === name.toLowerCase() || (t.displayName ?? "").toLowerCase() === name.toLowerCase());
      if (model) return { ws, model };
    }
    throw new Error(`There is no table named "${name}".`);
  }

  private defineName(name: string, reference: string): void {
    const names = this.workbook.definedNames;
    names.model = (names.model as { name: string; ranges: string[] }[]).filter((n) => n.name.toLowerCase() !== name.toLowerCase());
    names.add(reference, name);
  }

  private applyChange(change: WorkbookChange): void {
    switch (change.kind) {
      case "addSheet": {
        let ws = this.findSheet(change.sheet);
        // Only a sheet made here is marked as the add-in's own: an existing sheet of that name is the user's.
        if (!ws) {
          ws = this.workbook.addWorksheet(change.sheet);
          if (change.owner) {
            this.defineName(`${OWNER_NAME_PREFIX}${change.owner}`, `${quoteSheet(ws.name)}!$A$1`);
            // The add-in's own sheets (summary, counts, lists) have wide label columns: print them landscape, one page
            // wide, on A4 (paperSize 9; without it a file prints on Letter: ECMA-376 Part 1, 18.3.1.64 pageSetup).
            Object.assign(ws.pageSetup, { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
          }
        }
        if (change.activate) this.activate(ws);
        return;
      }
      case "clearSheet": {
        const ws = this.sheet(change.sheet);
        // As in Excel: only a sheet the add-in made and marked is ever emptied.
        if (!this.isOwned(ws)) throw new Error(`Refusing to clear "${ws.name}": the add-in did not make that sheet.`);
        return this.clearSheet(ws);
      }
      case "setValues":
        return this.setValues(this.sheet(change.sheet), change.topLeft, change.values, change.style);
      case "setStyle":
        return this.setStyle(this.sheet(change.sheet), change.range, change.style);
      case "setColumnWidths": {
        const ws = this.sheet(change.sheet);
        change.widths.forEach((w, i) => {
          ws.getColumn(i + 1).width = w;
        });
        return;
      }
      case "createTable":
        return this.createTable(this.sheet(change.sheet), change.name, change.topLeft, change.headers);
      case "addTableColumns":
        return this.addTableColumns(change.table, change.headers);
      case "appendTableRows":
        return this.appendTableRows(change.table, change.rows);
      case "listValidation":
        return this.listValidation(change);
      case "conditionalFills":
        return this.conditionalFills(this.sheet(change.sheet), change.range, change.fills);
      case "defineName": {
        const ws = this.sheet(change.sheet);
        return this.defineName(change.name, `${quoteSheet(ws.name)}!${absolute(change.range)}`);
      }
      case "printTitleRows": {
        // ExcelJS writes it as Excel does: the sheet-scoped defined name _xlnm.Print_Titles (ECMA-376 Part 1, 18.2.5).
        this.sheet(change.sheet).pageSetup.printTitlesRow = change.rows > 0 ? `1:${change.rows}` : undefined;
        return;
      }
      case "freezeRows": {
        const ws = this.sheet(change.sheet);
        const view: Record<string, unknown> = { ...((ws.views ?? [])[0] ?? {}) };
        if (change.rows > 0) Object.assign(view, { state: "frozen", xSplit: 0, ySplit: change.rows, topLeftCell: `A${change.rows + 1}` });
        else {
          view.state = "normal";
          delete view.xSplit;
          delete view.ySplit;
          delete view.topLeftCell;
        }
        ws.views = [view as Partial<ExcelJS.WorksheetView>];
        return;
      }
      case "addChart":
        // ExcelJS cannot write charts: the Counts sheet holds the same numbers, ready for a chart in Excel.
        return;
      case "select": {
        const ws = this.sheet(change.sheet);
        this.activate(ws);
        const first = change.range.split(":")[0].replace(/\$/g, "");
        ws.views = [{ ...((ws.views ?? [])[0] ?? {}), activeCell: first }];
        return;
      }
      case "formulaFills":
        return this.formulaFills(this.sheet(change.sheet), change.range, change.rules);
      case "setFormula":
        // ExcelJS writes a formula as { formula } without the "="; Excel calculates it on opening.
        this.sheet(change.sheet).getCell(change.cell).value = { formula: change.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
        return;
      default: {
        const never: never = change;
        throw new Error(`Unknown workbook change ${JSON.stringify(never)}`);
      }
    }
  }

  private activate(ws: ExcelJS.Worksheet): void {
    const index = this.workbook.worksheets.indexOf(ws);
    const view = (this.workbook.views ?? [])[0] ?? { x: 0, y: 0, width: 12000, height: 20000, visibility: "visible" };
    this.workbook.views = [{ ...view, activeTab: index, firstSheet: 0 }];
    for (const other of this.workbook.worksheets) {
      other.views = [{ ...((other.views ?? [])[0] ?? {}), tabSelected: other === ws } as unknown as Partial<ExcelJS.WorksheetView>];
    }
  }

  private isOwned(ws: ExcelJS.Worksheet): boolean {
    const names = this.workbook.definedNames.model as { name: string; ranges: string[] }[];
    return names.some(
      (n) => n.name.startsWith(OWNER_NAME_PREFIX) && n.ranges.some((r) => sheetOfReference(r)?.toLowerCase() === ws.name.toLowerCase()),
    );
  }

  private clearSheet(ws: ExcelJS.Worksheet): void {
    const internals = ws as unknown as WorksheetInternals;
    internals._rows = [];
    internals._columns = null;
    internals._keys = {};
    internals._merges = {};
    internals._media = [];
    internals.tables = {};
    internals.conditionalFormattings = [];
    internals.dataValidations.model = {};
    ws.autoFilter = undefined;
  }

  /** With leaveNull (appends), null leaves a cell as it is, as in Office.js; otherwise null empties it. */
  private setValues(ws: ExcelJS.Worksheet, topLeft: string, values: CellValue[][], style?: CellStyle, leaveNull = false): void {
    const at = parseCellAddress(topLeft);
    if (!at) throw new Error(`"${topLeft}" is not a cell address.`);
    const styler = style ? new StyleApplier(style) : null;
    for (let r = 0; r < values.length; r++) {
      const row = ws.getRow(at.row + r);
      const cells = values[r];
      for (let c = 0; c < cells.length; c++) {
        const cell = row.getCell(at.column + 1 + c);
        const v = cells[c];
        if (leaveNull && (v === null || v === undefined)) continue;
        // A string is always text in ExcelJS, even when it starts with "=": formulas need { formula }.
        cell.value = v === undefined ? null : v;
        if (styler) styler.apply(cell);
      }
    }
  }

  private setStyle(ws: ExcelJS.Worksheet, range: string, style: CellStyle): void {
    const r = mustRange(range);
    const styler = new StyleApplier(style);
    // Whole-column ranges style the column, so rows typed later look the same, plus the cells already there.
    const wholeColumns = r.bottom >= LAST_ROW;
    const bottom = Math.min(r.bottom, Math.max(ws.rowCount, r.top));
    if (wholeColumns) {
      for (let c = r.left; c <= r.right; c++) {
        const sheetColumn = ws.getColumn(c + 1);
        // eslint-disable-next-line office-addins/call-sync-before-read -- an ExcelJS column, not an Office.js proxy
        sheetColumn.style = mergedStyle(sheetColumn.style ?? {}, style) as ExcelJS.Style;
      }
    }
    for (let row = r.top; row <= bottom; row++) {
      if (wholeColumns && !ws.findRow(row)) continue;
      const wsRow = ws.getRow(row);
      for (let c = r.left; c <= r.right; c++) styler.apply(wsRow.getCell(c + 1));
    }
  }

  private createTable(ws: ExcelJS.Worksheet, name: string, topLeft: string, headers: string[]): void {
    const at = parseCellAddress(topLeft);
    if (!at) throw new Error(`"${topLeft}" is not a cell address.`);
    // Excel's tables always hold at least one data row: a new one starts with a blank row, as in Excel.
    ws.addTable({
      name,
      displayName: name,
      ref: topLeft,
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: headers.map((h) => ({ name: h, filterButton: true })),
      rows: [headers.map(() => null)],
    });
  }

  private addTableColumns(tableName: string, headers: string[]): void {
    const { ws, model } = this.table(tableName);
    const range = mustRange(model.tableRef);
    const headerRow = ws.getRow(range.top);
    headers.forEach((h, i) => {
      headerRow.getCell(range.right + 2 + i).value = h;
      model.columns.push({ name: h, filterButton: true, totalsRowFunction: "none" });
    });
    for (const row of model.rows ?? []) row.push(...headers.map(() => null));
    const right = range.right + headers.length;
    model.tableRef = `${columnLetter(range.left)}${range.top}:${columnLetter(right)}${range.bottom}`;
    model.autoFilterRef = model.tableRef;
  }

  /**
   * Writes rows under the table's last row with anything in it, and grows the table to cover them. A new table's
   * blank first row (Excel tables always have one) is filled first, so rows read back exactly as appended.
   */
  private appendTableRows(tableName: string, rows: CellValue[][]): void {
    if (rows.length === 0) return;
    const { ws, model } = this.table(tableName);
    const range = mustRange(model.tableRef);
    const width = range.right - range.left + 1;
    const firstData = range.top + (model.headerRow === false ? 0 : 1);
    const lastData = range.bottom - (model.totalsRow ? 1 : 0);
    let start = lastData + 1;
    while (start > firstData && this.rowIsBlank(ws, start - 1, range.left, range.right)) start--;
    if (model.totalsRow && start + rows.length > lastData) {
      throw new Error(`Table "${tableName}" has a totals row: rows cannot be appended below it.`);
    }
    this.setValues(
      ws,
      `${columnLetter(range.left)}${start}`,
      rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
      undefined,
      true, // a council's own columns in the new rows are left as they are (issue 10 item 3)
    );
    const bottom = Math.max(range.bottom, start + rows.length - 1);
    model.tableRef = `${columnLetter(range.left)}${range.top}:${columnLetter(range.right)}${bottom}`;
    model.autoFilterRef = model.tableRef;
  }

  private rowIsBlank(ws: ExcelJS.Worksheet, row: number, left: number, right: number): boolean {
    const found = ws.findRow(row);
    if (!found) return true;
    for (let c = left; c <= right; c++) {
      const v = plainValue(found.getCell(c + 1).value);
      if (v !== null && !(typeof v === "string" && v.trim() === "")) return false;
    }
    return true;
  }

  private listValidation(change: Extract<WorkbookChange, { kind: "listValidation" }>): void {
    const ws = this.sheet(change.sheet);
    const r = mustRange(change.range);
    const model = (ws as unknown as WorksheetInternals).dataValidations.model;
    // A repair replaces what was there: drop earlier rules on the same cells.
    for (const key of Object.keys(model)) {
      const k = decodeRange(key);
      if (k && k.left >= r.left && k.right <= r.right && k.top >= r.top && k.bottom <= r.bottom) delete model[key];
    }
    const address = change.range.replace(/\$/g, "");
    model[address] = {
      type: "list",
      // allowBlank is Excel's "Ignore blank": on, a list whose source holds blank cells accepts anything
      // (https://learn.microsoft.com/office/vba/api/excel.validation.ignoreblank), as the Lists ranges do.
      allowBlank: false,
      formulae: [change.source.replace(/^=/, "")],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: withinLimit(change.errorTitle, ALERT_LIMITS.title),
      error: withinLimit(change.errorMessage, ALERT_LIMITS.message),
    };
  }

  private conditionalFills(ws: ExcelJS.Worksheet, range: string, fills: ConditionalFill[]): void {
    const r = mustRange(range);
    const ref = range.replace(/\$/g, "");
    const internals = ws as unknown as WorksheetInternals;
    internals.conditionalFormattings = internals.conditionalFormattings.filter((cf) => cf.ref !== ref);
    const topLeft = `${columnLetter(r.left)}${r.top}`;
    ws.addConditionalFormatting({ ref, rules: fills.map((f, i) => conditionalRule(f, topLeft, i + 1)) });
  }

  private formulaFills(ws: ExcelJS.Worksheet, range: string, rules: FormulaFill[]): void {
    mustRange(range);
    const ref = range.replace(/\$/g, "");
    const internals = ws as unknown as WorksheetInternals;
    internals.conditionalFormattings = internals.conditionalFormattings.filter((cf) => cf.ref !== ref);
    ws.addConditionalFormatting({ ref, rules: rules.map((f, i) => formulaRule(f, i + 1)) });
  }
}
