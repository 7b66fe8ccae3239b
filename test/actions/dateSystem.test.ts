/**
 * A workbook in the 1904 date system (older Excel for Mac workbooks) counts its dates 1,462 days lower than the 1900
 * system the add-in reads and writes: read as they are, every visit date would be 4 years and a day out, and a
 * date the add-in wrote would show 4 years and a day late. The pane learns the date system in its first sync and
 * changes nothing in such a workbook, saying why in one sentence.
 */
import { recordVisit, setUpWorkbook } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { columnDefinitions, defaultConfig, emptyVisitForm, gradedColumns } from "../../src/domain";
import { DIAGNOSTICS_TABLE } from "../../src/workbook/port";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";

const config = defaultConfig();
const headers = columnDefinitions(config).map((d) => d.header);
let emulation: ExcelEmulation | null = null;
afterEach(() => emulation?.uninstall());

function emulated(date1904: boolean, options: Parameters<typeof installExcelEmulation>[1] = {}): EmulatedWorkbook {
  const wb = new EmulatedWorkbook({ date1904 });
  emulation = installExcelEmulation(wb, options);
  return wb;
}

const form = () => {
  const f = { ...emptyVisitForm(config), service: "Assessment", team: "Assessment Team 1", visitDate: "2018-01-09" };
  for (const d of gradedColumns(config)) f.grades[d.key] = "RI";
  return f;
};

describe("the workbook's date system", () => {
  it("is read in the first sync: 1900 for Excel's default, 1904 when the workbook uses that one", async () => {
    const syncs: number[] = [];
    for (const date1904 of [false, true]) {
      emulated(date1904);
      const snapshot = await new OfficeWorkbook().read({ tables: [], selection: false });
      expect(snapshot.dateSystem).toBe(date1904 ? 1904 : 1900);
      syncs.push(emulation!.syncCount());
      emulation!.uninstall();
      emulation = null;
    }
    // One sync, as a read of nothing took before: the probe rides in it.
    expect(syncs).toEqual([1, 1]);
  });

  it("in the 1900 system, a recorded visit's date is stored as Excel's serial for that day", async () => {
    const wb = emulated(false);
    const port = new OfficeWorkbook();
    await setUpWorkbook(port);
    expect(await recordVisit(port, form())).toMatchObject({ ok: true, row: 2 });
    expect(wb.tableValues(DIAGNOSTICS_TABLE).body[0][headers.indexOf("Visit date")]).toBe(43109); // 9 January 2018
  });

  it("in the 1904 system, Set up changes nothing and says why", async () => {
    const wb = emulated(true);
    await expect(setUpWorkbook(new OfficeWorkbook())).rejects.toThrow(
      /^This workbook uses the 1904 date system.*has changed nothing/,
    );
    expect(wb.sheetNames()).toEqual(["Sheet1"]);
    expect(wb.tables).toHaveLength(0);
  });

  it("in the 1904 system, Set up still stops on a host that refuses the read's nested chart load (the second try)", async () => {
    const wb = emulated(true, { nestedCollectionLoads: false });
    await expect(setUpWorkbook(new OfficeWorkbook())).rejects.toThrow(/1904 date system/);
    expect(wb.sheetNames()).toEqual(["Sheet1"]);
  });

  it("in the 1904 system, recording a visit leaves the manager's table as it was", async () => {
    const wb = emulated(true);
    wb.addSheet("Diagnostics");
    wb.setValues("Diagnostics", "A1", [headers, headers.map((h) => (h === "Visit ID" ? "TD-0001" : h === "Visit date" ? 41647 : h === "Service" ? "Assessment" : ""))]);
    wb.addTable("Diagnostics", `A1:${String.fromCharCode(64 + headers.length)}2`, DIAGNOSTICS_TABLE);
    const before = JSON.stringify(wb.tableValues(DIAGNOSTICS_TABLE));
    await expect(recordVisit(new OfficeWorkbook(), form())).rejects.toThrow(/1904 date system/);
    expect(JSON.stringify(wb.tableValues(DIAGNOSTICS_TABLE))).toBe(before);
  });
});
