/**
 * Round trips of the Office.js adapter, counted on the emulation with realistic data: the workbook set
 * up by the real setupPlan (20 columns: the four default domains, the overall conclusion, two of a
 * council's own and Visit type), then 10 and 10,000 visits appended with appendTableRows (test/actions/realisticWorkbook.ts).
 * Per-action counts are in test/actions/syncBudget.test.ts.
 */
import { basisOf } from "../../src/actions/context";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { CellValue } from "../../src/workbook/plan";
import { DIAGNOSTICS_TABLE } from "../../src/workbook/port";
import { setupPlan } from "../../src/workbook/setupPlan";
import { ExcelEmulation } from "../emulation";
import { FIVE_MB, columns, config, realisticWorkbook, visit, withoutNarrative } from "../actions/realisticWorkbook";
import { DiagnosticsRead as ReadRequest, readDiagnosticsSnapshot } from "../../src/workbook/diagnosticsRead";
import { VISIT_THEME_COLUMNS } from "../../src/domain";

/** A visit as the table Set up makes holds it: the two theme columns at the end (issue 12) left empty. */
const setUpRow = (row: CellValue[]): CellValue[] => [...row, ...VISIT_THEME_COLUMNS.map(() => "")];

const EVERYTHING: ReadRequest = { rows: true, narrative: true, lists: true, selection: true };
const ROWS: ReadRequest = { rows: true, narrative: false, lists: true, selection: true };

let emulation: ExcelEmulation;
let port: OfficeWorkbook;

beforeEach(async () => {
  ({ emulation, port } = await realisticWorkbook(null));
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
  const snapshot = await readDiagnosticsSnapshot(port, ROWS);
  await port.apply({ ...setupPlan(snapshot, config), basis: basisOf(snapshot) });
}

// insertFirst: 0 is what a plan built from a read says when the read saw no totals row and nothing under the
// table (tablePlan.appendRowsChanges); without it the adapter reads those facts first, one more sync (issue 10).
const append = (rows: CellValue[][]) =>
  port.apply({ action: "Record visits", changes: [{ kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows, insertFirst: 0 }] });

describe("round trips of the Office.js adapter", () => {
  it("reads in one sync; sets up a workbook in one on the read's basis, in two (a probe first) without it", async () => {
    const read = await syncsOf(() => readDiagnosticsSnapshot(port, EVERYTHING));
    expect(read.syncs).toBe(1);
    const snapshot = await readDiagnosticsSnapshot(port, ROWS);
    expect(snapshot.names).toEqual([]);
    expect(snapshot.tables).toEqual([]);
    const plan = setupPlan(snapshot, config);
    const withBasis = await syncsOf(() => port.apply({ ...plan, basis: basisOf(snapshot) }));
    expect(withBasis.syncs).toBe(1);
    expect(columns).toHaveLength(20); // 19, and Visit type (issue 11 §4) since Set up makes it
    const again = await syncsOf(() => readDiagnosticsSnapshot(port, EVERYTHING));
    expect(again.syncs).toBe(1);

    // The same plan built again, applied without a basis: the adapter has to look first.
    const second = await readDiagnosticsSnapshot(port, ROWS);
    const withoutBasis = await syncsOf(() => port.apply(setupPlan(second, config)));
    expect(withoutBasis.syncs).toBe(2);
  });

  it("appends 10 visits in one sync and reads them back in one, narrative columns only when asked for", async () => {
    await setUp();
    const rows = Array.from({ length: 10 }, (_, i) => setUpRow(visit(i + 1)));
    const write = await syncsOf(() => append(rows));
    expect(write.syncs).toBe(1);
    let snapshot = await readDiagnosticsSnapshot(port, EVERYTHING);
    const read = await syncsOf(async () => (snapshot = await readDiagnosticsSnapshot(port, EVERYTHING)));
    expect(read.syncs).toBe(1);
    expect(snapshot.diagnostics!.rows).toEqual(rows);
    expect(snapshot.diagnostics!.headers).toEqual([...columns, ...VISIT_THEME_COLUMNS].map((c) => c.header));
    // Without narrative text the same cells read as NOT_READ (null when empty), whatever the row count.
    const plain = await syncsOf(async () => (snapshot = await readDiagnosticsSnapshot(port, ROWS)));
    expect(plain.syncs).toBe(1);
    expect(snapshot.diagnostics!.rows).toEqual(rows.map(withoutNarrative));
  });

  it("appends 10,000 visits in requests under 5 MB and reads them back in two syncs (three with narrative text)", async () => {
    await setUp();
    const rows = Array.from({ length: 10_000 }, (_, i) => setUpRow(visit(i + 1)));
    const payload = JSON.stringify(rows).length;
    expect(payload).toBeGreaterThan(FIVE_MB); // too big for one request: the adapter must split it

    const write = await syncsOf(() => append(rows));
    // Measured: 7.5 MB of rows (plus "@" formats for narratives starting "- ") go as 3.97 + 3.97 + 0.62 MB.
    expect(write.syncs).toBe(3);
    expect(Math.max(...write.requests)).toBeLessThan(FIVE_MB);

    let snapshot = await readDiagnosticsSnapshot(port, { rows: false, lists: false, selection: false });
    const headersOnly = await syncsOf(async () => (snapshot = await readDiagnosticsSnapshot(port, { rows: false, lists: true, selection: true })));
    expect(headersOnly.syncs).toBe(1);
    expect(snapshot.diagnostics!.rows).toEqual([]);

    // Without narrative: the first 500 rows come with everything else, the other 9,500 rows' 14 short columns
    // (three runs of columns, three ranges) in one more sync. Measured responses: 0.74 MB, 1.29 MB.
    const read = await syncsOf(async () => (snapshot = await readDiagnosticsSnapshot(port, ROWS)));
    expect(read.syncs).toBe(2);
    expect(Math.max(...read.responses)).toBeLessThan(FIVE_MB);
    expect(snapshot.diagnostics!.rows).toHaveLength(10_000);
    expect(snapshot.diagnostics!.rows[9_999]).toEqual(withoutNarrative(rows[9_999]));
    expect(snapshot.diagnostics!.rows).toEqual(rows.map(withoutNarrative));

    // With narrative (loading one visit to edit): ~7.5 MB, so the rest comes in two responses under the budget.
    // Measured responses: 0.74 MB, 3.64 MB, 3.31 MB (the response budget is 4 MB).
    const full = await syncsOf(async () => (snapshot = await readDiagnosticsSnapshot(port, EVERYTHING)));
    expect(full.syncs).toBe(3);
    expect(Math.max(...full.responses)).toBeLessThan(4 * 1024 * 1024);
    expect(snapshot.diagnostics!.rows).toEqual(rows);

    // Every request and response of the whole test stayed under the limit.
    expect(Math.max(...emulation.requestBytes())).toBeLessThan(FIVE_MB);
    expect(Math.max(...emulation.responseBytes())).toBeLessThan(FIVE_MB);

    // And a further visit still takes one sync.
    expect((await syncsOf(() => append([setUpRow(visit(10_001))]))).syncs).toBe(1);
  }, 60_000);
});
