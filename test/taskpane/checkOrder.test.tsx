/** @jest-environment jsdom */
/**
 * Check sheet (walk-through 9): errors, which leave rows out, are listed before warnings, each kind in the sheet's
 * order; and when an import (or Tidy grades) clears the problem list, the personal-data line of that check goes too.
 */
import { screen, within } from "@testing-library/react";
import { FakeWorkbook, HEADERS, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);

function mixed() {
  return new FakeWorkbook({
    rows: [
      visitRow("TD-0001", "Safeguarding North", "G", { "Visit date": "09/08/2017" }), // warning: typed as text
      visitRow("TD-0002", "Safeguarding North", "RI", { "Overall conclusion": "x", "Visit date": 42960 }), // error
      visitRow("TD-0003", "Safeguarding North", "G", { "Visit date": "10/08/2017" }), // warning
      visitRow("TD-0004", "Safeguarding North", "G", { "Joint working": "Goood", "Visit date": 42962 }), // error
    ],
  });
}

test("errors come first, then warnings, each in the sheet's order", async () => {
  const { user } = await renderPane(mixed(), { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Check sheet" }));
  const list = await screen.findByRole("list", { name: "Problems" });
  const labels = within(list)
    .getAllByRole("button")
    .map((b) => (b.getAttribute("aria-label") ?? "").split(":")[0]);
  expect(labels.map((l) => l.split(", ").slice(-1)[0])).toEqual(["error", "error", "warning", "warning"]);
  expect(labels.map((l) => l.split(",")[0])).toEqual(["M3", "L5", "B2", "B4"]);
});

test("after an import adds a visit, the problem list and its personal-data line go together", async () => {
  const workbook = new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G", { "Visit date": "09/08/2017" })] });
  const { user } = await renderPane(workbook, { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Check sheet" }));
  await screen.findByRole("list", { name: "Problems" });
  expect(await screen.findByText(/No personal data about a child found in/)).toBeInTheDocument();

  const row = ["TD-0009", "14/03/2018", "1", "Safeguarding", "Safeguarding North", "North", "Pat Jones", "A. Reviewer", "RI", "G", "RI", "G", "RI", "", "", "", "Final"];
  const csv = new File([[HEADERS, row].map((r) => r.join(",")).join("\r\n")], "east.csv", { type: "text/csv" });
  await user.upload(screen.getByLabelText("Workbook or CSV file to import") as HTMLInputElement, csv);
  await screen.findByText(/^east.csv:/);
  await user.click(await screen.findByRole("button", { name: "Add 1 visit" }));
  await screen.findByText(/^1 visit added below the table/);
  expect(screen.queryByRole("list", { name: "Problems" })).toBeNull();
  expect(screen.queryByText(/No personal data about a child found in/)).toBeNull();
});
