import { promises as fs } from "fs";
import * as path from "path";
import { cli, knownRows, tempDir, writeXlsx } from "./fixtures";

let dir: string;
let input: string;
let original: Buffer;

beforeAll(async () => {
  dir = await tempDir();
  input = path.join(dir, "in.xlsx");
  await writeXlsx(input, [{ rows: knownRows() }]);
  original = await fs.readFile(input);
});

// A test that lets the input be overwritten must not spoil the next one.
beforeEach(async () => {
  await fs.writeFile(input, original);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** One sentence, no errno code, no path of a temporary file, no stack. */
function plainSentence(stderr: string): void {
  const lines = stderr.split("\n").filter((l) => l && !/^Diagnostics!|problems? .*in in\.xlsx\.$/.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/\bE[A-Z]{3,}\b|errno|\.tmp\b|\n\s+at /);
}

async function leftovers(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).filter((name) => name.endsWith(".tmp"));
}

describe("the output is never the input", () => {
  it("refuses -o reaching the input through a symlinked folder, and leaves the input as it was", async () => {
    const link = path.join(dir, "linked-dir");
    await fs.symlink(dir, link);
    for (const command of ["summary", "report"]) {
      const result = await cli(command, input, "-o", path.join(link, "in.xlsx"));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is the input file/);
      plainSentence(result.stderr);
    }
    expect(await fs.readFile(input)).toEqual(original);
  });

  it("refuses a hard link to the input (same device and inode)", async () => {
    const hard = path.join(dir, "hard.xlsx");
    await fs.link(input, hard);
    const result = await cli("summary", input, "-o", hard);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is the input file/);
    expect(await fs.readFile(input)).toEqual(original);
  });
});

describe("write failures", () => {
  it("a folder as output: one sentence, and no .tmp file left behind", async () => {
    const folder = path.join(dir, "a-folder");
    await fs.mkdir(folder);
    for (const [command, ext] of [["summary", ""], ["report", ""], ["template", ""]] as const) {
      const args = command === "template" ? [command, "-o", folder + ext] : [command, input, "-o", folder + ext];
      const result = await cli(...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is a folder/);
      plainSentence(result.stderr);
    }
    expect(await leftovers(dir)).toEqual([]);
    expect(await leftovers(folder)).toEqual([]);
  });

  it("a write error is one plain sentence, without errno text or the temporary file's name", async () => {
    const file = path.join(dir, "not-a-folder.txt");
    await fs.writeFile(file, "x");
    for (const command of ["summary", "report", "template"]) {
      const out = path.join(file, "out.xlsx");
      const result = await cli(...(command === "template" ? [command, "-o", out] : [command, input, "-o", out]));
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^Cannot write /m);
      plainSentence(result.stderr);
    }
    expect(await leftovers(dir)).toEqual([]);
  });
});
