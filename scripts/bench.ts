/**
 * npm run bench: how fast the grading core and the command line are on 100,000 visits.
 * Prints figures against the targets; asserts nothing (timings belong in a report, not a test).
 *
 * Sections run in order; each prints its own lines. To add a measurement (the task pane bundle size,
 * say), write a BenchSection and add it to SECTIONS at the bottom.
 */
import { execFileSync, spawn } from "child_process";
import { existsSync, promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  RawTable,
  columnDefinitions,
  compileScale,
  defaultConfig,
  rollUp,
  toExcelSerial,
  validateTable,
} from "../src/domain";
import { filesSection } from "./benchFiles";
import { random } from "./random";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "bench-output");
const ROWS = 100_000;

export interface BenchSection {
  title: string;
  run(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Generated data: a deterministic pseudo-random programme of visits, typed as people type them.


const SERVICES = ["Front door and MASH", "Assessment", "Safeguarding", "Children in care", "Care leaving", "Children with disabilities", "Family support"];
const AREAS = ["North", "South", "East", "West", "Central"];
/** Weighted towards RI, with the spellings of domain.md. */
const GRADES = ["RI", "RI", "RI", "ri", "R.I.", "Requires improvement to be good", "G", "G", "good ", "Good", "I", "I", "Inadequate", "RI / I", "RI/I", "G / RI", "O", "NJ", "No judgement"];

export const HEADERS = columnDefinitions(defaultConfig()).map((d) => d.header);

/** One row of cells in HEADERS order, as a reader hands them over (dates as Excel serials). */
export function benchRows(count: number, seed = 42): (string | number | null)[][] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const start = toExcelSerial("2017-04-01");
  const rows: (string | number | null)[][] = [];
  for (let i = 0; i < count; i++) {
    const service = pick(SERVICES);
    const area = pick(AREAS);
    const team = `${service} Team ${1 + Math.floor(next() * 9)} (${area})`;
    const grade = () => pick(GRADES);
    const draft = next() < 0.02;
    const typo = next() < 0.005;
    rows.push([
      `TD-${String(i + 1).padStart(6, "0")}`,
      start + Math.floor(next() * 2500),
      `Round ${1 + Math.floor(next() * 4)}`,
      service,
      team,
      area,
      `${String.fromCharCode(65 + (i % 26))}. Manager`,
      "C. Reviewer, D. Reviewer",
      grade(),
      typo ? "Requires Imprvement" : grade(),
      grade(),
      grade(),
      grade(),
      "Stable staff group; children seen regularly and their views recorded.",
      "Supervision is not always recorded; plans are not always specific.",
      "Monthly supervision for every worker; SMART outcomes in plans.",
      draft ? "Draft" : "Final",
    ]);
  }
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function verdict(value: number, target: number): string {
  return value < target ? "ok" : "OVER TARGET";
}

function line(label: string, value: string, target: string, ok: string): void {
  process.stdout.write(`  ${label.padEnd(58)} ${value.padStart(10)}   ${target ? `target ${target.padEnd(9)}` : "".padEnd(16)} ${ok}\n`);
}

// ---------------------------------------------------------------------------------------------
// (a) The grading core on 100,000 visits, in process.

const coreSection: BenchSection = {
  title: `Grading core: ${ROWS.toLocaleString("en-GB")} generated visits (median of 7 runs)`,
  async run() {
    const config = defaultConfig({ services: [] });
    const compiled = compileScale(config.scale);
    const table: RawTable = { sheet: "Diagnostics", headerRow: 1, firstColumn: 0, headers: HEADERS, rows: benchRows(ROWS) };
    const both: number[] = [];
    const validateOnly: number[] = [];
    const rollOnly: number[] = [];
    let validation = validateTable(table, config, compiled); // warm up
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      validation = validateTable(table, config, compiled);
      const t1 = performance.now();
      rollUp(validation, config, { compiled });
      const t2 = performance.now();
      validateOnly.push(t1 - t0);
      rollOnly.push(t2 - t1);
      both.push(t2 - t0);
    }
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    line("validateTable + rollUp", ms(median(both)), "< 100 ms", verdict(median(both), 100));
    line("  of which validateTable", ms(median(validateOnly)), "", "");
    line("rollUp alone", ms(median(rollOnly)), "< 100 ms", verdict(median(rollOnly), 100));
    process.stdout.write(`  (${validation.visits.length.toLocaleString("en-GB")} visits counted, ${validation.drafts.length} drafts, ${validation.excluded.length} left out)\n`);
  },
};

// ---------------------------------------------------------------------------------------------
// (b) `summary` end to end on a 100,000-row .xlsx, as a child process: wall time and peak memory.

async function writeBenchWorkbook(file: string): Promise<void> {
  // ExcelJS's streaming writer: the generated file is not part of what is timed.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("Diagnostics", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = HEADERS.map((h) => ({ header: h, width: h === "Visit date" ? 12 : 18, style: h === "Visit date" ? { numFmt: "dd/mm/yyyy" } : {} }));
  for (const row of benchRows(ROWS)) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
}

interface Measured {
  seconds: number;
  peakMb: number;
  code: number;
  /** What the command printed, when asked for (`keepStdout`); else its output is discarded. */
  stdout?: string;
}

/** Runs a command, measuring wall time and peak resident memory (GNU time when present, else /proc polling). */
async function measure(command: string, args: string[], keepStdout = false): Promise<Measured> {
  const useTime = existsSync("/usr/bin/time");
  const started = performance.now();
  const out = keepStdout ? "pipe" : "ignore";
  const child = useTime
    ? spawn("/usr/bin/time", ["-f", "TD_PEAK_KB %M", command, ...args], { cwd: ROOT, stdio: ["ignore", out, "pipe"] })
    : spawn(command, args, { cwd: ROOT, stdio: ["ignore", out, "pipe"] });
  let stderr = "";
  let stdout = "";
  child.stderr!.on("data", (d) => (stderr += d));
  child.stdout?.on("data", (d) => (stdout += d));
  let polledKb = 0;
  const poll = useTime
    ? null
    : setInterval(() => {
        polledKb = Math.max(polledKb, treeRssKb(child.pid!));
      }, 20);
  const code: number = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  const match = /TD_PEAK_KB (\d+)/.exec(stderr);
  const peakKb = match ? Number(match[1]) : polledKb;
  if (code !== 0) process.stdout.write(`  command failed (${code}): ${stderr.trim().split("\n").slice(-3).join(" / ")}\n`);
  return { seconds, peakMb: peakKb / 1024, code, ...(keepStdout ? { stdout } : {}) };
}

/** VmHWM of a process and its children, from /proc (for machines without GNU time). */
function treeRssKb(pid: number): number {
  try {
    const own = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    let best = own ? Number(own[1]) : 0;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    for (const c of children) best = Math.max(best, treeRssKb(Number(c)));
    return best;
  } catch {
    return 0;
  }
}

const cliSection: BenchSection = {
  title: `Command line: summary of a ${ROWS.toLocaleString("en-GB")}-row .xlsx, end to end (median of 3 runs)`,
  async run() {
    await fs.mkdir(OUT, { recursive: true });
    const input = path.join(OUT, `diagnostics-${ROWS}.xlsx`);
    if (!existsSync(input)) {
      process.stdout.write(`  generating ${path.relative(ROOT, input)} (not timed)...\n`);
      await writeBenchWorkbook(input);
    }
    const size = (await fs.stat(input)).size / 1024 / 1024;
    process.stdout.write(`  input: ${path.relative(ROOT, input)}, ${size.toFixed(1)} MB\n`);
    const output = path.join(OUT, "summary.xlsx");
    const runs: { label: string; command: string; args: string[] }[] = [
      {
        label: "npm run --silent cli -- summary",
        command: "npm",
        args: ["run", "--silent", "cli", "--", "summary", input, "-o", output, "--json"],
      },
      {
        label: "node --import tsx src/cli/main.ts summary",
        command: process.execPath,
        args: ["--import", "tsx", "src/cli/main.ts", "summary", input, "-o", output, "--json"],
      },
    ];
    for (const r of runs) {
      const results: Measured[] = [];
      for (let i = 0; i < 3; i++) results.push(await measure(r.command, r.args));
      const seconds = median(results.map((m) => m.seconds));
      const peak = Math.max(...results.map((m) => m.peakMb));
      line(`${r.label}, wall time`, `${seconds.toFixed(2)} s`, "< 5 s", verdict(seconds, 5));
      line(`${r.label}, peak memory`, `${peak.toFixed(0)} MB`, "< 500 MB", verdict(peak, 500));
    }
    const cores = execFileSync("nproc").toString().trim();
    const load = os.loadavg()[0].toFixed(1);
    process.stdout.write(`  (each run: -o bench-output/summary.xlsx --json; machine: ${cores} cores, load average ${load}, Node ${process.version})\n`);
  },
};

// ---------------------------------------------------------------------------------------------
// (c) Task pane bundle size: what taskpane.html loads before the pane can draw, gzipped, and what it loads later
// only when an export needs it. Reports only what is already built (a production build takes a minute).

const bundleSection: BenchSection = {
  title: "Task pane bundle",
  async run() {
    const { describePaneSize, paneSize } = await import("../test/workbench/paneSize");
    // dist/ from `npm run build`, else the end-to-end tests' production build (the same pane bundle).
    const builds = [path.join(ROOT, "dist"), path.join(ROOT, ".tmp", "e2e-build")];
    const dir = builds.find((d) => existsSync(path.join(d, "taskpane.html")));
    if (!dir) {
      process.stdout.write("  not measured: run `npm run build` (or `npm run test:e2e`) first.\n");
      return;
    }
    process.stdout.write(`  measured in ${path.relative(ROOT, dir)}/ (production build expected)\n`);
    for (const line of describePaneSize(await paneSize(dir))) process.stdout.write(`  ${line}\n`);
  },
};

// ---------------------------------------------------------------------------------------------
// (d) Office.js round trips per action at 10 and 10,000 visits, counted on the Excel emulation.
//     The same measurement test/actions/syncBudget.test.ts asserts; here it is only printed.

const syncSection: BenchSection = {
  title: "Task pane actions: context.sync() round trips on the Excel emulation (budget: 3 at 10,000 visits)",
  async run() {
    const { syncCounts } = await import("../test/actions/syncBudget");
    for (const line of (await syncCounts()).split("\n")) process.stdout.write(`  ${line}\n`);
  },
};

async function benchWorkbook(): Promise<string> {
  await fs.mkdir(OUT, { recursive: true });
  const input = path.join(OUT, `diagnostics-${ROWS}.xlsx`);
  if (!existsSync(input)) {
    process.stdout.write(`  generating ${path.relative(ROOT, input)} (not timed)...\n`);
    await writeBenchWorkbook(input);
  }
  return input;
}

const readersSection = filesSection({ root: ROOT, out: OUT, xlsx: benchWorkbook, rows: benchRows, headers: HEADERS, measure, line });

const bigReadSection: BenchSection = {
  title: "Command line: summary of a 300,000-row .xlsx in openpyxl's form (streamed sheet; counts checked)",
  async run() {
    const { bigRead } = await import("./bigRead");
    await bigRead();
  },
};

export const SECTIONS: BenchSection[] = [coreSection, cliSection, readersSection, bundleSection, syncSection, bigReadSection];

async function main(): Promise<void> {
  // BENCH_ONLY=3 runs only the third section (the file readers), e.g. while others share the machine.
  const only = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean).map(Number);
  for (const [i, section] of SECTIONS.entries()) {
    if (only.length && !only.includes(i + 1)) continue;
    process.stdout.write(`\n${section.title}\n${"-".repeat(section.title.length)}\n`);
    await section.run();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
