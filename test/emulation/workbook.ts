/**
 * The in-memory workbook behind the Excel emulation: what a real workbook holds, with the
 * rules Excel applies when a batch runs (text parsed as formulas or numbers unless formatted "@",
 * tables growing when data is written directly below them, a table always keeping one body row).
 * Tests inspect it directly: wb.sheet("Diagnostics").cell("G27"), wb.names(), wb.charts().
 * No Node-only imports: the workbench bundles this for the browser.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, formatRect, intersect, parseRect, quoteSheet, sheetAddress, splitSheet } from "./address";
import { A1, ChartModel, EmulationError, Scalar, NameModel, TableModel, bodyRect } from "./model";
import { EmulatedSheet } from "./sheet";

export * from "./model";
export { EmulatedSheet } from "./sheet";

export interface EmulatedWorkbookOptions {
  /** Sheets of a new workbook; Excel's blank workbook has one, "Sheet1". */
  sheets?: string[];
  /** The workbook's date system is the 1904 one (older Excel for Mac workbooks); the 1900 system when absent. */
  date1904?: boolean;
}

export class EmulatedWorkbook {
  readonly sheetList: EmulatedSheet[] = [];
  readonly tables: TableModel[] = [];
  readonly namedItems: NameModel[] = [];
  activeSheet: EmulatedSheet | null = null;
  /** Dates are counted from 1 January 1904 rather than the 1900 system's start (see functions.ts). */
  readonly date1904: boolean;
  /** Deliberate departures from Excel, to prove a check can fail (the self-test's own test uses them). */
  readonly faults = { tablesDoNotGrow: false, /** list formulas read as if every cell were the rule's top-left */ listFormulasAbsolute: false, /** setPrintTitleRows does nothing */ printTitlesIgnored: false };
  private seq = 0;
  private ids = 0;

  constructor(options: EmulatedWorkbookOptions = {}) {
    this.date1904 = options.date1904 === true;
    for (const name of options.sheets ?? ["Sheet1"]) this.addSheet(name);
  }

  nextSeq(): number {
    return ++this.seq;
  }

  nextId(): number {
    return ++this.ids;
  }

  // ---- inspection and seeding (tests call these directly, outside any batch) ----------------

  sheet(name: string): EmulatedSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`No sheet "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return s;
  }

  findSheet(name: string): EmulatedSheet | undefined {
    return this.sheetList.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheetNames(): string[] {
    return this.sheetList.map((s) => s.name);
  }

  addSheet(name: string): EmulatedSheet {
    const clean = name.trim();
    if (!clean || clean.length > 31 || /[[\]:*?/\\]/.test(clean) || clean.startsWith("'") || clean.endsWith("'")) {
      throw new EmulationError("InvalidArgument", `"${name}" is not a valid sheet name.`);
    }
    if (this.findSheet(clean)) throw new EmulationError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    const sheet = new EmulatedSheet(this, `{sheet-${this.nextId()}}`, clean);
    this.sheetList.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    const other = this.findSheet(to);
    if (other && other !== sheet) throw new EmulationError("ItemAlreadyExists", `A sheet named "${to}" already exists.`);
    sheet.name = to;
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.sheetList.splice(this.sheetList.indexOf(sheet), 1);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    for (const n of this.namedItems) {
      if (n.sheet === sheet) {
        n.sheet = null;
        n.rect = null;
      }
    }
    if (this.activeSheet === sheet) this.activeSheet = this.sheetList[0] ?? null;
  }

  /** Writes values exactly as Range.values would (so "=x" becomes a formula). */
  setValues(sheet: string, topLeft: string, values: Scalar[][]): void {
    const start = A1(topLeft);
    const rect = { r0: start.r0, c0: start.c0, r1: start.r0 + values.length - 1, c1: start.c0 + values[0].length - 1 };
    this.sheet(sheet).writeValues(rect, values);
  }

  /** Creates a table over an existing block whose first row holds the headers. */
  addTable(sheet: string, address: string, name?: string): TableModel {
    return this.createTable(this.sheet(sheet), A1(address), name);
  }

  table(name: string): TableModel | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  /** A table's header values and body rows as Excel holds them (the empty body row included). */
  tableValues(name: string): { headers: Scalar[]; body: Scalar[][]; address: string; totals?: Scalar[] } {
    const t = this.table(name);
    if (!t) throw new Error(`No table "${name}"`);
    const all = t.sheet.readValues(t.rect);
    const end = t.showTotals ? all.length - 1 : all.length;
    return { headers: all[0], body: all.slice(1, end), address: sheetAddress(t.sheet.name, t.rect), ...(t.showTotals ? { totals: all[end] } : {}) };
  }

  names(): { name: string; formula: string; sheet: string | null }[] {
    return this.namedItems.map((n) => ({ name: n.name, formula: this.nameFormula(n), sheet: n.sheet?.name ?? null }));
  }

  charts(): ChartModel[] {
    return this.sheetList.flatMap((s) => s.charts);
  }

  /** "Sheet!G27": the active sheet and its active cell. */
  activeCellAddress(): string | null {
    const s = this.activeSheet;
    if (!s) return null;
    return sheetAddress(s.name, { r0: s.selection.r0, c0: s.selection.c0, r1: s.selection.r0, c1: s.selection.c0 });
  }

  selectionAddress(): string | null {
    const s = this.activeSheet;
    return s ? sheetAddress(s.name, s.selection) : null;
  }

  // ---- engine -------------------------------------------------------------------------------

  nameFormula(n: NameModel): string {
    if (!n.sheet || !n.rect) return "=#REF!";
    return `=${quoteSheet(n.sheet.name)}!${formatRect(n.rect, true)}`;
  }

  findName(name: string): NameModel | undefined {
    return this.namedItems.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }

  addName(name: string, sheet: EmulatedSheet, rect: Rect, comment = ""): NameModel {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name)) {
      throw new EmulationError("InvalidArgument", `"${name}" is not a valid name.`);
    }
    if (this.findName(name) || this.table(name)) {
      throw new EmulationError("ItemAlreadyExists", `The name "${name}" already exists.`);
    }
    const n = { name, sheet, rect, comment };
    this.namedItems.push(n);
    return n;
  }

  resolveReference(reference: string, fallbackSheet?: EmulatedSheet): { sheet: EmulatedSheet; rect: Rect } {
    const { sheet, local } = splitSheet(reference);
    const target = sheet ? this.findSheet(sheet) : fallbackSheet;
    if (!target) throw new EmulationError("InvalidArgument", `Cannot resolve reference ${reference}.`);
    return { sheet: target, rect: parseRect(local) };
  }

  createTable(sheet: EmulatedSheet, rect: Rect, name?: string): TableModel {
    const full = { ...rect, r1: rect.r0 === rect.r1 ? rect.r0 + 1 : rect.r1 };
    if (full.r1 >= MAX_ROWS || full.c1 >= MAX_COLUMNS) throw new EmulationError("InvalidArgument", "Table out of range.");
    for (const t of this.tables) {
      if (t.sheet === sheet && intersect(t.rect, full)) {
        throw new EmulationError("InvalidOperation", "A table can't overlap another table.");
      }
    }
    // Headers: blanks get ColumnN, duplicates get a number, as Excel does.
    const seen = new Set<string>();
    const headers = sheet.readValues({ ...full, r1: full.r0 })[0].map((v, i) => {
      let h = v === "" ? `Column${i + 1}` : String(v);
      let n = 2;
      const base = h;
      while (seen.has(h.toLowerCase())) h = `${base}${n++}`;
      seen.add(h.toLowerCase());
      return h;
    });
    headers.forEach((h, i) => sheet.setText(full.r0, full.c0 + i, h));
    const id = this.nextId();
    let tableName = name ?? `Table${id}`;
    if (name === undefined) while (this.table(tableName) || this.findName(tableName)) tableName = `Table${this.nextId()}`;
    else this.checkTableName(tableName, null);
    const table: TableModel = { id, name: tableName, sheet, rect: full };
    this.tables.push(table);
    return table;
  }

  checkTableName(name: string, self: TableModel | null): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw new EmulationError("InvalidArgument", `"${name}" is not a valid table name.`);
    }
    const other = this.table(name);
    if ((other && other !== self) || this.findName(name)) {
      throw new EmulationError("ItemAlreadyExists", `A table or name "${name}" already exists.`);
    }
  }

  /**
   * Excel's auto-expansion: data written into the row directly below a table makes the table
   * grow over it (through the last written row that holds data); dropdowns and conditional
   * formats of the table's last row follow. A block that starts inside the table does not count.
   */
  autoExpandTables(sheet: EmulatedSheet, written: Rect, lastWrittenRow: number, entered: (r: number, c: number) => boolean = () => true): void {
    for (const t of this.tables) {
      if (t.sheet !== sheet || written.r0 !== t.rect.r1 + 1) continue;
      // Under a totals row Excel does not grow the table: the data stays outside it, below the totals.
      // Unverified (cautious): Microsoft documents AutoExpansion only for data typed next to a table
      // ("Resize a table by adding or removing rows and columns", support.microsoft.com).
      if (t.showTotals || this.faults.tablesDoNotGrow) continue;
      if (written.c1 < t.rect.c0 || written.c0 > t.rect.c1) continue;
      const oldLast = t.rect.r1;
      t.rect = { ...t.rect, r1: lastWrittenRow };
      const columns = { r0: oldLast, r1: oldLast, c0: t.rect.c0, c1: t.rect.c1 };
      for (const v of sheet.validations) {
        if (v.rect.r1 === oldLast && intersect(v.rect, columns)) {
          v.rect = { ...v.rect, r1: lastWrittenRow };
          v.address = formatRect(v.rect);
        }
      }
      for (const f of sheet.conditionalFormats) if (f.rect.r1 === oldLast && intersect(f.rect, columns)) f.rect = { ...f.rect, r1: lastWrittenRow };
      this.fillCalculatedColumns(t, oldLast + 1, lastWrittenRow, entered);
    }
  }

  /**
   * A calculated column fills its formula into rows the table grows over, except cells the write
   * entered a value into: "" is an entry that empties the cell (Excel keeps such a cell as an exception
   * to the column's formula), null leaves the cell to Excel. Unverified (cautious): Microsoft's "Use
   * calculated columns in an Excel table" says a calculated column fills new rows and that typing
   * something else into a cell creates an exception; what Range.values = "" does there is not documented.
   */
  private fillCalculatedColumns(t: TableModel, from: number, to: number, entered: (r: number, c: number) => boolean): void {
    if (!t.calculated) return;
    for (const [offset, formula] of t.calculated) {
      const c = t.rect.c0 + offset;
      for (let r = from; r <= to; r++) {
        if (entered(r, c)) continue;
        const cell = t.sheet.storedCell(r, c);
        if (cell && (cell.value !== "" || cell.formula)) continue;
        t.sheet.setFormula(r, c, formula);
      }
    }
  }

  /** Makes a table column a calculated column: the formula in every body row, and in rows the table grows over. */
  setCalculatedColumn(tableName: string, header: string, formula: string): void {
    const t = this.table(tableName);
    if (!t) throw new Error(`No table "${tableName}"`);
    const headers = t.sheet.readValues({ ...t.rect, r1: t.rect.r0 })[0].map((h) => String(h).toLowerCase());
    const offset = headers.indexOf(header.toLowerCase());
    if (offset < 0) throw new Error(`No column "${header}" in ${tableName}`);
    (t.calculated ??= new Map()).set(offset, formula);
    const body = bodyRect(t);
    for (let r = body.r0; r <= body.r1; r++) t.sheet.setFormula(r, t.rect.c0 + offset, formula);
  }
}
