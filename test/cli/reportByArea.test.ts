/**
 * `report --by area` gave "Figure 1: Overall conclusion by service" before the figure by area, though report --help
 * says "With --by, only that grouping" (and --by service drops the area figure). Read back from the .docx: with
 * --by area there is no by-service figure, nor any table or heading by service; the overview's totals are worded
 * as across all the visits counted, which they are.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { readDocx } from "../report/docxText";
import { cli, knownRows, tempDir, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await tempDir();
  input = path.join(dir, "visits.xlsx");
  await writeXlsx(input, [{ rows: knownRows() }]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function report(...extra: string[]) {
  const out = path.join(dir, `report-${extra.join("-") || "both"}.docx`);
  const result = await cli("report", input, "-o", out, "--today", "2018-06-30", ...extra);
  expect(result.code).toBe(0);
  return readDocx(new Uint8Array(await fs.readFile(out)));
}

const captions = (doc: Awaited<ReturnType<typeof readDocx>>) => doc.paragraphs.filter((p) => p.style === "Caption").map((p) => p.text);
/** The figures' tables: the header row's first cell is "Service" or "Area", its second the bar's. */
const figureHeads = (doc: Awaited<ReturnType<typeof readDocx>>) =>
  doc.tables.filter((t) => t[0]?.[1]?.text === "Grades, best on the left").map((t) => t[0][0].text);

describe("report --by", () => {
  it("--by area: the figure by area only, numbered 1, and no heading or figure by service", async () => {
    const doc = await report("--by", "area");
    expect(captions(doc)).toEqual(["Figure 1: Overall conclusion by area (number of visits)"]);
    expect(figureHeads(doc)).toEqual(["Area"]);
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).not.toContain("Findings by service");
    expect(texts).toContain("Findings by area");
    expect(texts.filter((t) => /by service/.test(t))).toEqual([]);
    // The totals table stays, worded as what it is: every visit counted, with or without an area.
    expect(texts).toContain("How many visits were given each overall grade, across all the visits counted.");
    expect(texts).not.toContain("How many visits were given each overall grade, across all services.");
  });

  it("--by service: the figure by service only; neither --by: both, as before", async () => {
    const byService = await report("--by", "service");
    expect(captions(byService)).toEqual(["Figure 1: Overall conclusion by service (number of visits)"]);
    expect(figureHeads(byService)).toEqual(["Service"]);
    expect(byService.paragraphs.map((p) => p.text)).toContain("How many visits were given each overall grade, across all services.");
    const both = await report();
    expect(captions(both)).toEqual(["Figure 1: Overall conclusion by service (number of visits)", "Figure 2: Overall conclusion by area (number of visits)"]);
    expect(figureHeads(both)).toEqual(["Service", "Area"]);
  });

  it("report --help and the README say what --by gives", async () => {
    const help = (await cli("report", "--help")).stdout;
    expect(help).toContain("With --by, only that grouping: its tables\nand its figure.");
    const readme = await fs.readFile(path.join(__dirname, "../../README.md"), "utf8");
    expect(readme).toContain("With `--by service` or `--by area`, only that grouping's tables and figure");
  });
});
