import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { EmulatedWorkbook } from "./workbook";
import { installExcelEmulation } from "./install";

/**
 * Each test of the file on a fresh emulated workbook and an Office.js port over it; the emulation is uninstalled after
 * each. `use` is handed both before each test.
 */
export function freshPortEachTest(use: (wb: EmulatedWorkbook, port: OfficeWorkbook) => void): void {
  let uninstall: (() => void) | null = null;
  beforeEach(() => {
    const wb = new EmulatedWorkbook();
    const emulation = installExcelEmulation(wb);
    uninstall = () => emulation.uninstall();
    use(wb, new OfficeWorkbook());
  });
  afterEach(() => uninstall?.());
}
