import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { AUG_7_2017, HEADERS, cli, csvText, knownRows, tempDir, visit, writeXlsx } from "./fixtures";

const ALLOCATION = "Effectiveness of case allocation and workload management arrangements";
const PRACTICE = "Quality of practice and direct work with children and families including recording";
const MONITORING = "Quality of performance monitoring and supervisory arrangements";
const JOINT = "Effectiveness of joint working between social care and other agencies";
const OVERALL = "Overall conclusion";
const MISTYPED =
  '"Requires Imprvement" is not a grade on the Ofsted four-point scale (O, O / G, G, G / RI, RI, RI / I, I, No judgement).';

const row = (domain: string, headline: string, counts: Record<string, number>, text: string) => ({
  domain,
  headline,
  tie: false,
  counts,
  text,
});

/** The JSON document for knownRows(), written out in full: this is the published interface. */
const EXPECTED = {
  base: {
    visits: 14,
    drafts: 1,
    excluded: [{ sheet: "Diagnostics", row: 17, reasons: ["I17: Allocation and workload grade is not on the scale."] }],
    round: null,
    from: null,
    to: null,
    rounds: ["1"],
    firstVisit: "2017-08-07",
    lastVisit: "2017-08-07",
    filteredOut: 0,
  },
  services: [
    {
      service: "Assessment",
      visits: 2,
      rows: [ALLOCATION, PRACTICE, MONITORING, JOINT, OVERALL].map((d) => row(d, "RI / I", { "RI / I": 2 }, "RI / I (2 x RI / I)")),
    },
    {
      service: "Children in care",
      visits: 3,
      rows: [
        row(ALLOCATION, "G", { G: 3 }, "G (3 x G)"),
        row(PRACTICE, "I", { I: 2, RI: 1 }, "I (2 x I, 1 x RI)"),
        row(MONITORING, "G", { G: 3 }, "G (3 x G)"),
        row(JOINT, "G", { G: 3 }, "G (3 x G)"),
        row(OVERALL, "G", { G: 3 }, "Good (3 x G)"),
      ],
    },
    {
      service: "Safeguarding",
      visits: 9,
      rows: [
        row(ALLOCATION, "RI", { RI: 5, I: 3, G: 1 }, "RI (5 x RI, 3 x I, 1 x G)"),
        row(PRACTICE, "G", { G: 9 }, "G (9 x G)"),
        row(MONITORING, "RI", { RI: 9 }, "RI (9 x RI)"),
        row(JOINT, "RI", { RI: 6, "No judgement": 3 }, "RI (6 x RI, 3 x no judgement)"),
        row(OVERALL, "RI", { RI: 7, I: 2 }, "Requires Improvement (7 x RI, 2 x I)"),
      ],
    },
  ],
  problems: [{ sheet: "Diagnostics", row: 17, column: "Allocation and workload", cell: "I17", message: MISTYPED }],
};

let dir: string;
let known: string;

beforeAll(async () => {
  dir = await tempDir();
  known = path.join(dir, "known.xlsx");
  await writeXlsx(known, [{ rows: knownRows() }]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("summary --json", () => {
  it("produces exactly the published JSON document for a known dataset", async () => {
    const result = await cli("summary", known, "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(EXPECTED);
    // Key order is part of the document: counts largest first.
    expect(result.stdout).toContain('"counts": {\n            "RI": 5,\n            "I": 3,\n            "G": 1\n          }');
  });

  it("puts only JSON on stdout and the problems, in human form, on stderr", async () => {
    const result = await cli("summary", known, "--json");
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toContain(`Diagnostics!I17: ${MISTYPED}\n`);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("exits 1 with --strict when there are problems, 0 without", async () => {
    expect((await cli("summary", known, "--json", "--strict")).code).toBe(1);
    const clean = path.join(dir, "clean.xlsx");
    await writeXlsx(clean, [{ rows: knownRows().slice(0, 14) }]);
    const result = await cli("summary", clean, "--strict", "--json");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });

  it("groups by area with the areas key", async () => {
    const result = await cli("summary", known, "--json", "--by", "area");
    const doc = JSON.parse(result.stdout);
    expect(doc.services).toBeUndefined();
    expect(doc.areas.map((a: { area: string; visits: number }) => [a.area, a.visits])).toEqual([
      ["North", 7],
      ["South", 7],
    ]);
  });

  it("settles ties by --tie and flags them", async () => {
    const file = path.join(dir, "tie.xlsx");
    await writeXlsx(file, [{ rows: [visit("Assessment", ["G", "G", "G", "G", "G"]), visit("Assessment", ["I", "I", "I", "I", "I"])] }]);
    const cautious = JSON.parse((await cli("summary", file, "--json")).stdout);
    expect(cautious.services[0].rows[4]).toEqual({
      domain: OVERALL,
      headline: "I",
      tie: true,
      counts: { G: 1, I: 1 },
      text: "Inadequate (1 x G, 1 x I; tie, lower grade shown)",
    });
    const adjacent = path.join(dir, "tie-adjacent.xlsx");
    await writeXlsx(adjacent, [{ rows: [visit("Assessment", ["RI", "RI", "RI", "RI", "RI"]), visit("Assessment", ["I", "I", "I", "I", "I"])] }]);
    const split = JSON.parse((await cli("summary", adjacent, "--json", "--tie", "split")).stdout);
    expect(split.services[0].rows[0]).toEqual({
      domain: ALLOCATION,
      headline: "RI / I",
      tie: true,
      counts: { RI: 1, I: 1 },
      text: "RI / I (1 x RI, 1 x I; tie, split grade shown)",
    });
    const wrong = await cli("summary", adjacent, "--tie", "middle");
    expect(wrong).toEqual({ code: 2, stdout: "", stderr: '--tie must be "cautious" or "split", not "middle".\n' });
  });

  it("filters by round and by British or ISO dates", async () => {
    const file = path.join(dir, "dates.xlsx");
    await writeXlsx(file, [
      {
        rows: [
          visit("Assessment", ["G", "G", "G", "G", "G"], { "Visit date": new Date(Date.UTC(2017, 0, 10)), Round: "1" }),
          visit("Assessment", ["I", "I", "I", "I", "I"], { "Visit date": new Date(Date.UTC(2018, 5, 1)), Round: "2" }),
          visit("Assessment", ["RI", "RI", "RI", "RI", "RI"], { "Visit date": new Date(Date.UTC(2018, 6, 8)), Round: "2" }),
        ],
      },
    ]);
    const from = JSON.parse((await cli("summary", file, "--json", "--from", "01/06/2018", "--to", "2018-06-30")).stdout);
    expect(from.base).toMatchObject({ visits: 1, from: "2018-06-01", to: "2018-06-30", filteredOut: 2 });
    expect(from.services[0].rows[4].text).toBe("Inadequate (1 x I)");
    const round = JSON.parse((await cli("summary", file, "--json", "--round", "2")).stdout);
    expect(round.base).toMatchObject({ visits: 2, round: "2", rounds: ["2"] });
    const bad = await cli("summary", file, "--from", "31/02/2018");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('--from "31/02/2018" is not a date: write it as dd/mm/yyyy, for example 07/08/2017.\n');
  });
});

describe("reading workbooks", () => {
  it("finds the header below title rows, with columns in any order and extra columns", async () => {
    const file = path.join(dir, "titles.xlsx");
    const headers = ["Notes", ...[...HEADERS].reverse()];
    await writeXlsx(file, [
      { name: "Cover", rows: [], headers: ["About"], titles: [["Team diagnostics 2017-18"]] },
      {
        name: "Visits 2017",
        titles: [["Children's services team diagnostics"], ["Programme 2017-18"], []],
        headers,
        rows: knownRows().map((r) => (r.Service ? { ...r, Notes: "ignored" } : r)),
      },
    ]);
    const result = await cli("summary", file, "--json");
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.services).toEqual(EXPECTED.services);
    // Row numbers and cells are the sheet's own: header on row 4, column order reversed.
    expect(doc.problems).toEqual([
      // K since the Visit type column (issue 11 §4) is one of the reversed headers.
      { sheet: "Visits 2017", row: 20, column: "Allocation and workload", cell: "K20", message: MISTYPED },
    ]);
  });

  it("reads the Excel table named Diagnostics wherever it is", async () => {
    const file = path.join(dir, "table.xlsx");
    await writeXlsx(file, [
      { name: "Notes", rows: [], headers: ["Service", "Team"] },
      { name: "Data", rows: knownRows(), table: "Diagnostics", titles: [["Title"]] },
    ]);
    const doc = JSON.parse((await cli("summary", file, "--json")).stdout);
    expect(doc.services).toEqual(EXPECTED.services);
    expect(doc.problems[0]).toMatchObject({ sheet: "Data", row: 18, cell: "I18" });
  });

  it("reads dates as real dates, Excel serials or British text (with a warning for text)", async () => {
    const file = path.join(dir, "mixed-dates.xlsx");
    await writeXlsx(file, [
      {
        rows: [
          visit("Assessment", ["G", "G", "G", "G", "G"], { "Visit date": AUG_7_2017 }),
          visit("Assessment", ["G", "G", "G", "G", "G"], { "Visit date": 42954 }),
          visit("Assessment", ["G", "G", "G", "G", "G"], { "Visit date": "07/08/2017" }),
          visit("Assessment", ["G", "G", "G", "G", "G"], { "Visit date": "8/7/2017" }),
        ],
      },
    ]);
    const result = await cli("summary", file, "--json", "--from", "07/08/2017", "--to", "07/08/2017");
    const doc = JSON.parse(result.stdout);
    expect(doc.base).toMatchObject({ visits: 3, filteredOut: 1, firstVisit: "2017-08-07", lastVisit: "2017-08-07" });
    expect(doc.problems.map((p: { cell: string }) => p.cell)).toEqual(["B4", "B5"]);
    expect(result.stderr).toContain("Diagnostics!B4 (warning): Visit date \"07/08/2017\" is typed as text");
  });

  it("reads CSV (RFC 4180 quoting) and treats its text dates as dates without warnings", async () => {
    const file = path.join(dir, "visits.csv");
    const rows = knownRows().map((r) => (r.Service ? { ...r, "Visit date": "07/08/2017", Strengths: 'Said "well done", twice,\nthen left' } : r));
    await fs.writeFile(file, csvText(rows));
    const result = await cli("summary", file, "--json");
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.services).toEqual(EXPECTED.services);
    expect(doc.problems).toEqual([{ sheet: "visits.csv", row: 17, column: "Allocation and workload", cell: "I17", message: MISTYPED }]);
  });

  it("never modifies the input file", async () => {
    const hash = async (f: string) => createHash("sha256").update(await fs.readFile(f)).digest("hex");
    const before = await hash(known);
    const stat = await fs.stat(known);
    // -o never creates a folder (a typo would be created silently): the folder is made first.
    await fs.mkdir(path.join(dir, "out"), { recursive: true });
    const out = path.join(dir, "out", "summary.xlsx");
    expect((await cli("summary", known, "-o", out)).code).toBe(0);
    expect((await cli("validate", known)).code).toBe(1);
    expect(await hash(known)).toBe(before);
    expect((await fs.stat(known)).mtimeMs).toBe(stat.mtimeMs);
    const same = await cli("summary", known, "-o", known);
    expect(same.code).toBe(2);
    expect(await hash(known)).toBe(before);
  });
});

describe("the summary workbook", () => {
  it("has a Summary sheet with the published tables and a Counts sheet, and no names or narrative", async () => {
    const out = path.join(dir, "summary.xlsx");
    const result = await cli("summary", known, "-o", out);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Summary workbook written to ${out}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Summary", "Counts"]);
    const texts: string[] = [];
    wb.getWorksheet("Summary")!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(["Quality domain", "Grading", "RI (5 x RI, 3 x I, 1 x G)", "Requires Improvement (7 x RI, 2 x I)", "RI / I (2 x RI / I)", "RI (6 x RI, 3 x no judgement)", "I (2 x I, 1 x RI)"]));
    const all = JSON.stringify(texts);
    expect(all).not.toContain("A. Manager");
    expect(all).not.toContain("narrative");
    expect(all).not.toContain("Team 1");
    const counts = wb.getWorksheet("Counts")!;
    expect(counts.getRow(1).values).toEqual([undefined, "Service", "Quality domain", "Grade", "Visits"]);
    const safeguardingAllocation: Record<string, number> = {};
    counts.eachRow((r) => {
      if (r.getCell(1).value === "Safeguarding" && r.getCell(2).value === ALLOCATION) safeguardingAllocation[String(r.getCell(3).value)] = Number(r.getCell(4).value);
    });
    expect(safeguardingAllocation).toEqual({ O: 0, "O / G": 0, G: 1, "G / RI": 0, RI: 5, "RI / I": 0, I: 3, "No judgement": 0 });
  });
});

describe("text output", () => {
  it("prints each service as an aligned table with the base", async () => {
    const result = await cli("summary", known);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines).toContain("14 visits counted.");
    expect(lines).toContain("Safeguarding (9 visits)");
    const table = lines.filter((l) => l.startsWith("|"));
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
    expect(table.some((l) => /^\| Overall conclusion +\| Requires Improvement \(7 x RI, 2 x I\) +\|$/.test(l))).toBe(true);
    expect(result.stdout).toContain("Rows left out\n  Diagnostics row 17: I17:");
  });
});
