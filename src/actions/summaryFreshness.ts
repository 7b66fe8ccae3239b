/**
 * Is the Summary sheet out of date? One read (the rows, the Lists sheet and the Summary sheet together, so no extra
 * sync), the inputs fingerprinted as refreshSummary fingerprints them, compared with the fingerprint it stored.
 */
import { IsoDate, compileScale, defaultConfig, summaryFingerprint, validateTable } from "../domain";
import { todayIso } from "./today";
import { diagnosticsRequest, diagnosticsView } from "../workbook/diagnosticsRead";
import { configFromLists } from "../workbook/listsSheet";
import { WorkbookPort } from "../workbook/port";
import { SUMMARY_OWNER, storedFingerprint } from "../workbook/summaryPlan";
import { rawTableFrom } from "../workbook/tableRows";

export type SummaryFreshness =
  /** No Summary sheet, or one made before fingerprints were kept. */
  | { state: "none" }
  | { state: "current" }
  | { state: "outOfDate" };

export async function summaryFreshness(port: WorkbookPort, today: IsoDate = todayIso()): Promise<SummaryFreshness> {
  const base = defaultConfig({ services: [] });
  const request = diagnosticsRequest({ rows: true, narrative: false, lists: true, selection: false }, base);
  const snapshot = diagnosticsView(await port.read({ ...request, sheets: [...(request.sheets ?? []), { owner: SUMMARY_OWNER, sheet: "Summary" }] }));
  const stored = storedFingerprint(snapshot.sheetValues[SUMMARY_OWNER]);
  if (stored === null || !snapshot.diagnostics) return { state: "none" };
  const config = configFromLists(snapshot.lists, base);
  const compiled = compileScale(config.scale);
  // The visits a refresh would count on the same day (a Final visit after today is left out).
  const validation = validateTable(rawTableFrom(snapshot.diagnostics, config), config, compiled, { today });
  return { state: summaryFingerprint(validation, config) === stored ? "current" : "outOfDate" };
}
