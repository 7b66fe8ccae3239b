/** TableCollection, Table and TableColumnCollection proxies. See proxies.ts for how the emulation behaves. */
import { MAX_COLUMNS, MAX_ROWS, Rect, intersect } from "./address";
import { EmulatedSheet, EmulatedWorkbook, TableModel, bodyRect } from "./workbook";
import { CollectionProxy, fail, Mirrors, ProxyBase, RangeRef, readAllFor, Readers } from "./base";
import { EmRequestContext } from "./context";
import { RangeProxy } from "./ranges";
import { WorksheetProxy } from "./worksheets";

/* eslint-disable @typescript-eslint/no-explicit-any */
// ---- tables -----------------------------------------------------------------------------------

export class TableCollectionProxy
  extends CollectionProxy<TableProxy>
  implements Mirrors<Excel.TableCollection, "add" | "getItem" | "getItemOrNullObject">
{
  protected readonly _type = "TableCollection";

  /** scope null: the workbook's tables; "sheet": the parent worksheet's. */
  constructor(context: EmRequestContext, path: string, parent: ProxyBase, private readonly scope: "sheet" | null) {
    super(context, path, parent, (p: any) => p);
  }

  private all(p: EmulatedWorkbook | EmulatedSheet): TableModel[] {
    return this.scope === "sheet" ? (p as EmulatedSheet).workbook.tables.filter((t) => t.sheet === p) : (p as EmulatedWorkbook).tables;
  }

  protected _itemTargets(p: any): unknown[] {
    return this.all(p);
  }

  protected _makeItem(target: unknown, i: number): TableProxy {
    return new TableProxy(this.context, `${this._path}.items[${i}]`, null, () => target);
  }

  add(address: Excel.Range | string, hasHeaders: boolean): TableProxy {
    const proxy = new TableProxy(this.context, this._sub("add", [address, hasHeaders]), null, () => fail("GeneralException", "not yet added"));
    this._call("add", [address, hasHeaders], (p: EmulatedWorkbook | EmulatedSheet) => {
      if (!hasHeaders) fail("InvalidArgument", "Tables without headers are not emulated.");
      const wb = this.scope === "sheet" ? (p as EmulatedSheet).workbook : (p as EmulatedWorkbook);
      let ref: RangeRef;
      if (address instanceof RangeProxy) ref = address._target<RangeRef>();
      else if (typeof address === "string") ref = wb.resolveReference(address, this.scope === "sheet" ? (p as EmulatedSheet) : undefined);
      else return fail("InvalidArgument", "Bad table address.");
      if (this.scope === "sheet" && ref.sheet !== p) fail("InvalidArgument", "The range is not on this worksheet.");
      proxy._bind(wb.createTable(ref.sheet, ref.rect));
    });
    return proxy;
  }

  getItem(key: string): TableProxy {
    return new TableProxy(this.context, this._sub("getItem", [key]), this, (p: any) => {
      return this.all(p).find((t) => t.name.toLowerCase() === key.toLowerCase() || String(t.id) === key) ?? fail("ItemNotFound", `The requested resource doesn't exist (table "${key}").`);
    });
  }

  getItemOrNullObject(key: string): TableProxy {
    this.context.requireApi("TableCollection.getItemOrNullObject", "1.4");
    return new TableProxy(
      this.context,
      this._sub("getItemOrNullObject", [key]),
      this,
      (p: any) => this.all(p).find((t) => t.name.toLowerCase() === key.toLowerCase() || String(t.id) === key) ?? null,
      true,
    );
  }
}

export class TableProxy
  extends ProxyBase
  implements
    Mirrors<
      Excel.Table,
      "name" | "id" | "showHeaders" | "showTotals" | "worksheet" | "getRange" | "getHeaderRowRange" | "getDataBodyRange" | "getTotalRowRange" | "columns" | "resize"
    >
{
  protected readonly _type = "Table";

  constructor(context: EmRequestContext, path: string, parent: ProxyBase | null, resolver: (p: any) => unknown, nullable = false) {
    super(context, path, parent, resolver, nullable);
  }

  protected _readers(): Readers {
    return {
      name: (t: TableModel) => t.name,
      id: (t: TableModel) => String(t.id),
      showHeaders: () => true,
      showTotals: (t: TableModel) => !!t.showTotals,
    };
  }

  protected _navigation(): Record<string, () => ProxyBase> {
    return { worksheet: () => this.worksheet };
  }

  /** @internal */
  _readAll(paths: string[]): Record<string, unknown> {
    return readAllFor(this, this._cache?.v ?? this._resolve(), this._readers(), paths);
  }

  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (t: TableModel) => {
      t.sheet.workbook.checkTableName(value, t);
      t.name = value;
    });
  }
  get id(): string {
    return this._get("id");
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }

  get showTotals(): boolean {
    return this._get("showTotals");
  }
  /**
   * Shows or hides the totals row, the table's last row (Excel.Table.showTotals, ExcelApi 1.3:
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-showtotals-member).
   * Shown, it takes the row under the body and reads "Total" in the first column; the emulation refuses
   * when that row holds data (unverified, cautious: what Excel does then is not documented).
   */
  set showTotals(value: boolean) {
    this.context.requireApi("Table.showTotals", "1.3");
    this._set("showTotals", value, (t: TableModel) => {
      if (!!t.showTotals === value) return;
      if (value) {
        const row = { ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + 1 };
        if (row.r1 >= MAX_ROWS || t.sheet.usedRect(true, row)) fail("InvalidOperation", "The row under the table is not empty: no room for a totals row.");
        t.rect = { ...t.rect, r1: row.r1 };
        t.sheet.setText(row.r0, t.rect.c0, "Total");
      } else {
        t.sheet.clear({ ...t.rect, r0: t.rect.r1 }, "Contents");
        t.rect = { ...t.rect, r1: t.rect.r1 - 1 };
      }
      t.showTotals = value;
    });
  }

  /** Office.js has table.rows; its add() is what co-authoring guidance says to avoid, so it is not emulated. */
  get rows(): never {
    throw new Error("Table.rows is deliberately not emulated: write below the table (getDataBodyRange().getRowsBelow) instead of rows.add.");
  }

  get worksheet(): WorksheetProxy {
    this.context.requireApi("Table.worksheet", "1.2");
    return new WorksheetProxy(this.context, `${this._path}.worksheet`, this, (t: TableModel) => t.sheet);
  }

  get columns(): TableColumnCollectionProxy {
    return new TableColumnCollectionProxy(this.context, `${this._path}.columns`, this);
  }

  private part(name: string, f: (t: TableModel) => Rect): RangeProxy {
    return new RangeProxy(this.context, this._sub(name), this, (t: TableModel) => ({ sheet: t.sheet, rect: f(t) }));
  }

  getRange(): RangeProxy {
    return this.part("getRange", (t) => t.rect);
  }

  getHeaderRowRange(): RangeProxy {
    return this.part("getHeaderRowRange", (t) => ({ ...t.rect, r1: t.rect.r0 }));
  }

  getDataBodyRange(): RangeProxy {
    return this.part("getDataBodyRange", (t) => bodyRect(t));
  }

  getTotalRowRange(): RangeProxy {
    return this.part("getTotalRowRange", (t) => (t.showTotals ? { ...t.rect, r0: t.rect.r1 } : fail("InvalidOperation", "The table has no totals row.")));
  }

  resize(newRange: Excel.Range | string): void {
    this.context.requireApi("Table.resize", "1.13");
    this._call("resize", [newRange], (t: TableModel) => {
      const ref = newRange instanceof RangeProxy ? newRange._target<RangeRef>() : t.sheet.workbook.resolveReference(String(newRange), t.sheet);
      if (ref.sheet !== t.sheet || ref.rect.r0 !== t.rect.r0 || ref.rect.c0 !== t.rect.c0 || ref.rect.r1 <= ref.rect.r0) {
        fail("InvalidArgument", "The new range must keep the table's header row and top-left cell.");
      }
      t.rect = ref.rect;
    });
  }
}

export class TableColumnCollectionProxy extends ProxyBase implements Mirrors<Excel.TableColumnCollection, "add" | "count"> {
  protected readonly _type = "TableColumnCollection";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (t: TableModel) => t);
  }
  protected _readers(): Readers {
    return { count: (t: TableModel) => t.rect.c1 - t.rect.c0 + 1 };
  }
  get count(): number {
    return this._get("count");
  }
  add(index?: number, values?: Array<Array<boolean | string | number>> | boolean | string | number, name?: string): ProxyBase {
    if (name !== undefined || index === undefined || index === null) this.context.requireApi("TableColumnCollection.add(name)", "1.4");
    this._call("add", [index ?? null, values ?? null, name ?? null], (t: TableModel) => {
      const width = t.rect.c1 - t.rect.c0 + 1;
      if (index !== undefined && index !== null && index !== -1 && index !== width) fail("InvalidArgument", "Only adding a column at the end is emulated.");
      const c = t.rect.c1 + 1;
      if (c >= MAX_COLUMNS) fail("InvalidArgument", "No room for another column.");
      const below = t.sheet.usedRect(true, { r0: t.rect.r0, r1: t.rect.r1, c0: c, c1: c });
      if (below) fail("InvalidOperation", "Excel would shift cells right to make room; the emulation refuses (the column beside the table is not empty).");
      for (const other of t.sheet.workbook.tables) {
        if (other !== t && other.sheet === t.sheet && intersect(other.rect, { r0: t.rect.r0, r1: t.rect.r1, c0: c, c1: c })) {
          fail("InvalidOperation", "Another table is in the way.");
        }
      }
      t.rect = { ...t.rect, c1: c };
      t.sheet.setText(t.rect.r0, c, name ?? `Column${width + 1}`);
      if (Array.isArray(values)) t.sheet.writeValues({ r0: t.rect.r0 + 1, r1: t.rect.r1, c0: c, c1: c }, values.slice(1));
    });
    return new RangeProxy(this.context, this._sub("add"), null, () => null);
  }
}

// ---- names ------------------------------------------------------------------------------------
