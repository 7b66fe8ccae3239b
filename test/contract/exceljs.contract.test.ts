import { ExcelJsWorkbook } from "../../src/adapters/exceljs/excelJsWorkbook";
import { readXlsx } from "../../src/adapters/files/xlsxReader";
import { loadWorkbookForEditing } from "../../src/adapters/exceljs/files";
import { snapshotFrom } from "../../src/adapters/exceljs/snapshot";
import { WorkbookPlan } from "../../src/workbook/plan";
import { ReadRequest, WorkbookPort, WorkbookSnapshot } from "../../src/workbook/port";
import { describePortContract } from "./portContract";

describePortContract("ExcelJS adapter, in memory", async () => ({ port: ExcelJsWorkbook.create(), hasSelection: false }));

/**
 * The same adapter through a file, as the command line uses it: every apply loads the saved .xlsx into
 * ExcelJS, changes it and saves it again; every read parses the saved bytes with the fast reader.
 */
class SavedFile implements WorkbookPort {
  private bytes: Buffer | null = null;

  async apply(plan: WorkbookPlan): Promise<void> {
    const workbook = this.bytes ? await loadWorkbookForEditing(this.bytes) : ExcelJsWorkbook.create();
    await workbook.apply(plan);
    this.bytes = Buffer.from(await workbook.writeBuffer());
  }

  async read(request: ReadRequest): Promise<WorkbookSnapshot> {
    return snapshotFrom(this.bytes ? readXlsx(this.bytes) : { sheets: [], names: [] }, request);
  }
}

describePortContract("ExcelJS adapter, saved to .xlsx and read back", async () => ({ port: new SavedFile(), hasSelection: false }));
