/** @jest-environment jsdom */
import { cleanup, screen, waitFor } from "@testing-library/react";
import { saveSettings } from "../../src/actions/workbookActions";
import { summaryFreshness } from "../../src/actions/summaryFreshness";
import { visitRow } from "./fakeWorkbook";
import { WithSummarySheet } from "./summarySheetFake";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);


function tiedWorkbook() {
  // One G and one RI in each domain: the tie rule decides every headline.
  return new WithSummarySheet({
    rows: [
      visitRow("TD-0001", "Safeguarding North", "G"),
      visitRow("TD-0002", "Safeguarding North", "RI", { "Visit date": 42955 }),
    ],
  });
}

test("the summary is current after Refresh, and out of date once the tie rule changes", async () => {
  const workbook = tiedWorkbook();
  expect(await summaryFreshness(workbook)).toEqual({ state: "none" });

  const { user } = await renderPane(workbook, { tab: "summary" });
  await user.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByText(/^Summary written to the "Summary" and "Counts" sheets/);
  expect(workbook.summary?.[0][3]).toMatch(/^Inputs [0-9a-f]{16}$/);
  expect(await summaryFreshness(workbook)).toEqual({ state: "current" });
  expect(screen.queryByText(/out of date/)).toBeNull();
  cleanup();

  await saveSettings(workbook, { tieRule: "split" });
  expect(await summaryFreshness(workbook)).toEqual({ state: "outOfDate" });

  const again = await renderPane(workbook, { tab: "summary" });
  expect(await screen.findByText("The Summary sheet is out of date: rows or settings have changed since it was made.")).toBeInTheDocument();
  await again.user.click(screen.getByRole("button", { name: "Refresh the out-of-date summary" }));
  const written = await screen.findByText(/^Summary written to the "Summary" and "Counts" sheets/);
  await waitFor(() => expect(screen.queryByText(/is out of date/)).toBeNull());
  // The bar and its button are gone: focus goes to what the refresh said, not to the page.
  await waitFor(() => expect(document.activeElement).not.toBe(document.body));
  expect(document.activeElement).toContainElement(written);
  expect(await summaryFreshness(workbook)).toEqual({ state: "current" });
});

test("an edited grade makes it out of date too; a narrative edit does not", async () => {
  const workbook = tiedWorkbook();
  const { user } = await renderPane(workbook, { tab: "summary" });
  await user.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByText(/^Summary written/);
  const strengths = workbook.headers.indexOf("Strengths");
  workbook.rows[0][strengths] = "A new finding";
  expect(await summaryFreshness(workbook)).toEqual({ state: "current" });
  workbook.rows[0][workbook.headers.indexOf("Joint working")] = "I";
  expect(await summaryFreshness(workbook)).toEqual({ state: "outOfDate" });
});
