/**
 * WorkbookPort over the Excel JavaScript API (Office.js), for the task pane.
 *
 * Round trips (context.sync calls) per call:
 *  - read(): one Excel.run. Sync 1 queues everything up front: sheet names with the names of each sheet's
 *    charts (one nested load, worksheets.load("items/name,items/charts/items/name")), workbook names (for
 *    the owner marks) and table names; the Diagnostics table through tables.getItemOrNullObject and, in
 *    case there is none, the Diagnostics sheet's used range through getItemOrNullObject +
 *    getUsedRangeOrNullObject; the Lists sheet (the one the "lists" owner name points at, else the sheet
 *    called Lists); the active cell. Rows are read speculatively (the first FIRST_READ_ROWS).
 *    Sync 2, only for a longer table: the remaining rows of the columns wanted (the narrative columns only
 *    when the request asks for them), each contiguous block of columns as its own range, all in the same
 *    sync. It is split into further syncs only when its response would pass the budget (~4 MB; Excel on
 *    the web refuses responses over 5 MB): 10,000 visits without narrative text are ~1.6 MB, with it ~7 MB.
 *  - apply(): one Excel.run. A plan carrying its basis (the read it was built from) is checked against that
 *    basis and every change is sent in ONE sync. A plan without a basis that adds or clears sheets, defines
 *    names or creates tables first needs to know what exists: ONE probe sync reads sheet, name and table
 *    names and the charts of the sheets it clears (so does a plan whose basis lacks those charts). Either way
 *    the whole plan is checked before anything is written, and a plan whose requests would exceed ~4 MB
 *    (thousands of rows) is split into several, each under the limit. An appendTableRows change without
 *    insertFirst (a plan not built from a read of the table's totals row and the row under it) costs one read
 *    sync before its write (append.ts); recordVisit's plans carry it, so recording a visit stays at two.
 *    apply() reports where each append's first row landed (AppliedPlan).
 *
 * This relies on three behaviours of Office.js: actions in a batch run in order (an object such as the
 * used range of a table is resolved when the batch reaches it, after the writes queued before it); the
 * children of a null object are null objects (so the table and fallback reads can share one sync); and a
 * collection load path may go through a navigation collection of each item ("items/charts/items/name",
 * which Office.js sends as "charts/name"; documented as WorksheetCollectionLoadOptions.charts, "for EACH ITEM
 * in the collection"). Should a host refuse that load, read() asks again without it (one more sync) and
 * reports sheets without charts, and apply() then probes for the charts of a sheet it clears.
 *
 * ExcelApi 1.8 (the manifest's minimum) covers everything used here, except Table.resize (1.13), which
 * is only called from resizeTableIfSupported after checking isSetSupported, and PageLayout.setPrintTitleRows
 * (1.9), only from printTitleRowsIfSupported (queued with the plan, no sync of its own).
 *
 * The work is split by seam: read.ts and readRows.ts (read), planChecks.ts (what exists, and the plan
 * checked against it), batch.ts (request sizes), apply.ts (queueing each change).
 */
import { WorkbookPlan } from "../../workbook/plan";
import { AppliedPlan, ReadRequest, WorkbookPort, WorkbookSnapshot } from "../../workbook/port";
import { applyPlan } from "./apply";
import { DEFAULTS, OfficeWorkbookOptions } from "./options";
import { checkPlanShape } from "./planChecks";
import { readWorkbook } from "./read";

export type { OfficeWorkbookOptions } from "./options";
export { columnRuns } from "./readRows";

export class OfficeWorkbook implements WorkbookPort {
  private readonly options: Required<OfficeWorkbookOptions>;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  read(request: ReadRequest): Promise<WorkbookSnapshot> {
    return Excel.run((context) => readWorkbook(context, request, this.options));
  }

  apply(plan: WorkbookPlan): Promise<AppliedPlan> {
    checkPlanShape(plan);
    return Excel.run((context) => applyPlan(context, plan, this.options));
  }
}
