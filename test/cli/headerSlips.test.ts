/**
 * A tester's CSV copies of the example: "Satus" for Status counted a draft as Final, and "Overall Conclusions" gave
 * tables with no overall row, both with exit 0 and not a word. Now validate lists a warning at the header's cell
 * and summary prints it on stderr; the rows are counted as before (warnings, not errors).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { HEADERS, cli, csvText, tempDir, visit } from "./fixtures";

jest.setTimeout(60_000);

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const rename = (from: string, to: string) => HEADERS.map((h) => (h === from ? to : h));

describe("a header close to a column the file lacks", () => {
  it("Satus: validate and summary warn at Q1, and the draft still counts as Final", async () => {
    const file = path.join(dir, "satus.csv");
    const rows = [visit("Assessment", ["G", "G", "G", "G", "G"]), visit("Assessment", ["RI", "RI", "RI", "RI", "RI"], { Satus: "Draft" })];
    await fs.writeFile(file, csvText(rows, rename("Status", "Satus")));
    const line =
      `'satus.csv'!Q1 (warning): Column "Satus" is not a column Team Diagnostics reads, and there is no "Status" column: ` +
      'did you mean "Status"? Without it every row counts as Final.';
    const validate = await cli("validate", file);
    expect(validate.stdout.split("\n").filter(Boolean)).toEqual([line]);
    expect(validate.stderr).toBe("satus.csv: 1 warning; 2 visits counted, 0 drafts, 0 left out.\n");
    expect(validate.code).toBe(0);
    const summary = await cli("summary", file);
    expect(summary.stderr).toContain(`${line}\n`);
    expect(summary.stdout).toContain("2 visits counted.");
    expect(summary.code).toBe(0);
  });

  it("Overall Conclusions: the tables have no overall row, and summary says why", async () => {
    const file = path.join(dir, "conclusions.csv");
    await fs.writeFile(file, csvText([visit("Assessment", ["G", "G", "G", "G", "G"])], rename("Overall conclusion", "Overall Conclusions")));
    const summary = await cli("summary", file);
    expect(summary.stderr).toContain(
      `'conclusions.csv'!M1 (warning): Column "Overall Conclusions" is not a column Team Diagnostics reads, and there is no "Overall conclusion" column: ` +
        'did you mean "Overall conclusion"? Without it the tables have no Overall conclusion row.\n',
    );
    expect(summary.stdout).not.toContain("Overall conclusion");
    expect(summary.code).toBe(0);
  });
});
