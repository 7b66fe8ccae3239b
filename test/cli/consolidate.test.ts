import { promises as fs } from "fs";
import * as path from "path";
import { cli, csvText, knownRows, listsSheet, tempDir, visit, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

let dir: string;
const at = (name: string) => path.join(dir, name);

const json = (stdout: string) => JSON.parse(stdout);

beforeAll(async () => {
  dir = await tempDir();
  // east: the published example (14 counted, 1 draft, 1 left out); west: 3 more visits, one mistyped.
  await writeXlsx(at("east.xlsx"), [{ rows: knownRows() }]);
  await fs.writeFile(
    at("west.csv"),
    csvText([
      visit("Assessment", ["G", "G", "G", "G", "G"]),
      visit("Assessment", ["G", "RI", "G", "G", "G"]),
      visit("Fostering", ["G", "x", "G", "G", "G"]),
    ]),
  );
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("several inputs", () => {
  it("counts two files as one, lists each file in the base and names the file in problems", async () => {
    const one = json((await cli("summary", at("east.xlsx"), "--json")).stdout);
    const result = await cli("summary", at("east.xlsx"), at("west.csv"), "--json");
    expect(result.code).toBe(0);
    const doc = json(result.stdout);
    expect(doc.base.visits).toBe(14 + 2);
    expect(doc.base.files).toEqual([
      { file: "east.xlsx", visits: 14, drafts: 1, excluded: 1 },
      { file: "west.csv", visits: 2, drafts: 0, excluded: 1 },
    ]);
    expect(doc.base.excluded.map((e: { file: string; row: number }) => [e.file, e.row])).toEqual([
      ["east.xlsx", 17],
      ["west.csv", 4],
    ]);
    expect(doc.problems.map((p: { file: string; cell: string }) => `${p.file} ${p.cell}`)).toEqual(["east.xlsx I17", "west.csv J4"]);
    const assessment = doc.services.find((s: { service: string }) => s.service === "Assessment");
    expect(assessment.visits).toBe(4);
    // One file's document has no files array and no file keys: unchanged.
    expect(one.base.files).toBeUndefined();
    expect(one.problems[0].file).toBeUndefined();
    expect(result.stderr).toContain("2 problems in 2 files.");
  });

  it("validate prefixes each problem with its file and counts each file", async () => {
    const result = await cli("validate", at("east.xlsx"), at("west.csv"));
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n").filter(Boolean);
    // validate also warns of grades typed another way than their usual spelling, as Check sheet does (issue 13);
    // the published example types 12 of them so. Every line names its file.
    expect(lines.filter((l) => !l.includes("(warning)"))).toEqual([
      expect.stringMatching(/^east\.xlsx: Diagnostics!I17: "Requires Imprvement" is not a grade/),
      expect.stringMatching(/^'west\.csv'!J4: "x" is not a grade/),
    ]);
    expect(lines.filter((l) => l.includes("(warning)"))).toHaveLength(12);
    // (A CSV's one sheet is named for its file: its lines name it once, 'west.csv'!J4.)
    expect(lines.every((l) => /^(east\.xlsx: |'west\.csv'!)/.test(l))).toBe(true);
    expect(result.stderr).toBe(
      "east.xlsx: 1 problem and 12 warnings; 14 visits counted, 1 draft, 1 left out.\n" +
        "west.csv: 1 problem; 2 visits counted, 0 drafts, 1 left out.\n" +
        "All 2 files: 2 problems and 12 warnings; 16 visits counted, 1 draft, 2 left out.\n",
    );
  });

  it("the text summary lists each file under the base; report takes several inputs too", async () => {
    const text = await cli("summary", at("east.xlsx"), at("west.csv"));
    expect(text.stdout).toContain("16 visits counted.");
    expect(text.stdout).toContain("Files (2):\n  east.xlsx: 14 visits counted, 1 left out, 1 draft.\n  west.csv: 2 visits counted, 1 left out.\n");
    expect(text.stdout).toContain("  west.csv row 4: J4: Practice and direct work grade is not on the scale.");
    const report = await cli("report", at("east.xlsx"), at("west.csv"), "-o", at("both.docx"));
    expect(report).toMatchObject({ code: 0, stdout: `Word report (16 visits counted) written to ${at("both.docx")}\n` });
  });

  it("reads every .xlsx and .csv directly inside a folder, in name order, and nothing else", async () => {
    const folder = at("folder");
    await fs.mkdir(path.join(folder, "inner"), { recursive: true });
    await fs.copyFile(at("east.xlsx"), path.join(folder, "b-east.xlsx"));
    await fs.copyFile(at("west.csv"), path.join(folder, "a-west.csv"));
    await fs.writeFile(path.join(folder, "~$b-east.xlsx"), "lock file");
    await fs.writeFile(path.join(folder, "notes.txt"), "not a workbook");
    await fs.copyFile(at("west.csv"), path.join(folder, "inner", "deeper.csv"));
    const doc = json((await cli("summary", folder, "--json")).stdout);
    expect(doc.base.files.map((f: { file: string }) => f.file)).toEqual(["a-west.csv", "b-east.xlsx"]);
    expect(doc.base.visits).toBe(16);
  });

  it("an empty folder: one sentence, exit 2", async () => {
    const empty = at("empty");
    await fs.mkdir(empty);
    expect(await cli("summary", empty)).toEqual({ code: 2, stdout: "", stderr: `The folder "${empty}" holds no .xlsx or .csv files.\n` });
  });

  it("the same file named twice is read once, so its document is the one-file document", async () => {
    const once = await cli("summary", at("east.xlsx"), "--json");
    const twice = await cli("summary", at("east.xlsx"), at("east.xlsx"), "--json");
    expect(twice).toEqual(once);
  });

  it("two files of the same name are told apart by their paths", async () => {
    await fs.mkdir(at("north"));
    await fs.mkdir(at("south"));
    await writeXlsx(at("north/team.xlsx"), [{ rows: [visit("Assessment", ["G", "G", "G", "G", "G"])] }]);
    await writeXlsx(at("south/team.xlsx"), [{ rows: [visit("Assessment", ["G", "G", "G", "G", "G"])] }]);
    const doc = json((await cli("summary", at("north/team.xlsx"), at("south/team.xlsx"), "--json")).stdout);
    expect(doc.base.files.map((f: { file: string }) => f.file)).toEqual([at("north/team.xlsx"), at("south/team.xlsx")]);
  });
});

describe("the same Visit ID in two files", () => {
  it("is counted once, with a warning, when every counted field matches (a copied workbook)", async () => {
    await fs.copyFile(at("east.xlsx"), at("east-copy.xlsx"));
    const result = await cli("summary", at("east.xlsx"), at("east-copy.xlsx"), "--json");
    const doc = json(result.stdout);
    expect(result.code).toBe(0);
    expect(doc.base.visits).toBe(14);
    expect(doc.base.files).toEqual([
      { file: "east.xlsx", visits: 14, drafts: 1, excluded: 1 },
      { file: "east-copy.xlsx", visits: 0, drafts: 1, excluded: 1 },
    ]);
    const warnings = doc.problems.filter((p: { file: string; message: string }) => p.file === "east-copy.xlsx" && /counted once/.test(p.message));
    expect(warnings).toHaveLength(14);
    expect(warnings[0]).toMatchObject({
      sheet: "Diagnostics",
      row: 2,
      cell: "A2",
      message: 'Visit ID "TD-001" is also in east.xlsx (Diagnostics!A2) with the same values: counted once.',
    });
    const text = await cli("validate", at("east.xlsx"), at("east-copy.xlsx"));
    expect(text.stdout).toContain(
      'east-copy.xlsx: Diagnostics!A2 (warning): Visit ID "TD-001" is also in east.xlsx (Diagnostics!A2) with the same values: counted once.\n',
    );
  });

  it("otherwise leaves the second out with a problem naming both places", async () => {
    const rows = knownRows();
    rows[0] = { ...rows[0], "Allocation and workload": "O" };
    await writeXlsx(at("east-changed.xlsx"), [{ titles: [["East, revised"]], rows }]);
    const result = await cli("summary", at("east.xlsx"), at("east-changed.xlsx"), "--json");
    const doc = json(result.stdout);
    expect(doc.base.visits).toBe(14);
    expect(doc.base.files[1]).toEqual({ file: "east-changed.xlsx", visits: 0, drafts: 1, excluded: 2 });
    expect(doc.base.excluded).toContainEqual({
      file: "east-changed.xlsx",
      sheet: "Diagnostics",
      row: 3,
      reasons: ["A3: Visit ID is also in east.xlsx (Diagnostics!A2) with different values."],
    });
    const problem = doc.problems.find((p: { cell: string; file: string }) => p.file === "east-changed.xlsx" && p.cell === "A3");
    expect(problem.message).toBe('Visit ID "TD-001" is also in east.xlsx (Diagnostics!A2) with different values: this row is left out.');
    // Allocation for Safeguarding is east's own, not the changed row's "O".
    const safeguarding = doc.services.find((s: { service: string }) => s.service === "Safeguarding");
    expect(safeguarding.rows[0].counts.O).toBeUndefined();
    expect((await cli("validate", at("east.xlsx"), at("east-changed.xlsx"))).code).toBe(1);
  });
});

describe("files with different settings", () => {
  beforeAll(async () => {
    const rows = [visit("Assessment", ["G", "RI", "G", "G", "G"]), visit("Assessment", ["RI", "G", "G", "G", "G"])];
    await writeXlsx(at("split.xlsx"), [{ rows }, listsSheet("split")]);
    await writeXlsx(at("cautious.xlsx"), [{ rows: [visit("Assessment", ["G", "G", "G", "G", "G"])] }, listsSheet("cautious")]);
  });

  it("one clear sentence and exit 2", async () => {
    for (const command of ["summary", "validate"]) {
      expect(await cli(command, at("cautious.xlsx"), at("split.xlsx"))).toEqual({
        code: 2,
        stdout: "",
        stderr:
          "cautious.xlsx and split.xlsx have different settings (tie rule), so their grades cannot be counted together: " +
          "name the workbook whose settings win with --settings FILE.\n",
      });
    }
  });

  it("--settings FILE names the workbook whose settings win", async () => {
    const split = json((await cli("summary", at("cautious.xlsx"), at("split.xlsx"), "--settings", at("split.xlsx"), "--json")).stdout);
    const cautious = json((await cli("summary", at("cautious.xlsx"), at("split.xlsx"), "--settings", at("cautious.xlsx"), "--json")).stdout);
    expect(split.base.visits).toBe(3);
    expect(cautious.base.visits).toBe(3);
    const onlySplit = json((await cli("summary", at("split.xlsx"), "--settings", at("cautious.xlsx"), "--json")).stdout);
    const own = json((await cli("summary", at("split.xlsx"), "--json")).stdout);
    // 1 x G, 1 x RI: a tie, settled "G / RI" under split and "RI" (the lower) under cautious.
    expect(own.services[0].rows[0]).toMatchObject({ tie: true, headline: "G / RI" });
    expect(onlySplit.services[0].rows[0]).toMatchObject({ tie: true, headline: "RI" });
    expect(onlySplit.base.files).toBeUndefined();
  });

  it("files that agree need no --settings", async () => {
    await writeXlsx(at("cautious2.xlsx"), [{ rows: [visit("Assessment", ["G", "G", "G", "G", "G"])] }, listsSheet("cautious")]);
    expect((await cli("summary", at("cautious.xlsx"), at("cautious2.xlsx"))).code).toBe(0);
  });
});
