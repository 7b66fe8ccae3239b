/**
 * The file readers' bench section (issue 14): the floor for reading a 100,000-row .xlsx (inflate the sheet XML
 * and scan it once), `summary --json` end to end against it, the 300,000-row CSV's peak memory, and the peers
 * pandas and SheetJS would give when they are installed. Prints figures; asserts nothing.
 */
import { execFileSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as path from "path";
import type { BenchSection } from "./bench";
import { benchBundle } from "./benchBundle";
import { floorArgs, floorPrinted } from "./floor";

interface Measured {
  seconds: number;
  peakMb: number;
  code: number;
  stdout?: string;
}

export interface FilesBenchDeps {
  root: string;
  out: string;
  /** The 100,000-row .xlsx, written if missing. */
  xlsx(): Promise<string>;
  rows(count: number): (string | number | null)[][];
  headers: string[];
  /** Wall time and peak memory of a process; its output kept when `keepStdout`. */
  measure(command: string, args: string[], keepStdout?: boolean): Promise<Measured>;
  line(label: string, value: string, target: string, ok: string): void;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Turns of floor then command (5: the median has 2 turns either side of it, and the section stays short). */
const TURNS = 5;

const csvField = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function writeCsv(file: string, headers: string[], rows: (string | number | null)[][]): Promise<void> {
  const handle = await fs.open(file, "w");
  try {
    await handle.write(`${headers.join(",")}\r\n`);
    for (let i = 0; i < rows.length; i += 10_000) {
      await handle.write(rows.slice(i, i + 10_000).map((r) => `${r.map((v, c) => csvField(c === 1 && typeof v === "number" ? serialToBritish(v) : v)).join(",")}\r\n`).join(""));
    }
  } finally {
    await handle.close();
  }
}

function serialToBritish(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86400000);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

/** The wall time of `node -e 0` under `env`, median of 3: a process that starts and does nothing. */
function nodeStartSeconds(env: NodeJS.ProcessEnv): number {
  const runs = [0, 1, 2].map(() => {
    const t0 = performance.now();
    execFileSync(process.execPath, ["-e", "0"], { env, stdio: "ignore" });
    return (performance.now() - t0) / 1000;
  });
  return median(runs);
}

function installed(check: () => void): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

export function filesSection(deps: FilesBenchDeps): BenchSection {
  return {
    title: "File readers: floor and summary --json in 5 turns, the read alone (3 runs), CSV memory, peers",
    async run() {
      const input = await deps.xlsx();
      // The compiled command line (npm run build:cli), as the bin runs it; tsx only when it is not built.
      const built = path.join(deps.root, "build", "cli", "main.js");
      const cli = existsSync(built) ? [process.execPath, built, "summary"] : [process.execPath, "--import", "tsx", "src/cli/main.ts", "summary"];
      // The floor and the command take turns, and the ratio is the median of each turn's command over its floor: on
      // a shared machine whose speed changes from one second to the next, a floor measured a while before the
      // command would compare a quiet moment with a busy one.
      //
      // The target's floor is the inflate and scan timed inside a fresh process: the work the issue names, its code
      // starting cold as the command's does. The same process timed from start to end (Node's start, reading the
      // file, the exit: what the command pays too) is printed for comparison: adding the same start to both sides
      // always brings a ratio nearer 1, and the issue budgets start-up on its own (`--help` under 0.2 s).
      const floorBundle = benchBundle("floor");
      const wholes: Measured[] = [];
      const insides: number[] = [];
      const runs: Measured[] = [];
      let xmlMb = 0;
      for (let i = 0; i < TURNS; i++) {
        const f = await deps.measure(process.execPath, floorArgs(floorBundle, input), true);
        if (f.code !== 0) throw new Error("the floor's process failed");
        const printed = floorPrinted(f.stdout ?? "");
        xmlMb = printed.xmlMb;
        wholes.push(f);
        insides.push(printed.inside);
        runs.push(await deps.measure(cli[0], [...cli.slice(1), input, "--json"]));
      }
      const floor = median(insides);
      const seconds = median(runs.map((r) => r.seconds));
      const ratio = median(runs.map((r, i) => r.seconds / insides[i]));
      const peak = Math.max(...runs.map((r) => r.peakMb));
      deps.line(`floor: inflate ${xmlMb.toFixed(0)} MB of XML, scan it once (timed inside)`, `${floor.toFixed(2)} s`, "", "");
      deps.line("summary --json, 100,000-row .xlsx, wall time", `${seconds.toFixed(2)} s`, "", "");
      deps.line("summary --json, 100,000-row .xlsx, peak memory", `${peak.toFixed(0)} MB`, "< 300 MB", peak < 300 ? "ok" : "OVER TARGET");
      deps.line("ratio to the floor (median of the turns' ratios)", `${ratio.toFixed(2)} x`, "< 2 x", ratio < 2 ? "ok" : "OVER TARGET");
      process.stdout.write(`    (each turn, floor then command: ${insides.map((f, i) => `${f.toFixed(2)}/${runs[i].seconds.toFixed(2)} s`).join(", ")})\n`);
      deps.line("  (for comparison) the floor's process, start to end", `${median(wholes.map((w) => w.seconds)).toFixed(2)} s`, "", "start, read, exit");
      deps.line("  (for comparison) the command over it, process to process", `${median(runs.map((r, i) => r.seconds / wholes[i].seconds)).toFixed(2)} x`, "", "");
      // Where the command's time goes: the read alone (open the file, read the Diagnostics table as summary does) in a
      // fresh process, and what is left for checking the rows, rolling them up and printing.
      const { buildReadBundle, readOnce } = await import("./readCpu");
      const bundle = buildReadBundle();
      const reads = [0, 1, 2].map(() => readOnce(bundle, input));
      const readWall = median(reads.map((r) => r.wallMs)) / 1000;
      deps.line("  of which open and read (timed inside a fresh process)", `${readWall.toFixed(2)} s`, "", `${(readWall / floor).toFixed(1)} x floor`);
      deps.line("  of which the rest: start-up, checks, roll-up, output", `${Math.max(0, seconds - readWall).toFixed(2)} s`, "", "");
      // Node's own start, which the command pays and the floor timed inside its process does not. When
      // NODE_EXTRA_CA_CERTS is set, Node 20 loads that file and its bundled root certificates at every start, network or
      // not (https://github.com/nodejs/node/pull/23354 made it so; https://github.com/nodejs/node/pull/44529 makes
      // later versions load them only when a secure connection needs them). On the development machine it names the
      // system's CA bundle (144 certificates), and `node -e 0` took 0.08 to 0.11 s with it against 0.02 to 0.03 s without.
      deps.line("  of which Node's own start (node -e 0, median of 3)", `${nodeStartSeconds(process.env).toFixed(2)} s`, "", "");
      if (process.env.NODE_EXTRA_CA_CERTS) {
        const { NODE_EXTRA_CA_CERTS: _certs, ...without } = process.env;
        deps.line("  (for comparison) Node's start without NODE_EXTRA_CA_CERTS", `${nodeStartSeconds(without).toFixed(2)} s`, "", "set here");
      }

      const csv = path.join(deps.out, "diagnostics-300000.csv");
      if (!existsSync(csv)) {
        process.stdout.write(`  generating ${path.relative(deps.root, csv)} (not timed)...\n`);
        await writeCsv(csv, deps.headers, deps.rows(300_000));
      }
      const csvRun = await deps.measure(cli[0], [...cli.slice(1), csv, "--json"]);
      deps.line("summary --json, 300,000-row .csv, wall time", `${csvRun.seconds.toFixed(2)} s`, "", "");
      deps.line("summary --json, 300,000-row .csv, peak memory", `${csvRun.peakMb.toFixed(0)} MB`, "< 500 MB", csvRun.peakMb < 500 ? "ok" : "OVER TARGET");

      // Peers: only when already installed; nothing is fetched.
      const pandas = installed(() => execFileSync("python3", ["-c", "import pandas, openpyxl"], { stdio: "ignore" }));
      if (pandas) {
        const r = await deps.measure("python3", ["-c", `import pandas; pandas.read_excel(${JSON.stringify(input)})`]);
        deps.line("peer: pandas.read_excel, 100,000-row .xlsx", `${r.seconds.toFixed(2)} s`, "", `${r.peakMb.toFixed(0)} MB`);
      } else deps.line("peer: pandas", "not installed", "", "");
      const sheetjs = installed(() => require.resolve("xlsx"));
      if (sheetjs) {
        const script = `require("xlsx").readFile(${JSON.stringify(input)}, { dense: true })`;
        const r = await deps.measure(process.execPath, ["-e", script]);
        deps.line("peer: SheetJS readFile, 100,000-row .xlsx", `${r.seconds.toFixed(2)} s`, "", `${r.peakMb.toFixed(0)} MB`);
      } else deps.line("peer: SheetJS (xlsx)", "not installed", "", "");
    },
  };
}
