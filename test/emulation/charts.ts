/** ChartCollection, Chart and series proxies. See proxies.ts for how the emulation behaves. */
import { formatRect, parseRect, splitSheet } from "./address";
import { ChartModel, EmulatedSheet } from "./workbook";
import { CollectionProxy, colour, fail, Mirrors, ProxyBase, RangeRef, readAllFor, Readers } from "./base";
import { EmRequestContext } from "./context";
import { RangeProxy } from "./ranges";

/* eslint-disable @typescript-eslint/no-explicit-any */

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
