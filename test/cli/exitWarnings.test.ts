/**
 * Exit status 1 is for problems (errors: a row or a cell that cannot be counted as it is), not for warnings alone:
 * a file with only grade-spelling warnings counts every visit, so validate exits 0 and says so; --strict (on
 * validate and on the commands that take it) makes a warning exit 1 too, before circulating.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { cli, tempDir, visit, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

let dir: string;
let warningsOnly: string;
let withError: string;
/** A workbook and its copy: each visit counted once, with a warning (the warning the newcomer's summary --strict hit). */
let copies: string[];

beforeAll(async () => {
  dir = await tempDir();
  warningsOnly = path.join(dir, "spellings.xlsx");
  await writeXlsx(warningsOnly, [{ rows: [visit("Assessment", ["Good", "good", "G", "G", "ri"]), visit("Assessment", ["G", "G", "G", "G", "G"])] }]);
  withError = path.join(dir, "mistyped.xlsx");
  const rows = [visit("Assessment", ["G", "G", "G", "G", "G"]), visit("Safeguarding", ["RI", "G", "RI", "G", "RI"])];
  copies = [path.join(dir, "east.xlsx"), path.join(dir, "east-copy.xlsx")];
  for (const file of copies) await writeXlsx(file, [{ rows }]);
  await writeXlsx(withError, [{ rows: [visit("Assessment", ["G", "x", "G", "G", "G"]), visit("Assessment", ["Good", "G", "G", "G", "G"])] }]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("validate", () => {
  it("warnings alone: every line printed, exit 0; with --strict, exit 1", async () => {
    const plain = await cli("validate", warningsOnly);
    expect(plain.stderr).toBe("spellings.xlsx: 3 warnings; 2 visits counted, 0 drafts, 0 left out.\n");
    expect(plain.stdout.split("\n").filter(Boolean)).toHaveLength(3);
    expect(plain.code).toBe(0);
    const strict = await cli("validate", warningsOnly, "--strict");
    expect({ code: strict.code, stdout: strict.stdout, stderr: strict.stderr }).toEqual({ code: 1, stdout: plain.stdout, stderr: plain.stderr });
    // A copied file, counted once with warnings.
    const copied = await cli("validate", ...copies);
    expect(copied.stderr).toContain("All 2 files: 2 warnings; 2 visits counted, 0 drafts, 0 left out.\n");
    expect(copied.code).toBe(0);
    expect((await cli("validate", ...copies, "--strict")).code).toBe(1);
  });

  it("a problem (a row left out): exit 1, with or without --strict", async () => {
    expect((await cli("validate", withError)).code).toBe(1);
    expect((await cli("validate", withError, "--strict")).code).toBe(1);
  });
});

describe("--strict on the other commands", () => {
  it("summary, report and trends exit 0 on warnings alone, 1 with --strict", async () => {
    const json = JSON.parse((await cli("summary", ...copies, "--json")).stdout) as { base: { visits: number }; problems: unknown[] };
    expect([json.base.visits, json.problems.length]).toEqual([2, 2]);
    for (const [command, extra] of [
      ["summary", ["--json"]],
      ["trends", ["--json"]],
      ["report", ["-o", path.join(dir, "r.docx")]],
    ] as const) {
      expect([command, (await cli(command, ...copies, ...extra)).code]).toEqual([command, 0]);
      expect([command, (await cli(command, ...copies, ...extra, "--strict")).code]).toEqual([command, 1]);
    }
  });
});

describe("the help and the README say the same", () => {
  it("validate --help, --help and the README: problems exit 1, warnings only with --strict", async () => {
    const readme = await fs.readFile(path.join(__dirname, "../../README.md"), "utf8");
    const validateHelp = (await cli("validate", "--help")).stdout;
    expect(validateHelp).toContain("Exit status 1 when there is any problem; warnings alone exit 0, and 1 with --strict.");
    expect(validateHelp).toContain("--strict              Exit status 1 on warnings too.");
    const summaryHelp = (await cli("summary", "--help")).stdout;
    expect(summaryHelp).toContain("--strict              Exit with status 1 when there is any problem or warning.");
    expect(summaryHelp).not.toContain("when there is any problem.\n");
    expect(readme).toContain("exits with status 1 if there are any problems (warnings alone exit 0; with `--strict`, 1)");
    expect(readme).toContain("| `--strict` | Exits with status 1 if there is any problem or warning. |");
    expect(readme).not.toContain("| `--strict` | Exits with status 1 if there is any problem. |");
  });
});
