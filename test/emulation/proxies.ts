/**
 * Proxy objects of the Excel JavaScript API, over an EmulatedWorkbook, for exactly the subset the
 * Office.js adapter uses. They behave like Office.js proxies:
 *  - setting a property or calling a method only queues an action; actions run, in order, at sync();
 *  - a scalar property (values, address, name, items, isNullObject, …) can be read only after it was
 *    load()ed and a sync() completed (or after the code set it), else PropertyNotLoaded is thrown
 *    with Office.js's own message; properties of a null object read as undefined, as in Office.js;
 *  - objects returned by methods are resolved when first used by an action in a batch, and keep
 *    that resolution (a range from getUsedRange() is fixed once the batch reaches it);
 *  - every sync() that carries actions is one round trip: it is counted, its request's JSON size is
 *    recorded, and a request or response over 5 MB fails like Excel on the web;
 *  - a member newer than the emulated host's ExcelApi version throws ApiNotFound, like Office.js.
 * Each proxy class `implements Mirrors<Excel.X, …>`, so its member names and parameter types are
 * checked against @types/office-js.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, cellCount, formatRect, intersect, parseRect, sheetAddress, splitSheet } from "./address";
import {
  ChartModel,
  ConditionalFormatModel,
  EmulatedSheet,
  EmulatedWorkbook,
  EmulationError,
  NameModel,
  TableModel,
} from "./workbook";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Fn = (...args: any[]) => any;

/** The real API's members K: same names, parameter and property types; returned objects are the emulation's own. */
export type Mirrors<T, K extends keyof T> = {
  [P in K]: T[P] extends Fn ? (...args: Parameters<T[P]>) => unknown : T[P] extends OfficeExtension.ClientObject ? unknown : T[P];
};

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
const READ_CELL_LIMIT = 5_000_000;

export class EmulatedOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(type: string, property: string): EmulatedOfficeError {
  return new EmulatedOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${property}`,
  );
}

export interface EmulationSettings {
  /** The host's highest ExcelApi requirement set, "1.8" by default (the manifest's minimum). */
  maxApiVersion: string;
  payloadLimit: number;
  /** Serve "items/charts/items/name"-style loads (see InstallOptions.nestedCollectionLoads); true when absent. */
  nestedCollectionLoads?: boolean;
}

export interface EmulationLog {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  runs: number;
}

export function versionAtMost(version: string, max: string): boolean {
  const [a, b] = version.split(".").map(Number);
  const [x, y] = max.split(".").map(Number);
  return a < x || (a === x && (b || 0) <= (y || 0));
}

interface LoadOutcome {
  bytes: number;
  commit(): void;
}

interface Op {
  wire: unknown[];
  run(): LoadOutcome | void;
}

interface RangeRef {
  sheet: EmulatedSheet;
  rect: Rect;
}

function fail(code: string, message: string): never {
  throw new EmulationError(code, message);
}

function checkRect(rect: Rect): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    fail("InvalidArgument", "The range is outside the worksheet grid.");
  }
  return rect;
}

const NAMED_COLOURS: Record<string, string> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
};

function colour(value: unknown): string {
  const text = String(value);
  if (/^#[0-9a-fA-F]{6}$/.test(text)) return text.toUpperCase();
  const named = NAMED_COLOURS[text.toLowerCase()];
  if (named) return named;
  return fail("InvalidArgument", `"${text}" is not a colour (Excel wants "#RRGGBB" or a colour name).`);
}

function parseLoad(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a));
  if (typeof arg === "object" && typeof (arg as { select?: unknown }).select === "string") {
    return parseLoad((arg as { select: string }).select);
  }
  return fail("InvalidArgument", `Unsupported load() argument ${JSON.stringify(arg)}.`);
}

const arg = (v: unknown) => (v instanceof ProxyBase ? v._path : JSON.stringify(v));

export class EmRequestContext {
  readonly workbook: WorkbookProxy;
  private pending: Op[] = [];
  private instantiated = new Set<ProxyBase>();

  constructor(
    readonly model: EmulatedWorkbook,
    readonly settings: EmulationSettings,
    readonly log: EmulationLog,
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  get hasPendingActions(): boolean {
    return this.pending.length > 0;
  }

  enqueue(op: Op): void {
    this.pending.push(op);
  }

  noteInstantiated(obj: ProxyBase): void {
    this.instantiated.add(obj);
  }

  requireApi(member: string, version: string): void {
    if (!versionAtMost(version, this.settings.maxApiVersion)) {
      throw new EmulatedOfficeError(
        "ApiNotFound",
        `${member} needs ExcelApi ${version}; this host supports ExcelApi ${this.settings.maxApiVersion}.`,
        member,
      );
    }
  }

  /** Runs the queued actions in order: one round trip. Loads become readable when it completes. */
  async sync(): Promise<void> {
    await Promise.resolve();
    const ops = this.pending;
    this.pending = [];
    if (ops.length === 0) return; // Office.js sends nothing when there is nothing queued.
    const request = JSON.stringify(ops.map((o) => o.wire)).length;
    this.log.syncs++;
    this.log.requestBytes.push(request);
    if (request > this.settings.payloadLimit) {
      throw new EmulatedOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${request} bytes) has exceeded the limit (${this.settings.payloadLimit} bytes).`,
      );
    }
    this.instantiated = new Set();
    const loads: LoadOutcome[] = [];
    try {
      for (const op of ops) {
        const outcome = op.run();
        if (outcome) loads.push(outcome);
      }
    } catch (e) {
      // Actions before the failing one stay applied: an Excel batch is not a transaction.
      this.log.responseBytes.push(0);
      if (e instanceof EmulationError) throw new EmulatedOfficeError(e.code, e.message);
      throw e;
    }
    const response = loads.reduce((n, l) => n + l.bytes, 0);
    this.log.responseBytes.push(response);
    if (response > this.settings.payloadLimit) {
      throw new EmulatedOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${response} bytes) has exceeded the limit (${this.settings.payloadLimit} bytes).`,
      );
    }
    for (const obj of this.instantiated) obj._markInstantiated();
    for (const l of loads) l.commit();
  }
}

type Readers = Record<string, (target: any) => unknown>;

export abstract class ProxyBase {
  /** @internal */ _cache: { v: unknown } | undefined;
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ _fields: Record<string, unknown> = {};

  constructor(
    readonly context: EmRequestContext,
    readonly _path: string,
    private readonly _parent: ProxyBase | null,
    private readonly _resolver: (parent: any) => unknown,
    nullable = false,
  ) {
    // *OrNullObject results are instantiated where they are created, so isNullObject is known after the next sync.
    if (nullable) context.enqueue({ wire: ["i", _path], run: () => void this._resolve() });
  }

  protected abstract readonly _type: string;

  /** Scalar properties load() can read. */
  protected _readers(): Readers {
    return {};
  }

  /** Navigation properties a load path can go through ("format/fill/color"). */
  protected _navigation(): Record<string, () => ProxyBase> {
    return {};
  }

  /** @internal */
  _resolve(): unknown {
    if (this._cache) return this._cache.v;
    const parent = this._parent ? this._parent._resolve() : undefined;
    const v = this._parent && parent === null ? null : this._resolver(parent);
    this._bind(v);
    return v;
  }

  /** @internal */
  _bind(v: unknown): void {
    this._cache = { v };
    this.context.noteInstantiated(this);
  }

  /** @internal */
  _markInstantiated(): void {
    this._isNull = this._cache ? this._cache.v === null : this._isNull;
  }

  /** @internal The object an action works on; actions on a null object fail. */
  _target<T>(): T {
    const v = this._resolve();
    if (v === null) fail("ItemNotFound", `${this._path} is a null object: the item does not exist.`);
    return v as T;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(this._type, "isNullObject");
    return this._isNull;
  }

  protected _get<T>(name: string): T {
    if (this._isNull) return undefined as T;
    if (!(name in this._fields)) throw propertyNotLoaded(this._type, name);
    return this._fields[name] as T;
  }

  protected _set(name: string, value: unknown, apply: (target: any) => void): void {
    this._fields[name] = value;
    this.context.enqueue({ wire: ["s", this._path, name, value], run: () => apply(this._target()) });
  }

  protected _call(name: string, args: unknown[], run: (target: any) => void): void {
    this.context.enqueue({ wire: ["m", this._path, name, args.map(arg)], run: () => run(this._target()) });
  }

  protected _sub(name: string, args: unknown[] = []): string {
    return `${this._path}.${name}(${args.map(arg).join(",")})`;
  }

  load(option?: string | string[] | { select?: string }): this {
    const paths = parseLoad(option);
    const own: string[] = [];
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (rest.length > 0) {
        const nav = this._navigation()[head];
        if (!nav) fail("InvalidArgument", `${this._type} has no navigation property ${head}.`);
        nav().load(rest.join("/"));
      } else own.push(head);
    }
    const readers = this._readers();
    const names = paths.length === 0 ? Object.keys(readers) : own;
    if (paths.length > 0 && own.length === 0) return this;
    this.context.enqueue({
      wire: ["l", this._path, names],
      run: () => {
        const t = this._resolve();
        if (t === null) return { bytes: 4, commit: () => undefined };
        const values: Record<string, unknown> = {};
        for (const n of names) {
          const read = readers[n];
          if (!read) fail("PropertyNotFound", `${this._type}.${n} cannot be loaded (not emulated).`);
          values[n] = read(t);
        }
        return { bytes: JSON.stringify(values).length, commit: () => Object.assign(this._fields, values) };
      },
    });
    return this;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/**
 * A load path on a collection as Office.js sends it (CommonUtility._parseSelectExpand, string form only):
 * a leading "items/" is dropped and every inner "/items/" becomes "/", so "items/charts/items/name" asks,
 * for each item, for the names of its charts. "items" alone is every scalar property ("*").
 */
export function collectionLoadPath(path: string): string {
  const lower = path.toLowerCase();
  if (lower === "items" || lower === "items/") return "*";
  const rest = lower.startsWith("items/") || lower.startsWith("items.") ? path.slice(6) : path;
  return rest.replace(/[/.]items[/.]/gi, "/");
}

/** A collection: items are readable after load("items/name") (or load("name")) and a sync. */
abstract class CollectionProxy<I extends ProxyBase> extends ProxyBase {
  protected abstract _itemTargets(target: any): unknown[];
  protected abstract _makeItem(target: unknown, index: number): I;

  get items(): I[] {
    return this._get<I[]>("items");
  }

  load(option?: string | string[] | { select?: string }): this {
    const paths = parseLoad(option).map(collectionLoadPath);
    this.context.enqueue({
      wire: ["l", this._path, paths],
      run: () => {
        const t = this._resolve();
        if (t === null) return { bytes: 4, commit: () => undefined };
        const read = this._readItems(t, paths);
        return { bytes: JSON.stringify(read.data).length, commit: read.commit };
      },
    });
    return this;
  }

  /**
   * @internal The items of a resolved collection with the given paths read: scalar names ("name", "*") and,
   * through a navigation property of each item that is itself a collection, its items' ("charts/name").
   */
  _readItems(t: unknown, paths: string[]): { data: Record<string, unknown>[]; commit(): void } {
    const targets = this._itemTargets(t);
    const items = targets.map((target, i) => this._makeItem(target, i));
    const own = paths.filter((p) => !p.includes("/"));
    const nested = new Map<string, string[]>();
    for (const p of paths.filter((q) => q.includes("/"))) {
      const [head, ...rest] = p.split("/");
      nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
    }
    if (nested.size > 0 && this.context.settings.nestedCollectionLoads === false) {
      fail("InvalidArgument", `This host does not load navigation properties of collection items (${[...nested.keys()].join(", ")}).`);
    }
    const commits: (() => void)[] = [];
    const data = items.map((item, i) => {
      const proxy = item as unknown as { _readAll(paths: string[]): Record<string, unknown>; _navigation(): Record<string, () => ProxyBase> };
      // Items are resolved already (their target is fixed), so their navigation properties resolve too.
      item._cache = { v: targets[i] };
      const values = own.length > 0 || nested.size === 0 ? proxy._readAll(own.filter((p) => p !== "*")) : {};
      for (const [head, rest] of nested) {
        const nav = proxy._navigation()[head]?.();
        if (!(nav instanceof CollectionProxy)) fail("InvalidArgument", `Nested load paths through ${head} on collection items are not emulated.`);
        const sub = nav._readItems(nav._resolve(), rest);
        values[head] = { items: sub.data };
        commits.push(() => {
          nav._cache = { v: nav._resolve() };
          nav._isNull = false;
          sub.commit();
        });
      }
      return values;
    });
    return {
      data,
      commit: () => {
        this._fields.items = items;
        items.forEach((item, i) => {
          item._cache = { v: targets[i] };
          item._isNull = false;
          const { ...scalars } = data[i];
          for (const head of nested.keys()) delete scalars[head];
          Object.assign(item._fields, scalars);
        });
        for (const c of commits) c();
      },
    };
  }
}

/** An item of a loaded collection: its target is fixed. Paths are scalar names; none (or "*") is every one. */
function readAllFor(proxy: ProxyBase, target: unknown, readers: Readers, paths: string[]): Record<string, unknown> {
  const names = paths.length === 0 || paths.includes("*") ? Object.keys(readers) : paths;
  const out: Record<string, unknown> = {};
  for (const n of names) {
    if (n.includes("/")) fail("InvalidArgument", `Nested load paths on collection items are not emulated (${n}).`);
    const read = readers[n];
    if (!read) fail("PropertyNotFound", `${(proxy as any)._type}.${n} cannot be loaded (not emulated).`);
    out[n] = read(target);
  }
  return out;
}

// ---- workbook ---------------------------------------------------------------------------------

export class WorkbookProxy
  extends ProxyBase
  implements Mirrors<Excel.Workbook, "worksheets" | "names" | "tables" | "getActiveCell" | "getSelectedRange">
{
  protected readonly _type = "Workbook";
  private _worksheets?: WorksheetCollectionProxy;
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
      | "charts"
      | "tables"
    >
{
  protected readonly _type = "Worksheet";
  private _freeze?: FreezePanesProxy;
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

// ---- ranges -----------------------------------------------------------------------------------

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
  | "clear"
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

  /** Selecting needs the range's sheet to be the active one (activate it first). */
  select(): void {
    this._call("select", [], (r: RangeRef) => {
      if (r.sheet.workbook.activeSheet !== r.sheet) fail("InvalidOperation", `Cannot select a range on ${r.sheet.name}: it is not the active sheet.`);
      r.sheet.selection = r.rect;
    });
  }
}

export class RangeFormatProxy
  extends ProxyBase
  implements
    Mirrors<
      Excel.RangeFormat,
      "fill" | "font" | "wrapText" | "horizontalAlignment" | "verticalAlignment" | "columnWidth" | "borders" | "autofitColumns"
    >
{
  protected readonly _type = "RangeFormat";
  private _fill?: RangeFillProxy;
  private _font?: RangeFontProxy;
  private _borders?: RangeBorderCollectionProxy;

  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (r: RangeRef) => r);
  }

  protected _readers(): Readers {
    return {
      wrapText: (r: RangeRef) => r.sheet.uniformFormat(r.rect, "wrap"),
      horizontalAlignment: (r: RangeRef) => r.sheet.uniformFormat(r.rect, "horizontalAlignment"),
      verticalAlignment: (r: RangeRef) => r.sheet.uniformFormat(r.rect, "verticalAlignment"),
      columnWidth: (r: RangeRef) => {
        const widths = new Set<number>();
        for (let c = r.rect.c0; c <= Math.min(r.rect.c1, r.rect.c0 + 1000); c++) widths.add(r.sheet.columnWidths.get(c) ?? 48);
        return widths.size === 1 ? [...widths][0] : null;
      },
    };
  }

  protected _navigation(): Record<string, () => ProxyBase> {
    return { fill: () => this.fill, font: () => this.font };
  }

  get fill(): RangeFillProxy {
    return (this._fill ??= new RangeFillProxy(this.context, `${this._path}.fill`, this));
  }
  get font(): RangeFontProxy {
    return (this._font ??= new RangeFontProxy(this.context, `${this._path}.font`, this));
  }
  get borders(): RangeBorderCollectionProxy {
    return (this._borders ??= new RangeBorderCollectionProxy(this.context, `${this._path}.borders`, this));
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._set("wrapText", v, (r: RangeRef) => r.sheet.setFormat(r.rect, "wrap", v));
  }
  get horizontalAlignment(): Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed" {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed") {
    this._set("horizontalAlignment", v, (r: RangeRef) => r.sheet.setFormat(r.rect, "horizontalAlignment", v));
  }
  get verticalAlignment(): Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed" {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: Excel.VerticalAlignment | "Top" | "Center" | "Bottom" | "Justify" | "Distributed") {
    this._set("verticalAlignment", v, (r: RangeRef) => r.sheet.setFormat(r.rect, "verticalAlignment", v));
  }
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(points: number) {
    this.context.requireApi("RangeFormat.columnWidth", "1.2");
    this._set("columnWidth", points, (r: RangeRef) => {
      if (!(points >= 0)) fail("InvalidArgument", `Bad column width ${points}.`);
      for (let c = r.rect.c0; c <= r.rect.c1; c++) r.sheet.columnWidths.set(c, points);
    });
  }
  autofitColumns(): void {
    this.context.requireApi("RangeFormat.autofitColumns", "1.2");
    this._call("autofitColumns", [], () => undefined);
  }
}

export class RangeFillProxy extends ProxyBase implements Mirrors<Excel.RangeFill, "color" | "clear"> {
  protected readonly _type = "RangeFill";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (r: RangeRef) => r);
  }
  protected _readers(): Readers {
    return { color: (r: RangeRef) => r.sheet.uniformFormat(r.rect, "fill") };
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (r: RangeRef) => r.sheet.setFormat(r.rect, "fill", colour(v)));
  }
  clear(): void {
    this._call("clear", [], (r: RangeRef) => r.sheet.setFormat(r.rect, "fill", null));
  }
}

export class RangeFontProxy extends ProxyBase implements Mirrors<Excel.RangeFont, "bold" | "italic" | "size" | "color"> {
  protected readonly _type = "RangeFont";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (r: RangeRef) => r);
  }
  protected _readers(): Readers {
    return {
      bold: (r: RangeRef) => r.sheet.uniformFormat(r.rect, "bold"),
      italic: (r: RangeRef) => r.sheet.uniformFormat(r.rect, "italic"),
      size: (r: RangeRef) => r.sheet.uniformFormat(r.rect, "fontSize"),
      color: (r: RangeRef) => r.sheet.uniformFormat(r.rect, "fontColor"),
    };
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._set("bold", v, (r: RangeRef) => r.sheet.setFormat(r.rect, "bold", v));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._set("italic", v, (r: RangeRef) => r.sheet.setFormat(r.rect, "italic", v));
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._set("size", v, (r: RangeRef) => r.sheet.setFormat(r.rect, "fontSize", v));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (r: RangeRef) => r.sheet.setFormat(r.rect, "fontColor", colour(v)));
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

export class RangeBorderCollectionProxy extends ProxyBase implements Mirrors<Excel.RangeBorderCollection, "getItem"> {
  protected readonly _type = "RangeBorderCollection";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (r: RangeRef) => r);
  }
  getItem(
    index: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | "DiagonalDown" | "DiagonalUp",
  ): RangeBorderProxy {
    return new RangeBorderProxy(this.context, this._sub("getItem", [index]), this, (r: RangeRef) => {
      if (!EDGES.includes(index)) fail("InvalidArgument", `Bad border ${index}.`);
      return { ...r, edge: index };
    });
  }
}

export class RangeBorderProxy extends ProxyBase implements Mirrors<Excel.RangeBorder, "style" | "color"> {
  protected readonly _type = "RangeBorder";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase, resolver: (p: any) => unknown) {
    super(context, path, parent, resolver);
  }
  get style(): Excel.BorderLineStyle | "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot" {
    return this._get("style");
  }
  set style(v: Excel.BorderLineStyle | "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot") {
    this._set("style", v, (r: RangeRef & { edge: string }) => {
      for (let row = r.rect.r0; row <= r.rect.r1 && row <= r.rect.r0 + 5000; row++) {
        for (let c = r.rect.c0; c <= r.rect.c1; c++) {
          const current = r.sheet.formatAt(row, c, "borders") as Record<string, string>;
          r.sheet.setFormat({ r0: row, r1: row, c0: c, c1: c }, "borders", { ...current, [r.edge]: v });
        }
      }
    });
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, () => void colour(v));
  }
}

// ---- data validation and conditional formats --------------------------------------------------

export class DataValidationProxy
  extends ProxyBase
  implements Mirrors<Excel.DataValidation, "rule" | "errorAlert" | "ignoreBlanks" | "clear">
{
  protected readonly _type = "DataValidation";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (r: RangeRef) => r);
  }
  protected _readers(): Readers {
    const first = (r: RangeRef) => r.sheet.validations.find((v) => intersect(v.rect, r.rect));
    return {
      rule: (r: RangeRef) => first(r)?.rule ?? {},
      errorAlert: (r: RangeRef) => first(r)?.errorAlert ?? null,
      ignoreBlanks: (r: RangeRef) => first(r)?.ignoreBlanks ?? true,
    };
  }
  get rule(): Excel.DataValidationRule {
    return this._get("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this._set("rule", rule, (r: RangeRef) => {
      if (!rule.list) fail("InvalidArgument", "Only list rules are emulated.");
      if (typeof rule.list.source !== "string" || rule.list.source === "") fail("InvalidArgument", "A list rule needs a source.");
      r.sheet.clearValidation(r.rect);
      r.sheet.validations.push({
        rect: r.rect,
        address: formatRect(r.rect),
        rule: { list: { source: rule.list.source as string, inCellDropDown: rule.list.inCellDropDown ?? true } },
        errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
        ignoreBlanks: true,
      });
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get("errorAlert");
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this._set("errorAlert", alert, (r: RangeRef) => {
      const inside = r.sheet.validations.filter((v) => intersect(v.rect, r.rect));
      if (inside.length === 0) fail("InvalidOperation", "Set a data validation rule before its error alert.");
      for (const v of inside) v.errorAlert = { ...v.errorAlert, ...(alert as Partial<typeof v.errorAlert>) };
    });
  }
  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this._set("ignoreBlanks", value, (r: RangeRef) => {
      for (const v of r.sheet.validations) if (intersect(v.rect, r.rect)) v.ignoreBlanks = value;
    });
  }
  clear(): void {
    this._call("clear", [], (r: RangeRef) => r.sheet.clearValidation(r.rect));
  }
}

export class ConditionalFormatCollectionProxy
  extends ProxyBase
  implements Mirrors<Excel.ConditionalFormatCollection, "add" | "clearAll">
{
  protected readonly _type = "ConditionalFormatCollection";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (r: RangeRef) => r);
  }
  add(type: "Custom" | "DataBar" | "ColorScale" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText" | "CellValue"): ConditionalFormatProxy {
    const proxy = new ConditionalFormatProxy(this.context, this._sub("add", [type]), null, () => fail("GeneralException", "not yet added"));
    this._call("add", [type], (r: RangeRef) => {
      if (type !== "CellValue" && type !== "ContainsText") fail("InvalidArgument", `Conditional format type ${type} is not emulated.`);
      const model: ConditionalFormatModel = { id: r.sheet.workbook.nextSeq(), sheet: r.sheet, rect: r.rect, type, rule: null, fill: null, fontColor: null };
      r.sheet.conditionalFormats.push(model);
      proxy._bind(model);
    });
    return proxy;
  }
  clearAll(): void {
    this._call("clearAll", [], (r: RangeRef) => r.sheet.clearConditionalFormats(r.rect));
  }
}

export class ConditionalFormatProxy extends ProxyBase implements Mirrors<Excel.ConditionalFormat, "cellValue" | "textComparison"> {
  protected readonly _type = "ConditionalFormat";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase | null, resolver: (p: any) => unknown) {
    super(context, path, parent, resolver);
  }
  get cellValue(): RuleFormatProxy {
    return new RuleFormatProxy(this.context, `${this._path}.cellValue`, this, "CellValue");
  }
  get textComparison(): RuleFormatProxy {
    return new RuleFormatProxy(this.context, `${this._path}.textComparison`, this, "ContainsText");
  }
}

/** CellValueConditionalFormat and TextConditionalFormat: a rule and the fill/font it applies. */
export class RuleFormatProxy
  extends ProxyBase
  implements Mirrors<Excel.CellValueConditionalFormat, "rule" | "format">, Mirrors<Excel.TextConditionalFormat, "format">
{
  protected readonly _type: string;
  constructor(context: EmRequestContext, path: string, parent: ProxyBase, kind: "CellValue" | "ContainsText") {
    super(context, path, parent, (m: ConditionalFormatModel) => {
      if (m.type !== kind) fail("InvalidOperation", `This conditional format is ${m.type}, not ${kind}.`);
      return m;
    });
    this._type = kind === "CellValue" ? "CellValueConditionalFormat" : "TextConditionalFormat";
  }
  get rule(): Excel.ConditionalCellValueRule {
    return this._get("rule");
  }
  set rule(rule: Excel.ConditionalCellValueRule) {
    this._set("rule", rule, (m: ConditionalFormatModel) => {
      m.rule = { ...(rule as object) };
    });
  }
  get format(): ConditionalRangeFormatProxy {
    return new ConditionalRangeFormatProxy(this.context, `${this._path}.format`, this);
  }
}

export class ConditionalRangeFormatProxy extends ProxyBase implements Mirrors<Excel.ConditionalRangeFormat, "fill" | "font"> {
  protected readonly _type = "ConditionalRangeFormat";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (m: ConditionalFormatModel) => m);
  }
  get fill(): ConditionalColourProxy {
    return new ConditionalColourProxy(this.context, `${this._path}.fill`, this, "fill");
  }
  get font(): ConditionalColourProxy {
    return new ConditionalColourProxy(this.context, `${this._path}.font`, this, "fontColor");
  }
}

export class ConditionalColourProxy extends ProxyBase implements Mirrors<Excel.ConditionalRangeFill, "color"> {
  protected readonly _type = "ConditionalRangeFill";
  constructor(
    context: EmRequestContext,
    path: string,
    parent: ProxyBase,
    private readonly key: "fill" | "fontColor",
  ) {
    super(context, path, parent, (m: ConditionalFormatModel) => m);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._set("color", v, (m: ConditionalFormatModel) => {
      m[this.key] = colour(v);
    });
  }
}

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
    Mirrors<Excel.Table, "name" | "id" | "showHeaders" | "worksheet" | "getRange" | "getHeaderRowRange" | "getDataBodyRange" | "columns" | "resize">
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
    return this.part("getDataBodyRange", (t) => ({ ...t.rect, r0: t.rect.r0 + 1 }));
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

export class NamedItemCollectionProxy
  extends CollectionProxy<NamedItemProxy>
  implements Mirrors<Excel.NamedItemCollection, "add" | "getItem" | "getItemOrNullObject">
{
  protected readonly _type = "NamedItemCollection";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (wb: EmulatedWorkbook) => wb);
  }
  protected _itemTargets(wb: EmulatedWorkbook): unknown[] {
    return [...wb.namedItems];
  }
  protected _makeItem(target: unknown, i: number): NamedItemProxy {
    return new NamedItemProxy(this.context, `${this._path}.items[${i}]`, null, () => target);
  }
  add(name: string, reference: Excel.Range | string, comment?: string): NamedItemProxy {
    this.context.requireApi("NamedItemCollection.add", "1.4");
    const proxy = new NamedItemProxy(this.context, this._sub("add", [name, reference, comment]), null, () => fail("GeneralException", "not yet added"));
    this._call("add", [name, reference, comment], (wb: EmulatedWorkbook) => {
      const ref = reference instanceof RangeProxy ? reference._target<RangeRef>() : wb.resolveReference(String(reference));
      proxy._bind(wb.addName(name, ref.sheet, ref.rect, comment ?? ""));
    });
    return proxy;
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, this._sub("getItem", [name]), this, (wb: EmulatedWorkbook) => wb.findName(name) ?? fail("ItemNotFound", `The requested resource doesn't exist (name "${name}").`));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    this.context.requireApi("NamedItemCollection.getItemOrNullObject", "1.4");
    return new NamedItemProxy(this.context, this._sub("getItemOrNullObject", [name]), this, (wb: EmulatedWorkbook) => wb.findName(name) ?? null, true);
  }
}

export class NamedItemProxy
  extends ProxyBase
  implements Mirrors<Excel.NamedItem, "name" | "type" | "value" | "formula" | "visible" | "comment" | "delete" | "getRange" | "getRangeOrNullObject">
{
  protected readonly _type = "NamedItem";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase | null, resolver: (p: any) => unknown, nullable = false) {
    super(context, path, parent, resolver, nullable);
  }
  protected _readers(): Readers {
    const wb = this.context.model;
    return {
      name: (n: NameModel) => n.name,
      type: (n: NameModel) => (n.sheet ? "Range" : "Error"),
      value: (n: NameModel) => wb.nameFormula(n).slice(1),
      formula: (n: NameModel) => wb.nameFormula(n),
      visible: () => true,
      comment: (n: NameModel) => n.comment,
    };
  }
  /** @internal */
  _readAll(paths: string[]): Record<string, unknown> {
    if (paths.includes("formula")) this.context.requireApi("NamedItem.formula", "1.7");
    return readAllFor(this, this._cache?.v ?? this._resolve(), this._readers(), paths);
  }
  get name(): string {
    return this._get("name");
  }
  get type(): Excel.NamedItemType | "String" | "Integer" | "Double" | "Boolean" | "Range" | "Error" | "Array" {
    return this._get("type");
  }
  get value(): any {
    return this._get("value");
  }
  get formula(): any {
    return this._get("formula");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  get comment(): string {
    return this._get("comment");
  }
  delete(): void {
    this.context.requireApi("NamedItem.delete", "1.4");
    this._call("delete", [], (n: NameModel) => {
      const list = this.context.model.namedItems;
      list.splice(list.indexOf(n), 1);
    });
  }
  getRange(): RangeProxy {
    return new RangeProxy(this.context, this._sub("getRange"), this, (n: NameModel) => (n.sheet && n.rect ? { sheet: n.sheet, rect: n.rect } : fail("InvalidOperation", "The name does not refer to a range.")));
  }
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, this._sub("getRangeOrNullObject"), this, (n: NameModel) => (n.sheet && n.rect ? { sheet: n.sheet, rect: n.rect } : null), true);
  }
}

// ---- charts -----------------------------------------------------------------------------------

export class ChartCollectionProxy
  extends CollectionProxy<ChartProxy>
  implements Mirrors<Excel.ChartCollection, "add" | "getItem" | "getItemOrNullObject">
{
  protected readonly _type = "ChartCollection";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase, resolver: (p: any) => unknown) {
    super(context, path, parent, resolver);
  }
  protected _itemTargets(s: EmulatedSheet): unknown[] {
    return [...s.charts];
  }
  protected _makeItem(target: unknown, i: number): ChartProxy {
    return new ChartProxy(this.context, `${this._path}.items[${i}]`, null, () => target);
  }
  add(type: Parameters<Excel.ChartCollection["add"]>[0], sourceData: Excel.Range, seriesBy?: Parameters<Excel.ChartCollection["add"]>[2]): ChartProxy {
    const proxy = new ChartProxy(this.context, this._sub("add", [type, sourceData, seriesBy]), null, () => fail("GeneralException", "not yet added"));
    this._call("add", [type, sourceData, seriesBy], (s: EmulatedSheet) => {
      if (!(sourceData instanceof RangeProxy)) fail("InvalidArgument", "sourceData must be a Range.");
      const ref = sourceData._target<RangeRef>();
      const by = seriesBy ?? "Auto";
      const columns = ref.rect.c1 - ref.rect.c0 + 1;
      const rows = ref.rect.r1 - ref.rect.r0 + 1;
      const count = by === "Rows" ? rows - 1 : columns - 1;
      const id = s.workbook.nextId();
      const model: ChartModel = {
        id,
        sheet: s,
        name: `Chart ${id}`,
        type: String(type),
        source: ref.rect,
        seriesBy: String(by),
        title: "",
        anchor: null,
        width: 360,
        height: 216,
        series: Array.from({ length: Math.max(1, count) }, (_, i) => ({ name: `Series${i + 1}`, colour: null })),
      };
      s.charts.push(model);
      proxy._bind(model);
    });
    return proxy;
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, this._sub("getItem", [name]), this, (s: EmulatedSheet) => s.charts.find((c) => c.name === name) ?? fail("ItemNotFound", `The requested resource doesn't exist (chart "${name}").`));
  }
  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(this.context, this._sub("getItemOrNullObject", [name]), this, (s: EmulatedSheet) => s.charts.find((c) => c.name === name) ?? null, true);
  }
}

export class ChartProxy
  extends ProxyBase
  implements Mirrors<Excel.Chart, "name" | "title" | "setPosition" | "width" | "height" | "series" | "delete">
{
  protected readonly _type = "Chart";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase | null, resolver: (p: any) => unknown, nullable = false) {
    super(context, path, parent, resolver, nullable);
  }
  protected _readers(): Readers {
    return {
      name: (c: ChartModel) => c.name,
      width: (c: ChartModel) => c.width,
      height: (c: ChartModel) => c.height,
    };
  }
  /** @internal */
  _readAll(paths: string[]): Record<string, unknown> {
    return readAllFor(this, this._cache?.v ?? this._resolve(), this._readers(), paths);
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (c: ChartModel) => {
      c.name = v;
    });
  }
  get width(): number {
    return this._get("width");
  }
  set width(v: number) {
    this._set("width", v, (c: ChartModel) => {
      c.width = v;
    });
  }
  get height(): number {
    return this._get("height");
  }
  set height(v: number) {
    this._set("height", v, (c: ChartModel) => {
      c.height = v;
    });
  }
  get title(): ChartTitleProxy {
    return new ChartTitleProxy(this.context, `${this._path}.title`, this);
  }
  get series(): ChartSeriesCollectionProxy {
    return new ChartSeriesCollectionProxy(this.context, `${this._path}.series`, this);
  }
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this._call("setPosition", [startCell, endCell], (c: ChartModel) => {
      const at = (cell: Excel.Range | string) => (cell instanceof RangeProxy ? formatRect(cell._target<RangeRef>().rect) : formatRect(parseRect(splitSheet(String(cell)).local)));
      c.anchor = at(startCell);
      if (endCell !== undefined) at(endCell);
    });
  }
  delete(): void {
    this._call("delete", [], (c: ChartModel) => {
      c.sheet.charts.splice(c.sheet.charts.indexOf(c), 1);
    });
  }
}

export class ChartTitleProxy extends ProxyBase implements Mirrors<Excel.ChartTitle, "text"> {
  protected readonly _type = "ChartTitle";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (c: ChartModel) => c);
  }
  get text(): string {
    return this._get("text");
  }
  set text(v: string) {
    this._set("text", v, (c: ChartModel) => {
      c.title = v;
    });
  }
}

export class ChartSeriesCollectionProxy extends ProxyBase implements Mirrors<Excel.ChartSeriesCollection, "getItemAt" | "count"> {
  protected readonly _type = "ChartSeriesCollection";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (c: ChartModel) => c);
  }
  protected _readers(): Readers {
    return { count: (c: ChartModel) => c.series.length };
  }
  get count(): number {
    return this._get("count");
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(this.context, this._sub("getItemAt", [index]), this, (c: ChartModel) => {
      if (index < 0 || index >= c.series.length) fail("ItemNotFound", `The chart has ${c.series.length} series; there is no series ${index}.`);
      return { chart: c, index };
    });
  }
}

interface SeriesRef {
  chart: ChartModel;
  index: number;
}

export class ChartSeriesProxy extends ProxyBase implements Mirrors<Excel.ChartSeries, "name" | "format"> {
  protected readonly _type = "ChartSeries";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase, resolver: (p: any) => unknown) {
    super(context, path, parent, resolver);
  }
  protected _readers(): Readers {
    return { name: (s: SeriesRef) => s.chart.series[s.index].name };
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s: SeriesRef) => {
      s.chart.series[s.index].name = v;
    });
  }
  get format(): ChartSeriesFormatProxy {
    return new ChartSeriesFormatProxy(this.context, `${this._path}.format`, this);
  }
}

export class ChartSeriesFormatProxy extends ProxyBase implements Mirrors<Excel.ChartSeriesFormat, "fill"> {
  protected readonly _type = "ChartSeriesFormat";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (s: SeriesRef) => s);
  }
  get fill(): ChartFillProxy {
    return new ChartFillProxy(this.context, `${this._path}.fill`, this);
  }
}

export class ChartFillProxy extends ProxyBase implements Mirrors<Excel.ChartFill, "setSolidColor" | "clear"> {
  protected readonly _type = "ChartFill";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (s: SeriesRef) => s);
  }
  setSolidColor(color: string): void {
    this._call("setSolidColor", [color], (s: SeriesRef) => {
      s.chart.series[s.index].colour = colour(color);
    });
  }
  clear(): void {
    this._call("clear", [], (s: SeriesRef) => {
      s.chart.series[s.index].colour = null;
    });
  }
}

