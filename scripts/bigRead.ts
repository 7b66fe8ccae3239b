/**
 * npx tsx scripts/bigRead.ts [rows], or BENCH_ONLY=6 npm run bench: a 300,000-row workbook in openpyxl's form
 * (openpyxlForm.ts; written once into bench-output/, not timed) summarised by the compiled command line as a
 * child process: wall time and peak resident memory (GNU time's %M, else /proc polling), and the summary's counts
 * checked against the ones counted while the rows were generated. Prints figures; exits 1 when a count differs.
 */
import { spawn } from "child_process";
import { existsSync, promises as fs, readFileSync } from "fs";
import * as path from "path";
import { Expected, writeOpenpyxlWorkbook } from "./openpyxlForm";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "bench-output");

interface Summary {
  base: { visits: number; drafts: number; excluded: unknown[] };
  services: { service: string; visits: number; rows: { domain: string; counts: Record<string, number> }[] }[];
}

/** Runs the command line on `file`: its stdout, wall time and peak memory. */
async function run(file: string): Promise<{ stdout: string; seconds: number; peakMb: number; code: number }> {
  const cli = path.join(ROOT, "build", "cli", "main.js");
  if (!existsSync(cli)) throw new Error("build/cli/main.js is missing: run npm run build:cli first");
  const useTime = existsSync("/usr/bin/time");
  const args = [cli, "summary", file, "--json"];
  const started = performance.now();
  const child = useTime ? spawn("/usr/bin/time", ["-f", "TD_PEAK_KB %M", process.execPath, ...args]) : spawn(process.execPath, args);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  let polledKb = 0;
  const poll = useTime
    ? null
    : setInterval(() => {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) polledKb = Math.max(polledKb, Number(m[1]));
      }, 20);
  const code: number = await new Promise((resolve) => child.on("close", (c) => resolve(c ?? -1)));
  if (poll) clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  const kb = Number(/TD_PEAK_KB (\d+)/.exec(stderr)?.[1] ?? polledKb);
  if (code !== 0) process.stdout.write(`  exit ${code}: ${stderr.trim().split("\n").slice(-3).join(" / ")}\n`);
  return { stdout, seconds, peakMb: kb / 1024, code };
}

function compare(summary: Summary, expected: Expected): string[] {
  const wrong: string[] = [];
  const check = (what: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${what}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  };
  check("visits", summary.base.visits, expected.visits);
  check("drafts", summary.base.drafts, expected.drafts);
  check("rows left out", summary.base.excluded.length, expected.excluded);
  for (const [service, want] of Object.entries(expected.services)) {
    const got = summary.services.find((s) => s.service === service);
    check(`${service}: visits`, got?.visits, want.visits);
    const overall = got?.rows.find((r) => r.domain === "Overall conclusion")?.counts ?? {};
    const sorted = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
    check(`${service}: overall counts`, sorted(overall), sorted(want.overall));
  }
  return wrong;
}

export async function bigRead(rows = 300_000): Promise<boolean> {
  await fs.mkdir(OUT, { recursive: true });
  const file = path.join(OUT, `openpyxl-${rows}.xlsx`);
  const expectedFile = `${file}.expected.json`;
  let expected: Expected;
  if (existsSync(file) && existsSync(expectedFile)) expected = JSON.parse(await fs.readFile(expectedFile, "utf8")) as Expected;
  else {
    process.stdout.write(`  generating ${path.relative(ROOT, file)} (not timed)...\n`);
    expected = await writeOpenpyxlWorkbook(file, rows);
    await fs.writeFile(expectedFile, JSON.stringify(expected));
  }
  const size = (await fs.stat(file)).size / 1048576;
  process.stdout.write(`  input: ${path.relative(ROOT, file)}, ${size.toFixed(1)} MB, ${(expected.xmlBytes / 1048576).toFixed(0)} MB of sheet XML, inline strings\n`);
  const result = await run(file);
  process.stdout.write(`  summary --json, ${rows.toLocaleString("en-GB")}-row openpyxl-form .xlsx: ${result.seconds.toFixed(2)} s, peak memory ${result.peakMb.toFixed(0)} MB\n`);
  if (result.code !== 0) return false;
  const wrong = compare(JSON.parse(result.stdout) as Summary, expected);
  process.stdout.write(
    wrong.length === 0
      ? `  counts exact: ${expected.visits.toLocaleString("en-GB")} visits, ${expected.drafts.toLocaleString("en-GB")} drafts, ${expected.excluded.toLocaleString("en-GB")} rows left out, overall counts of ${Object.keys(expected.services).length} services\n`
      : `  COUNTS DIFFER:\n${wrong.map((w) => `    ${w}\n`).join("")}`,
  );
  return wrong.length === 0;
}

if (require.main === module) {
  const rows = Number(process.argv[2] ?? 300_000);
  bigRead(rows).then(
    (ok) => {
      if (!ok) process.exitCode = 1;
    },
    (error: unknown) => {
      process.stderr.write(`big read failed: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
