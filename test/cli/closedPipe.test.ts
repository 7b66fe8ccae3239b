/**
 * Output read by a program that stops early (`summary … | head -1`, `report … | true`): the command line used to
 * crash with Node's stack trace and exit 1 on the EPIPE. Now it ends quietly with the exit status the command
 * has anyway, and the file written with -o is complete. Run as a child process of the built CLI whose stdout (and
 * stderr) pipe is closed by this end before the child has written anything.
 */
import { execFile, spawn } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import { tempDir } from "./fixtures";

const exec = promisify(execFile);
const ROOT = path.join(__dirname, "..", "..");
// Its own copy of the project's build (build/ is not tracked), so it never rewrites build/cli/main.js while another
// suite (bin.test.ts) runs that file.
const BIN = path.join(ROOT, "build", "test-closed-pipe", "main.js");
const EXAMPLE = path.join(ROOT, "examples", "diagnostics-example.xlsx");

let dir: string;

beforeAll(async () => {
  const pkg = JSON.parse(await fs.readFile(path.join(ROOT, "package.json"), "utf8"));
  const [command, ...args] = pkg.scripts["build:cli"].split(" ");
  const own = args.map((a: string) => (a.startsWith("--outfile=") ? `--outfile=${path.relative(ROOT, BIN)}` : a));
  await exec(path.join(ROOT, "node_modules", ".bin", command), own, { cwd: ROOT });
  dir = await tempDir();
}, 60_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the CLI; `closed` names the pipes this end closes at once (their reader gone). */
function run(args: string[], closed: ("stdout" | "stderr")[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    for (const name of ["stdout", "stderr"] as const) {
      if (closed.includes(name)) child[name].destroy();
      else child[name].on("data", (chunk: Buffer) => (name === "stderr" ? (stderr += chunk) : undefined));
    }
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}

const isZip = (bytes: Buffer) => bytes.subarray(0, 2).toString("latin1") === "PK";

describe("stdout closed early", () => {
  it.each([
    ["summary", ".xlsx"],
    ["report", ".docx"],
  ])("%s -o: no stack trace, the exit status it has anyway, and the file written whole", async (command, ext) => {
    const whole = await run([command, EXAMPLE, "-o", path.join(dir, `whole-${command}${ext}`)], []);
    expect(whole.code).not.toBeNull();
    const out = path.join(dir, `piped-${command}${ext}`);
    const cut = await run([command, EXAMPLE, "-o", out], ["stdout"]);
    expect(cut.stderr).not.toMatch(/EPIPE|node:events|\n\s+at |Unexpected error/);
    expect(cut.stderr).toBe(whole.stderr);
    expect(cut.signal).toBeNull();
    expect(cut.code).toBe(whole.code);
    const bytes = await fs.readFile(out);
    expect(isZip(bytes)).toBe(true);
    // Whole: the zip's end record closes the file (its size differs from the other run's by the timestamps only).
    expect(bytes.subarray(-22).readUInt32LE(0)).toBe(0x06054b50);
    expect(Math.abs(bytes.length - (await fs.stat(path.join(dir, `whole-${command}${ext}`))).size)).toBeLessThan(64);
  }, 60_000);

  it("summary --json: no stack trace, same exit status", async () => {
    const whole = await run(["summary", EXAMPLE, "--json"], []);
    const cut = await run(["summary", EXAMPLE, "--json"], ["stdout"]);
    expect(cut.stderr).not.toMatch(/EPIPE|node:events|\n\s+at /);
    expect(cut.code).toBe(whole.code);
  }, 60_000);

  it("stdout and stderr both closed: the same exit status, and the file written", async () => {
    const whole = await run(["summary", EXAMPLE], []);
    const out = path.join(dir, "both.xlsx");
    const cut = await run(["summary", EXAMPLE, "-o", out], ["stdout", "stderr"]);
    expect(cut.signal).toBeNull();
    expect(cut.code).toBe(whole.code);
    expect(isZip(await fs.readFile(out))).toBe(true);
  }, 60_000);
});
