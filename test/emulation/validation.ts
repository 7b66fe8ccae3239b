/** DataValidation proxy. See proxies.ts for how the emulation behaves. */
import { formatRect, intersect } from "./address";
import { fail, Mirrors, ProxyBase, RangeRef, Readers } from "./base";
import { EmRequestContext } from "./context";

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
