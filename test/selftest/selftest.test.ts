/**
 * The self-test's list of checks (src/selftest) against the emulation: every check that tests a
 * behaviour the add-in relies on passes, the ones that record a behaviour say what the emulation
 * models, the temporary sheet is gone afterwards, and a deliberately broken emulation fails a check.
 */
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { freshWorkbookEachTest } from "../emulation/freshPort";
import { SELF_CHECKS } from "../../src/selftest/checks";
import { SELF_TEST_SHEET, reportText, runSelfTest } from "../../src/selftest/run";

let emulation: ExcelEmulation;
let wb: EmulatedWorkbook;

freshWorkbookEachTest(
  (w, e) => {
    wb = w;
    emulation = e;
  },
  { sheets: ["Diagnostics"] },
);

describe("Test this Excel, on the emulation", () => {
  it("passes every check, records the documenting ones as the emulation models them, and deletes its sheet", async () => {
    const report = await runSelfTest();
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
    expect(report.results.map((r) => r.id)).toEqual(SELF_CHECKS.map((c) => c.id));
    // The emulation stands at the manifest's ExcelApi 1.8, below print titles' 1.9: that check says it is skipped.
    const documenting = ["list-blank-source", "alert-limits", "print-titles"];
    for (const r of report.results) expect([r.id, r.status]).toEqual([r.id, documenting.includes(r.id) ? "info" : "pass"]);
    expect(byId["list-blank-source"].detail).toMatch(/accepts any value/);
    expect(byId["alert-limits"].detail).toMatch(/refused them \(InvalidArgument\)/);
    expect(byId["payload-limit"].detail).toMatch(/RequestPayloadSizeLimitExceeded/);
    expect(byId["print-titles"].detail).toBe("This Excel has no ExcelApi 1.9, so the Counts sheet prints its header row on the first page only.");
    expect(wb.sheetNames()).toEqual(["Diagnostics"]);
    expect(report).toMatchObject({ host: "Excel", platform: "OfficeOnline", version: "emulation" });
  });

  it("tells a 1904-system workbook from a 1900 one, as the add-in's first read does", async () => {
    expect((await runSelfTest()).results.find((r) => r.id === "date-system")?.detail).toMatch(/^36526: .*1900 date system/);
    emulation.uninstall();
    const mac = new EmulatedWorkbook({ sheets: ["Diagnostics"], date1904: true });
    emulation = installExcelEmulation(mac);
    const check = (await runSelfTest()).results.find((r) => r.id === "date-system");
    expect(check).toMatchObject({ status: "pass" });
    expect(check?.detail).toMatch(/^35064: .*1904 date system, so Team Diagnostics will change nothing/);
  });

  it("keeps to a fixed number of syncs per check, not one per row", async () => {
    await runSelfTest();
    // Two to make the sheet, one to delete it, at most three per check plus Excel.run's closing one (empty ones are not sent).
    expect(emulation.syncCount()).toBeLessThanOrEqual(3 + SELF_CHECKS.length * 3);
  });

  it("fails the table-growth check on an emulation that is broken on purpose", async () => {
    wb.faults.tablesDoNotGrow = true;
    const report = await runSelfTest();
    const growth = report.results.find((r) => r.id === "table-growth");
    expect(growth).toMatchObject({ status: "fail" });
    expect(growth?.detail).toBe("The table covers E1:F2, not E1:F3.");
  });

  it("sets and reads back the rows to repeat on each printed page where the host has ExcelApi 1.9, as the Counts sheet's refresh sets them", async () => {
    emulation.uninstall();
    emulation = installExcelEmulation(wb, { maxApiVersion: "1.9" });
    const check = (await runSelfTest()).results.find((r) => r.id === "print-titles");
    expect(check).toEqual({
      id: "print-titles",
      title: "Rows to repeat at the top of each printed page",
      status: "pass",
      detail: "Row 1 repeats on every page, as the Counts sheet's header row will.",
    });
    expect(wb.sheetNames()).toEqual(["Diagnostics"]);
  });

  it("fails the print-titles check on an emulation that keeps no print titles", async () => {
    emulation.uninstall();
    emulation = installExcelEmulation(wb, { maxApiVersion: "1.9" });
    wb.faults.printTitlesIgnored = true;
    const check = (await runSelfTest()).results.find((r) => r.id === "print-titles");
    expect(check).toMatchObject({ status: "fail", detail: expect.stringMatching(/^setPrintTitleRows\("\$1:\$1"\) left no rows to repeat/) });
  });

  it("reports a host without ExcelApi 1.8 as failing the requirement set and the checks that need it", async () => {
    emulation.uninstall();
    emulation = installExcelEmulation(wb, { maxApiVersion: "1.7" });
    const report = await runSelfTest();
    const status = Object.fromEntries(report.results.map((r) => [r.id, r.status]));
    expect(status["requirement-set"]).toBe("fail");
    expect(status["create-workbook"]).toBe("pass"); // the function exists; it refuses when called (install.ts)
    expect(status["list-refuses"]).toBe("fail");
    expect(wb.sheetNames()).toEqual(["Diagnostics"]);
  });

  it("deletes its sheet even when a check throws, and reports that check as failed", async () => {
    const boom = { id: "boom", title: "Throws", run: async () => Promise.reject(new Error("boom")) };
    const report = await runSelfTest([SELF_CHECKS[1], boom]);
    expect(report.results.map((r) => r.status)).toEqual(["pass", "fail"]);
    expect(report.results[1].detail).toBe("Stopped with an error: boom");
    expect(wb.sheetNames()).toEqual(["Diagnostics"]);
  });

  it("removes a sheet an interrupted run left behind before it starts", async () => {
    wb.addSheet(SELF_TEST_SHEET);
    await runSelfTest([SELF_CHECKS[0]]);
    expect(wb.sheetNames()).toEqual(["Diagnostics"]);
  });

  it("gives plain text for an email, with the Excel build", async () => {
    const text = reportText(await runSelfTest());
    expect(text.split("\n").slice(0, 3)).toEqual([
      "Team Diagnostics: Test this Excel",
      "Excel: Excel, platform OfficeOnline, version emulation",
      `${SELF_CHECKS.length - 3} passed, 0 failed, 3 for information`,
    ]);
    expect(text).toMatch(/^PASS {2}A table grows over a row written directly below it: The table now covers E1:F3\.$/m);
  });
});
