/** Workbook, WorksheetCollection, Worksheet and WorksheetFreezePanes proxies. See proxies.ts for how the emulation behaves. */
import { MAX_COLUMNS, MAX_ROWS, Rect, parseRect, splitSheet } from "./address";
import { EmulatedSheet, EmulatedWorkbook } from "./workbook";
import { CollectionProxy, fail, Mirrors, ProxyBase, readAllFor, Readers } from "./base";
import { ChartCollectionProxy } from "./charts";
import { EmRequestContext } from "./context";
import { FunctionsProxy } from "./functions";
import { NamedItemCollectionProxy } from "./names";
import { RangeProxy } from "./ranges";
import { TableCollectionProxy } from "./tables";

/* eslint-disable @typescript-eslint/no-explicit-any */

export class WorkbookProxy
  extends ProxyBase
  implements Mirrors<Excel.Workbook, "worksheets" | "names" | "tables" | "functions" | "getActiveCell" | "getSelectedRange">
{
  protected readonly _type = "Workbook";
  private _worksheets?: WorksheetCollectionProxy;
  private _functions?: FunctionsProxy;
  private _names?: NamedItemCollectionProxy;
  private _tables?: TableCollectionProxy;

  constructor(context: EmRequestContext) {
    super(context, "workbook", null, () => context.model);
  }

  get worksheets(): WorksheetCollectionProxy {
    return (this._worksheets ??= new WorksheetCollectionProxy(this.context, `${this._path}.worksheets`, this));
  }

  get names(): NamedItemCollectionProxy {
    return (this._names ??= new NamedItemCollectionProxy(this.context, `${this._path}.names`, this));
  }

  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(this.context, `${this._path}.tables`, this, null));
  }

  get functions(): FunctionsProxy {
    return (this._functions ??= new FunctionsProxy(this.context, `${this._path}.functions`, this));
  }

  getActiveCell(): RangeProxy {
    this.context.requireApi("Workbook.getActiveCell", "1.7");
    return new RangeProxy(this.context, this._sub("getActiveCell"), this, (wb: EmulatedWorkbook) => {
      const sheet = wb.activeSheet ?? fail("GeneralException", "No active sheet.");
      const { r0, c0 } = sheet.selection;
      return { sheet, rect: { r0, c0, r1: r0, c1: c0 } };
    });
  }

  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, this._sub("getSelectedRange"), this, (wb: EmulatedWorkbook) => {
      const sheet = wb.activeSheet ?? fail("GeneralException", "No active sheet.");
      return { sheet, rect: sheet.selection };
    });
  }
}

// ---- worksheets -------------------------------------------------------------------------------

export class WorksheetCollectionProxy
  extends CollectionProxy<WorksheetProxy>
  implements Mirrors<Excel.WorksheetCollection, "add" | "getItem" | "getItemOrNullObject" | "getActiveWorksheet">
{
  protected readonly _type = "WorksheetCollection";

  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (wb: EmulatedWorkbook) => wb);
  }

  protected _itemTargets(wb: EmulatedWorkbook): unknown[] {
    return [...wb.sheetList];
  }

  protected _makeItem(target: unknown, i: number): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this._path}.items[${i}]`, null, () => target);
  }

  add(name?: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, this._sub("add", [name]), null, () => fail("GeneralException", "not yet added"));
    this._call("add", [name], (wb: EmulatedWorkbook) => {
      let n = name;
      if (n === undefined) for (let i = wb.sheetList.length + 1; !n || wb.findSheet(n); i++) n = `Sheet${i}`;
      proxy._bind(wb.addSheet(n));
    });
    return proxy;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this._sub("getItem", [key]), this, (wb: EmulatedWorkbook) => {
      return wb.findSheet(key) ?? wb.sheetList.find((s) => s.id === key) ?? fail("ItemNotFound", `The requested resource doesn't exist (worksheet "${key}").`);
    });
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    this.context.requireApi("WorksheetCollection.getItemOrNullObject", "1.4");
    return new WorksheetProxy(
      this.context,
      this._sub("getItemOrNullObject", [key]),
      this,
      (wb: EmulatedWorkbook) => wb.findSheet(key) ?? wb.sheetList.find((s) => s.id === key) ?? null,
      true,
    );
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this._sub("getActiveWorksheet"), this, (wb: EmulatedWorkbook) => wb.activeSheet);
  }
}

export class WorksheetProxy
  extends ProxyBase
  implements
    Mirrors<
      Excel.Worksheet,
      | "name"
      | "id"
      | "position"
      | "visibility"
      | "getRange"
      | "getUsedRange"
      | "getUsedRangeOrNullObject"
      | "activate"
      | "delete"
      | "freezePanes"
      | "pageLayout"
      | "charts"
      | "tables"
    >
{
  protected readonly _type = "Worksheet";
  private _freeze?: FreezePanesProxy;
  private _pageLayout?: PageLayoutProxy;
  private _charts?: ChartCollectionProxy;
  private _tables?: TableCollectionProxy;

  constructor(context: EmRequestContext, path: string, parent: ProxyBase | null, resolver: (p: any) => unknown, nullable = false) {
    super(context, path, parent, resolver, nullable);
  }

  protected _readers(): Readers {
    return {
      name: (s: EmulatedSheet) => s.name,
      id: (s: EmulatedSheet) => s.id,
      position: (s: EmulatedSheet) => s.workbook.sheetList.indexOf(s),
      visibility: (s: EmulatedSheet) => s.visibility,
    };
  }

  /** Navigation a load path can take: worksheet.load("charts/items/name"), worksheets.load("items/charts/items/name"). */
  protected _navigation(): Record<string, () => ProxyBase> {
    return { charts: () => this.charts, tables: () => this.tables };
  }

  /** @internal */
  _readAll(paths: string[]): Record<string, unknown> {
    return readAllFor(this, this._cache?.v ?? this._resolve(), this._readers(), paths);
  }

  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._set("name", value, (s: EmulatedSheet) => s.workbook.renameSheet(s.name, value));
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden" {
    return this._get("visibility");
  }

  get freezePanes(): FreezePanesProxy {
    this.context.requireApi("Worksheet.freezePanes", "1.7");
    return (this._freeze ??= new FreezePanesProxy(this.context, `${this._path}.freezePanes`, this, (s: EmulatedSheet) => s));
  }

  get pageLayout(): PageLayoutProxy {
    this.context.requireApi("Worksheet.pageLayout", "1.9");
    return (this._pageLayout ??= new PageLayoutProxy(this.context, `${this._path}.pageLayout`, this, (s: EmulatedSheet) => s));
  }

  get charts(): ChartCollectionProxy {
    return (this._charts ??= new ChartCollectionProxy(this.context, `${this._path}.charts`, this, (s: EmulatedSheet) => s));
  }

  get tables(): TableCollectionProxy {
    return (this._tables ??= new TableCollectionProxy(this.context, `${this._path}.tables`, this, "sheet"));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this._sub("getRange", address === undefined ? [] : [address]), this, (s: EmulatedSheet) => {
      if (address === undefined) return { sheet: s, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } };
      const { sheet, local } = splitSheet(address);
      if (sheet && sheet.toLowerCase() !== s.name.toLowerCase()) fail("InvalidArgument", `${address} is not on ${s.name}.`);
      let rect: Rect;
      try {
        rect = parseRect(local);
      } catch {
        const n = s.workbook.findName(local);
        if (!n || n.sheet !== s || !n.rect) return fail("InvalidArgument", `Bad address ${address}.`);
        rect = n.rect;
      }
      return { sheet: s, rect };
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this.context, this._sub("getUsedRange", [valuesOnly]), this, (s: EmulatedSheet) => {
      const rect = s.usedRect(!!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 }; // Excel gives A1 for an empty sheet
      return { sheet: s, rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    this.context.requireApi("Worksheet.getUsedRangeOrNullObject", "1.4");
    return new RangeProxy(
      this.context,
      this._sub("getUsedRangeOrNullObject", [valuesOnly]),
      this,
      (s: EmulatedSheet) => {
        const rect = s.usedRect(!!valuesOnly);
        return rect ? { sheet: s, rect } : null;
      },
      true,
    );
  }

  activate(): void {
    this._call("activate", [], (s: EmulatedSheet) => {
      s.workbook.activeSheet = s;
    });
  }

  delete(): void {
    this._call("delete", [], (s: EmulatedSheet) => s.workbook.deleteSheet(s.name));
  }
}

export class FreezePanesProxy extends ProxyBase implements Mirrors<Excel.WorksheetFreezePanes, "freezeRows" | "unfreeze"> {
  protected readonly _type = "WorksheetFreezePanes";

  constructor(context: EmRequestContext, path: string, parent: ProxyBase, resolver: (p: any) => unknown) {
    super(context, path, parent, resolver);
  }

  freezeRows(count?: number): void {
    this._call("freezeRows", [count], (s: EmulatedSheet) => {
      s.frozenRows = count ?? 1;
    });
  }

  unfreeze(): void {
    this._call("unfreeze", [], (s: EmulatedSheet) => {
      s.frozenRows = 0;
    });
  }
}

/**
 * Worksheet.pageLayout (ExcelApi 1.9), only its print title rows. setPrintTitleRows: "The range must span the entire
 * row to be valid" (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlerows-member(1));
 * what Excel does with a range that does not is not documented, so the emulation refuses it (the cautious case).
 */
export class PageLayoutProxy extends ProxyBase implements Mirrors<Excel.PageLayout, "setPrintTitleRows" | "getPrintTitleRowsOrNullObject"> {
  protected readonly _type = "PageLayout";

  constructor(context: EmRequestContext, path: string, parent: ProxyBase, resolver: (p: any) => unknown) {
    super(context, path, parent, resolver);
  }

  setPrintTitleRows(printTitleRows: Excel.Range | string): void {
    if (typeof printTitleRows !== "string") fail("InvalidArgument", "setPrintTitleRows with a Range is not emulated: pass its address.");
    this._call("setPrintTitleRows", [printTitleRows], (s: EmulatedSheet) => {
      const m = /^\$?(\d+):\$?(\d+)$/.exec(printTitleRows);
      if (!m || Number(m[1]) < 1 || Number(m[2]) < Number(m[1]) || Number(m[2]) > MAX_ROWS) {
        fail("InvalidArgument", `setPrintTitleRows("${printTitleRows}"): the range must span entire rows.`);
      }
      if (!s.workbook.faults.printTitlesIgnored) s.printTitleRows = `$${m[1]}:$${m[2]}`;
    });
  }

  /** The rows set, as a range of whole rows (its address reads "Sheet!1:1"), or a null object when none are. */
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      this._sub("getPrintTitleRowsOrNullObject"),
      this,
      (s: EmulatedSheet) => {
        const m = s.printTitleRows ? /^\$(\d+):\$(\d+)$/.exec(s.printTitleRows) : null;
        return m ? { sheet: s, rect: { r0: Number(m[1]) - 1, c0: 0, r1: Number(m[2]) - 1, c1: MAX_COLUMNS - 1 } } : null;
      },
      true,
    );
  }
}

// ---- ranges -----------------------------------------------------------------------------------
