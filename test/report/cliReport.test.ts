import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openWorkbookFile } from "../../src/adapters/exceljs/files";
import { readDiagnostics } from "../../src/actions/readDiagnostics";
import { defaultConfig, validateTable } from "../../src/domain";
import { UserFacingError } from "../../src/errors";
import { reportSummaries, runReport, writeCountsCsv } from "../../src/cli/report";
import { csvLine } from "../../src/report/csv";
import { readDocx } from "./docxText";
import { sampleRows, sampleTable } from "./fixtures";

describe("report command helpers", () => {
  let dir: string;
  const config = defaultConfig({ areas: ["North", "South"] });
  const validation = validateTable(sampleTable(), config);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "td-report-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("rolls up by service always and by area when asked or when areas are filled in", () => {
    expect(reportSummaries(validation, config).byArea?.groups.map((g) => g.name)).toEqual(["North", "South"]);
    expect(reportSummaries(validation, config, { by: "service" }).byArea).toBeNull();
    const noAreas = validateTable(sampleTable(sampleRows().map((r) => r.map((v, i) => (i === 5 ? "" : v)))), config);
    expect(reportSummaries(noAreas, config).byArea).toBeNull();
    expect(reportSummaries(validation, config, { filter: { round: "none" } }).byService.groups).toEqual([]);
  });

  it("writes the report from a workbook file read as the summary command reads it", async () => {
    const input = join(dir, "visits.csv");
    const headers = sampleTable().headers as string[];
    await writeFile(input, [headers, ...sampleRows()].map((r) => csvLine(r as string[])).join(""));
    const data = await readDiagnostics(await openWorkbookFile(input));
    // -o never creates a folder (a typo would be created silently): the folder is made first.
    await mkdir(join(dir, "out"), { recursive: true });
    const output = join(dir, "out", "report.docx");
    const result = await runReport(validateTable(data.table, data.config, data.compiled), data.config, { input, output, filter: { round: "2017-18" } });
    expect(result.byService.groups.map((g) => g.name)).toEqual(["Assessment", "Safeguarding"]);
    const doc = await readDocx(await readFile(output));
    const cells = doc.tables.flat(2).map((c) => c.text);
    expect(cells).toContain("RI (5 x RI, 3 x I, 1 x G)");
    expect(cells).toContain("Requires Improvement (7 x RI, 2 x I)");
    expect(doc.paragraphs.map((p) => p.text)).toContain("Selection: round 2017-18.");
    expect(doc.paragraphs.map((p) => p.text)).toContain("Findings by area");
  });

  it("with --by area, gives the tables per area only", async () => {
    const output = join(dir, "areas.docx");
    await runReport(validation, config, { output, by: "area" });
    const doc = await readDocx(await readFile(output));
    const text = doc.paragraphs.map((p) => p.text);
    expect(text[0]).toBe("Team diagnostics: findings by area");
    expect(text).toContain("North (7 visits)");
    expect(text).not.toContain("Assessment (9 visits)");
    expect(text).toContain("Overview");
  });

  it("refuses to overwrite the input, and to give area tables when no visit has an area", async () => {
    const input = join(dir, "visits.csv");
    await expect(runReport(validation, config, { input, output: input })).rejects.toBeInstanceOf(UserFacingError);
    const noAreas = validateTable(sampleTable(sampleRows().map((r) => r.map((v, i) => (i === 5 ? "" : v)))), config);
    await expect(runReport(noAreas, config, { output: join(dir, "x.docx"), by: "area" })).rejects.toThrow(/no tables by area/);
  });

  it("reports a write it cannot make as a user-facing message", async () => {
    await expect(runReport(validation, config, { output: dir })).rejects.toThrow(/Cannot write the report/);
  });

  it("writes the Counts CSV with a byte order mark for Excel", async () => {
    const output = join(dir, "counts.csv");
    await writeCountsCsv(reportSummaries(validation, config).byService, config, output);
    const text = await readFile(output, "utf8");
    expect(text.startsWith("\uFEFFService,Quality domain,Grade,Visits\r\n")).toBe(true);
  });
});
