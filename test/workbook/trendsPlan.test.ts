import { refreshTrendsSheet } from "../../src/actions/trendActions";
import { setUpWorkbook } from "../../src/actions/workbookActions";
import { TrendVisit, buildTrends, compileScale, defaultConfig } from "../../src/domain";
import { findingsOf } from "../../src/presentation/glance";
import { overviewChanges } from "../../src/workbook/overviewPlan";
import { WorkbookChange } from "../../src/workbook/plan";
import { TRENDS_CHART_NAME, trendsPlan } from "../../src/workbook/trendsPlan";
import { realisticWorkbook } from "../actions/realisticWorkbook";

type Chart = Extract<WorkbookChange, { kind: "addChart" }>;

/** Every value the plan writes to a sheet, by address (columns A to Z). */
function cells(changes: WorkbookChange[], sheet: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const c of changes) {
    if (c.kind !== "setValues" || c.sheet !== sheet) continue;
    const m = /^([A-Z])(\d+)$/.exec(c.topLeft)!;
    const col = m[1].charCodeAt(0) - 65;
    c.values.forEach((row, r) => row.forEach((v, i) => v !== null && out.set(`${String.fromCharCode(65 + col + i)}${Number(m[2]) + r}`, v)));
  }
  return out;
}

const config = defaultConfig({ services: ["Safeguarding", "Assessment"] });
let n = 0;
const v = (service: string, team: string, date: string, round: string, g: string): TrendVisit => ({
  visitId: `V${++n}`,
  service,
  team,
  date,
  round,
  grades: { allocation: g, practice: g, monitoring: g, joint: g, overall: g },
});
const visits = [
  v("Safeguarding", "North", "2017-08-07", "", "RI"),
  v("Safeguarding", "South", "2017-09-07", "", "G"),
  v("Assessment", "Duty", "2017-10-07", "", "I"),
  v("Safeguarding", "North", "2018-08-07", "Round 2", "G"),
  v("Safeguarding", "South", "2018-09-07", "Round 2", "G"),
  v("Assessment", "Duty", "2018-10-07", "Round 2", "I"),
];
const trends = buildTrends(visits, config);

describe("trendsPlan", () => {
  const { plan, layout } = trendsPlan(trends, config, [], { threshold: "G", inferred: ["2017-18"] });
  const at = cells(plan.changes, "Trends");

  it("adds its own Trends sheet, with the rounds and the threshold said above the tables", () => {
    expect(plan.changes[0]).toEqual({ kind: "addSheet", sheet: "Trends", owner: "trends" });
    expect(at.get("A1")).toBe("Trends across rounds");
    expect(at.get("A2")).toBe("Rounds, earliest first: 2017-18, Round 2.");
    expect(at.get("A3")).toBe("2017-18: the financial year of visits with no Round typed.");
    expect(at.get("A4")).toBe("At or above good: visits whose overall conclusion was good or better.");
  });

  it("per service, one Grading column per round, then visits and at or above good", () => {
    const [first] = layout.groupRows;
    expect(at.get(`A${first}`)).toBe("Safeguarding");
    expect([at.get(`A${first + 1}`), at.get(`B${first + 1}`), at.get(`C${first + 1}`)]).toEqual(["Quality domain", "Grading 2017-18", "Grading Round 2"]);
    expect([at.get(`B${first + 2}`), at.get(`C${first + 2}`)]).toEqual(["RI (1 x G, 1 x RI; tie, lower grade shown)", "G (2 x G)"]);
    expect([at.get(`A${first + 7}`), at.get(`B${first + 7}`), at.get(`C${first + 7}`)]).toEqual(["Visits", 2, 2]);
    expect([at.get(`A${first + 8}`), at.get(`B${first + 8}`), at.get(`C${first + 8}`)]).toEqual(["At or above good", "1 of 2", "2 of 2"]);
    expect(at.get(`A${layout.groupRows[1]}`)).toBe("Assessment");
  });

  it("per team, the change words, one column per domain", () => {
    const h = layout.teamHeaderRow!;
    expect(["A", "B", "C", "D", "H"].map((c) => at.get(`${c}${h}`))).toEqual(["Service", "Team", "Visits", "Allocation and workload", "Overall conclusion"]);
    const rows = [1, 2, 3].map((i) => ["A", "B", "C", "H"].map((c) => at.get(`${c}${h + i}`)));
    expect(rows).toEqual([
      ["Safeguarding", "North", 2, "improved"],
      ["Safeguarding", "South", 2, "same"],
      ["Assessment", "Duty", 2, "same"],
    ]);
  });

  it("wraps a long team name in its cell rather than cut it off at the Visits column", () => {
    const h = layout.teamHeaderRow!;
    const body = plan.changes.filter((c) => c.kind === "setStyle" && c.range === `A${h}:H${h + 3}`);
    expect(body.map((c) => (c.kind === "setStyle" ? c.style : null))).toEqual([{ border: true, wrap: true, verticalAlignment: "Top" }]);
  });

  it("draws one stacked chart of visits at or above good and below, per service and round, from numbers beside it", () => {
    const charts = plan.changes.filter((c): c is Chart => c.kind === "addChart");
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ name: TRENDS_CHART_NAME, series: [{ name: "At or above good", colour: "8CC63F" }, { name: "Below good" }] });
    const top = Number(/^A(\d+):C(\d+)$/.exec(layout.chart!.dataRange)![1]);
    const block = [0, 1, 2, 3, 4].map((i) => ["A", "B", "C"].map((c) => at.get(`${c}${top + i}`)));
    expect(block).toEqual([
      ["Group and round", "At or above good", "Below good"],
      ["Safeguarding 2017-18", 1, 1],
      ["Safeguarding Round 2", 2, 0],
      ["Assessment 2017-18", 0, 1],
      ["Assessment Round 2", 0, 1],
    ]);
  });

  it("aligns the at-or-above counts as the visits above them: to the right, as Excel puts a number", () => {
    // A cell's alignment as Excel shows it: the last style over it that sets one, else right for a number, left for text.
    const col = (letters: string) => letters.charCodeAt(0) - 65;
    const shown = (address: string): string => {
      const [, c, r] = /^([A-Z])(\d+)$/.exec(address)!;
      let align = typeof at.get(address) === "number" ? "Right" : "Left";
      for (const change of plan.changes) {
        if (change.kind !== "setStyle" || change.style.horizontalAlignment === undefined) continue;
        const [, c1, r1, c2 = c1, r2 = r1] = /^([A-Z])(\d+)(?::([A-Z])(\d+))?$/.exec(change.range)!;
        if (col(c) >= col(c1) && col(c) <= col(c2) && Number(r) >= Number(r1) && Number(r) <= Number(r2)) align = change.style.horizontalAlignment;
      }
      return align;
    };
    for (const first of layout.groupRows) {
      const visits = first + 7;
      expect(at.get(`A${visits}`)).toBe("Visits");
      expect(at.get(`A${visits + 1}`)).toBe("At or above good");
      expect(["B", "C"].flatMap((c) => [shown(`${c}${visits}`), shown(`${c}${visits + 1}`)])).toEqual(["Right", "Right", "Right", "Right"]);
    }
  });

  it("never writes narrative", () => {
    expect(JSON.stringify([...at.values()])).not.toMatch(/narrative/i);
  });
});

describe("refreshTrendsSheet on the Excel emulation", () => {
  it("refreshes its sheet in place: one chart after two refreshes, a few round trips each", async () => {
    const fixture = await realisticWorkbook(10);
    try {
      await setUpWorkbook(fixture.port);
      const before = fixture.emulation.syncCount();
      const first = await refreshTrendsSheet(fixture.port);
      const firstSyncs = fixture.emulation.syncCount() - before;
      const again = await refreshTrendsSheet(fixture.port);
      expect(again.layout.sheet).toBe(first.layout.sheet);
      expect(fixture.workbook.charts().filter((c) => c.name === TRENDS_CHART_NAME)).toHaveLength(1);
      expect(fixture.workbook.sheetNames().filter((s) => /Trends/.test(s))).toEqual(["Trends"]);
      expect(fixture.workbook.sheet("Trends").cell("A1").value).toBe("Trends across rounds");
      expect(firstSyncs).toBeLessThanOrEqual(3);
      // The Overview sheet, written in the same plan: findings first, then the matrix, overall last.
      expect(fixture.workbook.sheetNames().filter((s) => /Overview/.test(s))).toEqual(["Overview"]);
      const overview = fixture.workbook.sheet("Overview");
      expect(overview.cell("A1").value).toBe("Key findings");
      const texts = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((r) => String(overview.cell(`A${r}`).value ?? ""));
      expect(texts.indexOf("At a glance")).toBeGreaterThan(1);
      expect(texts.some((t) => /^(Most|All|More|As many) teams/.test(t) || / teams /.test(t))).toBe(true);
    } finally {
      fixture.emulation.uninstall();
    }
  });
});

describe("overview (at a glance and key findings)", () => {
  const compiled = compileScale(config.scale);
  const findings = findingsOf(trends, config, compiled, "G");
  const { changes, sheet, glanceRow } = overviewChanges(trends, config, [], findings);
  const at = cells(changes, sheet);

  it("opens with sentences from the figures, each with the table it comes from", () => {
    expect(findings.map((f) => f.text)).toEqual([
      "In Round 2, most teams (2 of 3) were graded as good.",
      // Safeguarding's change rests on 2 visits in a round: below LARGEST_CHANGE_MIN_VISITS, so not "the largest change".
    ]);
    expect([at.get("A2"), at.get("B2")]).toEqual(["In Round 2, most teams (2 of 3) were graded as good.", "See At a glance: Overall conclusion column (Round 2)"]);
    const change = overviewChanges(trends, config, [], [{ text: "A change.", source: { table: "trends", group: "Safeguarding" } }]);
    expect(cells(change.changes, change.sheet).get("B2")).toBe("See Trends: Safeguarding, At or above row");
  });

  it("services by domains in the latest round, the overall column last, with arrows for the change", () => {
    expect(at.get(`A${glanceRow - 1}`)).toBe("Headline grade per service and domain in Round 2, with the number of visits in brackets, no judgement included. ▲ better, ▼ worse, = same as in 2017-18.");
    expect(["A", "B", "F"].map((c) => at.get(`${c}${glanceRow}`))).toEqual(["Service", "Allocation and workload", "Overall conclusion"]);
    expect(["A", "B", "F"].map((c) => at.get(`${c}${glanceRow + 1}`))).toEqual(["Safeguarding", "G (2) ▲", "G (2) ▲"]);
    expect(["A", "B", "F"].map((c) => at.get(`${c}${glanceRow + 2}`))).toEqual(["Assessment", "I (1) =", "I (1) ="]);
    const fills = changes.filter((c) => c.kind === "setStyle" && c.range === `B${glanceRow + 1}`);
    expect(fills).toEqual([{ kind: "setStyle", sheet, range: `B${glanceRow + 1}`, style: { fill: "8CC63F", fontColour: "000000", horizontalAlignment: "Center" } }]);
  });
});
