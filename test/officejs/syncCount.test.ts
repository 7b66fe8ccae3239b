/**
 * Round trips of the Office.js adapter, counted on the emulation with realistic data: the workbook set
 * up by the real setupPlan (19 columns: the four default domains, the overall conclusion and two of a
 * council's own), then 10 and 10,000 visits appended with appendTableRows.
 */
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { DEFAULT_DOMAINS, columnDefinitions, compileScale, defaultConfig } from "../../src/domain";
import { CellValue } from "../../src/workbook/plan";
import { DIAGNOSTICS_TABLE, ReadRequest } from "../../src/workbook/port";
import { setupPlan } from "../../src/workbook/setupPlan";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";

const LIMIT = 5 * 1024 * 1024;
const config = defaultConfig({
  domains: [
    ...DEFAULT_DOMAINS,
    { key: "voice", shortLabel: "Voice of the child", fullLabel: "How well the voice of the child is heard" },
    { key: "leadership", shortLabel: "Leadership", fullLabel: "Quality of leadership and management" },
  ],
});
const columns = columnDefinitions(config);
const grades = compileScale(config.scale).categories.map((c) => c.code);
const EVERYTHING: ReadRequest = { rows: true, lists: true, selection: true };

const narrative = (n: number, what: string) =>
  `${n % 5 === 0 ? "- " : ""}${what} ${n}: managers know their children well; supervision is regular and reflective, ` +
  `though case records do not always show the impact of direct work. Caseloads average ${12 + (n % 9)} per worker.`;

/** One visit, value by value, in the table's column order. */
function visit(n: number): CellValue[] {
  return columns.map((c, i) => {
    switch (c.key) {
      case "visitId":
        return `V-${String(n).padStart(5, "0")}`;
      case "visitDate":
        return 42950 + (n % 900);
      case "round":
        return "2017-18";
      case "service":
        return config.services[n % config.services.length];
      case "team":
        return `Team ${n % 23}`;
      case "area":
        return ["North", "South", "East"][n % 3];
      case "teamManager":
        return "A. Manager";
      case "diagnosticTeam":
        return "B. Reviewer, C. Reviewer (partner council)";
      case "strengths":
        return narrative(n, "Strength");
      case "areasForImprovement":
        return narrative(n, "Improve");
      case "recommendations":
        return narrative(n, "Recommend");
      case "status":
        return "Final";
      default:
        return grades[(n + i) % grades.length];
    }
  });
}

let emulation: ExcelEmulation;
let port: OfficeWorkbook;

beforeEach(() => {
  emulation = installExcelEmulation(new EmulatedWorkbook());
  port = new OfficeWorkbook();
});
afterEach(() => emulation.uninstall());

async function syncsOf(f: () => Promise<unknown>): Promise<{ syncs: number; requests: number[]; responses: number[] }> {
  const before = emulation.syncCount();
  const requestsBefore = emulation.requestBytes().length;
  await f();
  return {
    syncs: emulation.syncCount() - before,
    requests: emulation.requestBytes().slice(requestsBefore),
    responses: emulation.responseBytes().slice(requestsBefore),
  };
}

async function setUp(): Promise<void> {
  const snapshot = await port.read(EVERYTHING);
  await port.apply(setupPlan(snapshot, config));
}

const append = (rows: CellValue[][]) => port.apply({ action: "Record visits", changes: [{ kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows }] });

describe("round trips of the Office.js adapter", () => {
  it("reads in one sync and sets up a workbook in two (a probe of what exists, then every change)", async () => {
    const read = await syncsOf(() => port.read(EVERYTHING));
    expect(read.syncs).toBe(1);
    const setup = await syncsOf(async () => port.apply(setupPlan(await port.read(EVERYTHING), config)));
    expect(setup.syncs).toBe(1 + 2); // the read, then the probe and the plan
    expect(columns).toHaveLength(19);
    const again = await syncsOf(() => port.read(EVERYTHING));
    expect(again.syncs).toBe(1);
  });

  it("appends 10 visits in one sync and reads them back in one", async () => {
    await setUp();
    const rows = Array.from({ length: 10 }, (_, i) => visit(i + 1));
    const write = await syncsOf(() => append(rows));
    expect(write.syncs).toBe(1);
    let snapshot = await port.read(EVERYTHING);
    const read = await syncsOf(async () => (snapshot = await port.read(EVERYTHING)));
    expect(read.syncs).toBe(1);
    expect(snapshot.diagnostics!.rows).toEqual(rows);
    expect(snapshot.diagnostics!.headers).toEqual(columns.map((c) => c.header));
  });

  it("appends 10,000 visits in requests under 5 MB and reads them back in responses under 5 MB", async () => {
    await setUp();
    const rows = Array.from({ length: 10_000 }, (_, i) => visit(i + 1));
    const payload = JSON.stringify(rows).length;
    expect(payload).toBeGreaterThan(LIMIT); // too big for one request: the adapter must split it

    const write = await syncsOf(() => append(rows));
    // Measured: 7.5 MB of rows (plus "@" formats for narratives starting "- ") go as 3.97 + 3.97 + 0.62 MB.
    expect(write.syncs).toBe(3);
    expect(Math.max(...write.requests)).toBeLessThan(LIMIT);

    let snapshot = await port.read({ rows: false, lists: false, selection: false });
    const headersOnly = await syncsOf(async () => (snapshot = await port.read({ rows: false, lists: true, selection: true })));
    expect(headersOnly.syncs).toBe(1);
    expect(snapshot.diagnostics!.rows).toEqual([]);

    const read = await syncsOf(async () => (snapshot = await port.read(EVERYTHING)));
    // The first 500 rows come with everything else; the rest in parts of at most ~3.5 MB.
    // Measured responses: 0.75 MB (500 rows, read both as the table and as the sheet's used range), 3.7 MB, 3.5 MB.
    expect(read.syncs).toBe(3);
    expect(Math.max(...read.responses)).toBeLessThan(LIMIT);
    expect(snapshot.diagnostics!.rows).toHaveLength(10_000);
    expect(snapshot.diagnostics!.rows[0]).toEqual(rows[0]);
    expect(snapshot.diagnostics!.rows[9_999]).toEqual(rows[9_999]);
    expect(snapshot.diagnostics!.rows).toEqual(rows);

    // Every request and response of the whole test stayed under the limit.
    expect(Math.max(...emulation.requestBytes())).toBeLessThan(LIMIT);
    expect(Math.max(...emulation.responseBytes())).toBeLessThan(LIMIT);

    // And a further visit still takes one sync.
    expect((await syncsOf(() => append([visit(10_001)]))).syncs).toBe(1);
  }, 60_000);
});
