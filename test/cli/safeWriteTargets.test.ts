/**
 * What -o does with a target that is not a plain file or folder, or whose folder is not there (a newcomer's
 * findings): a device, FIFO or socket is refused (it was replaced by a regular file); a symlink is written through
 * (the link itself was replaced and its target never written); a missing folder is refused (it was created, typo
 * and all); "newdir/" says what is wrong (it said part of the folder path was a file). The devices here are only
 * ever reached through a symlink made under the test's own folder in /tmp, and are never written.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as net from "net";
import * as path from "path";
import { promisify } from "util";
import { cli, knownRows, tempDir, writeXlsx } from "./fixtures";

const exec = promisify(execFile);

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await tempDir();
  input = path.join(dir, "in.xlsx");
  await writeXlsx(input, [{ rows: knownRows() }]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The message lines (stderr also has validation problems for the fixture's bad rows): the write's sentence. */
function sentence(stderr: string): string {
  const lines = stderr.split("\n").filter((l) => l && !/^Diagnostics!|problems? .*in in\.xlsx\.$/.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/\bE[A-Z]{3,}\b|errno|\.tmp\b|\n\s+at /);
  return lines[0];
}

async function leftovers(folder: string): Promise<string[]> {
  return (await fs.readdir(folder)).filter((name) => name.endsWith(".tmp"));
}

const isZip = (bytes: Buffer) => bytes.subarray(0, 2).toString("latin1") === "PK";

describe("-o a special file: refused, nothing written", () => {
  it("a FIFO stays a FIFO (summary and report), exit 2, one sentence", async () => {
    const fifo = path.join(dir, "myfifo");
    await exec("mkfifo", [fifo]);
    for (const command of ["summary", "report"]) {
      const result = await cli(command, input, "-o", fifo);
      expect(result.code).toBe(2);
      expect(sentence(result.stderr)).toMatch(/^Cannot write the (summary workbook|report) to ".*myfifo": it is a pipe \(FIFO\), not a file; give a file name\.$/);
      expect((await fs.lstat(fifo)).isFIFO()).toBe(true);
    }
    expect(await leftovers(dir)).toEqual([]);
  });

  it("a socket stays a socket", async () => {
    const socket = path.join(dir, "sock");
    const server = net.createServer().listen(socket);
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const result = await cli("summary", input, "-o", socket);
      expect(result.code).toBe(2);
      expect(sentence(result.stderr)).toMatch(/: it is a socket, not a file; give a file name\.$/);
      expect((await fs.lstat(socket)).isSocket()).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a device (reached through a symlink under /tmp) is refused and the link is kept", async () => {
    const link = path.join(dir, "null-link.xlsx");
    await fs.symlink("/dev/null", link);
    const result = await cli("summary", input, "-o", link);
    expect(result.code).toBe(2);
    expect(sentence(result.stderr)).toMatch(/^Cannot write the summary workbook to ".*null-link\.xlsx": it is a device, not a file; give a file name\.$/);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe("/dev/null");
    expect((await fs.stat("/dev/null")).isCharacterDevice()).toBe(true);
    expect(await leftovers(dir)).toEqual([]);
  });
});

describe("-o a symlink: written through", () => {
  it("replaces the file the link points to (in another folder), keeps the link, leaves no .tmp", async () => {
    const real = path.join(dir, "real");
    await fs.mkdir(real);
    const target = path.join(real, "target.xlsx");
    // Last run's summary workbook (a workbook holding other sheets is never replaced: outputReplace.test.ts).
    expect((await cli("summary", input, "-o", target)).code).toBe(0);
    const before = await fs.stat(target);
    const link = path.join(dir, "symout.xlsx");
    await fs.symlink(path.relative(dir, target), link);
    const result = await cli("summary", input, "-o", link);
    expect(result.code).toBe(0);
    expect((await fs.stat(target)).ino).not.toBe(before.ino);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readlink(link)).toBe(path.join("real", "target.xlsx"));
    expect(isZip(await fs.readFile(target))).toBe(true);
    expect(await leftovers(dir)).toEqual([]);
    expect(await leftovers(real)).toEqual([]);
  });

  it("a link to a link, and a link whose file is not there yet: the file at the end is written", async () => {
    const end = path.join(dir, "end.docx");
    const second = path.join(dir, "second.docx");
    const first = path.join(dir, "first.docx");
    await fs.symlink(end, second);
    await fs.symlink(second, first);
    const result = await cli("report", input, "-o", first);
    expect(result.code).toBe(0);
    expect(isZip(await fs.readFile(end))).toBe(true);
    expect((await fs.lstat(first)).isSymbolicLink()).toBe(true);
    expect((await fs.lstat(second)).isSymbolicLink()).toBe(true);
  });

  it("a link reached through a linked folder, with .. in it, writes the file the kernel reaches, not the one the text names", async () => {
    // a/linkdir -> ../b/c, and b/c/out.xlsx -> ../target.xlsx: the kernel reads .. from b/c, so the link leads to
    // b/target.xlsx; joined as text (a/linkdir/../target.xlsx) it would be a/target.xlsx, someone else's file.
    const a = path.join(dir, "dotdot", "a");
    const c = path.join(dir, "dotdot", "b", "c");
    await fs.mkdir(a, { recursive: true });
    await fs.mkdir(c, { recursive: true });
    await fs.symlink(path.join("..", "b", "c"), path.join(a, "linkdir"));
    await fs.symlink(path.join("..", "target.xlsx"), path.join(c, "out.xlsx"));
    const bystander = path.join(a, "target.xlsx");
    await fs.writeFile(bystander, "someone else's");
    const result = await cli("summary", input, "-o", path.join(a, "linkdir", "out.xlsx"));
    expect(result.code).toBe(0);
    expect(await fs.readFile(bystander, "utf8")).toBe("someone else's");
    expect(isZip(await fs.readFile(path.join(dir, "dotdot", "b", "target.xlsx")))).toBe(true);
    expect((await fs.lstat(path.join(c, "out.xlsx"))).isSymbolicLink()).toBe(true);
  });

  it("a link to the input is still refused, and the input kept", async () => {
    const before = await fs.readFile(input);
    const link = path.join(dir, "to-input.xlsx");
    await fs.symlink(input, link);
    const result = await cli("summary", input, "-o", link);
    expect(result.code).toBe(2);
    expect(sentence(result.stderr)).toMatch(/is the input file/);
    expect(await fs.readFile(input)).toEqual(before);
  });

  it("links round in a circle: one sentence, exit 2", async () => {
    const a = path.join(dir, "loop-a.xlsx");
    const b = path.join(dir, "loop-b.xlsx");
    await fs.symlink(b, a);
    await fs.symlink(a, b);
    const result = await cli("summary", input, "-o", a);
    expect(result.code).toBe(2);
    expect(sentence(result.stderr)).toMatch(/^Cannot write the summary workbook to ".*loop-a\.xlsx": /);
    expect((await fs.lstat(a)).isSymbolicLink()).toBe(true);
  });
});

describe("-o in a folder that is not there", () => {
  it("is refused naming the folder, exit 2, and nothing is created", async () => {
    const missing = path.join(dir, "no-such-folder", "deeper");
    for (const command of ["summary", "report", "template"]) {
      const out = path.join(missing, "x.xlsx");
      const result = await cli(...(command === "template" ? [command, "-o", out] : [command, input, "-o", out]));
      expect(result.code).toBe(2);
      expect(sentence(result.stderr)).toBe(`The folder "${missing}" does not exist: create it first, or check the name given with -o.`);
    }
    await expect(fs.stat(path.join(dir, "no-such-folder"))).rejects.toThrow();
  });

  it('"newdir/" (a folder name, not there) says it names a folder, not that part of the path is a file', async () => {
    const out = path.join(dir, "newdir") + path.sep;
    const result = await cli("summary", input, "-o", out);
    expect(result.code).toBe(2);
    const said = sentence(result.stderr);
    expect(said).not.toMatch(/is a file, not a folder/);
    expect(said).toBe(`Cannot write the summary workbook to "${out}": it ends in "${path.sep}", so it names a folder, not a file; give a file name.`);
    await expect(fs.stat(path.join(dir, "newdir"))).rejects.toThrow();
    expect(await leftovers(dir)).toEqual([]);
  });

  it("a file where a folder should be still says so", async () => {
    const file = path.join(dir, "plain.txt");
    await fs.writeFile(file, "x");
    const result = await cli("summary", input, "-o", path.join(file, "out.xlsx"));
    expect(result.code).toBe(2);
    expect(sentence(result.stderr)).toMatch(/: part of its folder path is a file, not a folder\.$/);
  });
});
