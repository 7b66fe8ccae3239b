/**
 * A Final visit dated after today is a typing slip (01/01/2099): Check sheet leaves it out of every table, so every
 * table leaves it out too. The summary, the Word report's summaries, the programme and the out-of-date check count
 * the same visits as Check sheet says they do.
 */
import { checkSheet, computeSummaries, computeSummary, refreshSummary } from "../../src/actions/workbookActions";
import { computeProgramme } from "../../src/actions/programmeActions";
import { summaryFreshness } from "../../src/actions/summaryFreshness";
import { todayIso } from "../../src/actions/today";
import { setUpWorkbook } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { columnDefinitions, defaultConfig, gradedColumns, toExcelSerial } from "../../src/domain";
import { DIAGNOSTICS_TABLE } from "../../src/workbook/port";
import { freshPortEachTest } from "../emulation/freshPort";

const config = defaultConfig();
const headers = columnDefinitions(config).map((d) => d.header);
let port: OfficeWorkbook;
freshPortEachTest((_w, p) => {
  port = p;
});

const visit = (values: Record<string, string | number>) =>
  headers.map((h) => values[h] ?? (gradedColumns(config).some((d) => d.shortLabel === h) ? "G" : null));

async function seed(): Promise<void> {
  await setUpWorkbook(port);
  const rows = [
    visit({ "Visit ID": "TD-1", Service: "Safeguarding", Team: "North 1", Round: "1", "Visit date": toExcelSerial("2017-08-07"), Status: "Final" }),
    visit({ "Visit ID": "TD-2", Service: "Safeguarding", Team: "North 2", Round: "1", "Visit date": toExcelSerial("2017-08-08"), Status: "Final" }),
    visit({ "Visit ID": "TD-3", Service: "Safeguarding", Team: "North 3", Round: "1", "Visit date": toExcelSerial("2099-01-01"), Status: "Final" }),
  ];
  await port.apply({ action: "seed", changes: [{ kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows }] });
}

it("Check sheet, the summary, the report's summaries and the programme leave out the same Final visit dated after today", async () => {
  await seed();
  const checked = await checkSheet(port, todayIso());
  expect(checked.problems.filter((p) => p.severity === "error").map((p) => p.brief)).toEqual(["B4: Visit date is after today."]);
  expect(checked.visitsCounted).toBe(2);

  const { summary } = await computeSummary(port);
  expect(summary.base.visits).toBe(2);
  expect(summary.base.excluded.map((e) => e.row)).toEqual([4]);
  const { byService } = await computeSummaries(port);
  expect(byService.base.visits).toBe(2);
  const programme = await computeProgramme(port, todayIso());
  expect(programme.teams.find((t) => t.team === "North 3")?.lastVisit ?? null).toBeNull();
  expect(programme.notCounted.excluded).toBe(1);

  const refreshed = await refreshSummary(port);
  expect(refreshed.summary.base.visits).toBe(2);
  expect(await summaryFreshness(port)).toEqual({ state: "current" });
});
