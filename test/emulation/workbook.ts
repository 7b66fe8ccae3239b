/**
 * The in-memory workbook behind the Excel emulation: what a real workbook holds, with the
 * rules Excel applies when a batch runs (text parsed as formulas or numbers unless formatted "@",
 * tables growing when data is written directly below them, a table always keeping one body row).
 * Tests inspect it directly: wb.sheet("Diagnostics").cell("G27"), wb.names(), wb.charts().
 * No Node-only imports: the workbench bundles this for the browser.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  cellCount,
  columnLetters,
  columnNumber,
  containsCell,
  formatRect,
  intersect,
  parseRect,
  quoteSheet,
  sheetAddress,
  splitSheet,
  subtract,
} from "./address";

export type Scalar = string | number | boolean;

/** What Excel's Range.values gives back for a formula it cannot calculate here. */
export const FORMULA_RESULT = "#NAME?";

export interface FormatProps {
  numberFormat: string;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  fontSize: number;
  wrap: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  /** Border style per edge name (EdgeTop, InsideHorizontal, …). */
  borders: Record<string, string>;
}

export const DEFAULT_FORMAT: FormatProps = {
  numberFormat: "General",
  fill: null,
  fontColor: "#000000",
  bold: false,
  italic: false,
  fontSize: 11,
  wrap: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  borders: {},
};

type FormatKey = keyof FormatProps;

interface Stamped<T> {
  v: T;
  seq: number;
}

interface StoredCell {
  value: Scalar;
  formula: string | null;
  fmt: Partial<Record<FormatKey, Stamped<unknown>>>;
}

/** A format applied to a large rectangle at once (a whole column, say), newer than older cell formats. */
interface FormatLayer {
  rect: Rect;
  props: Partial<FormatProps>;
  seq: number;
}

export interface CellView {
  address: string;
  value: Scalar;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  fontSize: number;
  wrap: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borders: Record<string, string>;
}

export interface ValidationView {
  rect: Rect;
  address: string;
  rule: { list?: { source: string; inCellDropDown: boolean } } & Record<string, unknown>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatModel {
  id: number;
  sheet: EmulatedSheet;
  rect: Rect;
  type: "CellValue" | "ContainsText";
  rule: { formula1?: string; formula2?: string; operator?: string; text?: string } | null;
  fill: string | null;
  fontColor: string | null;
}

export interface ChartModel {
  id: number;
  sheet: EmulatedSheet;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  anchor: string | null;
  width: number;
  height: number;
  series: { name: string; colour: string | null }[];
}

export interface TableModel {
  id: number;
  name: string;
  sheet: EmulatedSheet;
  /** Header row at r0, the last body row at r1: always at least one body row. */
  rect: Rect;
}

export interface NameModel {
  name: string;
  sheet: EmulatedSheet | null;
  rect: Rect | null;
  comment: string;
}

export class EmulationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "EmulationError";
  }
}

const A1 = (address: string) => parseRect(splitSheet(address).local);

/** Excel's en-GB parse of typed text: numbers, percentages, TRUE/FALSE and dd/mm/yyyy dates. */
function parseTyped(text: string): { value: Scalar; numberFormat?: string } | null {
  const t = text.trim();
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const num = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?(%?)$/.exec(t);
  if (num && (num[2] || num[3])) {
    const n = Number(`${num[1]}${(num[2] ?? "0").replace(/,/g, "")}${num[3] ?? ""}${num[4] ?? ""}`);
    if (Number.isFinite(n)) return num[5] ? { value: n / 100, numberFormat: "0%" } : { value: n };
  }
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (date) {
    const [d, m] = [Number(date[1]), Number(date[2])];
    let y = Number(date[3]);
    if (date[3].length === 2) y += y < 30 ? 2000 : 1900;
    const ms = Date.UTC(y, m - 1, d);
    const check = new Date(ms);
    if (check.getUTCDate() === d && check.getUTCMonth() === m - 1) {
      return { value: Math.round(ms / 86400000) + 25569, numberFormat: "dd/mm/yyyy" };
    }
  }
  return null;
}

export class EmulatedSheet {
  name: string;
  visibility = "Visible";
  frozenRows = 0;
  /** Column widths in points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  readonly validations: ValidationView[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly charts: ChartModel[] = [];
  /** The sheet's selection, kept when another sheet is active. */
  selection: Rect = { r0: 0, c0: 0, r1: 0, c1: 0 };
  // test/workbench/bookData.ts reads these two (by name) to copy a workbook: rename them together.
  private readonly rowsMap = new Map<number, Map<number, StoredCell>>();
  private readonly layers: FormatLayer[] = [];

  constructor(
    readonly workbook: EmulatedWorkbook,
    readonly id: string,
    name: string,
  ) {
    this.name = name;
  }

  // ---- inspection -------------------------------------------------------------------------

  cell(address: string): CellView {
    const rect = A1(address);
    return this.cellView(rect.r0, rect.c0);
  }

  /** Values of a block as Range.values reports them ("" for empty cells). */
  values(address: string): Scalar[][] {
    return this.readValues(A1(address));
  }

  /** The data validation covering a cell, or null. */
  validationAt(address: string): ValidationView | null {
    const { r0, c0 } = A1(address);
    return this.validations.find((v) => containsCell(v.rect, r0, c0)) ?? null;
  }

  /** Conditional formats covering a cell, newest first. */
  conditionalFormatsAt(address: string): ConditionalFormatModel[] {
    const { r0, c0 } = A1(address);
    return this.conditionalFormats.filter((f) => containsCell(f.rect, r0, c0)).reverse();
  }

  /** The fill a user would see: a matching conditional format's, else the cell's own. */
  fillAt(address: string): string | null {
    const { r0, c0 } = A1(address);
    const hit = this.matchingConditionalFormat(r0, c0);
    if (hit && hit.fill) return hit.fill;
    return this.cellView(r0, c0).fill;
  }

  /** Font colour a user would see, conditional formats included. */
  fontColorAt(address: string): string {
    const { r0, c0 } = A1(address);
    const hit = this.matchingConditionalFormat(r0, c0);
    if (hit && hit.fontColor) return hit.fontColor;
    return this.cellView(r0, c0).fontColor;
  }

  /** Width in points of a column ("C"), Excel's default 48 when never set. */
  columnWidth(letters: string): number {
    return this.columnWidths.get(columnNumber(letters)) ?? 48;
  }

  /** The used range's address, or null when the sheet is empty. */
  usedAddress(valuesOnly = true): string | null {
    const r = this.usedRect(valuesOnly);
    return r ? formatRect(r) : null;
  }

  // ---- engine -----------------------------------------------------------------------------

  private matchingConditionalFormat(r: number, c: number): ConditionalFormatModel | null {
    const value = this.storedCell(r, c)?.value ?? "";
    const text = String(this.storedCell(r, c)?.formula ? FORMULA_RESULT : value).toLowerCase();
    for (let i = this.conditionalFormats.length - 1; i >= 0; i--) {
      const f = this.conditionalFormats[i];
      if (!containsCell(f.rect, r, c) || !f.rule) continue;
      if (f.type === "CellValue" && f.rule.operator === "EqualTo" && f.rule.formula1 !== undefined) {
        const m = /^="((?:[^"]|"")*)"$/.exec(f.rule.formula1);
        if (m && text === m[1].replace(/""/g, '"').toLowerCase() && text !== "") return f;
        const n = /^=?(-?\d+(?:\.\d+)?)$/.exec(f.rule.formula1);
        if (n && typeof value === "number" && value === Number(n[1])) return f;
      }
      if (f.type === "ContainsText" && f.rule.text !== undefined) {
        const needle = f.rule.text.toLowerCase();
        const ok =
          f.rule.operator === "Contains"
            ? text.includes(needle)
            : f.rule.operator === "NotContains"
              ? !text.includes(needle)
              : f.rule.operator === "BeginsWith"
                ? text.startsWith(needle)
                : f.rule.operator === "EndsWith"
                  ? text.endsWith(needle)
                  : false;
        if (ok) return f;
      }
    }
    return null;
  }

  storedCell(r: number, c: number): StoredCell | undefined {
    return this.rowsMap.get(r)?.get(c);
  }

  private ensureCell(r: number, c: number): StoredCell {
    let row = this.rowsMap.get(r);
    if (!row) this.rowsMap.set(r, (row = new Map()));
    let cell = row.get(c);
    if (!cell) row.set(c, (cell = { value: "", formula: null, fmt: {} }));
    return cell;
  }

  /** Stores text as is (table headers are always text). */
  setText(r: number, c: number, text: string): void {
    const cell = this.ensureCell(r, c);
    cell.value = text;
    cell.formula = null;
  }

  private dropIfEmpty(r: number, c: number): void {
    const row = this.rowsMap.get(r);
    const cell = row?.get(c);
    if (row && cell && cell.value === "" && cell.formula === null && Object.keys(cell.fmt).length === 0) {
      row.delete(c);
      if (row.size === 0) this.rowsMap.delete(r);
    }
  }

  formatAt(r: number, c: number, key: FormatKey): unknown {
    const own = this.storedCell(r, c)?.fmt[key];
    let best: Stamped<unknown> | undefined = own;
    for (const layer of this.layers) {
      if (layer.props[key] === undefined || !containsCell(layer.rect, r, c)) continue;
      if (!best || layer.seq > best.seq) best = { v: layer.props[key], seq: layer.seq };
    }
    return best ? best.v : DEFAULT_FORMAT[key];
  }

  cellView(r: number, c: number): CellView {
    const cell = this.storedCell(r, c);
    const f = (k: FormatKey) => this.formatAt(r, c, k);
    return {
      address: `${columnLetters(c)}${r + 1}`,
      value: cell ? (cell.formula ? FORMULA_RESULT : cell.value) : "",
      formula: cell?.formula ?? null,
      numberFormat: f("numberFormat") as string,
      fill: f("fill") as string | null,
      fontColor: f("fontColor") as string,
      bold: f("bold") as boolean,
      italic: f("italic") as boolean,
      fontSize: f("fontSize") as number,
      wrap: f("wrap") as boolean,
      horizontalAlignment: f("horizontalAlignment") as string,
      verticalAlignment: f("verticalAlignment") as string,
      borders: f("borders") as Record<string, string>,
    };
  }

  readValues(rect: Rect): Scalar[][] {
    const out: Scalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row = this.rowsMap.get(r);
      const line: Scalar[] = new Array(rect.c1 - rect.c0 + 1).fill("");
      if (row) {
        for (const [c, cell] of row) {
          if (c >= rect.c0 && c <= rect.c1) line[c - rect.c0] = cell.formula ? FORMULA_RESULT : cell.value;
        }
      }
      out.push(line);
    }
    return out;
  }

  readFormulas(rect: Rect): Scalar[][] {
    return this.readValues(rect).map((line, i) =>
      line.map((v, j) => this.storedCell(rect.r0 + i, rect.c0 + j)?.formula ?? v),
    );
  }

  readFormat(rect: Rect, key: FormatKey): unknown[][] {
    const out: unknown[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const line: unknown[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) line.push(this.formatAt(r, c, key));
      out.push(line);
    }
    return out;
  }

  /** Range-level format read: the common value, or null when cells differ (as Excel reports). */
  uniformFormat(rect: Rect, key: FormatKey): unknown {
    if (cellCount(rect) > 100000) return this.formatAt(rect.r0, rect.c0, key);
    const first = JSON.stringify(this.formatAt(rect.r0, rect.c0, key));
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) if (JSON.stringify(this.formatAt(r, c, key)) !== first) return null;
    }
    return this.formatAt(rect.r0, rect.c0, key);
  }

  /** Sets one format property on every cell of rect (a layer for big rectangles). */
  setFormat(rect: Rect, key: FormatKey, value: unknown): void {
    const seq = this.workbook.nextSeq();
    if (cellCount(rect) > 20000) {
      this.layers.push({ rect, props: { [key]: value } as Partial<FormatProps>, seq });
      return;
    }
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) this.ensureCell(r, c).fmt[key] = { v: value, seq };
    }
  }

  /** Per-cell number formats from a 2-D array; null leaves a cell's format alone. */
  setNumberFormats(rect: Rect, formats: unknown[][]): void {
    const grid = this.broadcast(rect, formats, "numberFormat");
    if (!grid) {
      this.setFormat(rect, "numberFormat", formats[0][0] === "" ? "General" : formats[0][0]);
      return;
    }
    const seq = this.workbook.nextSeq();
    for (let i = 0; i < grid.length; i++) {
      for (let j = 0; j < grid[i].length; j++) {
        const f = grid[i][j];
        if (f === null || f === undefined) continue;
        this.ensureCell(rect.r0 + i, rect.c0 + j).fmt.numberFormat = { v: f === "" ? "General" : String(f), seq };
      }
    }
  }

  /** Checks a 2-D input against the range: null for "one value for every cell", else the grid. */
  private broadcast(rect: Rect, input: unknown, what: string): unknown[][] | null {
    if (!Array.isArray(input) || !input.every((row) => Array.isArray(row))) {
      throw new EmulationError("InvalidArgument", `Range.${what} must be a two-dimensional array.`);
    }
    const grid = input as unknown[][];
    if (grid.length === 1 && grid[0].length === 1 && cellCount(rect) > 1) return null;
    const h = rect.r1 - rect.r0 + 1;
    const w = rect.c1 - rect.c0 + 1;
    if (grid.length !== h || grid.some((row) => row.length !== w)) {
      throw new EmulationError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${grid.length}x${grid[0]?.length ?? 0} into ${h}x${w}).`,
      );
    }
    return grid;
  }

  /**
   * Range.values = input, as Excel does it: null leaves a cell alone, "" empties it, strings are
   * parsed as typed (formula, number, boolean, date) unless the cell's number format is "@".
   */
  writeValues(rect: Rect, input: unknown): void {
    const grid = this.broadcast(rect, input, "values");
    const at = (i: number, j: number) => (grid ? grid[i][j] : (input as unknown[][])[0][0]);
    let lastWrittenRow = -1;
    for (let i = 0; i <= rect.r1 - rect.r0; i++) {
      for (let j = 0; j <= rect.c1 - rect.c0; j++) {
        const v = at(i, j);
        if (v === null || v === undefined) continue;
        const r = rect.r0 + i;
        const c = rect.c0 + j;
        if (v === "") {
          const cell = this.storedCell(r, c);
          if (cell) {
            cell.value = "";
            cell.formula = null;
            this.dropIfEmpty(r, c);
          }
          continue;
        }
        lastWrittenRow = Math.max(lastWrittenRow, r);
        const cell = this.ensureCell(r, c);
        cell.formula = null;
        if (typeof v === "number" || typeof v === "boolean") {
          cell.value = v;
          continue;
        }
        if (typeof v !== "string") throw new EmulationError("InvalidArgument", `Unsupported cell value ${JSON.stringify(v)}.`);
        if (this.formatAt(r, c, "numberFormat") === "@") {
          cell.value = v;
          continue;
        }
        const typed = parseTyped(v);
        // "=…" is a formula; so is "+…", "-…" or "@…" unless it reads as a number ("-5").
        if (v.length > 1 && (v.startsWith("=") || (/^[+\-@]/.test(v) && typeof typed?.value !== "number"))) {
          cell.formula = v.startsWith("=") ? v : `=${v}`;
          cell.value = FORMULA_RESULT;
          continue;
        }
        if (typed) {
          cell.value = typed.value;
          if (typed.numberFormat && this.formatAt(r, c, "numberFormat") === "General") {
            cell.fmt.numberFormat = { v: typed.numberFormat, seq: this.workbook.nextSeq() };
          }
          continue;
        }
        cell.value = v;
      }
    }
    if (lastWrittenRow >= 0) this.workbook.autoExpandTables(this, rect, lastWrittenRow);
  }

  /** Range.clear(applyTo). */
  clear(rect: Rect, applyTo: string): void {
    const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
    const formats = applyTo === "All" || applyTo === "Formats";
    for (const [r, row] of [...this.rowsMap]) {
      if (r < rect.r0 || r > rect.r1) continue;
      for (const [c, cell] of [...row]) {
        if (c < rect.c0 || c > rect.c1) continue;
        if (contents) {
          cell.value = "";
          cell.formula = null;
        }
        if (formats) cell.fmt = {};
        this.dropIfEmpty(r, c);
      }
    }
    if (formats) {
      for (let i = this.layers.length - 1; i >= 0; i--) {
        const layer = this.layers[i];
        if (!intersect(layer.rect, rect)) continue;
        this.layers.splice(i, 1, ...subtract(layer.rect, rect).map((piece) => ({ ...layer, rect: piece })));
      }
      // Clearing formats removes conditional formats, as in Excel; data validation stays.
      this.clearConditionalFormats(rect);
    }
  }

  clearConditionalFormats(rect: Rect): void {
    for (let i = this.conditionalFormats.length - 1; i >= 0; i--) {
      const f = this.conditionalFormats[i];
      if (!intersect(f.rect, rect)) continue;
      const pieces = subtract(f.rect, rect);
      if (pieces.length === 0) this.conditionalFormats.splice(i, 1);
      else {
        f.rect = pieces[0];
        for (const p of pieces.slice(1)) this.conditionalFormats.push({ ...f, id: this.workbook.nextSeq(), rect: p });
      }
    }
  }

  clearValidation(rect: Rect): void {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const v = this.validations[i];
      if (!intersect(v.rect, rect)) continue;
      this.validations.splice(i, 1, ...subtract(v.rect, rect).map((p) => ({ ...v, rect: p, address: formatRect(p) })));
    }
  }

  usedRect(valuesOnly: boolean, within?: Rect): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (const [r, row] of this.rowsMap) {
      if (within && (r < within.r0 || r > within.r1)) continue;
      for (const [c, cell] of row) {
        if (within && (c < within.c0 || c > within.c1)) continue;
        const used = cell.value !== "" || cell.formula !== null || (!valuesOnly && Object.keys(cell.fmt).length > 0);
        if (!used) continue;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    return r1 < 0 ? null : { r0, r1, c0, c1 };
  }
}

export interface EmulatedWorkbookOptions {
  /** Sheets of a new workbook; Excel's blank workbook has one, "Sheet1". */
  sheets?: string[];
}

export class EmulatedWorkbook {
  readonly sheetList: EmulatedSheet[] = [];
  readonly tables: TableModel[] = [];
  readonly namedItems: NameModel[] = [];
  activeSheet: EmulatedSheet | null = null;
  private seq = 0;
  private ids = 0;

  constructor(options: EmulatedWorkbookOptions = {}) {
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
  tableValues(name: string): { headers: Scalar[]; body: Scalar[][]; address: string } {
    const t = this.table(name);
    if (!t) throw new Error(`No table "${name}"`);
    const all = t.sheet.readValues(t.rect);
    return { headers: all[0], body: all.slice(1), address: sheetAddress(t.sheet.name, t.rect) };
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
  autoExpandTables(sheet: EmulatedSheet, written: Rect, lastWrittenRow: number): void {
    for (const t of this.tables) {
      if (t.sheet !== sheet || written.r0 !== t.rect.r1 + 1) continue;
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
    }
  }
}
