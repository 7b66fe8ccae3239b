import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { describePortContract } from "./portContract";

let emulation: ExcelEmulation | undefined;
afterEach(() => emulation?.uninstall());

describePortContract("Office.js adapter on the Excel emulation", async () => {
  emulation = installExcelEmulation(new EmulatedWorkbook());
  return { port: new OfficeWorkbook(), syncs: emulation.syncCount };
});
