/**
 * Project issue 10, item 5: two managers record a visit at the same moment. The second manager's whole action
 * runs between the first's read and its write (ExcelEmulation.pauseNextRun), as two co-authors' add-ins can.
 * Neither visit may be lost, and the first is told where its visit went.
 */
import { recordVisit, setUpWorkbook } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { VisitForm, defaultConfig, emptyVisitForm, gradedColumns } from "../../src/domain";
import { DIAGNOSTICS_TABLE } from "../../src/workbook/port";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";

const config = defaultConfig();
let emulation: ExcelEmulation;
let wb: EmulatedWorkbook;
let port: OfficeWorkbook;

beforeEach(async () => {
  wb = new EmulatedWorkbook();
  emulation = installExcelEmulation(wb);
  port = new OfficeWorkbook();
  await setUpWorkbook(port);
});
afterEach(() => emulation.uninstall());

const form = (visitId: string, team: string): VisitForm => ({
  ...emptyVisitForm(config),
  visitId,
  visitDate: "2018-03-14",
  service: "Assessment",
  team,
  grades: Object.fromEntries(gradedColumns(config).map((d) => [d.key, "G"])),
});

const ids = () => wb.tableValues(DIAGNOSTICS_TABLE).body.map((r) => r[0]);

describe("two managers recording a visit at the same moment", () => {
  test.each([
    ["an empty table (its one blank row)", 0],
    ["a table with visits", 2],
  ])("in %s, both visits are kept and the first manager is told where theirs went", async (_, before) => {
    for (let i = 1; i <= before; i++) expect(await recordVisit(port, form(`TD-0${i}`, "Team A"))).toMatchObject({ ok: true, row: i + 1 });
    // Manager B's whole action runs after manager A's first sync (A's read), before A writes.
    const b = emulation.pauseNextRun(1, () => recordVisit(port, form("TD-B", "Team B")));
    const a = await recordVisit(port, form("TD-A", "Team A"));
    expect(ids().slice(before)).toEqual(["TD-B", "TD-A"]);
    expect(await b).toEqual({ ok: true, row: before + 2, visitId: "TD-B" });
    expect(a).toEqual({
      ok: true,
      row: before + 3,
      visitId: "TD-A",
      notice: `Another person added a visit at the same moment; yours is on row ${before + 3}.`,
    });
  });

  test("in a table whose last row a user emptied, the first manager's visit is not written over the second's", async () => {
    await recordVisit(port, form("TD-01", "Team A"));
    await recordVisit(port, form("TD-02", "Team A"));
    await Excel.run(async (context) => {
      context.workbook.tables.getItem(DIAGNOSTICS_TABLE).getDataBodyRange().getLastRow().clear("Contents");
    });
    const b = emulation.pauseNextRun(1, () => recordVisit(port, form("TD-B", "Team B")));
    const a = await recordVisit(port, form("TD-A", "Team A"));
    expect(ids()).toEqual(["TD-01", "TD-B", "TD-A"]);
    expect(await b).toMatchObject({ ok: true, row: 3 });
    expect(a).toMatchObject({ ok: true, row: 4, notice: "Another person added a visit at the same moment; yours is on row 4." });
  });
});

describe("recording a visit learns the totals row and data under the table in its own read", () => {
  test("with a totals row shown and a note under it, the visit goes above the totals and the note is kept, in the usual two syncs", async () => {
    await recordVisit(port, form("TD-01", "Team A"));
    await Excel.run(async (context) => {
      context.workbook.tables.getItem(DIAGNOSTICS_TABLE).showTotals = true;
    });
    wb.setValues("Diagnostics", "A5", [["Note kept by the area manager"]]);
    const syncs = emulation.syncCount();
    expect(await recordVisit(port, form("TD-02", "Team A"))).toEqual({ ok: true, row: 3, visitId: "TD-02" });
    expect(emulation.syncCount() - syncs).toBe(2);
    expect(ids()).toEqual(["TD-01", "TD-02"]);
    expect(wb.tableValues(DIAGNOSTICS_TABLE).totals?.[0]).toBe("Total");
    expect(wb.sheet("Diagnostics").values("A4:A6")).toEqual([["Total"], [""], ["Note kept by the area manager"]]);
  });
});
