/** @jest-environment jsdom */
import { act, screen, within } from "@testing-library/react";
import axe from "axe-core";
import { CellValue } from "../../src/workbook/plan";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

const UNIQUE = "Quizzicalorb";

/**
 * Two rounds: Round 1 Safeguarding North RI, South G; Assessment Duty I. Round 2: North and South G, Duty I. Every
 * Strengths cell holds a word that must reach no output.
 */
function twoRounds(): FakeWorkbook {
  const v = (id: string, service: string, team: string, round: string, date: number, grade: string): CellValue[] =>
    visitRow(id, team, grade, { Service: service, Round: round, "Visit date": date, Strengths: `Good ${UNIQUE} work` });
  return new FakeWorkbook({
    rows: [
      v("TD-1", "Safeguarding", "Safeguarding North", "Round 1", 42954, "RI"),
      v("TD-2", "Safeguarding", "Safeguarding South", "Round 1", 42955, "G"),
      v("TD-3", "Assessment", "Assessment Duty", "Round 1", 42956, "I"),
      v("TD-4", "Safeguarding", "Safeguarding North", "Round 2", 43319, "G"),
      v("TD-5", "Safeguarding", "Safeguarding South", "Round 2", 43320, "G"),
      v("TD-6", "Assessment", "Assessment Duty", "Round 2", 43321, "I"),
    ],
  });
}

async function refreshed() {
  const pane = await renderPane(twoRounds(), { tab: "summary" });
  await pane.user.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByText(/^Summary written to the "Summary" and "Counts" sheets/);
  return pane;
}

test("above the per-service tables: the key findings, the matrix at a glance, and Refresh trends with its message", async () => {
  const { user, workbook, container } = await refreshed();
  const findings = screen.getByRole("list", { name: "Key findings" });
  expect(within(findings).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    "In Round 2, most teams (2 of 3) were graded as good.",
    // Safeguarding's change rests on 2 visits in a round: below LARGEST_CHANGE_MIN_VISITS, so not "the largest change".
  ]);

  const table = screen.getByRole("table", { name: "At a glance: Round 2, change since Round 1" });
  const headers = within(table).getAllByRole("columnheader");
  expect(headers.map((h) => h.textContent)).toEqual(["Service", "Allocation", "Practice", "Monitoring", "Joint", "Overall"]);
  // Each abbreviated header carries its full label.
  expect(headers.slice(1).map((h) => h.getAttribute("aria-label"))).toEqual(["Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"]);
  expect(within(headers[1]).getByTitle("Effectiveness of case allocation and workload management arrangements")).toBeInTheDocument();
  expect(headers.every((h) => h.getAttribute("scope") === "col")).toBe(true);
  const safeguarding = within(table).getByRole("rowheader", { name: "Safeguarding" });
  expect(safeguarding.getAttribute("scope")).toBe("row");
  const cells = within(safeguarding.closest("tr")!).getAllByRole("cell");
  // The grade is text in every coloured cell; the arrow is read as a word.
  expect(cells.map((c) => c.textContent)).toEqual(Array(5).fill("G (2) ▲better"));
  expect(cells[4]).toHaveStyle({ backgroundColor: "#8CC63F", color: "#000000" });
  const assessment = within(within(table).getByRole("rowheader", { name: "Assessment" }).closest("tr")!).getAllByRole("cell");
  expect(assessment[4]).toHaveTextContent("I (1) =same");
  // The matrix scrolls in its own labelled, focusable box; the per-service tables follow it.
  const region = screen.getByRole("region", { name: "At a glance (scrolls sideways)" });
  expect(region).toHaveAttribute("tabindex", "0");
  const perService = screen.getByRole("table", { name: "Safeguarding (4 visits)" });
  expect(table.compareDocumentPosition(perService) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

  await user.click(screen.getByRole("button", { name: "Refresh trends" }));
  await screen.findByText('Trends written to the "Trends" sheet: 2 rounds, 3 teams compared.');
  expect(workbook.plans.map((p) => p.action)).toEqual(["Refresh summary", "Refresh trends and overview"]);
  expect(workbook.plans[1].changes.some((c) => c.kind === "addSheet" && c.sheet === "Trends")).toBe(true);

  // Figures only: the word in every Strengths cell is in no plan and nowhere in the pane.
  expect(JSON.stringify(workbook.plans)).not.toContain(UNIQUE);
  expect(container.textContent).not.toContain(UNIQUE);

  let result: axe.AxeResults | undefined;
  await act(async () => {
    result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
  });
  expect(result!.violations.map((v) => v.id)).toEqual([]);
});

test("the Summary sheet's plan opens with the key findings and the matrix", async () => {
  const { workbook } = await refreshed();
  const first = workbook.plans[0].changes.find((c) => c.kind === "setValues" && c.sheet === "Summary" && c.topLeft === "A1");
  expect(first && first.kind === "setValues" && first.values.map((r) => r[0])).toEqual(expect.arrayContaining(["Key findings", "At a glance", "Service", "Safeguarding", "Assessment"]));
});

test("the summary workbook the pane creates opens with the same block", async () => {
  const { user, host } = await renderPane(twoRounds(), { tab: "summary" });
  await user.click(screen.getByRole("button", { name: "Create summary workbook" }));
  await screen.findByText(/The summary workbook \(6 visits\) has opened in a new window/, undefined, { timeout: 20_000 });
  const { ExcelJsWorkbook } = await import("../../src/adapters/exceljs/excelJsWorkbook");
  const opened = await ExcelJsWorkbook.load(new Uint8Array(Buffer.from(host.opened[0], "base64")));
  const ws = opened.workbook.getWorksheet("Summary")!;
  expect(ws.getCell("A1").value).toBe("Key findings");
  const texts: string[] = [];
  opened.workbook.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => texts.push(String(c.value)))));
  expect(texts).toEqual(expect.arrayContaining(["At a glance", "G (2) ▲", "Good (3 x G, 1 x RI)"]));
  expect(texts.join("\n")).not.toContain(UNIQUE);
});
