/**
 * The self-test's check of a list rule whose source is a formula with a relative reference (issue 13's dependent
 * Team dropdown), against the emulation: the same assertion as in Excel, and a broken emulation fails it.
 */
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { freshWorkbookEachTest } from "../emulation/freshPort";
import { SELF_CHECKS } from "../../src/selftest/checks";
import { SELF_TEST_SHEET, runSelfTest } from "../../src/selftest/run";
import { dependentListCheck } from "../../src/selftest/dependentList";

let emulation: ExcelEmulation;
let wb: EmulatedWorkbook;

freshWorkbookEachTest(
  (w, e) => {
    wb = w;
    emulation = e;
  },
  { sheets: ["Diagnostics"] },
);

/** Runs the check alone on the self-test's sheet, keeping the sheet to look at (run.ts deletes it). */
async function runKeepingSheet() {
  wb.addSheet(SELF_TEST_SHEET);
  return Excel.run((context) => dependentListCheck.run(context, { sheetName: SELF_TEST_SHEET, columns: ["A", "B", "C", "D"] }));
}

describe("self-test: a list rule whose source is a formula with a relative reference", () => {
  it("is one of the self-test's checks, and passes on the emulation: each row's dropdown reads its own Service cell", async () => {
    expect(SELF_CHECKS).toContain(dependentListCheck);
    const report = await runSelfTest();
    expect(report.results.find((r) => r.id === "list-formula-relative")).toEqual({
      id: "list-formula-relative",
      title: "A dropdown list whose source is a formula follows each row's own cell",
      status: "pass",
      detail: "The rule reads back as set; Beta is allowed on the North row and refused on the South row.",
    });
    expect(wb.sheetNames()).toEqual(["Diagnostics"]);
  });

  it("sets the add-in's formula over the block on the scratch sheet, as the add-in sets its rules", async () => {
    await runKeepingSheet();
    const sheet = wb.sheet(SELF_TEST_SHEET);
    expect(sheet.values("B1:D5")).toEqual([
      ["(every team)", "North", "South"],
      [3, 2, 1],
      ["Alpha", "Alpha", "Gamma"],
      ["Beta", "Beta", ""],
      ["Gamma", "", ""],
    ]);
    const rule = sheet.validationAt("B8");
    expect(sheet.validationAt("B9")).toBe(rule);
    expect(rule?.address).toBe("B8:B9");
    expect(rule?.rule.list?.source).toBe("=OFFSET($B$1,2,IFERROR(MATCH($A8,$B$1:$D$1,0),1)-1,MAX(1,INDEX($B$2:$D$2,IFERROR(MATCH($A8,$B$1:$D$1,0),1))),1)");
    expect(rule?.ignoreBlanks).toBe(false);
  });

  it("fails on an emulation that reads the formula as at the rule's top-left for every row", async () => {
    wb.faults.listFormulasAbsolute = true;
    expect(await runKeepingSheet()).toEqual({
      status: "fail",
      detail: "The rule reads back as set; Beta is allowed on the North row and allowed on the South row, not allowed then refused.",
    });
  });

  it("fails on a host without ExcelApi 1.8 (no data validation)", async () => {
    emulation.uninstall();
    emulation = installExcelEmulation(wb, { maxApiVersion: "1.7" });
    const report = await runSelfTest([dependentListCheck]);
    expect(report.results[0].status).toBe("fail");
  });
});
