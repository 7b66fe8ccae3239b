import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { ExcelEmulation, installExcelEmulation } from "./install";
import { EmulatedWorkbook, EmulatedWorkbookOptions } from "./workbook";

/**
 * Each test of the file on a fresh emulated workbook with the emulation installed, uninstalled after each test.
 * `use` is handed both before each test.
 */
export function freshWorkbookEachTest(use: (wb: EmulatedWorkbook, emulation: ExcelEmulation) => void, options?: EmulatedWorkbookOptions): void {
  let emulation: ExcelEmulation | null = null;
  beforeEach(() => {
    const wb = new EmulatedWorkbook(options);
    emulation = installExcelEmulation(wb);
    use(wb, emulation);
  });
  afterEach(() => emulation?.uninstall());
}

/** As freshWorkbookEachTest, with an Office.js port over the workbook. */
export function freshPortEachTest(use: (wb: EmulatedWorkbook, port: OfficeWorkbook) => void): void {
  freshWorkbookEachTest((wb) => use(wb, new OfficeWorkbook()));
}
