/** DataValidation proxy. See proxies.ts for how the emulation behaves. */
import { formatRect, intersect } from "./address";
import { fail, Mirrors, ProxyBase, RangeRef, Readers } from "./base";
import { EmRequestContext } from "./context";
import { ALERT_MESSAGE_LIMIT, ALERT_TITLE_LIMIT } from "./model";
import { validity } from "./validity";

// ---- data validation and conditional formats --------------------------------------------------

export class DataValidationProxy
  extends ProxyBase
  implements Mirrors<Excel.DataValidation, "rule" | "errorAlert" | "ignoreBlanks" | "valid" | "clear">
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
      valid: (r: RangeRef) => validity(r.sheet, r.rect),
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
      // Excel's Data Validation dialog takes a title of at most 32 characters and a message of at most 225.
      // Whether the API truncates or refuses longer ones is not documented; the emulation refuses, the
      // cautious case (unverified until the self-test runs in Excel: src/selftest).
      const { title, message } = alert as { title?: string; message?: string };
      if ((title ?? "").length > ALERT_TITLE_LIMIT || (message ?? "").length > ALERT_MESSAGE_LIMIT) {
        fail(
          "InvalidArgument",
          `The error alert's title (${(title ?? "").length} characters, at most ${ALERT_TITLE_LIMIT}) or message (${(message ?? "").length}, at most ${ALERT_MESSAGE_LIMIT}) is too long.`,
        );
      }
      const inside = r.sheet.validations.filter((v) => intersect(v.rect, r.rect));
      if (inside.length === 0) fail("InvalidOperation", "Set a data validation rule before its error alert.");
      for (const v of inside) v.errorAlert = { ...v.errorAlert, ...(alert as Partial<typeof v.errorAlert>) };
    });
  }
  get valid(): boolean {
    return this._get("valid");
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
