/**
 * Issue 14, consolidation: with several inputs the Word report's base lists each file with its visits counted and
 * left out, in the text summary's own words, and its rows-left-out table names the file. One input: no list.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { readDocx } from "../report/docxText";
import { cli, csvText, knownRows, tempDir, visit, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await tempDir();
  // east: the published example (14 counted, 1 draft, 1 left out); west: 3 more visits, one mistyped.
  await writeXlsx(at("east.xlsx"), [{ rows: knownRows() }]);
  await fs.writeFile(
    at("west.csv"),
    csvText([visit("Assessment", ["G", "G", "G", "G", "G"]), visit("Assessment", ["G", "RI", "G", "G", "G"]), visit("Fostering", ["G", "x", "G", "G", "G"])]),
  );
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The paragraphs between the base's heading and the next heading. */
function baseSection(paragraphs: { style: string | null; text: string }[]): string[] {
  const start = paragraphs.findIndex((p) => p.text === "What the figures cover");
  const end = paragraphs.findIndex((p, i) => i > start && p.style !== null && /Heading/.test(p.style));
  return paragraphs.slice(start + 1, end).map((p) => p.text);
}

it("lists each file in the base with its visits counted and left out, as the text summary does", async () => {
  const out = at("both.docx");
  const r = await cli("report", at("east.xlsx"), at("west.csv"), "-o", out);
  expect(r.code).toBe(0);
  const text = await cli("summary", at("east.xlsx"), at("west.csv"));
  const docx = await readDocx(new Uint8Array(await fs.readFile(out)));
  const base = baseSection(docx.paragraphs);
  const lines = ["Files (2):", "east.xlsx: 14 visits counted, 1 left out, 1 draft.", "west.csv: 2 visits counted, 1 left out."];
  expect(base).toEqual(expect.arrayContaining(lines));
  expect(base.indexOf("Files (2):") + 1).toBe(base.indexOf(lines[1]));
  // The same wording as the text summary's base.
  for (const line of lines) expect(text.stdout).toContain(line);
  // The rows left out name their file.
  const leftOut = docx.tables.find((t) => t[0][0].text === "Row")!;
  expect(leftOut.slice(1).map((row) => row[0].text)).toEqual(["east.xlsx: Diagnostics row 17", "west.csv row 4"]);
});

it("lists the files under the selection: their visits counted in round 2 only", async () => {
  const out = at("round.docx");
  const r = await cli("report", at("east.xlsx"), at("west.csv"), "-o", out, "--round", "2");
  expect(r.code).toBe(0);
  const base = baseSection((await readDocx(new Uint8Array(await fs.readFile(out)))).paragraphs);
  expect(base).toEqual(expect.arrayContaining(["east.xlsx: 0 visits counted, 0 left out.", "west.csv: 0 visits counted, 0 left out."]));
});

it("gives one input's report no list of files", async () => {
  const out = at("one.docx");
  expect((await cli("report", at("east.xlsx"), "-o", out)).code).toBe(0);
  const docx = await readDocx(new Uint8Array(await fs.readFile(out)));
  expect(docx.paragraphs.some((p) => /^Files \(/.test(p.text))).toBe(false);
  expect(docx.tables.find((t) => t[0][0].text === "Row")!.slice(1).map((row) => row[0].text)).toEqual(["Diagnostics row 17"]);
});
