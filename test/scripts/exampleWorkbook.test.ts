/**
 * `npm run demo` writes examples/diagnostics-example.xlsx, a tracked file: it must come out byte for byte the same
 * on every run, whatever the clock says, and the same as the file in the repository, so the demo never leaves it
 * modified. Nothing is normalised: ExcelJS's created and modified dates are fixed (FIXED_TIME) and the zip entries'
 * DOS times pinned (pinZipTimestamps).
 */
import { promises as fs } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { EXAMPLE_PATH, buildExampleWorkbook, pinZipTimestamps } from "../../scripts/exampleWorkbook";
import { openWorkbookFile } from "../../src/adapters/exceljs/files";
import { readDiagnostics } from "../../src/actions/readDiagnostics";
import { validateTable } from "../../src/domain";

jest.setTimeout(120_000);

async function exampleBytes(now: string): Promise<Buffer> {
  jest.useFakeTimers({ now: new Date(now), doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
  try {
    return pinZipTimestamps(await (await buildExampleWorkbook()).writeBuffer());
  } finally {
    jest.useRealTimers();
  }
}

let first: Buffer;
beforeAll(async () => {
  first = await exampleBytes("2026-12-01T10:00:00Z");
});

it("is the same bytes when written on another day, at another time", async () => {
  const second = await exampleBytes("2031-06-15T23:59:58Z");
  expect(second.length).toBe(first.length);
  expect(Buffer.compare(first, second)).toBe(0);
});

it("is the file in the repository, so npm run demo leaves it unchanged (if not: run npm run demo and commit it)", async () => {
  const tracked = await fs.readFile(path.resolve(__dirname, "../..", EXAMPLE_PATH));
  expect(Buffer.compare(tracked, first)).toBe(0);
});

it("keeps two rounds, planned visits, a deep dive and action plans", async () => {
  const file = path.join(await fs.mkdtemp(path.join(tmpdir(), "example-")), "example.xlsx");
  await fs.writeFile(file, first);
  const data = await readDiagnostics(await openWorkbookFile(file));
  const validation = validateTable(data.table, data.config, data.compiled);
  expect([...new Set(validation.visits.map((v) => v.round))].sort()).toEqual(["2017-18", "2018-19"]);
  expect(validation.planned!.length).toBeGreaterThan(0);
  expect(validation.deepDives!.map((d) => d.service)).toEqual(["Fostering"]);
  const port = await openWorkbookFile(file);
  const actions = (await port.read({ tables: [{ name: "Actions", rows: true }], selection: false })).found.Actions;
  expect(actions!.rows.filter((r) => r.some((c) => c !== null && c !== "")).length).toBe(7);
});
