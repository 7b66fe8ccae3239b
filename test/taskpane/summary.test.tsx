/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import * as wordReport from "../../src/report/wordReport";
import { CellValue } from "../../src/workbook/plan";
import { FakeHost, FakeWorkbook, visitRow } from "./fakeWorkbook";
import { control } from "./formHelpers";
import { renderPane } from "./renderPane";

const ALLOCATION = "Effectiveness of case allocation and workload management arrangements";

/** Nine Assessment visits giving domain.md's cells, and one Safeguarding visit in round 2. */
function nineAssessmentVisits(): FakeWorkbook {
  const allocation = ["RI", "RI", "RI", "RI", "RI", "I", "I", "I", "G"];
  const overall = ["RI", "RI", "RI", "RI", "RI", "RI", "RI", "I", "I"];
  const rows: CellValue[][] = allocation.map((grade, i) =>
    visitRow(`TD-${i + 1}`, `Assessment team ${i + 1}`, "RI", {
      Service: "Assessment",
      Area: i < 5 ? "North" : "South",
      "Allocation and workload": grade,
      "Overall conclusion": overall[i],
    }),
  );
  rows.push(visitRow("TD-10", "Safeguarding North", "G", { Round: "2" }));
  return new FakeWorkbook({ rows });
}

async function refreshed(workbook = nineAssessmentVisits(), host = new FakeHost()) {
  const pane = await renderPane(workbook, { tab: "summary", host });
  await pane.user.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByText(/^Summary written to the "Summary" and "Counts" sheets/);
  return pane;
}

test("Refresh summary writes the Summary and Counts sheets and shows each service's table in the pane", async () => {
  const { workbook } = await refreshed();
  expect(screen.getByText('Summary written to the "Summary" and "Counts" sheets: 10 visits in 2 services.')).toBeInTheDocument();

  const table = screen.getByRole("table", { name: "Assessment (9 visits)" });
  expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Quality domain", "Grading"]);
  const allocation = within(table).getByRole("rowheader", { name: ALLOCATION }).closest("tr")!;
  const cell = within(allocation).getByRole("cell");
  expect(cell).toHaveTextContent(/^RI \(5 x RI, 3 x I, 1 x G\)$/);
  expect(cell).toHaveStyle({ backgroundColor: "#FFBF00", color: "#000000" });
  const overall = within(table).getByRole("rowheader", { name: "Overall conclusion" }).closest("tr")!;
  expect(within(overall).getByRole("cell")).toHaveTextContent(/^Requires Improvement \(7 x RI, 2 x I\)$/);
  expect(screen.getByRole("table", { name: "Safeguarding (1 visit)" })).toBeInTheDocument();
  expect(screen.getByText("10 visits counted.")).toBeInTheDocument();

  // What the workbook received: one plan, the same cell text on the Summary sheet, counts on Counts.
  expect(workbook.plans).toHaveLength(1);
  expect(workbook.plans[0].action).toBe("Refresh summary");
  const summaryValues = workbook.plans[0].changes.find((c) => c.kind === "setValues" && c.sheet === "Summary");
  expect(summaryValues && summaryValues.kind === "setValues" && summaryValues.values).toContainEqual([ALLOCATION, "RI (5 x RI, 3 x I, 1 x G)"]);
  const countValues = workbook.plans[0].changes.find((c) => c.kind === "setValues" && c.sheet === "Counts");
  expect(countValues && countValues.kind === "setValues" && countValues.values).toContainEqual(["Assessment", ALLOCATION, "RI", 5]);
});

test("the round and date filters and the grouping reach the workbook", async () => {
  const { user, workbook } = await renderPane(nineAssessmentVisits(), { tab: "summary" });
  await user.click(screen.getByRole("radio", { name: "Area" }));
  await user.type(control("Round", screen.getByRole("tabpanel")), "1");
  await user.type(control("Visits from", screen.getByRole("tabpanel")), "01/08/2017");
  await user.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByText('Summary written to the "Summary" and "Counts" sheets: 9 visits in 2 areas.');
  expect(screen.getByText("Selection: round 1, visits from 01/08/2017.")).toBeInTheDocument();
  expect(screen.getByRole("table", { name: "North (5 visits)" })).toBeInTheDocument();
  expect(screen.getByRole("table", { name: "South (4 visits)" })).toBeInTheDocument();
  const values = workbook.plans[0].changes.find((c) => c.kind === "setValues" && c.sheet === "Summary");
  expect(values && values.kind === "setValues" && values.values[0][0]).toBe("Team diagnostics: findings by area");
});

test("a From date after the To date is refused before anything is read or written", async () => {
  const { user, workbook } = await renderPane(nineAssessmentVisits(), { tab: "summary" });
  const reads = workbook.reads.length;
  await user.type(control("Visits from", screen.getByRole("tabpanel")), "01/01/2018");
  await user.type(control("Visits to", screen.getByRole("tabpanel")), "01/01/2017");
  await user.click(screen.getByRole("button", { name: "Refresh summary" }));
  expect(screen.getByRole("alert")).toHaveTextContent("The From date is after the To date.");
  expect(workbook.reads.length).toBe(reads);
  expect(workbook.plans).toEqual([]);
});

test("Copy table puts one service's table on the clipboard as HTML and text", async () => {
  const { user, host } = await refreshed();
  await user.click(screen.getByRole("button", { name: "Copy table: Assessment" }));
  await screen.findByText("The Assessment table is on the clipboard: paste it into Word or an email.");
  expect(host.copied).toHaveLength(1);
  expect(host.copied[0].text).toContain(`${ALLOCATION}\tRI (5 x RI, 3 x I, 1 x G)`);
  expect(host.copied[0].text).not.toContain("Safeguarding");
  expect(host.copied[0].html).toContain("<table");
  expect(host.copied[0].html).toContain("RI (5 x RI, 3 x I, 1 x G)");
});

test("Download counts saves a UTF-8 CSV that Excel opens", async () => {
  const { user, host, workbook } = await renderPane(nineAssessmentVisits(), { tab: "summary" });
  await user.click(screen.getByRole("button", { name: "Download counts (CSV)" }));
  await screen.findByText("The counts are offered as a CSV download.");
  expect(host.downloads).toHaveLength(1);
  const [file] = host.downloads;
  expect(file.filename).toMatch(/^Team diagnostics counts \d{4}-\d{2}-\d{2}\.csv$/);
  expect(file.mime).toBe("text/csv;charset=utf-8");
  expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // byte order mark, so Excel reads UTF-8
  const text = new TextDecoder().decode(file.bytes);
  expect(text).toContain(`Assessment,${ALLOCATION},RI,5`);
  expect(workbook.plans).toEqual([]); // exports never write to the workbook
});

test("Create summary workbook builds an .xlsx in the pane and asks Excel to open it", async () => {
  const { user, host, workbook } = await renderPane(nineAssessmentVisits(), { tab: "summary" });
  await user.click(screen.getByRole("button", { name: "Create summary workbook" }));
  await screen.findByText(/The summary workbook \(10 visits\) has opened in a new window/, undefined, { timeout: 20_000 });
  expect(host.opened).toHaveLength(1);
  const bytes = Buffer.from(host.opened[0], "base64");
  expect(bytes.subarray(0, 2).toString()).toBe("PK");

  const { ExcelJsWorkbook } = await import("../../src/adapters/exceljs/excelJsWorkbook");
  const opened = await ExcelJsWorkbook.load(new Uint8Array(bytes));
  const names = opened.workbook.worksheets.map((w) => w.name);
  expect(names).toEqual(expect.arrayContaining(["Summary", "Counts"]));
  const texts: string[] = [];
  opened.workbook.getWorksheet("Summary")!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
  expect(texts).toContain("RI (5 x RI, 3 x I, 1 x G)");
  // Aggregates only: no team names, managers or findings.
  expect(texts.join("\n")).not.toMatch(/Assessment team|Pat Jones|A\. Reviewer/);
  expect(workbook.plans).toEqual([]);
});

test("where Excel cannot open a new workbook, the summary workbook is downloaded instead", async () => {
  const host = new FakeHost(false);
  const { user } = await renderPane(nineAssessmentVisits(), { tab: "summary", host });
  await user.click(screen.getByRole("button", { name: "Download summary workbook" }));
  await screen.findByText(/so the summary workbook is offered as a download instead/, undefined, { timeout: 20_000 });
  expect(host.opened).toEqual([]);
  expect(host.downloads.map((d) => d.mime)).toEqual(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
});

test("Export report builds a Word document with both the service and the area tables", async () => {
  const build = jest.spyOn(wordReport, "buildWordReport");
  const { user, host } = await renderPane(nineAssessmentVisits(), { tab: "summary" });
  await user.type(control("Round", screen.getByRole("tabpanel")), "1");
  await user.click(screen.getByRole("button", { name: "Export report (Word)" }));
  await waitFor(() => expect(host.downloads).toHaveLength(1), { timeout: 20_000 });
  const [file] = host.downloads;
  expect(file.filename).toMatch(/\.docx$/);
  expect(Buffer.from(file.bytes.subarray(0, 2)).toString()).toBe("PK");
  expect(await screen.findByText(/The Word report is offered as a download/)).toBeInTheDocument();
  expect(build).toHaveBeenCalledTimes(1);
  const [input] = build.mock.calls[0];
  expect(input.byService.groups.map((g) => g.name)).toEqual(["Assessment"]);
  expect(input.byService.base.filter).toEqual({ round: "1" });
  expect(input.byArea?.groups.map((g) => `${g.name} ${g.visits}`)).toEqual(["North 5", "South 4"]);
  build.mockRestore();
});
