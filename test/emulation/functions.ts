/**
 * Workbook.functions and FunctionResult (ExcelApi 1.2), for the one function the add-in calls: DATE, which it
 * uses to learn the workbook's date system. See proxies.ts for how the emulation behaves.
 *
 * - learn.microsoft.com/javascript/api/excel/excel.functions (date): "year Is a number from 1900 or 1904 (depending
 *   on the workbook's date system) to 9999"; the result is the date's serial number in that system.
 * - learn.microsoft.com/javascript/api/excel/excel.functionresult: `value` is the result, `error` an error value
 *   such as "#NUM!" ("If the error string is not set, then the function succeeded"). What `error` reads on success
 *   (null or absent) is not said: null here, and the add-in reads only `value` (unverified).
 * - Support, "Date systems in Excel": the 1900 system counts from 1 January 1900, the 1904 system from 1 January
 *   1904; a date's 1900 serial is 1,462 days more than its 1904 one. DATE takes a year from 0 to 1899 as that many
 *   years after 1900, and in the 1904 system a year before 1904 is #NUM! (support, "DATE function"; KB 175753).
 */
import { ProxyBase, Mirrors, Readers, fail } from "./base";
import { EmRequestContext } from "./context";
import { EmulatedWorkbook } from "./workbook";

const DAY = 86_400_000;

type DateArg = Parameters<Excel.Functions["date"]>[0];

/** DATE(year, month, day) in the workbook's date system: its serial, or the error Excel gives. */
export function excelDate(wb: EmulatedWorkbook, year: number, month: number, day: number): { value: number | null; error: string | null } {
  const y = Math.trunc(year) < 1900 ? Math.trunc(year) + 1900 : Math.trunc(year);
  if (!Number.isFinite(y) || y < 1900 || y > 9999 || (wb.date1904 && y < 1904)) return { value: null, error: "#NUM!" };
  const utc = Date.UTC(y, Math.trunc(month) - 1, Math.trunc(day));
  const base = wb.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const serial = Math.round((utc - base) / DAY);
  // A month or day that rolls the date past either end is #NUM! too (support, "DATE function": 1 January 1900, or
  // 1904, to 31 December 9999).
  if (serial < 0 || utc > Date.UTC(9999, 11, 31)) return { value: null, error: "#NUM!" };
  // Before March 1900 the 1900 system counts a 29 February 1900 that never was: not modelled, so refused.
  if (!wb.date1904 && utc < Date.UTC(1900, 2, 1)) fail("InvalidArgument", "The emulation's DATE does not model dates before March 1900.");
  return { value: serial, error: null };
}

export class FunctionResultProxy extends ProxyBase implements Mirrors<Excel.FunctionResult<number>, "value" | "error"> {
  protected readonly _type = "FunctionResult";

  constructor(context: EmRequestContext, path: string, parent: ProxyBase, compute: (wb: EmulatedWorkbook) => { value: number | null; error: string | null }) {
    super(context, path, parent, (wb: EmulatedWorkbook) => compute(wb));
  }

  protected _readers(): Readers {
    return { value: (r: { value: number | null }) => r.value, error: (r: { error: string | null }) => r.error };
  }

  get value(): number {
    return this._get("value");
  }

  get error(): string {
    return this._get("error");
  }
}

export class FunctionsProxy extends ProxyBase implements Mirrors<Excel.Functions, "date"> {
  protected readonly _type = "Functions";

  constructor(context: EmRequestContext, path: string, parent: ProxyBase) {
    super(context, path, parent, (wb: EmulatedWorkbook) => wb);
  }

  /** Numbers only: the add-in passes no range or other result (which the real API also takes). */
  date(year: DateArg, month: DateArg, day: DateArg): FunctionResultProxy {
    this.context.requireApi("Functions.date", "1.2");
    const n = (v: DateArg) => (typeof v === "number" ? v : fail("InvalidArgument", "The emulation's DATE takes numbers only."));
    return new FunctionResultProxy(this.context, this._sub("date", [year, month, day]), this, (wb) => excelDate(wb, n(year), n(month), n(day)));
  }
}
