import { loadWorkbookForEditing } from "../../src/adapters/exceljs/files";
import { plainValue } from "../../src/adapters/exceljs/excelJsWorkbook";
import { reportTrends } from "../../src/actions/trendActions";
import { compileScale, defaultConfig, rollUp, validateTable } from "../../src/domain";
import { buildSummaryWorkbook } from "../../src/taskpane/summaryWorkbook";
import { WorkbookChange } from "../../src/workbook/plan";
import { storedFingerprint, summaryPlan } from "../../src/workbook/summaryPlan";
import { sampleRows, sampleTable } from "../report/fixtures";

type Chart = Extract<WorkbookChange, { kind: "addChart" }>;

/** A word no grading rule could produce: it is in every Strengths cell and must reach no output. */
const UNIQUE = "Quizzicalorb";

/**
 * Two rounds: the sample's 2017-18 visits (Assessment 9, Safeguarding 4), then 2018-19: Assessment 3 visits (overall
 * G, G, RI) and Safeguarding 2 (G, G). Every Strengths cell holds the unique word.
 */
function twoRounds() {
  const rows = sampleRows().map((r) => r.map((v, i) => (i === 12 && typeof v === "string" && v !== "" ? `${v} ${UNIQUE}` : v)));
  const later = (id: string, date: string, service: string, team: string, grades: string[]) => [id, date, "2018-19", service, team, "", "M. Manager", ...grades, `Strong ${UNIQUE} practice`, "Final"];
  rows.push(
    later("A10", "01/08/2018", "Assessment", "Assessment team 1", ["G", "G", "RI", "G", "G"]),
    later("A11", "02/08/2018", "Assessment", "Assessment team 2", ["G", "RI", "RI", "G", "G"]),
    later("A12", "03/08/2018", "Assessment", "Assessment team 3", ["RI", "RI", "RI", "G", "RI"]),
    later("S10", "10/09/2018", "Safeguarding", "Safeguarding team 1", ["G", "G", "G", "O", "G"]),
    later("S11", "11/09/2018", "Safeguarding", "Safeguarding team 2", ["G", "G", "G", "O", "G"]),
  );
  const config = defaultConfig({ areas: ["North", "South"] });
  const validation = validateTable(sampleTable(rows), config);
  const summary = rollUp(validation, config, { by: "service" });
  return { config, summary, opening: reportTrends(validation, config, {}, "service") };
}

/** Every value the plan leaves on a sheet, by address, later writes winning (nulls empty a cell). */
function cells(changes: WorkbookChange[], sheet: string): Map<string, string | number | boolean> {
  const out = new Map<string, string | number | boolean>();
  for (const c of changes) {
    if (c.kind !== "setValues" || c.sheet !== sheet) continue;
    const m = /^([A-Z])(\d+)$/.exec(c.topLeft)!;
    const col = m[1].charCodeAt(0) - 65;
    c.values.forEach((row, r) =>
      row.forEach((v, i) => {
        const key = `${String.fromCharCode(65 + col + i)}${Number(m[2]) + r}`;
        if (v === null) out.delete(key);
        else out.set(key, v);
      }),
    );
  }
  return out;
}

/** The sheet's rows as arrays, A to H, from row 1 to the last written. */
function rowsOf(at: Map<string, unknown>): unknown[][] {
  const last = Math.max(...[...at.keys()].map((k) => Number(k.slice(1))));
  return Array.from({ length: last }, (_, r) => "ABCDEFGH".split("").map((c) => at.get(`${c}${r + 1}`) ?? null));
}

describe("the Summary sheet opens with the key findings and the picture at a glance", () => {
  const { config, summary, opening } = twoRounds();
  const { plan, layout } = summaryPlan(summary, config, [], null, "abc123", opening);
  const sheet = layout.summarySheet;
  const at = cells(plan.changes, sheet);
  const rows = rowsOf(at);
  const o = layout.opening!;

  it("key findings first, in words from the figures, each naming a table on this sheet", () => {
    expect(at.get("A1")).toBe("Key findings");
    expect([2, 3, 4].map((r) => [at.get(`A${r}`), at.get(`B${r}`)])).toEqual([
      ["In 2018-19, most teams (4 of 5) were graded as good.", "See At a glance: Overall conclusion column (2018-19)"],
      ["In 2018-19, Safeguarding stands out: 2 of its 2 teams were graded as good or better, against 4 of 5 across all services.", "See At or above good, per round: Safeguarding row"],
      [
        "The largest change since 2017-18 was in Assessment, where the share of teams graded as good or better rose from 0 of 9 to 2 of 3.",
        "See At or above good, per round: Assessment row",
      ],
    ]);
    // Every "See X: Y row/column" names a heading on the sheet, and its row or column is there.
    for (const r of [2, 3, 4]) {
      const [, table, part] = /^See (.+?): (.+?) (row|column)/.exec(String(at.get(`B${r}`)))!;
      const top = rows.findIndex((row) => row[0] === table);
      expect(top).toBeGreaterThan(-1);
      const below = rows.slice(top, top + 12);
      expect(below.some((row) => row.includes(part))).toBe(true);
    }
  });

  it("the matrix: services by short domain labels, overall last, the latest round's headline and visits with the change", () => {
    expect(at.get(`A${o.glanceRow - 2}`)).toBe("At a glance");
    expect(at.get(`A${o.glanceRow - 1}`)).toBe("Headline grade per service and domain in 2018-19, with the number of visits in brackets, no judgement included. ▲ better, ▼ worse, = same as in 2017-18.");
    expect(rows[o.glanceRow - 1].slice(0, 6)).toEqual(["Service", "Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"]);
    // Assessment 2018-19: allocation G (2 of 3) was RI; practice RI (2) was I; monitoring RI (3) was RI / I; joint G was RI; overall G was RI.
    expect(rows[o.glanceRow].slice(0, 6)).toEqual(["Assessment", "G (3) ▲", "RI (3) ▲", "RI (3) ▲", "G (3) ▲", "G (3) ▲"]);
    // Safeguarding 2018-19: G, G, G, O, G; in 2017-18 allocation G, practice a tie (G / O / G: lower G), monitoring G, joint O, overall a G/RI tie (lower: RI).
    expect(rows[o.glanceRow + 1].slice(0, 6)).toEqual(["Safeguarding", "G (2) =", "G (2) =", "G (2) =", "O (2) =", "G (2) ▲"]);
    const fill = (address: string) => plan.changes.find((c) => c.kind === "setStyle" && c.range === address && c.style.fill);
    expect(fill(`F${o.glanceRow + 1}`)).toMatchObject({ style: { fill: "8CC63F", fontColour: "000000" } });
    expect(fill(`E${o.glanceRow + 2}`)).toMatchObject({ style: { fill: compileScale(config.scale).byCode.get("O")!.colour } });
  });

  it("then the visits at or above good per round, the figures behind the findings", () => {
    expect(at.get(`A${o.atOrAboveRow! - 1}`)).toBe("At or above good, per round");
    expect(rows.slice(o.atOrAboveRow! - 1, o.atOrAboveRow! + 2).map((r) => r.slice(0, 3))).toEqual([
      ["Service", "2017-18", "2018-19"],
      ["Assessment", "0 of 9", "2 of 3"],
      ["Safeguarding", "2 of 4", "2 of 2"],
    ]);
  });

  it("then the published tables as before, the chart's numbers and the chart below them, and the fingerprint still in D1", () => {
    expect(o.titleRow).toBeGreaterThan(o.atOrAboveRow! + 2);
    expect(at.get(`A${o.titleRow}`)).toBe("Team diagnostics: findings by service");
    expect(plan.changes).toContainEqual({ kind: "setStyle", sheet, range: `A${o.titleRow}`, style: { bold: true, fontSize: 14 } });
    const [first] = layout.groupRows;
    expect(first).toBeGreaterThan(o.titleRow);
    expect([at.get(`A${first}`), at.get(`A${first + 1}`), at.get(`B${first + 1}`)]).toEqual(["Assessment (12 visits)", "Quality domain", "Grading"]);
    const chart = plan.changes.find((c): c is Chart => c.kind === "addChart")!;
    const top = Number(/^A(\d+):/.exec(chart.dataRange)![1]);
    expect(top).toBeGreaterThan(layout.groupRows[layout.groupRows.length - 1] + 6);
    expect(at.get(`A${top}`)).toBe("Service");
    expect(Number(chart.anchor.slice(1))).toBeGreaterThan(top + 2);
    expect(storedFingerprint(rows.map((r) => r.map((v) => (v === null ? "" : (v as string)))))).toBe("abc123");
  });

  it("never carries narrative: the word in every Strengths cell is nowhere in the plan", () => {
    expect(JSON.stringify(plan)).not.toContain(UNIQUE);
    expect(JSON.stringify(plan)).not.toContain("Narrative");
  });

  it("without trends (or with nothing counted) the sheet starts with its title in A1, as before", () => {
    const plain = summaryPlan(summary, config, []);
    expect(cells(plain.plan.changes, sheet).get("A1")).toBe("Team diagnostics: findings by service");
    expect(plain.layout.opening).toBeNull();
    const none = summaryPlan(summary, config, [], null, undefined, { ...opening, trends: { ...opening.trends, rounds: [], services: [] } });
    expect(none.layout.opening).toBeNull();
  });
});

describe("the summary workbook (ExcelJS) opens with the same block, colours as cell fills", () => {
  it("has Key findings in A1, the matrix with filled cells, the tables below, and no narrative", async () => {
    const { config, summary, opening } = twoRounds();
    const { layout } = summaryPlan(summary, config, [], null, undefined, opening);
    const bytes = await buildSummaryWorkbook(summary, config, opening);
    const { workbook } = await loadWorkbookForEditing(Buffer.from(bytes));
    const ws = workbook.getWorksheet("Summary")!;
    const text = (address: string) => plainValue(ws.getCell(address).value);
    expect(text("A1")).toBe("Key findings");
    const g = layout.opening!.glanceRow;
    expect([text(`A${g}`), text(`F${g}`)]).toEqual(["Service", "Overall conclusion"]);
    expect([text(`A${g + 1}`), text(`F${g + 1}`)]).toEqual(["Assessment", "G (3) ▲"]);
    const fill = ws.getCell(`F${g + 1}`).fill as { type: string; fgColor?: { argb?: string } };
    expect(fill.type).toBe("pattern");
    expect(fill.fgColor?.argb?.slice(-6)).toBe("8CC63F");
    expect(text(`A${layout.groupRows[0] + 1}`)).toBe("Quality domain");
    const all: string[] = [];
    workbook.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => all.push(String(plainValue(c.value) ?? "")))));
    expect(all.join("\n")).not.toContain(UNIQUE);
  });
});

describe("Refresh summary on the Excel emulation", () => {
  it("writes the block at the top of its Summary sheet and anchors the chart below the numbers it draws, which moved down with it", async () => {
    const { realisticWorkbook } = await import("../actions/realisticWorkbook");
    const { refreshSummary, setUpWorkbook } = await import("../../src/actions/workbookActions");
    const { SUMMARY_CHART_NAME } = await import("../../src/workbook/summaryPlan");
    const fixture = await realisticWorkbook(40);
    try {
      await setUpWorkbook(fixture.port);
      const { layout } = await refreshSummary(fixture.port);
      const sheet = fixture.workbook.sheet(layout.summarySheet);
      expect(sheet.cell("A1").value).toBe("Key findings");
      expect(sheet.cell(`A${layout.opening!.glanceRow}`).value).toBe("Service");
      expect(sheet.cell(`A${layout.opening!.titleRow}`).value).toBe("Team diagnostics: findings by service");
      const [chart] = fixture.workbook.charts().filter((c) => c.name === SUMMARY_CHART_NAME);
      const dataTop = Number(/^A(\d+):/.exec(layout.chart!.dataRange)![1]);
      expect(dataTop).toBeGreaterThan(layout.groupRows[layout.groupRows.length - 1]);
      expect(sheet.cell(`A${dataTop}`).value).toBe("Service");
      // The emulation keeps the anchor cell the plan gave: below the chart's numbers.
      expect(Number(/\d+$/.exec(chart.anchor!)![0])).toBeGreaterThan(chart.source.r1 + 1); // r1: the 0-based last row of its data
    } finally {
      fixture.emulation.uninstall();
    }
  });
});
