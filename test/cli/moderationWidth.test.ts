/**
 * The plain-text Moderation table fits the terminal's width as the service tables do: when it does not fit, its
 * headings and a long service name wrap inside their columns; when it fits, it is one heading row, as before.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { loadVisitAt, recordVisit, saveVisitEdit, setUpWorkbook } from "../../src/actions/workbookActions";
import { ExcelJsWorkbook } from "../../src/adapters/exceljs/excelJsWorkbook";
import { moderationLines } from "../../src/cli/textTables";
import { run } from "../../src/cli/main";
import { ModerationCount, defaultConfig, emptyVisitForm, gradedColumns } from "../../src/domain";
import { MODERATION_HEADINGS, MODERATION_INTRO, MODERATION_TITLE } from "../../src/presentation/moderation";
import { tempDir } from "./fixtures";

jest.setTimeout(60_000);

const LONG = "Children in need and child protection, including the front door";
const counts: ModerationCount[] = [
  { service: "Safeguarding", up: 12, down: 3, other: 1 },
  { service: LONG, up: 1, down: 0, other: 0 },
];
const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The table's lines: after the title and the intro. */
function body(lines: string[]): string[] {
  const intro = words(MODERATION_INTRO).length;
  let seen = 0;
  let i = 1;
  while (seen < intro) seen += words(lines[i++]).length;
  return lines.slice(i);
}

/**
 * The headings read column by column: each figure's column ends where the figures end on a service's row and
 * starts two spaces after the one before it; the service column and the first figure's are read together.
 */
function headingsOf(headings: string[], row: string): string[] {
  const ends = [...row.matchAll(/\d+/g)].map((m) => m.index! + m[0].length);
  const slice = (from: number, to: number) => headings.flatMap((h) => words(h.slice(from, to))).join(" ");
  return [slice(0, ends[0]), ...ends.slice(1).map((end, k) => slice(ends[k] + 2, end))];
}

describe("the Moderation table", () => {
  it("at 60 columns every line fits; the headings and a long service name wrap inside their columns", () => {
    const lines = moderationLines(counts, 60);
    expect(lines[0]).toBe(MODERATION_TITLE);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(60);
    const table = body(lines);
    const first = table.findIndex((l) => l.startsWith("Safeguarding"));
    expect(first).toBeGreaterThan(1);
    const row = table[first];
    expect(words(row)).toEqual(["Safeguarding", "16", "12", "3", "1"]);
    expect(headingsOf(table.slice(0, first), row)).toEqual([`Service ${MODERATION_HEADINGS[0]}`, ...MODERATION_HEADINGS.slice(1)]);
    // The long name: its figures on its first line, the rest of the name under it in the service column.
    const long = table.slice(first + 1);
    expect(words(long[0]).slice(-4)).toEqual(["1", "1", "0", "0"]);
    expect(long.length).toBeGreaterThan(1);
    expect(long.slice(1).every((l) => !/\d/.test(l) && l.length <= row.indexOf("16"))).toBe(true);
    expect(long.map((l) => l.replace(/\s+\d.*$/, "").trim()).join(" ")).toBe(LONG);
  });

  it("at 100 columns a table that fits is one heading row and one row a service, as before", () => {
    const table = body(moderationLines([counts[0]], 100));
    expect(table).toHaveLength(2);
    expect(table[0].split(/\s{2,}/)).toEqual(["Service", ...MODERATION_HEADINGS]);
    expect(table[1].split(/\s{2,}/)).toEqual(["Safeguarding", "16", "12", "3", "1"]);
    expect(headingsOf([table[0]], table[1])).toEqual([`Service ${MODERATION_HEADINGS[0]}`, ...MODERATION_HEADINGS.slice(1)]);
    // With the long name the table is wider than 100: it wraps, within the width.
    expect(Math.max(...moderationLines(counts, 100).map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it("summary in a terminal of 60 and of 100 columns: no line of the Moderation section is wider", async () => {
    const config = defaultConfig();
    const book = new ExcelJsWorkbook();
    await setUpWorkbook(book);
    const form = { ...emptyVisitForm(config), visitId: "TD-0001", service: "Safeguarding", team: "Safeguarding Team 1", visitDate: "2017-08-07" };
    for (const d of gradedColumns(config)) form.grades[d.key] = "RI";
    const who = { who: "A. Moderator", when: "01/12/2026 09:00" };
    expect(await recordVisit(book, form, who)).toMatchObject({ ok: true });
    const loaded = (await loadVisitAt(book, 2))!;
    const edited = { ...loaded.form, grades: { ...loaded.form.grades, overall: "G", practice: "I" } };
    expect(await saveVisitEdit(book, 2, loaded.form, edited, { ...who, reason: "Panel", when: "02/12/2026 10:00" })).toMatchObject({ ok: true });
    const file = path.join(await tempDir(), "moderated.xlsx");
    await fs.writeFile(file, await book.writeBuffer());
    for (const columns of [60, 100]) {
      let stdout = "";
      const code = await run(["summary", file], { stdout: (t) => (stdout += t), stderr: () => undefined, columns });
      expect(code).toBe(0);
      const lines = stdout.split("\n");
      const section = lines.slice(lines.indexOf(MODERATION_TITLE));
      const end = section.indexOf("");
      const moderation = end < 0 ? section : section.slice(0, end);
      expect(moderation.length).toBeGreaterThan(2);
      expect(Math.max(...moderation.map((l) => l.length))).toBeLessThanOrEqual(columns);
      const table = body(moderation);
      const row = table.find((l) => l.startsWith("Safeguarding"))!;
      expect(words(row)).toEqual(["Safeguarding", "2", "1", "1", "0"]);
      expect(headingsOf(table.slice(0, table.indexOf(row)), row)).toEqual([`Service ${MODERATION_HEADINGS[0]}`, ...MODERATION_HEADINGS.slice(1)]);
      // At 100 the heading is one row, as before; at 60 it wraps.
      expect(table.indexOf(row)).toBe(columns === 100 ? 1 : table.indexOf(row));
      if (columns === 60) expect(table.indexOf(row)).toBeGreaterThan(1);
    }
  });
});
