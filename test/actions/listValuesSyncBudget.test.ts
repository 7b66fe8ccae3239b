/**
 * Rename and remove in Settings (issue 13) keep the round-trip budget of issue 4: one read, then at most one apply,
 * whatever the number of rows, and no request over 5 MB, on the Office.js adapter over the Excel emulation at 10 and
 * 10,000 visits (test/actions/realisticWorkbook.ts). Counts are asserted exactly, as in syncBudget.test.ts.
 */
import { listUsage, removeListValue, renameListValue } from "../../src/actions/listValues";
import { FIVE_MB, RealisticWorkbook, config, realisticWorkbook } from "./realisticWorkbook";

jest.setTimeout(240_000);

const TEAM = config.teams[1].name;
const SERVICE = config.teams[1].service;

async function measured(fixture: RealisticWorkbook, f: () => Promise<unknown>) {
  const syncs = fixture.emulation.syncCount();
  const at = fixture.emulation.requestBytes().length;
  const result = await f();
  return { result, syncs: fixture.emulation.syncCount() - syncs, biggest: Math.max(0, ...fixture.emulation.requestBytes().slice(at)) };
}

/** [at 10 rows, at 10,000 rows]: the read takes one sync, or two at 10,000 rows (issue 4's split read); the apply one. */
const EXPECTED = { listUsage: [1, 2], rename: [2, 3], removeRefused: [1, 2], remove: [2, 3] };

describe.each([
  [10, 0],
  [10_000, 1],
])("on a workbook of %i visits", (rows, column) => {
  let fixture: RealisticWorkbook;
  beforeAll(async () => {
    fixture = await realisticWorkbook(rows);
  });
  afterAll(() => fixture.emulation.uninstall());

  it("counts, renames with the rows, refuses a used value and removes an unused one in a fixed number of round trips", async () => {
    const { workbook, port } = fixture;
    const sheet = workbook.sheet("Diagnostics");
    const teamColumn = sheet.values("A1:Z1")[0].indexOf("Team");
    const letter = String.fromCharCode(65 + teamColumn);
    const using = () =>
      sheet
        .values(`${letter}2:${letter}${rows + 1}`)
        .map((r, i) => [r[0], i + 2] as const)
        .filter(([v]) => v === TEAM)
        .map(([, row]) => row);
    const before = using();
    expect(before.length).toBeGreaterThan(0);

    const usage = await measured(fixture, () => listUsage(port));
    expect((usage.result as Awaited<ReturnType<typeof listUsage>>).team.find((t) => t.value === TEAM)?.visits).toBe(before.length);

    const rename = await measured(fixture, () => renameListValue(port, "team", TEAM, "Renamed team", true));
    expect(rename.result).toEqual({ ok: true, message: `${TEAM} renamed Renamed team on the Lists sheet and ${before.length} ${before.length === 1 ? "row" : "rows"} that used it.` });
    // Exactly those cells changed; the team keeps its place on the Lists sheet.
    expect(sheet.values(`${letter}2:${letter}${rows + 1}`).flatMap((r, i) => (r[0] === "Renamed team" ? [i + 2] : []))).toEqual(before);
    expect(workbook.sheet("Lists").values("C3:C3")).toEqual([["Renamed team"]]);

    const refused = await measured(fixture, () => removeListValue(port, "service", SERVICE));
    expect(refused.result).toMatchObject({ ok: false, message: expect.stringMatching(/^\d+ visits use .*; rename it or change those rows first\.$/) });

    workbook.setValues("Lists", "C40", [["Mistyped team", SERVICE, ""]]);
    const remove = await measured(fixture, () => removeListValue(port, "team", "Mistyped team"));
    expect(remove.result).toEqual({ ok: true, message: "Mistyped team removed from the Lists sheet. No row was changed." });
    expect(workbook.sheet("Lists").values("C40:E40")).toEqual([["", "", ""]]);

    const counts = { listUsage: usage.syncs, rename: rename.syncs, removeRefused: refused.syncs, remove: remove.syncs };
    expect(counts).toEqual(Object.fromEntries(Object.entries(EXPECTED).map(([k, v]) => [k, v[column]])));
    for (const m of [usage, rename, refused, remove]) expect(m.biggest).toBeLessThan(FIVE_MB);
  });
});
