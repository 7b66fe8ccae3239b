/**
 * The Word outputs' tables give each header word and each date room on one line, at A4 portrait with the reports'
 * margins, so neither Word nor LibreOffice breaks one inside itself ("Monitorin g", "Tota l", "10/01/201 8"). The
 * widths are fixed (w:tblLayout fixed), so both programs keep them rather than autofitting each its own way.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { compileScale, defaultConfig, emptyVisitForm } from "../../src/domain";
import { buildFeedbackReport } from "../../src/report/feedbackReport";
import { buildWordReport } from "../../src/report/wordReport";
import { readDocx } from "./docxText";
import { sampleSummaries } from "./fixtures";
import { cramped, haveFonts, measure } from "./tableRoom";
import { cli, tempDir } from "../cli/fixtures";

jest.setTimeout(60_000);

const EXAMPLE = path.join(__dirname, "../../examples/diagnostics-example.xlsx");
/** A4 (11906 twips) less two 2 cm margins (1134 twips each). */
const TEXT_WIDTH = 11906 - 2 * 1134;

(haveFonts ? describe : describe.skip)("room for header words and dates in the Word tables (measured in DejaVu Sans)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  async function written(...argv: string[]): Promise<string> {
    const output = path.join(dir, `${argv[0]}.docx`);
    const result = await cli(...argv, "-o", output, "--today", "2018-01-10");
    expect(result.code).toBe(0);
    return (await readDocx(await fs.readFile(output))).xml;
  }

  function fixedAndInside(xml: string): string[] {
    return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].flatMap(([, tbl], t) => {
      const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      const cells = [...tbl.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map(([, tr]) => [...tr.matchAll(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/g)].map((m) => Number(m[1])));
      const problems: string[] = [];
      if (!/<w:tblLayout w:type="fixed"\/>/.test(tbl)) problems.push(`table ${t + 1} is not fixed`);
      if (grid.reduce((a, b) => a + b, 0) > TEXT_WIDTH) problems.push(`table ${t + 1} is wider than the text`);
      if (cells.some((row) => row.join() !== grid.join())) problems.push(`table ${t + 1}: a row's cell widths are not the grid's`);
      return problems;
    });
  }

  it("measures as the font does (the check itself): Monitoring in bold 11 pt is wider than 1,300 twips", () => {
    expect(measure("Monitoring", true, 22)).toBeGreaterThan(1300);
    expect(measure("Monitoring", false, 22)).toBeLessThan(measure("Monitoring", true, 22));
  });

  it("report: every header word fits its column (at a glance, action plans, the figures and the rest)", async () => {
    const xml = await written("report", EXAMPLE);
    expect(xml).toContain("Monitoring and supervision");
    expect(xml).toContain(">Complete<");
    expect(cramped(xml)).toEqual([]);
    expect(fixedAndInside(xml)).toEqual([]);
  });

  it("feedback: every header word and the due dates fit their columns", async () => {
    const xml = await written("feedback", EXAMPLE, "--visit", "TD-2017-007");
    expect(xml).toContain("14/02/2018"); // the action's due date
    expect(cramped(xml)).toEqual([]);
    expect(fixedAndInside(xml)).toEqual([]);
  });

  it("report: the moderation table's headers fit too", async () => {
    const { byService, config } = sampleSummaries();
    const moderation = [{ service: "Children in need and child protection", up: 12, down: 3, other: 1 }];
    const xml = (await readDocx(await buildWordReport({ byService, byArea: null, config, moderation }))).xml;
    expect(xml).toContain("To or from no judgement");
    expect(cramped(xml)).toEqual([]);
    expect(fixedAndInside(xml)).toEqual([]);
  });

  it("feedback: a deep dive's action plan, its owners long, keeps every due date whole", async () => {
    const config = defaultConfig();
    const action = (n: number, owner: string, dueDate: string) => ({
      actionId: `TD-0030-A${n}`, visitId: "TD-0030", service: "Fostering", team: "", recommendation: "Recruit more foster carers.",
      action: "Run a recruitment campaign.", owner, dueDate, status: "Not started", progress: "", completedDate: "",
    });
    const visit = { ...emptyVisitForm(config), visitId: "TD-0030", visitDate: "2018-02-12", service: "Fostering", status: "Final", visitType: "Deep dive" };
    const bytes = await buildFeedbackReport({
      visit, config, compiled: compileScale(config.scale), today: "2018-03-01",
      actions: [action(1, "Head of Safeguarding and Quality Assurance", "2018-12-31"), action(2, "Principal social worker", "2018-10-01")],
    });
    const xml = (await readDocx(bytes)).xml;
    expect(xml).toContain("31/12/2018");
    expect(cramped(xml)).toEqual([]);
    expect(fixedAndInside(xml)).toEqual([]);
  });
});
