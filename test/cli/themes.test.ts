/**
 * Recurring themes (issue 12) end to end on the command line: the theme columns read from a workbook, counted per
 * service in `summary --json`, on the summary workbook's Summary sheet and in the Word report, with the key finding
 * on the most frequent theme; theme names and counts only, never a word of the text they came from.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { VISIT_THEME_COLUMNS } from "../../src/domain";
import { readDocx } from "../report/docxText";
import { HEADERS, Row, cli, tempDir, visit, writeXlsx } from "./fixtures";

const [STRENGTHS, AREAS] = VISIT_THEME_COLUMNS.map((c) => c.header);
/** A word planted in the narrative: it must reach no output. */
const PLANTED = "Zanzibarquokka";

let dir: string;
let themed: string;
let plain: string;

const rows = (): Row[] => [
  visit("Safeguarding", ["RI", "RI", "RI", "RI", "RI"], { Team: "North 1", Strengths: `Planning is ${PLANTED}-strong.`, [STRENGTHS]: "Planning", [AREAS]: "Timeliness; Management oversight and supervision" }),
  visit("Safeguarding", ["RI", "RI", "RI", "RI", "RI"], { Team: "North 2", "Areas for improvement": `Late ${PLANTED} visits.`, [AREAS]: "timeliness; Our own theme" }),
  visit("Assessment", ["G", "G", "G", "G", "G"], { Team: "East 1", [STRENGTHS]: "Planning" }),
];

beforeAll(async () => {
  dir = await tempDir();
  themed = path.join(dir, "themed.xlsx");
  plain = path.join(dir, "plain.xlsx");
  await writeXlsx(themed, [{ rows: rows(), headers: [...HEADERS, STRENGTHS, AREAS], table: "Diagnostics" }]);
  await writeXlsx(plain, [{ rows: rows(), table: "Diagnostics" }]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// In the summary's order of services (alphabetical here: the workbook has no Lists sheet).
const EXPECTED = [
  { service: "Assessment", themes: [{ theme: "Planning", asStrength: 1, asAreaForImprovement: 0 }] },
  {
    service: "Safeguarding",
    themes: [
      { theme: "Timeliness", asStrength: 0, asAreaForImprovement: 2 },
      { theme: "Management oversight and supervision", asStrength: 0, asAreaForImprovement: 1 },
      { theme: "Our own theme", asStrength: 0, asAreaForImprovement: 1 },
      { theme: "Planning", asStrength: 1, asAreaForImprovement: 0 },
    ],
  },
];

it("summary --json counts teams per theme and service, most frequent first, only when the workbook has a theme column", async () => {
  const result = await cli("summary", themed, "--json");
  expect(result.code).toBe(0);
  const json = JSON.parse(result.stdout);
  expect(json.themes).toEqual(EXPECTED);
  expect(result.stdout).not.toContain(PLANTED);
  // The name not on the list is a warning naming its cell (T3), in validate too.
  expect(json.problems).toEqual([
    { sheet: "Diagnostics", row: 3, column: AREAS, cell: "T3", message: 'Theme "Our own theme" is not on the list of themes on the Lists sheet.' },
  ]);
  const validate = await cli("validate", themed);
  expect(validate.stdout + validate.stderr).toContain('Diagnostics!T3 (warning): Theme "Our own theme" is not on the list of themes on the Lists sheet.');

  const without = JSON.parse((await cli("summary", plain, "--json")).stdout);
  expect(without).not.toHaveProperty("themes");

  // Several workbooks consolidated: the themes of those that have the columns.
  const both = JSON.parse((await cli("summary", themed, plain, "--json")).stdout);
  expect(both.themes).toEqual(EXPECTED);
  expect(both.services.map((s: { visits: number }) => s.visits)).toEqual([2, 4]);
});

it("the summary workbook's Summary sheet has the themes section, counts only", async () => {
  const output = path.join(dir, "summary.xlsx");
  expect((await cli("summary", themed, "--output", output)).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  const sheet = wb.getWorksheet("Summary")!;
  const grid: unknown[][] = [];
  sheet.eachRow((row, r) => (grid[r - 1] = (row.values as unknown[]).slice(1, 4)));
  const at = grid.findIndex((r) => r?.[0] === "Recurring themes");
  expect(at).toBeGreaterThan(0);
  expect(grid.slice(at + 2, at + 13)).toEqual([
    ["Assessment"],
    ["Theme", "Strength (teams)", "Area for improvement (teams)"],
    ["Planning", 1, 0],
    undefined,
    ["Safeguarding"],
    ["Theme", "Strength (teams)", "Area for improvement (teams)"],
    ["Timeliness", 0, 2],
    ["Management oversight and supervision", 0, 1],
    ["Our own theme", 0, 1],
    ["Planning", 1, 0],
  ]);
  let everything = "";
  wb.eachSheet((ws) => ws.eachRow((row) => (everything += JSON.stringify(row.values))));
  expect(everything).not.toContain(PLANTED);
});

it("the Word report has a Recurring themes section and the key findings on the top themes, and no word of the findings", async () => {
  const output = path.join(dir, "report.docx");
  const result = await cli("report", themed, "--output", output);
  expect(result.code).toBe(0);
  const doc = await readDocx(await fs.readFile(output));
  const paragraphs = doc.paragraphs.map((p) => p.text);
  expect(paragraphs).toContain("Recurring themes");
  const tables = doc.tables.filter((t) => t[0]?.[0]?.text === "Theme").map((t) => t.map((r) => r.map((c) => c.text)));
  expect(paragraphs.slice(paragraphs.indexOf("Recurring themes"), paragraphs.indexOf("Recurring themes") + 4)).toEqual([
    "Recurring themes",
    "Per service, how many teams each theme was raised for, as a strength and as an area for improvement, most frequent first. Theme names and counts only.",
    "Assessment",
    "Safeguarding",
  ]);
  expect(tables[0]).toEqual([
    ["Theme", "Strength (teams)", "Area for improvement (teams)"],
    ["Planning", "1", "0"],
  ]);
  expect(tables[1]).toEqual([
    ["Theme", "Strength (teams)", "Area for improvement (teams)"],
    ["Timeliness", "0", "2"],
    ["Management oversight and supervision", "0", "1"],
    ["Our own theme", "0", "1"],
    ["Planning", "1", "0"],
  ]);
  expect(doc.xml).not.toContain(PLANTED);
  // The key findings open the report: the most frequent theme on each side, fed from the same counts.
  expect(paragraphs).toContain("The theme raised most often as an area for improvement was timeliness (2 teams). (See Recurring themes: Timeliness.)");
  expect(paragraphs).toContain("The theme raised most often as a strength was planning (2 teams). (See Recurring themes: Planning.)");
});
