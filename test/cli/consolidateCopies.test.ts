/**
 * Two copies of one workbook (issue 14's "same Visit ID in two files", for every kind of row): a row whose Visit ID
 * an earlier file already holds is the same visit, whether it is counted, For moderation, a deep dive, planned, a
 * draft or a row left out with problems. With every field the same it is in the combined base once (with a warning);
 * otherwise (other values, or another status) the later row is left out with a problem naming both places, so a
 * visit is never both counted and left out for moderation. A Change log entry two files share (every field equal)
 * is one change. Each file's line says what the file holds; the combined base what they add up to.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { loadVisitAt, recordVisit, saveVisitEdit, setUpWorkbook } from "../../src/actions/workbookActions";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/excelJsWorkbook";
import { openWorkbookFile } from "../../src/adapters/exceljs/files";
import { checkSources } from "../../src/actions/consolidate";
import { VisitForm, defaultConfig, emptyVisitForm, gradedColumns } from "../../src/domain";
import { readDocx } from "../report/docxText";
import { cli, knownRows, tempDir, writeXlsx } from "./fixtures";

jest.setTimeout(90_000);

const config = defaultConfig();
const WHO = { who: "A. Moderator", when: "01/12/2026 09:00" };

function form(id: string, service: string, team: string, grade: string, extra: Partial<VisitForm> = {}): VisitForm {
  const f = { ...emptyVisitForm(config), visitId: id, service, team, visitDate: "2017-08-07", round: "1", ...extra };
  for (const d of gradedColumns(config)) f.grades[d.key] = grade;
  return f;
}

/**
 * A workbook set up by the pane with one row of each kind: a Final visit moderated once (two grades changed, so the
 * Change log holds two changes besides its "Made final" rows), a visit For moderation, a deep dive, a planned visit
 * and a draft.
 */
async function workbook(): Promise<ExcelJsWorkbook> {
  const book = new ExcelJsWorkbook();
  await setUpWorkbook(book);
  const saved = [
    await recordVisit(book, form("TD-0001", "Safeguarding", "Safeguarding Team 1", "RI"), WHO),
    await recordVisit(book, form("TD-0002", "Assessment", "Assessment Team 1", "G", { status: "For moderation" }), WHO),
    await recordVisit(book, form("TD-0003", "Fostering", "", "", { visitType: "Deep dive" }), WHO),
    await recordVisit(book, form("TD-0004", "Assessment", "Assessment Team 2", "", { status: "Planned", visitDate: "2027-03-01" }), WHO),
    await recordVisit(book, form("TD-0005", "Safeguarding", "Safeguarding Team 2", "", { status: "Draft" }), WHO),
  ];
  expect(saved.map((s) => s.ok)).toEqual([true, true, true, true, true]);
  const loaded = (await loadVisitAt(book, 2))!;
  const edited = { ...loaded.form, grades: { ...loaded.form.grades, overall: "G", practice: "I" } };
  expect(await saveVisitEdit(book, 2, loaded.form, edited, { ...WHO, reason: "Panel minute 3", when: "02/12/2026 10:00" })).toMatchObject({ ok: true });
  return book;
}

let dir: string;
let a: string;
let b: string;
let later: string;
const at = (name: string) => path.join(dir, name);
const json = (stdout: string) => JSON.parse(stdout);
/** The base's numbers, without the rows left out (given by their count). */
const numbers = (base: { excluded: unknown[]; files?: unknown }) => {
  const { excluded, files: _files, ...rest } = base;
  return { ...rest, excluded: excluded.length };
};

beforeAll(async () => {
  dir = await tempDir();
  a = at("a.xlsx");
  b = at("b.xlsx");
  later = at("later.xlsx");
  const book = await workbook();
  await fs.writeFile(a, await book.writeBuffer());
  await fs.copyFile(a, b);
  // A later copy in which the visit For moderation has been made Final (through the pane, so logged).
  const loaded = (await loadVisitAt(book, 3))!;
  expect(loaded.form.status).toBe("For moderation");
  const final = { ...loaded.form, status: "Final" };
  expect(await saveVisitEdit(book, 3, loaded.form, final, { ...WHO, reason: "Moderated: agreed", when: "03/12/2026 11:00" })).toMatchObject({ ok: true });
  await fs.writeFile(later, await book.writeBuffer());
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("two copies of one workbook", () => {
  it("the combined base counts each row once, as one copy does, and the moderation counts once", async () => {
    const one = json((await cli("summary", a, "--json")).stdout);
    expect(numbers(one.base)).toMatchObject({ visits: 1, drafts: 1, excluded: 0, deepDives: 1, forModeration: 1 });
    expect(one.moderation).toEqual([{ service: "Safeguarding", changed: 2, up: 1, down: 1, other: 0 }]);

    const result = await cli("summary", a, b, "--json");
    expect(result.code).toBe(0);
    const two = json(result.stdout);
    expect(numbers(two.base)).toEqual(numbers(one.base));
    expect(two.moderation).toEqual(one.moderation);
    // Each file's line says what the file holds: the copy's visit is counted from a.xlsx, its draft and its visit
    // for moderation are the copy's own (the same ones as a.xlsx's).
    expect(two.base.files).toEqual([
      { file: "a.xlsx", visits: 1, drafts: 1, excluded: 0, forModeration: 1 },
      { file: "b.xlsx", visits: 0, drafts: 1, excluded: 0, forModeration: 1 },
    ]);
    // One warning per row of the copy, each naming both places.
    const warnings = two.problems.filter((p: { file: string }) => p.file === "b.xlsx");
    expect(warnings.map((p: { cell: string }) => p.cell)).toEqual(["A2", "A3", "A4", "A5", "A6"]);
    expect(warnings.map((p: { message: string }) => p.message)).toEqual([
      'Visit ID "TD-0001" is also in a.xlsx (Diagnostics!A2) with the same values: counted once.',
      'Visit ID "TD-0002" is also in a.xlsx (Diagnostics!A3) with the same values: the same visit for moderation, in the base once.',
      'Visit ID "TD-0003" is also in a.xlsx (Diagnostics!A4) with the same values: the same deep dive, in the base once.',
      'Visit ID "TD-0004" is also in a.xlsx (Diagnostics!A5) with the same values: the same planned visit, in the base once.',
      'Visit ID "TD-0005" is also in a.xlsx (Diagnostics!A6) with the same values: the same draft, in the base once.',
    ]);
  });

  it("the plain text and the Word report say each row once; the copy's line says its rows are already in a.xlsx", async () => {
    const text = (await cli("summary", a, b)).stdout.split("\n");
    expect(text).toContain("1 visit counted.");
    expect(text).toContain("Left out: 1 draft; 1 visit for moderation.");
    expect(text).toContain("1 deep dive (functions looked at as a whole: not in the grade tables).");
    expect(text).toContain("  a.xlsx: 1 visit counted, 0 left out, 1 draft, 1 visit for moderation.");
    expect(text).toContain("  b.xlsx: 0 visits counted, 0 left out, 1 draft, 1 visit for moderation (5 rows already in a.xlsx, not counted again).");
    const moderation = text.findIndex((l) => l.startsWith("Safeguarding") && /\s2\s+1\s+1\s+0$/.test(l));
    expect(moderation).toBeGreaterThan(0);

    const out = at("report.docx");
    expect((await cli("report", a, b, "-o", out)).code).toBe(0);
    const paragraphs = (await readDocx(new Uint8Array(await fs.readFile(out)))).paragraphs.map((p) => p.text);
    expect(paragraphs).toContain("Left out: 1 draft; 1 visit for moderation.");
    expect(paragraphs.some((p) => p.startsWith("1 deep dive"))).toBe(true);
    expect(paragraphs).not.toContain("2 deep dives (functions looked at as a whole: not in the grade tables).");
  });

  it("under a selection the copy's line counts only the rows in it", async () => {
    const inRound = (await cli("summary", a, b, "--round", "1")).stdout.split("\n");
    expect(inRound).toContain("  b.xlsx: 0 visits counted, 0 left out, 1 draft, 1 visit for moderation (5 rows already in a.xlsx, not counted again).");
    const outside = (await cli("summary", a, b, "--round", "2")).stdout.split("\n");
    expect(outside).toContain("  b.xlsx: 0 visits counted, 0 left out.");
  });

  it("the combined validation holds the copy's planned visit, deep dive, draft and visit for moderation once", async () => {
    const sources = [a, b].map((file) => ({ name: path.basename(file), open: () => openWorkbookFile(file) }));
    const { validation } = await checkSources(sources);
    const ids = (rows: readonly { row: number }[] | undefined) => (rows ?? []).map((r) => r.row);
    expect({
      visits: validation.visits.map((v) => v.visitId),
      planned: (validation.planned ?? []).map((p) => p.visitId),
      deepDives: (validation.deepDives ?? []).map((d) => d.visitId),
      drafts: ids(validation.drafts),
      forModeration: ids(validation.forModeration),
      excluded: ids(validation.excluded),
    }).toEqual({ visits: ["TD-0001"], planned: ["TD-0004"], deepDives: ["TD-0003"], drafts: [6], forModeration: [3], excluded: [] });
  });

  it("validate's lines agree with summary's", async () => {
    const result = await cli("validate", a, b);
    expect(result.stderr).toContain("a.xlsx: no problems; 1 visit counted, 1 draft, 0 left out, 1 visit for moderation.\n");
    expect(result.stderr).toContain("b.xlsx: 5 warnings; 0 visits counted, 1 draft, 0 left out, 1 visit for moderation (5 rows already in a.xlsx, not counted again).\n");
    // Warnings only: the copy's rows are counted once.
    expect(result.stdout.split("\n").filter(Boolean).every((l) => l.startsWith("b.xlsx: Diagnostics!") && l.includes("(warning)"))).toBe(true);
    expect(result.stderr).toContain("All 2 files: 5 warnings; 1 visit counted, 1 draft, 0 left out, 1 visit for moderation.\n");
  });
});

describe("a later copy in which a visit For moderation has been made Final", () => {
  it("leaves the later row out with a problem naming both places: the visit is never both counted and for moderation", async () => {
    const result = await cli("summary", a, later, "--json");
    const doc = json(result.stdout);
    expect(numbers(doc.base)).toMatchObject({ visits: 1, drafts: 1, excluded: 1, deepDives: 1, forModeration: 1 });
    expect(doc.base.excluded).toEqual([
      { file: "later.xlsx", sheet: "Diagnostics", row: 3, reasons: ["A3: Visit ID is also in a.xlsx (Diagnostics!A3) as a visit for moderation, here a Final visit."] },
    ]);
    const problem = doc.problems.find((p: { file: string; cell: string }) => p.file === "later.xlsx" && p.cell === "A3");
    expect(problem.message).toBe('Visit ID "TD-0002" is also in a.xlsx (Diagnostics!A3) as a visit for moderation, here a Final visit: this row is left out.');
    // An error, not a warning.
    const checked = await cli("validate", a, later);
    expect(checked.stdout).toContain(`later.xlsx: Diagnostics!A3: ${problem.message}\n`);
    expect(checked.code).toBe(1);
    // The Assessment visit is not counted: only the Safeguarding one is.
    expect(doc.services.map((s: { service: string; visits: number }) => [s.service, s.visits])).toEqual([["Safeguarding", 1]]);
    expect(doc.base.files).toEqual([
      { file: "a.xlsx", visits: 1, drafts: 1, excluded: 0, forModeration: 1 },
      { file: "later.xlsx", visits: 0, drafts: 1, excluded: 1 },
    ]);
    // The Change log entries both files hold are counted once; making the visit Final changed no grade.
    expect(doc.moderation).toEqual([{ service: "Safeguarding", changed: 2, up: 1, down: 1, other: 0 }]);
  });

  it("the other way round (Final first, For moderation later): counted once, the later row left out", async () => {
    const doc = json((await cli("summary", later, a, "--json")).stdout);
    expect(numbers(doc.base)).toMatchObject({ visits: 2, excluded: 1 });
    expect(doc.base.forModeration).toBeUndefined();
    expect(doc.base.excluded[0].reasons).toEqual(["A3: Visit ID is also in later.xlsx (Diagnostics!A3) as a Final visit, here a visit for moderation."]);
  });
});

describe("the example workbook twice in a folder", () => {
  it("gives the base numbers of one copy, plus the warnings that the copy's rows are counted once", async () => {
    const example = path.join(__dirname, "../../examples/diagnostics-example.xlsx");
    const folder = at("example-twice");
    await fs.mkdir(folder);
    await fs.copyFile(example, path.join(folder, "one.xlsx"));
    await fs.copyFile(example, path.join(folder, "two.xlsx"));
    const once = json((await cli("summary", example, "--json")).stdout);
    const twice = json((await cli("summary", folder, "--json")).stdout);
    expect(numbers(twice.base)).toEqual(numbers(once.base));
    expect(twice.base.excluded.map((e: { file: string; row: number }) => [e.file, e.row])).toEqual(once.base.excluded.map((e: { row: number }) => ["one.xlsx", e.row]));
    expect(twice.services).toEqual(once.services);
    // Every row of the second copy (its counted visits, rows left out, drafts, deep dive and planned visits) is warned of once.
    const { validation } = await checkSources([{ name: "example", open: () => openWorkbookFile(example) }]);
    const rowsOfOne = once.base.visits + once.base.drafts + once.base.excluded.length + (once.base.deepDives ?? 0) + (validation.planned ?? []).length;
    const sameValues = twice.problems.filter((p: { file: string; message: string }) => p.file === "two.xlsx" && /is also in one\.xlsx \(Diagnostics!A\d+\) with the same values: /.test(p.message));
    expect(sameValues).toHaveLength(rowsOfOne);
    expect(twice.problems.filter((p: { file: string; message: string }) => p.file === "two.xlsx" && /is also in/.test(p.message))).toHaveLength(rowsOfOne);
    // The rest of the copy's problems are its own, as in one copy.
    expect(twice.problems.filter((p: { file: string; message: string }) => p.file === "two.xlsx" && !/is also in/.test(p.message)).map((p: { message: string }) => p.message)).toEqual(
      once.problems.map((p: { message: string }) => p.message),
    );

    const text = (await cli("summary", folder)).stdout.split("\n");
    const plain = (await cli("summary", example)).stdout.split("\n");
    const line = (lines: string[], start: string) => lines.find((l) => l.startsWith(start));
    for (const start of ["Left out:", `${once.base.visits} visits counted.`, "1 deep dive"]) expect(line(text, start)).toBe(line(plain, start));
    expect(text).toContain(`  two.xlsx: 0 visits counted, ${once.base.excluded.length} left out, ${once.base.drafts} drafts (${rowsOfOne} rows already in one.xlsx, not counted again).`);
  });
});

describe("the README's example line", () => {
  it("a copy of east.xlsx (14 counted, 1 left out, 1 draft) says its 16 rows are already in east.xlsx", async () => {
    const east = at("east.xlsx");
    await writeXlsx(east, [{ rows: knownRows() }]);
    await fs.copyFile(east, at("east-copy.xlsx"));
    const text = (await cli("summary", east, at("east-copy.xlsx"))).stdout.split("\n");
    expect(text).toContain("  east.xlsx: 14 visits counted, 1 left out, 1 draft.");
    expect(text).toContain("  east-copy.xlsx: 0 visits counted, 1 left out, 1 draft (16 rows already in east.xlsx, not counted again).");
    expect(text).toContain("Left out: 1 draft; 1 row with problems (listed below).");
  });
});

describe("copies without Visit IDs (the hostile-file probe)", () => {
  const NO_ID = ["Visit date", "Service", "Team", "Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"];
  const csv = (rows: string[][]) => [NO_ID.join(","), ...rows.map((r) => r.join(","))].join("\r\n") + "\r\n";

  it("a CSV and its copy, with no Visit ID column, count each visit once with a warning", async () => {
    const dir = await tempDir();
    const rows = [
      ["07/08/2017", "Safeguarding", "Team 1", "RI", "G", "RI", "I", "RI"],
      ["08/08/2017", "Safeguarding", "Team 2", "G", "G", "G", "G", "G"],
    ];
    await fs.writeFile(path.join(dir, "east.csv"), csv(rows));
    await fs.writeFile(path.join(dir, "east-copy.csv"), csv(rows));
    const result = await cli("summary", path.join(dir, "east.csv"), path.join(dir, "east-copy.csv"), "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { base: { visits: number }; problems: { message: string }[] };
    expect(json.base.visits).toBe(2);
    const said = /^This row has no Visit ID, and east\.csv \(east\.csv!row [23]\) holds one with the same values: counted once\.$/;
    expect(json.problems.map((p) => p.message)).toEqual([expect.stringMatching(said), expect.stringMatching(said)]);
    // A warning: the visits count, and --strict is what turns it into exit 1.
    expect((await cli("summary", path.join(dir, "east.csv"), path.join(dir, "east-copy.csv"), "--strict")).code).toBe(1);
  });

  it("rows without an ID that differ in any counted field are two visits", async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, "a.csv"), csv([["07/08/2017", "Safeguarding", "Team 1", "RI", "G", "RI", "I", "RI"]]));
    await fs.writeFile(path.join(dir, "b.csv"), csv([["07/08/2017", "Safeguarding", "Team 1", "RI", "G", "RI", "I", "G"]]));
    const result = await cli("summary", path.join(dir, "a.csv"), path.join(dir, "b.csv"), "--json");
    const json = JSON.parse(result.stdout) as { base: { visits: number }; problems: unknown[] };
    expect(json.base.visits).toBe(2);
    expect(json.problems).toEqual([]);
  });
});
