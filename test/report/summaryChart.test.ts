import { compileScale, defaultConfig } from "../../src/domain";
import { WorkbookChange } from "../../src/workbook/plan";
import { SheetInfo } from "../../src/workbook/port";
import { SUMMARY_CHART_NAME, summaryPlan } from "../../src/workbook/summaryPlan";
import { sampleSummaries } from "./fixtures";

type Chart = Extract<WorkbookChange, { kind: "addChart" }>;
type Values = Extract<WorkbookChange, { kind: "setValues" }>;

/** Every value written to the sheet, by address, as Excel would hold it after the plan. */
function cells(changes: WorkbookChange[], sheet: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const c of changes) {
    if (c.kind !== "setValues" || c.sheet !== sheet) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(c.topLeft)!;
    const col = m[1].charCodeAt(0) - 65;
    c.values.forEach((row, r) => row.forEach((v, i) => v !== null && out.set(`${String.fromCharCode(65 + col + i)}${Number(m[2]) + r}`, v)));
  }
  return out;
}

describe("summaryPlan chart", () => {
  const { byService, byArea, config } = sampleSummaries();

  it("adds exactly one stacked chart of the overall conclusion, series best to worst in the scale's colours", () => {
    const { plan, layout } = summaryPlan(byService, config, []);
    const charts = plan.changes.filter((c): c is Chart => c.kind === "addChart");
    expect(charts).toHaveLength(1);
    const chart = charts[0];
    expect(chart.name).toBe(SUMMARY_CHART_NAME);
    expect(chart.title).toBe("Overall conclusion by service (number of visits)");
    expect(chart.series).toEqual([
      { name: "Good (G)", colour: "8CC63F" },
      { name: "Requires Improvement (RI)", colour: "FFBF00" },
      { name: "Inadequate (I)", colour: "D4351C" },
    ]);
    const ranks = chart.series.map((s) => compileScale(config.scale).categories.findIndex((c) => s.name.startsWith(c.label)));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(layout.chart).toEqual({ name: SUMMARY_CHART_NAME, dataRange: chart.dataRange });
    // The chart comes after its data, below the tables, so a printed page keeps the tables at full width.
    expect(plan.changes.indexOf(chart)).toBeGreaterThan(plan.changes.findIndex((c) => c.kind === "setValues" && c.values[0]?.[0] === "Service"));
    expect(chart.anchor).toMatch(/^A\d+$/);
  });

  it("prints the Counts sheet's header row at the top of every page, as it freezes it on screen", () => {
    const { plan, layout } = summaryPlan(byService, config, []);
    const counts = plan.changes.filter((c) => "sheet" in c && c.sheet === layout.countsSheet);
    expect(counts).toContainEqual({ kind: "freezeRows", sheet: layout.countsSheet, rows: 1 });
    expect(counts).toContainEqual({ kind: "printTitleRows", sheet: layout.countsSheet, rows: 1 });
  });

  it("writes the numbers the chart draws below the tables: header row, then one row per service", () => {
    const { plan, layout } = summaryPlan(byService, config, []);
    const chart = plan.changes.find((c): c is Chart => c.kind === "addChart")!;
    const top = Number(/^A(\d+):/.exec(chart.dataRange)![1]) - 1;
    expect(top).toBeGreaterThan(layout.groupRows[layout.groupRows.length - 1] + 6);
    expect(chart.dataRange).toBe(`A${top + 1}:D${top + 3}`);
    const values = cells(plan.changes, layout.summarySheet);
    expect(values.get(`A${top}`)).toBe("Overall conclusion by service (number of visits)");
    const row = (r: number) => ["A", "B", "C", "D"].map((c) => values.get(`${c}${r}`));
    expect(row(top + 1)).toEqual(["Service", "Good (G)", "Requires Improvement (RI)", "Inadequate (I)"]);
    expect(row(top + 2)).toEqual(["Assessment", 0, 7, 2]);
    expect(row(top + 3)).toEqual(["Safeguarding", 2, 2, 0]);
    // The chart sits below its numbers, so it never hides them.
    expect(Number(chart.anchor.slice(1))).toBeGreaterThan(top + 3);
    // The published tables are untouched.
    const first = layout.groupRows[0];
    expect(values.get(`A${first + 1}`)).toBe("Quality domain");
    expect(values.get(`B${first + 2}`)).toBe("RI (5 x RI, 3 x I, 1 x G)");
  });

  it("is never duplicated: a refresh clears the owned sheet (charts too) before adding it again", () => {
    const first = summaryPlan(byService, config, []);
    const sheets: SheetInfo[] = [
      { name: first.layout.summarySheet, owner: "summary" },
      { name: first.layout.countsSheet, owner: "counts" },
    ];
    const { plan } = summaryPlan(byService, config, sheets);
    const clear = plan.changes.findIndex((c) => c.kind === "clearSheet" && c.sheet === first.layout.summarySheet);
    const chart = plan.changes.findIndex((c) => c.kind === "addChart");
    expect(clear).toBeGreaterThan(-1);
    expect(clear).toBeLessThan(chart);
    expect(plan.changes.filter((c) => c.kind === "addChart")).toHaveLength(1);
  });

  it("names the areas when grouped by area", () => {
    const { plan } = summaryPlan(byArea, config, []);
    const chart = plan.changes.find((c): c is Chart => c.kind === "addChart")!;
    expect(chart.title).toBe("Overall conclusion by area (number of visits)");
    expect(plan.changes.some((c) => c.kind === "setValues" && (c as Values).values[0]?.[0] === "Area")).toBe(true);
  });

  it("charts the first domain when the config has no overall conclusion", () => {
    const noOverall = defaultConfig({ areas: ["North", "South"], overall: null });
    const s = sampleSummaries(noOverall);
    const { plan } = summaryPlan(s.byService, noOverall, []);
    const chart = plan.changes.find((c): c is Chart => c.kind === "addChart")!;
    expect(chart.title).toBe("Allocation and workload by service (number of visits)");
    expect(chart.series.map((x) => x.name)).toEqual(["Outstanding (O)", "Good (G)", "Requires Improvement (RI)", "Inadequate (I)"]);
  });

  it("adds no chart when nothing was counted", () => {
    const s = sampleSummaries(config, { round: "none" });
    const { plan, layout } = summaryPlan(s.byService, config, []);
    expect(plan.changes.some((c) => c.kind === "addChart")).toBe(false);
    expect(layout.chart).toBeNull();
  });
});
