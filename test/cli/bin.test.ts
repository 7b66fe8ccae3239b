import { execFile } from "child_process";
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { promisify } from "util";

const run = promisify(execFile);
const ROOT = path.join(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
const BIN = path.join(ROOT, pkg.bin["team-diagnostics"]);

beforeAll(async () => {
  // The project's own build, as `npm install` (prepare) and `npm run cli` run it.
  const [command, ...args] = pkg.scripts["build:cli"].split(" ");
  await run(path.join(ROOT, "node_modules", ".bin", command), args, { cwd: ROOT });
}, 60_000);

describe("the team-diagnostics bin", () => {
  it("is compiled JavaScript with a node shebang, and npm run cli uses the same file", async () => {
    expect(BIN.endsWith(".js")).toBe(true);
    expect((await fs.readFile(BIN, "utf8")).startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(pkg.scripts.cli).toContain(`node ${pkg.bin["team-diagnostics"]}`);
    expect(pkg.scripts.prepare).toContain("build:cli");
  });

  it("answers --help with exit 0 and without loading ExcelJS or docx", async () => {
    const { stdout } = await run(process.execPath, ["-e", `
      const cli = require(${JSON.stringify(BIN)});
      let out = "";
      cli.run(["--help"], { stdout: (t) => (out += t), stderr: () => {} }).then((code) => {
        const loaded = Object.keys(require.cache).filter((m) => /node_modules[\\\\/](exceljs|docx|jszip)[\\\\/]/.test(m));
        console.log(JSON.stringify({ code, usage: out.split("\\n")[0], loaded }));
      });`]);
    expect(JSON.parse(stdout)).toEqual({ code: 0, usage: "Team Diagnostics command line", loaded: [] });
  });

  it("runs a command as a child process: one sentence and exit 2 for an unknown option", async () => {
    const failed = await run(process.execPath, [BIN, "summary", "x.xlsx", "--colour"]).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toBe("Unknown option --colour; see --help.\n");
    expect(failed.stdout).toBe("");
  });
});
