/** @jest-environment jsdom */
/** What a screen reader hears (a new user's test): each dropdown's button names its field, one way into Import, a heading on every tab. */
import { screen, within } from "@testing-library/react";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);

const workbook = () => new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] });

test("the Team, Round and Area dropdown buttons are named after their fields, not all 'Open'", async () => {
  await renderPane(workbook());
  const form = screen.getByRole("form", { name: /visit/i });
  for (const field of ["Team", "Round", "Area"]) expect(within(form).getByRole("button", { name: `Open the ${field} list`, hidden: true })).toBeInTheDocument();
  expect(within(form).queryAllByRole("button", { name: "Open", hidden: true })).toEqual([]);
});

test("Import visits is one button: the file input behind it is not a second one", async () => {
  await renderPane(workbook(), { tab: "check" });
  expect(screen.getByRole("button", { name: "Import visits…" })).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Workbook or CSV file to import" })).toBeNull();
  // Browsers expose a file input as a button of its own: it is hidden from the accessibility tree (and the Tab order).
  const input = screen.getByLabelText("Workbook or CSV file to import");
  expect(input).toHaveAttribute("aria-hidden", "true");
  expect(input).toHaveAttribute("tabindex", "-1");
});

test.each([
  ["summary", "Summary"],
  ["programme", "Programme of visits"],
] as const)("the %s tab has a heading, as the other tabs do", async (tab, name) => {
  await renderPane(workbook(), { tab });
  expect(screen.getByRole("heading", { level: 2, name })).toBeInTheDocument();
});
