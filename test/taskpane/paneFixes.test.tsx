/** @jest-environment jsdom */
// Issue 13's last pane fixes: one message under a bad date, and the tabs (all of them, in jsdom where nothing has a width).
import { screen, waitFor, within } from "@testing-library/react";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { WithSummarySheet } from "./summarySheetFake";
import { control, form } from "./formHelpers";
import { renderPane } from "./renderPane";
import { tabsThatFit } from "../../src/taskpane/PaneTabs";

const existing = () => new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] });

test("a bad date's reason shows once under the visit date box: the error replaces the hint while the date is wrong", async () => {
  const { user } = await renderPane(existing());
  const date = control("Visit date", form());
  await user.type(date, "31/02/2018");
  const reason = "31/02/2018 is not a real date (February 2018 has 28 days).";
  const field = date.closest(".fui-Field") as HTMLElement;
  // Before Save: the hint gives the reason, once.
  expect(within(field).getAllByText(reason)).toHaveLength(1);

  await user.click(screen.getByRole("button", { name: "Save visit" }));
  expect(date).toHaveAttribute("aria-invalid", "true");
  // After Save: the error says it, and the hint no longer repeats it.
  expect(within(field).getAllByText(reason)).toHaveLength(1);
  expect(date).toHaveAccessibleDescription(reason);

  // Put right, the hint comes back with the read-back.
  await user.clear(date);
  await user.type(date, "28/02/2018");
  expect(within(field).getByText("Read as 28 February 2018.")).toBeInTheDocument();
});

describe("the row of tabs", () => {
  const TABS = ["Record visit", "Check sheet", "Summary", "Set up", "Programme", "Actions"].map((label) => ({ value: label, label }));
  const widths = new Map(TABS.map((t) => [t.value, t.label.length * 8 + 12]));
  const total = [...widths.values()].reduce((a, n) => a + n, 0);

  test("jsdom (no layout): every tab shows and there is no More button", async () => {
    await renderPane(existing());
    const tablist = screen.getByRole("tablist", { name: "Team Diagnostics" });
    expect(within(tablist).getAllByRole("tab").map((t) => t.querySelector(".fui-Tab__content")?.textContent)).toEqual(TABS.map((t) => t.label));
    expect(screen.queryByRole("button", { name: /^More tabs/ })).toBeNull();
  });

  // Arrow keys between tabs are Tabster's, which needs layout: checked in Chromium (e2e 135).
  test("tabsThatFit: all when they fit; else the selected one and those before the room runs out, with room for More", () => {
    expect(tabsThatFit(TABS, widths, total, "Summary", 60)).toEqual(new Set(TABS.map((t) => t.value)));
    // Unknown widths (0, nothing laid out): null, meaning show every tab.
    expect(tabsThatFit(TABS, new Map(), 300, "Summary", 60)).toBeNull();
    expect(tabsThatFit(TABS, widths, 0, "Summary", 60)).toBeNull();
    // 300 px: Summary (76) + More (60) leaves 164: Record visit (108) fits, Check sheet (100) does not.
    expect([...(tabsThatFit(TABS, widths, 300, "Summary", 60) ?? [])].sort()).toEqual(["Record visit", "Summary"]);
    expect([...(tabsThatFit(TABS, widths, 300, "Actions", 60) ?? [])].sort()).toEqual(["Actions", "Record visit"]);
    const shown = tabsThatFit(TABS, widths, 300, "Record visit", 60) ?? new Set();
    expect([...shown].reduce((a, v) => a + (widths.get(v) ?? 0), 0) + 60).toBeLessThanOrEqual(300);
  });
});


test("in the same pane, without opening it again: the tie rule changed in Set up, the Summary tab says out of date", async () => {
  const workbook = new WithSummarySheet({ rows: [visitRow("TD-0001", "Safeguarding North", "G"), visitRow("TD-0002", "Safeguarding North", "RI", { "Visit date": 42955 })] });
  const { user } = await renderPane(workbook, { tab: "summary" });
  await user.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByText(/^Summary written/);
  await user.click(screen.getByRole("tab", { name: "Set up" }));
  await user.click(screen.getByRole("radio", { name: /^Split/ }));
  await user.click(screen.getByRole("button", { name: "Save settings" }));
  await waitFor(() => expect((workbook.lists ?? []).flat()).toContain("split"), { timeout: 10_000 });
  await user.click(screen.getByRole("tab", { name: "Summary" }));
  expect(await screen.findByText(/The Summary sheet is out of date/, undefined, { timeout: 10_000 })).toBeInTheDocument();
});
