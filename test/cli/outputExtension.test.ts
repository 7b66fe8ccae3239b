/**
 * Each command's -o must end in the extension of what it writes: `summary a.csv -o out.csv` wrote a workbook
 * named .csv, and `report a.csv -o rep.xlsx` a Word file named .xlsx. One sentence and exit 2, before reading
 * anything; nothing is written. Case does not matter (.XLSX is an .xlsx).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { cli, knownRows, tempDir, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

let dir: string;
let input: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await tempDir();
  input = at("visits.xlsx");
  await writeXlsx(input, [{ rows: knownRows() }]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const exists = (file: string) => fs.stat(file).then(() => true, () => false);

describe("-o must name a file of the kind the command writes", () => {
  it("summary -o out.csv: says it writes a workbook, and where the counts as CSV come from", async () => {
    const out = at("out.csv");
    const result = await cli("summary", input, "-o", out);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `summary -o writes the summary workbook, an .xlsx file, so name it ${at("out.xlsx")}; ` +
        "the counts as CSV come from the pane's Summary tab (Download counts (CSV)).\n",
    );
    expect(await exists(out)).toBe(false);
  });

  it("report -o rep.xlsx: says it writes a Word report (.docx)", async () => {
    const out = at("rep.xlsx");
    const result = await cli("report", input, "-o", out);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `report -o writes a Word report, a .docx file, so name it ${at("rep.docx")}.\n` });
    expect(await exists(out)).toBe(false);
  });

  it("every command with -o: trends, template and feedback too, and a name with no extension", async () => {
    expect(await cli("trends", input, "-o", at("t.docx"))).toEqual({
      code: 2,
      stdout: "",
      stderr: `trends -o writes the trends workbook, an .xlsx file, so name it ${at("t.xlsx")}.\n`,
    });
    expect(await cli("template", "-o", at("blank.csv"))).toEqual({
      code: 2,
      stdout: "",
      stderr: `template -o writes a blank Diagnostics workbook, an .xlsx file, so name it ${at("blank.xlsx")}.\n`,
    });
    expect(await cli("feedback", input, "--visit", "TD-001", "-o", at("fb.pdf"))).toEqual({
      code: 2,
      stdout: "",
      stderr: `feedback -o writes the team's feedback report (Word), a .docx file, so name it ${at("fb.docx")}.\n`,
    });
    expect(await cli("summary", input, "-o", at("summary"))).toEqual({
      code: 2,
      stdout: "",
      stderr: `summary -o writes the summary workbook, an .xlsx file, so name it ${at("summary.xlsx")}; the counts as CSV come from the pane's Summary tab (Download counts (CSV)).\n`,
    });
  });

  it("a name ending in a backslash on Linux or a Mac is a file name like any other, and checked", async () => {
    if (path.sep === "\\") return; // on Windows a final backslash names a folder, which the write refuses
    const out = path.join(dir, "sum.csv\\");
    const result = await cli("summary", input, "-o", out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("summary -o writes the summary workbook, an .xlsx file");
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it("the right extension in any case is written", async () => {
    const upper = at("OUT.XLSX");
    const summary = await cli("summary", input, "-o", upper);
    expect(summary.code).toBe(0);
    expect(await exists(upper)).toBe(true);
    const report = at("Report.DOCX");
    expect((await cli("report", input, "-o", report)).code).toBe(0);
    expect(await exists(report)).toBe(true);
  });
});
