/**
 * The round-trip budget of issue 4: at most 3 context.sync() per action at 10,000 rows, none in a loop, every
 * request and response under Excel on the web's 5 MB. Each real action runs against the Office.js adapter on the
 * emulation, over a realistic workbook (test/actions/realisticWorkbook.ts) of 10 and of 10,000 visits, and its
 * count is asserted exactly: counting is deterministic, so a change in it is a change in behaviour.
 */
import { foldLabel } from "../../src/domain";
import { SUMMARY_CHART_NAME } from "../../src/workbook/summaryPlan";
import { ACTIONS, ActionOutcomes, ActionSyncs, measureActionSyncs, syncTable } from "./syncBudget";
import { FIVE_MB, USER_SUMMARY, narrative, visit } from "./realisticWorkbook";

/** Round trips expected per action: [at 10 rows, at 10,000 rows]. */
const EXPECTED: Record<(typeof ACTIONS)[number], [number, number]> = {
  // One read (nothing to read yet), then the plan applied on the read's basis.
  "setUpWorkbook (empty workbook)": [2, 2],
  // Read (10,000 rows: the first 500 with everything else, the rest without narrative in a second sync), then apply.
  "setUpWorkbook (set-up workbook)": [2, 3],
  checkSheet: [1, 2],
  computeSummary: [1, 2],
  "computeSummaries (Word report: both groupings)": [1, 2],
  "refreshSummary (first)": [2, 3],
  "refreshSummary (again: clears its sheets and chart)": [2, 3],
  findVisits: [1, 2],
  recordVisit: [2, 3],
  // No read: one apply.
  selectCell: [1, 1],
  // With the narrative text, 10,000 visits are ~7.5 MB: the rest after the first sync comes in two responses under 4 MB.
  "loadSelectedVisit (narrative)": [1, 3],
  "loadVisitAt (narrative)": [1, 3],
  saveVisitEdit: [2, 3],
};

const measured = new Map<number, { counts: ActionSyncs[]; outcomes: ActionOutcomes }>();

beforeAll(async () => {
  for (const rows of [10, 10_000]) measured.set(rows, await measureActionSyncs(rows));
  console.log(`Round trips per action (Office.js adapter on the Excel emulation)\n${syncTable([...measured].map(([rows, m]) => ({ rows, counts: m.counts })))}`);
}, 240_000);

describe.each([
  [10, 0],
  [10_000, 1],
])("every action on a workbook of %i visits", (rows, column) => {
  const get = () => measured.get(rows)!;

  it("takes exactly the expected round trips, at most 3, each in one Excel.run", () => {
    const { counts } = get();
    expect(counts.map((c) => c.action)).toEqual([...ACTIONS]);
    expect(Object.fromEntries(counts.map((c) => [c.action, c.syncs]))).toEqual(Object.fromEntries(ACTIONS.map((a) => [a, EXPECTED[a][column]])));
    for (const c of counts) {
      expect([c.action, c.syncs <= 3]).toEqual([c.action, true]);
      // read() and apply() are one Excel.run each: an action makes one or two.
      expect([c.action, c.runs <= 2]).toEqual([c.action, true]);
    }
  });

  it("keeps every request and response under 5 MB", () => {
    for (const c of get().counts) {
      expect([c.action, Math.max(0, ...c.requests) < FIVE_MB, Math.max(0, ...c.responses) < FIVE_MB]).toEqual([c.action, true, true]);
    }
  });

  it("does the actions' work, not just few round trips", () => {
    const o = get().outcomes;
    expect(o.visitsCounted).toBe(rows);
    expect(o.problems).toBe(0);
    expect(o.found.map((f) => f.visitId)).toEqual([`V-${String(rows).padStart(5, "0")}`]);
    expect(o.recorded).toMatchObject({ ok: true, row: rows + 2 });
    // Loading for an edit reads the narrative text, also of a row beyond the first read.
    const last = visit(rows);
    expect(o.selected?.row).toBe(rows + 1);
    expect(o.selected?.form.strengths).toBe(narrative(rows, "Strength"));
    expect(o.selected?.form.recommendations).toBe(last[17]);
    expect(o.loaded?.form).toEqual(o.selected?.form);
    expect(o.saved).toEqual({ ok: true, row: rows + 1, visitId: o.edited.visitId });
    const sheet = o.workbook.sheet("Diagnostics");
    expect(sheet.cell(`P${rows + 1}`).value).toBe(o.edited.strengths);
    // Nothing else on the row moved: the other findings are as they were.
    expect(sheet.cell(`Q${rows + 1}`).value).toBe(narrative(rows, "Improve"));
    expect(o.workbook.tableValues("Diagnostics").body).toHaveLength(rows + 1);
  });

  it("refreshes the summary twice into its own sheets, leaving one chart and the user's Summary sheet untouched", () => {
    const o = get().outcomes;
    const [first, again] = o.summaries;
    expect(first.layout.summarySheet).toBe("TD Summary");
    expect(again.layout.summarySheet).toBe("TD Summary");
    expect(first.layout.countsSheet).toBe("Counts");
    const charts = o.workbook.charts();
    expect(charts.map((c) => [c.sheet.name, c.name])).toEqual([["TD Summary", SUMMARY_CHART_NAME]]);
    const user = o.workbook.sheet("Summary");
    expect(user.values("A1:A2")).toEqual(USER_SUMMARY);
    expect(user.usedAddress(false)).toBe("A1:A2");
    expect(user.charts).toEqual([]);
    expect(o.workbook.names().filter((n) => foldLabel(n.name).startsWith("td owned")).map((n) => [n.name, n.sheet])).toEqual(
      expect.arrayContaining([
        ["TD_Owned_summary", "TD Summary"],
        ["TD_Owned_counts", "Counts"],
      ]),
    );
    // The summary sheet holds aggregates only: no findings text reached it.
    const text = JSON.stringify(o.workbook.sheet("TD Summary").values(o.workbook.sheet("TD Summary").usedAddress()!));
    expect(text).not.toMatch(/managers know their children/);
  });

  it("sets up an empty workbook with the table, the lists and the dropdowns", () => {
    const wb = get().outcomes.emptySetupWorkbook;
    expect(wb.table("Diagnostics")).toBeDefined();
    expect(wb.names().map((n) => n.name)).toEqual(expect.arrayContaining(["TD_Owned_lists", "TD_Grades"]));
  });
});
