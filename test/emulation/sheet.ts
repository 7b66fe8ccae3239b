/** One emulated worksheet: cells, formats, validations, conditional formats, charts (see workbook.ts). */
import { Rect, cellCount, columnLetters, columnNumber, containsCell, formatRect, intersect, subtract } from "./address";
import { A1, CellView, ChartModel, ConditionalFormatModel, DEFAULT_FORMAT, EmulationError, FORMULA_RESULT, FormatKey, FormatLayer, FormatProps, Scalar, Stamped, StoredCell, ValidationView, parseTyped } from "./model";
import type { EmulatedWorkbook } from "./workbook";
import { passes } from "./validity";

export class EmulatedSheet {
  name: string;
  visibility = "Visible";
  frozenRows = 0;
  /** The rows printed at the top of every page ("$1:$1"), as PageLayout.setPrintTitleRows set them; null for none. */
  printTitleRows: string | null = null;
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

  /**
   * A user typing value into a cell: a Stop alert of the validation over it refuses an invalid value (the
   * cell keeps its value), a Warning or Information alert, or none, lets it in. Range.values never meets this.
   */
  enterAsUser(address: string, value: Scalar): { accepted: boolean; alert?: { title: string; message: string } } {
    const rect = A1(address);
    const v = this.validationAt(address);
    if (v && !passes(this, v, value, { r: rect.r0, c: rect.c0 }) && v.errorAlert.showAlert && v.errorAlert.style === "Stop") {
      return { accepted: false, alert: { title: v.errorAlert.title, message: v.errorAlert.message } };
    }
    this.writeValues({ ...rect, r1: rect.r0, c1: rect.c0 }, [[value]]);
    return { accepted: true };
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

  /** Stores a formula as entering it would (its value reads as FORMULA_RESULT here). */
  setFormula(r: number, c: number, formula: string): void {
    const cell = this.ensureCell(r, c);
    cell.formula = formula;
    cell.value = FORMULA_RESULT;
  }

  /** Moves every stored cell at or below rect's top row, in rect's columns, down by rect's height. */
  shiftCellsDown(rect: Rect): void {
    const h = rect.r1 - rect.r0 + 1;
    const rows = [...this.rowsMap.keys()].filter((r) => r >= rect.r0).sort((a, b) => b - a);
    for (const r of rows) {
      const row = this.rowsMap.get(r)!;
      for (const [c, cell] of [...row]) {
        if (c < rect.c0 || c > rect.c1) continue;
        row.delete(c);
        let dest = this.rowsMap.get(r + h);
        if (!dest) this.rowsMap.set(r + h, (dest = new Map()));
        dest.set(c, cell);
      }
      if (row.size === 0) this.rowsMap.delete(r);
    }
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
    // Cells given a value ("" included) were entered; null left them to Excel (a calculated column fills them).
    const entered = (r: number, c: number) => {
      const v = at(r - rect.r0, c - rect.c0);
      return v !== null && v !== undefined;
    };
    if (lastWrittenRow >= 0) this.workbook.autoExpandTables(this, rect, lastWrittenRow, entered);
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
