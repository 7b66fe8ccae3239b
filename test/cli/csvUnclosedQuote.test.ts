/**
 * A CSV whose quoted field is never closed (a newcomer's finding): the parser used to take the rest of the file as
 * that one field, so every later visit vanished and summary and validate said nothing was wrong (exit 0). Now the
 * file is refused in one sentence naming the file, the row and the column where the quote opened.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { HEADERS, cli, csvText, tempDir, visit } from "./fixtures";

let dir: string;
let file: string;
const strengths = HEADERS.indexOf("Strengths");
const letter = String.fromCharCode(65 + strengths);

beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, "visits.csv");
  // No other quote in the file (one reviewer each: no comma to quote), so the quote stays open to the end.
  const one = { "Diagnostic team": "B. Reviewer" };
  const rows = [visit("Assessment", ["G", "G", "G", "G", "G"], one), visit("Assessment", ["RI", "RI", "RI", "RI", "RI"], one), visit("Assessment", ["I", "I", "I", "I", "I"], one)];
  expect(csvText(rows).split('"')).toHaveLength(1);
  const lines = csvText(rows).split("\r\n");
  // The second visit (row 3 of the file): its Strengths field opens a quote that never closes.
  lines[2] = lines[2].replace("Narrative that must never reach the summary.", '"oops they said');
  await fs.writeFile(file, lines.join("\r\n"));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("a CSV with a quote never closed", () => {
  it.each([["summary"], ["validate"], ["report"]])("%s refuses it with one sentence naming the file, the row and the column; exit 2", async (command) => {
    const result = await cli(command, file, ...(command === "report" ? ["-o", path.join(dir, "out.docx")] : []));
    expect(letter).toBe("N");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `"${file}" could not be read as CSV: row 3, column N ("Strengths"): a quoted field starts there and is never closed, ` +
        "so every row after it would be read as part of it; add the closing quote and try again.\n",
    );
  });

  it("writes no output file", async () => {
    const out = path.join(dir, "summary.xlsx");
    expect((await cli("summary", file, "-o", out)).code).toBe(2);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it("a quote closed on a later line is still a field with a line break in it (all three visits counted)", async () => {
    const closed = path.join(dir, "closed.csv");
    const text = await fs.readFile(file, "utf8");
    await fs.writeFile(closed, text.replace('"oops they said', '"oops they said\r\non two lines"'));
    const result = await cli("validate", closed);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/no problems; 3 visits counted/);
  });
});
