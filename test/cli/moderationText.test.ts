/**
 * Leftovers of issues 14 and 15:
 * - the plain-text `summary` states the moderation counts that `summary --json`, the Summary sheet and the Word
 *   report state, in their words (src/presentation/moderation.ts), and says nothing of moderation when there is none;
 * - with several inputs, the visits For moderation (and deep dives and planned visits) are carried into the combined
 *   base and each file's line, so the combined base says what the single-file bases add up to.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { loadVisitAt, recordVisit, saveVisitEdit, setUpWorkbook } from "../../src/actions/workbookActions";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/excelJsWorkbook";
import { VisitForm, defaultConfig, emptyVisitForm, gradedColumns } from "../../src/domain";
import { MODERATION_HEADINGS, MODERATION_INTRO, MODERATION_TITLE } from "../../src/presentation/moderation";
import { readDocx } from "../report/docxText";
import { HEADERS, cli, knownRows, tempDir, visit, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

const config = defaultConfig();
const NAME = "Alexandra Moderator-Smith";
const REASON = "Panel minute 14: evidence of drift in supervision";
const oneLine = (text: string) => text.replace(/\s+/g, " ");

function form(id: string, service: string, team: string, grade: string, status = "Final"): VisitForm {
  const f = { ...emptyVisitForm(config), visitId: id, service, team, visitDate: "2017-08-07", status };
  for (const d of gradedColumns(config)) f.grades[d.key] = grade;
  return f;
}

/** Set up with a Change log: two Final visits (one moderated: one grade up, one down) and one For moderation. */
async function moderatedWorkbook(dir: string): Promise<string> {
  const book = new ExcelJsWorkbook();
  await setUpWorkbook(book);
  await recordVisit(book, form("TD-0001", "Safeguarding", "Safeguarding Team 1", "RI"), { who: NAME, when: "01/12/2026 09:00" });
  await recordVisit(book, form("TD-0002", "Assessment", "Assessment Team 1", "G"), { who: NAME, when: "01/12/2026 09:05" });
  await recordVisit(book, form("TD-0003", "Assessment", "Assessment Team 2", "G", "For moderation"), { who: NAME, when: "01/12/2026 09:10" });
  const loaded = (await loadVisitAt(book, 2))!;
  const edited = { ...loaded.form, grades: { ...loaded.form.grades, overall: "G", practice: "I" } };
  expect(await saveVisitEdit(book, 2, loaded.form, edited, { who: NAME, reason: REASON, when: "02/12/2026 10:00" })).toMatchObject({ ok: true });
  const file = path.join(dir, "moderated.xlsx");
  await fs.writeFile(file, await book.writeBuffer());
  return file;
}

describe("plain-text summary", () => {
  it("states the visits for moderation and the grades moderation changed, in the words of the other outputs", async () => {
    const file = await moderatedWorkbook(await tempDir());
    const json = JSON.parse((await cli("summary", file, "--json")).stdout);
    expect(json.base.forModeration).toBe(1);
    expect(json.moderation).toEqual([{ service: "Safeguarding", changed: 2, up: 1, down: 1, other: 0 }]);

    const result = await cli("summary", file);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines).toContain("Left out: 1 visit for moderation.");
    const at = lines.indexOf(MODERATION_TITLE);
    expect(at).toBeGreaterThan(0);
    expect(lines[at - 1]).toBe("");
    // The intro, wrapped to the width, then a heading row and one row per service.
    const after = lines.slice(at + 1);
    const heading = after.findIndex((l) => l.startsWith("Service"));
    expect(oneLine(after.slice(0, heading).join(" "))).toBe(MODERATION_INTRO);
    expect(after[heading].split(/\s{2,}/)).toEqual(["Service", ...MODERATION_HEADINGS]);
    expect(after[heading + 1].split(/\s{2,}/)).toEqual(["Safeguarding", "2", "1", "1", "0"]);
    // Counts only: no name, no reason.
    expect(result.stdout).not.toContain(NAME);
    expect(result.stdout).not.toContain("Panel minute");
  });

  it("has no moderation section for a workbook without a Change log or visits for moderation", async () => {
    const file = path.join(await tempDir(), "plain.xlsx");
    await writeXlsx(file, [{ rows: knownRows() }]);
    const result = await cli("summary", file);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).not.toContain(MODERATION_TITLE);
    expect(result.stdout).not.toMatch(/moderat/i);
  });
});

describe("several inputs", () => {
  let dir: string;
  let a: string;
  let b: string;
  beforeAll(async () => {
    dir = await tempDir();
    a = path.join(dir, "a.xlsx");
    b = path.join(dir, "b.xlsx");
    const headers = [...HEADERS, "Visit type"];
    const none = ["", "", "", "", ""] as [string, string, string, string, string];
    await writeXlsx(a, [
      {
        headers,
        rows: [
          visit("Safeguarding", ["G", "G", "G", "G", "G"], { "Visit ID": "A-1" }),
          visit("Safeguarding", ["RI", "RI", "RI", "RI", "RI"], { "Visit ID": "A-2", Status: "For moderation" }),
          visit("Fostering", none, { "Visit ID": "A-3", Team: "", "Visit type": "Deep dive" }),
          visit("Safeguarding", none, { "Visit ID": "A-4", Team: "Safeguarding Team 9", "Visit date": new Date(Date.UTC(2018, 5, 1)), Status: "Planned" }),
        ],
      },
    ]);
    await writeXlsx(b, [
      {
        headers,
        rows: [
          visit("Assessment", ["G", "G", "G", "G", "G"], { "Visit ID": "B-1" }),
          visit("Assessment", ["RI", "RI", "RI", "RI", "RI"], { "Visit ID": "B-2", Status: "For moderation" }),
          visit("Assessment", ["G", "G", "G", "G", "G"], { "Visit ID": "B-3", Status: "Draft" }),
        ],
      },
    ]);
  });

  it("the combined base counts every file's visits for moderation, as the single-file bases add up", async () => {
    const one = JSON.parse((await cli("summary", a, "--json")).stdout).base;
    const two = JSON.parse((await cli("summary", b, "--json")).stdout).base;
    expect([one.forModeration, two.forModeration]).toEqual([1, 1]);
    const result = await cli("summary", a, b, "--json");
    expect(result.code).toBe(0);
    const base = JSON.parse(result.stdout).base;
    expect(base.forModeration).toBe(2);
    expect(base.forModeration).toBe(one.forModeration + two.forModeration);
    expect(base.files).toEqual([
      { file: "a.xlsx", visits: 1, drafts: 0, excluded: 0, forModeration: 1 },
      { file: "b.xlsx", visits: 1, drafts: 1, excluded: 0, forModeration: 1 },
    ]);
    // Deep dives are carried the same way.
    expect(base.deepDives).toBe(one.deepDives);
    expect(base.deepDives).toBe(1);
  });

  it("a folder gives the same base as the files named one by one", async () => {
    const named = JSON.parse((await cli("summary", a, b, "--json")).stdout).base;
    const folder = JSON.parse((await cli("summary", dir, "--json")).stdout).base;
    expect(folder).toEqual(named);
  });

  it("the plain text and the Word report say 2 visits for moderation, and each file's line says 1", async () => {
    const text = (await cli("summary", a, b)).stdout.split("\n");
    expect(text).toContain("Left out: 1 draft; 2 visits for moderation.");
    expect(text).toContain("  a.xlsx: 1 visit counted, 0 left out, 1 visit for moderation.");
    expect(text).toContain("  b.xlsx: 1 visit counted, 0 left out, 1 draft, 1 visit for moderation.");

    const out = path.join(await tempDir(), "report.docx");
    expect((await cli("report", a, b, "-o", out)).code).toBe(0);
    const docx = await readDocx(new Uint8Array(await fs.readFile(out)));
    const paragraphs = docx.paragraphs.map((p) => p.text);
    expect(paragraphs).toContain("Left out: 1 draft; 2 visits for moderation.");
    expect(paragraphs.some((p) => p.includes("a.xlsx: 1 visit counted, 0 left out, 1 visit for moderation."))).toBe(true);
  });

  it("a selection is applied to each file's visits for moderation", async () => {
    const inRound = JSON.parse((await cli("summary", a, b, "--json", "--round", "1")).stdout).base;
    expect(inRound.forModeration).toBe(2);
    expect(inRound.files.map((f: { forModeration?: number }) => f.forModeration)).toEqual([1, 1]);
    const base = JSON.parse((await cli("summary", a, b, "--json", "--round", "2")).stdout).base;
    expect(base.forModeration).toBeUndefined();
    expect(base.files.map((f: { forModeration?: number }) => f.forModeration)).toEqual([undefined, undefined]);
  });

  it("programme counts the planned visits of every file", async () => {
    const single = JSON.parse((await cli("programme", a, "--json", "--today", "2018-01-01")).stdout);
    const both = JSON.parse((await cli("programme", a, b, "--json", "--today", "2018-01-01")).stdout);
    const team9 = (doc: { teams: { team: string; planned: string | null }[] }) => doc.teams.find((t) => t.team === "Safeguarding Team 9")?.planned;
    expect(team9(single)).toBe("2018-06-01");
    expect(team9(both)).toBe("2018-06-01");
  });
});
