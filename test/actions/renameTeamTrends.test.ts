/**
 * Issue 13 with issue 12, end to end on the emulation: a team renamed in Settings (its earlier visits left as they
 * were) is still one team in the trends, its old name recorded in the Lists sheet's "Previously called" column.
 */
import { renameListValue } from "../../src/actions/listValues";
import { checkSource } from "../../src/actions/summaryActions";
import { trendsOf } from "../../src/actions/trendActions";
import { setUpWorkbook } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { columnDefinitions, defaultConfig, gradedColumns } from "../../src/domain";
import { LISTS_HEADERS } from "../../src/workbook/listsSheet";
import { EmulatedWorkbook } from "../emulation";
import { freshWorkbookEachTest } from "../emulation/freshPort";

const config = defaultConfig();
const headers = columnDefinitions(config).map((d) => d.header);
const visit = (values: Record<string, string | number>, grade: string) =>
  headers.map((h) => values[h] ?? (gradedColumns(config).some((d) => d.shortLabel === h) ? grade : null));

let wb: EmulatedWorkbook;

freshWorkbookEachTest((w) => {
  wb = w;
});

it("links a renamed team's visits across rounds through the old name the rename recorded", async () => {
  wb.addSheet("Diagnostics");
  wb.setValues("Diagnostics", "A1", [headers, visit({ "Visit ID": "V1", Service: "Safeguarding", Team: "Duty 1", Round: "Round 1", "Visit date": 42954 }, "RI")]);
  const port = new OfficeWorkbook();
  await setUpWorkbook(port);
  expect(await renameListValue(port, "team", "Duty 1", "Front door 1", false)).toEqual({
    ok: true,
    message: "Duty 1 renamed Front door 1 on the Lists sheet. 1 row still says Duty 1.",
  });
  const lists = wb.sheet("Lists").values("A1:Z3");
  const at = (header: string) => lists[0].indexOf(header);
  expect([lists[1][at(LISTS_HEADERS.teams)], lists[1][at(LISTS_HEADERS.previouslyCalled)]]).toEqual(["Front door 1", "Duty 1"]);

  const tablesBefore = wb.tables.map((t) => t.name);
  // The next round's visit, typed under the new name in the row below the table (which grows over it).
  wb.setValues("Diagnostics", "A3", [visit({ "Visit ID": "V2", Service: "Safeguarding", Team: "Front door 1", Round: "Round 2", "Visit date": 43320 }, "G")]);
  expect(wb.tables.map((t) => t.name)).toEqual(tablesBefore);
  const checked = await checkSource(port);
  const trends = trendsOf(checked.validation, checked.config);
  expect(trends.rounds).toEqual(["Round 1", "Round 2"]);
  expect(trends.teams.map((t) => [t.service, t.team, t.visits.map((v) => v.visitId)])).toEqual([["Safeguarding", "Front door 1", ["V1", "V2"]]]);
  expect(Object.values(trends.teams[0].change)).toEqual(headers.filter((h) => gradedColumns(config).some((d) => d.shortLabel === h)).map(() => "improved"));
});
