import { visitRecord } from "../../src/domain";
import { fittedWidth } from "../../src/workbook/columnWidths";
import { DiagnosticsRead, readDiagnosticsSnapshot } from "../../src/workbook/diagnosticsRead";
import { WorkbookChange } from "../../src/workbook/plan";
import { setupPlan } from "../../src/workbook/setupPlan";
import { summaryPlan } from "../../src/workbook/summaryPlan";
import { sampleSummaries } from "../report/fixtures";
import { config, realisticWorkbook } from "../actions/realisticWorkbook";

const ROWS: DiagnosticsRead = { rows: true, narrative: false, lists: true, selection: false };

const widthsOf = (changes: WorkbookChange[], sheet: string) =>
  changes.find((c): c is Extract<WorkbookChange, { kind: "setColumnWidths" }> => c.kind === "setColumnWidths" && c.sheet === sheet)?.widths ?? [];

describe("columns sized to their values", () => {
  it("fits the longest value, within the floor and the cap", () => {
    expect(fittedWidth(["RI", "G"], 14, 40)).toBe(14);
    expect(fittedWidth(["Children in care", "Assessment"], 14, 40)).toBeGreaterThanOrEqual("Children in care".length + 1);
    expect(fittedWidth(["x".repeat(200)], 14, 40)).toBe(40);
  });

  it("makes a new Diagnostics table's Service column wide enough for every service on the list", async () => {
    const { emulation, port } = await realisticWorkbook(null);
    const plan = setupPlan(await readDiagnosticsSnapshot(port, ROWS), config);
    emulation.uninstall();
    const widths = widthsOf(plan.changes, "Diagnostics");
    // The widths follow the record kind's columns, in order.
    const service = visitRecord(config).columns.findIndex((c) => c.key === "service");
    const longest = Math.max(...config.services.map((s) => s.length));
    expect(config.services).toContain("Children in care");
    expect(widths[service]).toBeGreaterThan(longest);
  });

  it("makes the Counts sheet's column B wide enough for the longest domain name", () => {
    const { byService, config } = sampleSummaries();
    const { plan } = summaryPlan(byService, config, []);
    const widths = widthsOf(plan.changes, "Counts");
    const longest = Math.max(...byService.groups.flatMap((g) => g.rows.map((r) => r.domain.length)));
    expect(widths[1]).toBeGreaterThan(longest);
  });
});
