import { parseCellAddress } from "../../src/domain";
import { CellValue, WorkbookPlan } from "../../src/workbook/plan";
import { ReadRequest, WorkbookSnapshot } from "../../src/workbook/port";
import { FakeWorkbook } from "./fakeWorkbook";

/** The fake workbook, keeping the Summary sheet's values too, as Excel would. */
export class WithSummarySheet extends FakeWorkbook {
  summary: CellValue[][] | null = null;

  async read(request: ReadRequest): Promise<WorkbookSnapshot> {
    const snapshot = await super.read(request);
    const wanted = request.sheets?.some((s) => s.owner === "summary");
    return wanted && this.summary ? { ...snapshot, sheetValues: { ...snapshot.sheetValues, summary: JSON.parse(JSON.stringify(this.summary)) } } : snapshot;
  }

  async apply(plan: WorkbookPlan): Promise<void> {
    await super.apply(plan);
    for (const change of plan.changes) {
      if (change.kind === "addSheet" && change.sheet === "Summary") this.summary = [];
      if (change.kind === "clearSheet" && change.sheet === "Summary") this.summary = [];
      if (change.kind === "setValues" && change.sheet === "Summary" && this.summary) {
        const at = parseCellAddress(change.topLeft)!;
        change.values.forEach((values, r) =>
          values.forEach((v, c) => {
            while (this.summary!.length <= at.row - 1 + r) this.summary!.push([]);
            this.summary![at.row - 1 + r][at.column + c] = v;
          }),
        );
      }
    }
  }
}
