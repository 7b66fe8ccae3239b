/**
 * npx tsx scripts/readCpu.ts [file.xlsx] [runs]: the CPU time (user plus system, every thread of the process: the
 * compiler's and the garbage collector's threads too) of opening and reading one workbook as `summary` reads it,
 * each run in a fresh process so the scanner is compiled from cold as it is in the command line, and from a bundle
 * built the way build:cli builds the command line (under tsx the same read costs about half as much again). CPU time
 * rather than wall time: on a shared machine the wall time follows the other jobs. Prints each run and the median.
 */
import { execFileSync } from "child_process";
import { benchBundle } from "./benchBundle";
import * as path from "path";
import { openWorkbookFile } from "../src/adapters/exceljs/files";
import { defaultConfig } from "../src/domain";
import { diagnosticsRequest } from "../src/workbook/diagnosticsRead";

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function once(file: string): Promise<void> {
  const request = diagnosticsRequest({ rows: true, narrative: false, lists: true, selection: false, actions: true }, defaultConfig({ services: [] }));
  const before = cpuMs();
  const started = performance.now();
  const snapshot = await (await openWorkbookFile(file)).read(request);
  const ms = cpuMs() - before;
  const wall = performance.now() - started;
  process.stdout.write(`${ms.toFixed(0)} ${snapshot.found.Diagnostics?.rows.length ?? 0} ${wall.toFixed(0)}\n`);
}

/** This file bundled, for fresh processes to run with --once. */
export const buildReadBundle = () => benchBundle("readCpu");

/** One open and read of `file` in a fresh process: CPU and wall time in ms, and the rows read. */
export function readOnce(bundle: string, file: string): { cpuMs: number; wallMs: number; rows: number } {
  const out = execFileSync(process.execPath, [bundle, "--once", file], { encoding: "utf8" });
  const [cpu, rows, wall] = out.trim().split(" ").map(Number);
  return { cpuMs: cpu, wallMs: wall, rows };
}

function main(): void {
  const file = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "bench-output", "diagnostics-100000.xlsx"));
  const runs = Number(process.argv[3] ?? 5);
  const bundle = buildReadBundle();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { cpuMs: ms, rows } = readOnce(bundle, file);
    times.push(ms);
    process.stdout.write(`  run ${i + 1}: ${ms} ms of CPU, ${rows.toLocaleString("en-GB")} rows\n`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  process.stdout.write(`  open and read ${path.basename(file)}: median ${median.toFixed(0)} ms of CPU over ${runs} runs\n`);
}

if (process.argv[2] === "--once") void once(process.argv[3]);
else if (require.main === module) main();
