/** Shared machinery of the emulated proxies: errors, settings, ProxyBase (queued actions, load, null objects), collections. See proxies.ts for how the emulation behaves. */
import { MAX_COLUMNS, MAX_ROWS, Rect } from "./address";
import { EmulatedSheet, EmulationError } from "./workbook";
import type { EmRequestContext } from "./context";

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Fn = (...args: any[]) => any;

/** The real API's members K: same names, parameter and property types; returned objects are the emulation's own. */
export type Mirrors<T, K extends keyof T> = {
  [P in K]: T[P] extends Fn ? (...args: Parameters<T[P]>) => unknown : T[P] extends OfficeExtension.ClientObject ? unknown : T[P];
};

export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const READ_CELL_LIMIT = 5_000_000;

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

export interface LoadOutcome {
  bytes: number;
  commit(): void;
}

export interface Op {
  wire: unknown[];
  run(): LoadOutcome | void;
}

export interface RangeRef {
  sheet: EmulatedSheet;
  rect: Rect;
}

export function fail(code: string, message: string): never {
  throw new EmulationError(code, message);
}

export function checkRect(rect: Rect): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    fail("InvalidArgument", "The range is outside the worksheet grid.");
  }
  return rect;
}

export const NAMED_COLOURS: Record<string, string> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
};

export function colour(value: unknown): string {
  const text = String(value);
  if (/^#[0-9a-fA-F]{6}$/.test(text)) return text.toUpperCase();
  const named = NAMED_COLOURS[text.toLowerCase()];
  if (named) return named;
  return fail("InvalidArgument", `"${text}" is not a colour (Excel wants "#RRGGBB" or a colour name).`);
}

export function parseLoad(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((a) => parseLoad(a));
  if (typeof arg === "object" && typeof (arg as { select?: unknown }).select === "string") {
    return parseLoad((arg as { select: string }).select);
  }
  return fail("InvalidArgument", `Unsupported load() argument ${JSON.stringify(arg)}.`);
}

export const arg = (v: unknown) => (v instanceof ProxyBase ? v._path : JSON.stringify(v));


export type Readers = Record<string, (target: any) => unknown>;

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
export abstract class CollectionProxy<I extends ProxyBase> extends ProxyBase {
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
export function readAllFor(proxy: ProxyBase, target: unknown, readers: Readers, paths: string[]): Record<string, unknown> {
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
