/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

function withProblems() {
  return new FakeWorkbook({
    rows: [
      visitRow("TD-0001", "Safeguarding North", "G"),
      // Other dates: Check sheet now warns of two visits of one team on one date (issue 13).
      visitRow("TD-0002", "Safeguarding North", "RI", { "Allocation and workload": "Requires Imprvement", "Visit date": 42955 }),
      visitRow("TD-0001", "Safeguarding North", "I", { "Visit date": "09/08/2017" }),
    ],
  });
}

test("Check sheet lists each problem with its cell, column and severity, and writes nothing", async () => {
  const { user, workbook } = await renderPane(withProblems(), { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Check sheet" }));

  // The problems are in rows 3 and 4 (I3, A4, B4) of the 3 rows checked.
  expect(await screen.findByText(/^3 rows checked: 3 problems in 2 rows; 1 visit counts\./)).toHaveTextContent(
    "3 rows checked: 3 problems in 2 rows; 1 visit counts. 2 errors (a row with an error is left out of summaries), 1 warning.",
  );
  const list = screen.getByRole("list", { name: "Problems" });
  const problems = within(list).getAllByRole("button");
  expect(problems).toHaveLength(3);
  expect(problems[0]).toHaveTextContent("I3");
  expect(problems[0]).toHaveTextContent("Allocation and workload");
  expect(problems[0]).toHaveTextContent("Error");
  expect(problems[0]).toHaveTextContent('"Requires Imprvement" is not a grade on the Ofsted four-point scale');
  expect(problems.map((p) => p.getAttribute("aria-label")?.split(",")[0])).toEqual(["I3", "A4", "B4"]);
  expect(problems[2]).toHaveTextContent("Warning");
  expect(problems[2]).toHaveTextContent("typed as text");
  expect(workbook.plans).toEqual([]);
});

test("choosing a problem selects its cell in the sheet", async () => {
  const { user, workbook } = await renderPane(withProblems(), { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Check sheet" }));
  const list = await screen.findByRole("list", { name: "Problems" });
  await user.click(within(list).getByRole("button", { name: /^A4, Visit ID, error/ }));

  await screen.findByText("Cell A4 on Diagnostics selected.");
  expect(workbook.plans).toEqual([{ action: "Select", changes: [{ kind: "select", sheet: "Diagnostics", range: "A4" }] }]);
  expect(workbook.selection).toEqual({ sheet: "Diagnostics", row: 4, column: 0 });

  // By keyboard too.
  within(list).getByRole("button", { name: /^I3,/ }).focus();
  await user.keyboard("{Enter}");
  await screen.findByText("Cell I3 on Diagnostics selected.");
  expect(workbook.plans[1].changes).toEqual([{ kind: "select", sheet: "Diagnostics", range: "I3" }]);
});

test("a clean sheet says so", async () => {
  const { user } = await renderPane(new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] }), { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Check sheet" }));
  expect(await screen.findByText("1 row checked: no problems; 1 visit counts.")).toBeInTheDocument();
  expect(screen.queryByRole("list", { name: "Problems" })).toBeNull();
});
