/** ConditionalFormatCollection and its rule/format proxies. See proxies.ts for how the emulation behaves. */
import { ConditionalFormatModel } from "./workbook";
import { colour, fail, Mirrors, ProxyBase, RangeRef } from "./base";
import { EmRequestContext } from "./context";

/* eslint-disable @typescript-eslint/no-explicit-any */

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
      if (type !== "CellValue" && type !== "ContainsText" && type !== "Custom") fail("InvalidArgument", `Conditional format type ${type} is not emulated.`);
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

export class ConditionalFormatProxy extends ProxyBase implements Mirrors<Excel.ConditionalFormat, "cellValue" | "textComparison" | "custom"> {
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
  get custom(): CustomFormatProxy {
    return new CustomFormatProxy(this.context, `${this._path}.custom`, this);
  }
}

/**
 * CustomConditionalFormat (ExcelApi 1.6): a formula rule and its format. The formula is stored as written, relative
 * to the range's top-left cell; the emulation never evaluates it, so it colours no cell (see FIDELITY.md).
 */
export class CustomFormatProxy extends ProxyBase implements Mirrors<Excel.CustomConditionalFormat, "rule" | "format"> {
  protected readonly _type = "CustomConditionalFormat";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (m: ConditionalFormatModel) => {
      if (m.type !== "Custom") fail("InvalidOperation", `This conditional format is ${m.type}, not Custom.`);
      return m;
    });
  }
  get rule(): CustomRuleProxy {
    return new CustomRuleProxy(this.context, `${this._path}.rule`, this);
  }
  get format(): ConditionalRangeFormatProxy {
    return new ConditionalRangeFormatProxy(this.context, `${this._path}.format`, this);
  }
}

export class CustomRuleProxy extends ProxyBase implements Mirrors<Excel.ConditionalFormatRule, "formula"> {
  protected readonly _type = "ConditionalFormatRule";
  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (m: ConditionalFormatModel) => m);
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._set("formula", v, (m: ConditionalFormatModel) => {
      m.rule = { ...(m.rule ?? {}), formula: v };
    });
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
