/** Range proxy: values, formulas, number formats, derived ranges, clear/select. See proxies.ts for how the emulation behaves. */
import { MAX_ROWS, Rect, cellCount, sheetAddress } from "./address";
import { checkRect, fail, Mirrors, ProxyBase, RangeRef, READ_CELL_LIMIT, Readers } from "./base";
import { ConditionalFormatCollectionProxy } from "./conditionalFormats";
import { EmRequestContext } from "./context";
import { insertDown } from "./insert";
import { RangeFormatProxy } from "./rangeFormat";
import { DataValidationProxy } from "./validation";
import { WorksheetProxy } from "./worksheets";

/* eslint-disable @typescript-eslint/no-explicit-any */
/** Excel.RangeValueType of a stored value (ExcelApi 1.1). */
function valueType(value: unknown): Excel.RangeValueType {
  if (value === "" || value === null || value === undefined) return "Empty" as Excel.RangeValueType;
  if (typeof value === "number") return (Number.isInteger(value) ? "Integer" : "Double") as Excel.RangeValueType;
  if (typeof value === "boolean") return "Boolean" as Excel.RangeValueType;
  if (typeof value === "string" && /^#[A-Z/0!]+[!?]?$/.test(value)) return "Error" as Excel.RangeValueType;
  return "String" as Excel.RangeValueType;
}

type RangeMembers =
  | "values"
  | "valueTypes"
  | "numberFormat"
  | "formulas"
  | "address"
  | "rowCount"
  | "columnCount"
  | "rowIndex"
  | "columnIndex"
  | "format"
  | "dataValidation"
  | "conditionalFormats"
  | "worksheet"
  | "getRowsBelow"
  | "getRowsAbove"
  | "getResizedRange"
  | "getOffsetRange"
  | "getRow"
  | "getColumn"
  | "getCell"
  | "getLastRow"
  | "getEntireColumn"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "getBoundingRect"
  | "clear"
  | "insert"
  | "select";

export class RangeProxy extends ProxyBase implements Mirrors<Excel.Range, RangeMembers> {
  protected readonly _type = "Range";
  private _format?: RangeFormatProxy;
  private _validation?: DataValidationProxy;
  private _cfs?: ConditionalFormatCollectionProxy;

  constructor(context: EmRequestContext, path: string, parent: ProxyBase | null, resolver: (p: any) => unknown, nullable = false) {
    super(context, path, parent, (p) => {
      const ref = resolver(p) as RangeRef | null;
      if (ref) checkRect(ref.rect);
      return ref;
    }, nullable);
  }

  protected _readers(): Readers {
    const big = (r: RangeRef) => {
      if (cellCount(r.rect) > READ_CELL_LIMIT) fail("InvalidArgument", "A range is limited to 5,000,000 cells for read operations.");
    };
    return {
      address: (r: RangeRef) => sheetAddress(r.sheet.name, r.rect),
      rowCount: (r: RangeRef) => r.rect.r1 - r.rect.r0 + 1,
      columnCount: (r: RangeRef) => r.rect.c1 - r.rect.c0 + 1,
      rowIndex: (r: RangeRef) => r.rect.r0,
      columnIndex: (r: RangeRef) => r.rect.c0,
      values: (r: RangeRef) => (big(r), r.sheet.readValues(r.rect)),
      valueTypes: (r: RangeRef) => (big(r), r.sheet.readValues(r.rect).map((row: unknown[]) => row.map(valueType))),
      formulas: (r: RangeRef) => (big(r), r.sheet.readFormulas(r.rect)),
      numberFormat: (r: RangeRef) => (big(r), r.sheet.readFormat(r.rect, "numberFormat")),
    };
  }

  protected _navigation(): Record<string, () => ProxyBase> {
    return { format: () => this.format, worksheet: () => this.worksheet };
  }

  get values(): any[][] {
    return this._get("values");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this._get("valueTypes");
  }
  set values(v: any[][]) {
    this.setInBulk("values", v, (r, rect, part) => r.sheet.writeValues(rect, part));
  }
  get numberFormat(): any[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this.setInBulk("numberFormat", v, (r, rect, part) => r.sheet.setNumberFormats(rect, part));
  }

  /**
   * As Office.js does (setRangePropertiesInBulk): an array of more than 1,500 cells is checked against
   * the range's size, then sent as one action per block of rows, each on its own sub-range, in order.
   */
  private setInBulk(name: string, v: any[][], apply: (r: RangeRef, rect: Rect, part: any[][]) => void): void {
    const cells = Array.isArray(v) && Array.isArray(v[0]) ? v.length * v[0].length : 0;
    if (cells <= 1500) {
      this._set(name, v, (r: RangeRef) => apply(r, r.rect, v));
      return;
    }
    this._fields[name] = v;
    const width = v[0].length;
    this._call("_ValidateArraySize", [v.length, width], (r: RangeRef) => {
      if (r.rect.r1 - r.rect.r0 + 1 !== v.length || r.rect.c1 - r.rect.c0 + 1 !== width) {
        fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}).`);
      }
    });
    const step = Math.max(1, Math.round(1500 / width));
    for (let start = 0; start < v.length; start += step) {
      const part = v.slice(start, start + step);
      this.context.enqueue({
        wire: ["s", `${this._path}.getRow(${start}).getBoundingRect(${this._path}.getRow(${start + part.length - 1}))`, name, part],
        run: () => {
          const r = this._target<RangeRef>();
          apply(r, { ...r.rect, r0: r.rect.r0 + start, r1: r.rect.r0 + start + part.length - 1 }, part);
        },
      });
    }
  }
  get formulas(): any[][] {
    return this._get("formulas");
  }
  /** As entering them (Range.formulas): "=…" is stored as a formula, not calculated here; anything else as writing values does. */
  set formulas(v: any[][]) {
    this.setInBulk("formulas", v, (r, rect, part) => r.sheet.writeValues(rect, part));
  }
  get address(): string {
    return this._get("address");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }

  get format(): RangeFormatProxy {
    return (this._format ??= new RangeFormatProxy(this.context, `${this._path}.format`, this));
  }

  get dataValidation(): DataValidationProxy {
    this.context.requireApi("Range.dataValidation", "1.8");
    return (this._validation ??= new DataValidationProxy(this.context, `${this._path}.dataValidation`, this));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    this.context.requireApi("Range.conditionalFormats", "1.6");
    return (this._cfs ??= new ConditionalFormatCollectionProxy(this.context, `${this._path}.conditionalFormats`, this));
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this._path}.worksheet`, this, (r: RangeRef) => r.sheet);
  }

  private derive(name: string, args: unknown[], f: (rect: Rect, ref: RangeRef) => Rect): RangeProxy {
    return new RangeProxy(this.context, this._sub(name, args), this, (r: RangeRef) => ({ sheet: r.sheet, rect: f(r.rect, r) }));
  }

  getRowsBelow(count = 1): RangeProxy {
    this.context.requireApi("Range.getRowsBelow", "1.2");
    if (count <= 0) fail("InvalidArgument", "getRowsBelow with a count below 1 is not emulated.");
    return this.derive("getRowsBelow", [count], (r) => ({ ...r, r0: r.r1 + 1, r1: r.r1 + count }));
  }

  getRowsAbove(count = 1): RangeProxy {
    this.context.requireApi("Range.getRowsAbove", "1.2");
    if (count <= 0) fail("InvalidArgument", "getRowsAbove with a count below 1 is not emulated.");
    return this.derive("getRowsAbove", [count], (r) => ({ ...r, r0: r.r0 - count, r1: r.r0 - 1 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    this.context.requireApi("Range.getResizedRange", "1.2");
    return this.derive("getResizedRange", [deltaRows, deltaColumns], (r) => ({ ...r, r1: r.r1 + deltaRows, c1: r.c1 + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derive("getOffsetRange", [rowOffset, columnOffset], (r) => ({
      r0: r.r0 + rowOffset,
      r1: r.r1 + rowOffset,
      c0: r.c0 + columnOffset,
      c1: r.c1 + columnOffset,
    }));
  }

  getRow(row: number): RangeProxy {
    return this.derive("getRow", [row], (r) => {
      if (row < 0 || r.r0 + row > r.r1) fail("InvalidArgument", `Row ${row} is outside the range.`);
      return { ...r, r0: r.r0 + row, r1: r.r0 + row };
    });
  }

  getColumn(column: number): RangeProxy {
    return this.derive("getColumn", [column], (r) => {
      if (column < 0 || r.c0 + column > r.c1) fail("InvalidArgument", `Column ${column} is outside the range.`);
      return { ...r, c0: r.c0 + column, c1: r.c0 + column };
    });
  }

  /** The cell may lie outside the range, as in Excel, as long as it is on the sheet. */
  getCell(row: number, column: number): RangeProxy {
    return this.derive("getCell", [row, column], (r) => ({ r0: r.r0 + row, r1: r.r0 + row, c0: r.c0 + column, c1: r.c0 + column }));
  }

  getLastRow(): RangeProxy {
    return this.derive("getLastRow", [], (r) => ({ ...r, r0: r.r1 }));
  }

  getEntireColumn(): RangeProxy {
    return this.derive("getEntireColumn", [], (r) => ({ ...r, r0: 0, r1: MAX_ROWS - 1 }));
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== undefined) this.context.requireApi("Range.getUsedRange(valuesOnly)", "1.2");
    return new RangeProxy(this.context, this._sub("getUsedRange", [valuesOnly]), this, (r: RangeRef) => {
      const used = r.sheet.usedRect(!!valuesOnly, r.rect);
      return used ? { sheet: r.sheet, rect: used } : fail("ItemNotFound", "There are no used cells in the range.");
    });
  }

  /** The smallest range holding both (ExcelApi 1.1, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getboundingrect-member(1)). */
  getBoundingRect(anotherRange: Excel.Range | string): RangeProxy {
    return new RangeProxy(this.context, this._sub("getBoundingRect", [anotherRange]), this, (r: RangeRef) => {
      const other = anotherRange instanceof RangeProxy ? anotherRange._target<RangeRef>() : r.sheet.workbook.resolveReference(String(anotherRange), r.sheet);
      if (other.sheet !== r.sheet) fail("InvalidArgument", "The ranges are on different worksheets.");
      const o = other.rect;
      return { sheet: r.sheet, rect: { r0: Math.min(r.rect.r0, o.r0), r1: Math.max(r.rect.r1, o.r1), c0: Math.min(r.rect.c0, o.c0), c1: Math.max(r.rect.c1, o.c1) } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.context.requireApi("Range.getUsedRangeOrNullObject", "1.4");
    return new RangeProxy(
      this.context,
      this._sub("getUsedRangeOrNullObject", [valuesOnly]),
      this,
      (r: RangeRef) => {
        const used = r.sheet.usedRect(!!valuesOnly, r.rect);
        return used ? { sheet: r.sheet, rect: used } : null;
      },
      true,
    );
  }

  clear(applyTo?: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents"): void {
    this._call("clear", [applyTo], (r: RangeRef) => r.sheet.clear(r.rect, applyTo ?? "All"));
  }

  /** Only Down is emulated (see insert.ts); the returned range is the blank cells where this range was. */
  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): RangeProxy {
    if (shift !== "Down") fail("InvalidArgument", `Range.insert("${shift}") is not emulated.`);
    const proxy = new RangeProxy(this.context, this._sub("insert", [shift]), null, () => fail("GeneralException", "not yet inserted"));
    this._call("insert", [shift], (r: RangeRef) => proxy._bind({ sheet: r.sheet, rect: insertDown(r.sheet, r.rect) }));
    return proxy;
  }

  /** Selecting needs the range's sheet to be the active one (activate it first). */
  select(): void {
    this._call("select", [], (r: RangeRef) => {
      if (r.sheet.workbook.activeSheet !== r.sheet) fail("InvalidOperation", `Cannot select a range on ${r.sheet.name}: it is not the active sheet.`);
      r.sheet.selection = r.rect;
    });
  }
}
