/** RangeFormat, RangeFill, RangeFont and RangeBorder proxies. See proxies.ts for how the emulation behaves. */
import { colour, fail, Mirrors, ProxyBase, RangeRef, Readers } from "./base";
import { EmRequestContext } from "./context";

/* eslint-disable @typescript-eslint/no-explicit-any */
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
