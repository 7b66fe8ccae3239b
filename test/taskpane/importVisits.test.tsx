/** @jest-environment jsdom */
/**
 * "Import visits…" in the Check tab (issue 14): a chosen .csv or .xlsx is read in the pane, its counts shown with
 * the problems named by file, sheet, row and column, and "Add" appends the new visits in one plan.
 */
import { screen, within } from "@testing-library/react";
import { DecompressionStream } from "node:stream/web";
import ExcelJS from "exceljs";
import { FakeWorkbook, HEADERS, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);
const READ_WAIT = 20_000;

// jsdom has no Compression Streams; Chromium, Edge WebView2 and Node do (src/adapters/files/inflate.ts).
(globalThis as Record<string, unknown>).DecompressionStream ??= DecompressionStream;

/** TD-0001 is in the table; TD-0002 is new; TD-0003 has a mistyped grade. */
const ROWS = [
  ["TD-0001", "07/08/2017", "1", "Safeguarding", "Safeguarding North", "North", "Pat Jones", "A. Reviewer", "G", "G", "G", "G", "G", "", "", "", "Final"],
  ["TD-0002", "14/03/2018", "1", "Safeguarding", "Safeguarding North", "North", "Pat Jones", "A. Reviewer", "RI", "G", "RI", "G", "RI", "Secure base", "", "", "Final"],
  ["TD-0003", "15/03/2018", "1", "Safeguarding", "Safeguarding North", "North", "Pat Jones", "A. Reviewer", "Requires Imprvement", "G", "G", "G", "G", "", "", "", "Final"],
];

function csvFile(): File {
  const text = [HEADERS, ...ROWS].map((r) => r.join(",")).join("\r\n");
  return new File([text], "east.csv", { type: "text/csv" });
}

async function xlsxFile(): Promise<File> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Visits");
  ws.addRow(HEADERS);
  for (const r of ROWS) ws.addRow(r);
  return new File([await wb.xlsx.writeBuffer()], "east.xlsx");
}

const chooser = () => screen.getByLabelText("Workbook or CSV file to import") as HTMLInputElement;

test.each([
  ["east.csv", async () => csvFile(), "east.csv"],
  ["east.xlsx", xlsxFile, "Visits"],
])("reads %s, counts new, already there and with problems, and adds the new one in one plan", async (name, make, sheet) => {
  const workbook = new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] });
  const before = JSON.parse(JSON.stringify(workbook.rows));
  const { user } = await renderPane(workbook, { tab: "check" });
  expect(screen.getByRole("button", { name: "Import visits…" })).toBeInTheDocument();
  await user.upload(chooser(), await make());

  // Reading a workbook (unzip, scan) takes more than findByText's default second when the machine is busy.
  expect(await screen.findByText(`${name}: 1 new, 1 already in the table, 1 with problems.`, {}, { timeout: READ_WAIT })).toBeInTheDocument();
  const problems = within(screen.getByRole("list", { name: "Problems in the file" })).getAllByRole("listitem");
  // A CSV file has no sheets: its name is said once ("east.csv row 4"), never "east.csv, east.csv row 4".
  const place = sheet === name ? `${name} row 4` : `${name}, ${sheet} row 4`;
  expect(problems.map((li) => li.textContent)).toEqual([expect.stringMatching(new RegExp(`^${place}, Allocation and workload \\(I4\\): .*Requires Imprvement`))]);
  expect(workbook.plans).toEqual([]);

  await user.click(screen.getByRole("button", { name: "Add 1 visit" }));
  expect(await screen.findByText("1 visit added below the table, from row 3. Checked: the 1 visit added is in the table.", {}, { timeout: READ_WAIT })).toBeInTheDocument();
  expect(workbook.plans).toHaveLength(1);
  expect(workbook.plans[0].action).toBe("Import 1 visit");
  expect(workbook.rows).toHaveLength(2);
  expect(workbook.rows[0]).toEqual(before[0]);
  expect(workbook.rows[1].slice(0, 5)).toEqual(["TD-0002", 43173, "1", "Safeguarding", "Safeguarding North"]);
});

test("a file that is not a workbook gets one sentence beside the button, and nothing is written", async () => {
  const workbook = new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] });
  const { user } = await renderPane(workbook, { tab: "check" });
  const input = chooser();
  // A file named .xlsx that is not one (renamed, or damaged).
  await user.upload(input, new File(["not a zip"], "east.xlsx"));
  expect(await screen.findByRole("alert")).toHaveTextContent('"east.xlsx" is not a valid .xlsx workbook: it may be damaged or only renamed.');
  expect(workbook.plans).toEqual([]);
});

test("teams the Lists sheet lacks are said in the preview and added to it in the same plan, below its teams", async () => {
  const newTeams = [
    ["TD-0002", "14/03/2018", "1", "Safeguarding", "Safeguarding East", "East", "Pat Jones", "A. Reviewer", "G", "G", "G", "G", "G", "", "", "", "Final"],
    ["TD-0003", "15/03/2018", "1", "Safeguarding", "Safeguarding West", "West", "Pat Jones", "A. Reviewer", "G", "G", "G", "G", "G", "", "", "", "Final"],
    // The same new team again, in other letters: one row on the Lists sheet.
    ["TD-0004", "16/03/2018", "1", "Safeguarding", "safeguarding east", "East", "Pat Jones", "A. Reviewer", "G", "G", "G", "G", "G", "", "", "", "Final"],
  ];
  const text = [HEADERS, ROWS[0], ...newTeams].map((r) => r.join(",")).join("\r\n");
  const workbook = new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] });
  const teamsBefore = workbook.lists!.map((r) => r[2]);
  const { user } = await renderPane(workbook, { tab: "check" });
  await user.upload(chooser(), new File([text], "east.csv", { type: "text/csv" }));
  expect(await screen.findByText("east.csv: 3 new, 1 already in the table, 0 with problems.", {}, { timeout: READ_WAIT })).toBeInTheDocument();
  const group = screen.getByRole("group", { name: "Import from east.csv" });
  expect(within(group).getByText("2 new teams will be added to the Lists sheet: Safeguarding East and Safeguarding West.")).toBeInTheDocument();
  expect(workbook.plans).toEqual([]);

  await user.click(screen.getByRole("button", { name: "Add 3 visits" }));
  expect(
    await screen.findByText("3 visits added below the table, from row 3. Checked: the 3 visits added are in the table. 2 teams added to the Lists sheet: Safeguarding East and Safeguarding West.", {}, { timeout: READ_WAIT }),
  ).toBeInTheDocument();
  // One plan: the rows and the Lists sheet's new teams together.
  expect(workbook.plans).toHaveLength(1);
  const listsWrites = workbook.plans[0].changes.filter((c) => c.kind === "setValues" && c.sheet === "Lists");
  expect(listsWrites).toEqual([expect.objectContaining({ values: [["Safeguarding East", "Safeguarding", "East"], ["Safeguarding West", "Safeguarding", "West"]] })]);
  // Below the teams already listed: none written over.
  const known = teamsBefore.filter((t) => t !== null && t !== "").length;
  expect(workbook.lists!.map((r) => r[2]).slice(0, known)).toEqual(teamsBefore.slice(0, known));
  expect(workbook.lists!.slice(known, known + 2).map((r) => r.slice(2, 5))).toEqual([["Safeguarding East", "Safeguarding", "East"], ["Safeguarding West", "Safeguarding", "West"]]);
});
