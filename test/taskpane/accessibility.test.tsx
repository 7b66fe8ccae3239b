/** @jest-environment jsdom */
import { act, screen } from "@testing-library/react";
import axe from "axe-core";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

/** axe's rules that jsdom can judge (it has no layout, so no colour contrast). */
async function violations(root: HTMLElement): Promise<string[]> {
  let result: axe.AxeResults | undefined;
  // Inside act: Fluent's tab indicator settles while axe runs.
  await act(async () => {
    result = await axe.run(root, { rules: { "color-contrast": { enabled: false } } });
  });
  return result!.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const workbook = () =>
  new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G"), visitRow("TD-0002", "Safeguarding North", "x")] });

// One test a tab, each with its own time budget: axe over the whole pane takes 4 to 15 s a run in jsdom on a quiet
// machine, twice that beside the other Jest workers. A budget, not a speed check.
jest.setTimeout(90_000);
describe("every tab, with its results showing, passes axe's checks", () => {
  test("Record visit, with the error summary showing", async () => {
    const { user, container } = await renderPane(workbook());
    await user.click(screen.getByRole("button", { name: "Save visit" }));
    expect(await violations(container)).toEqual([]);
  });

  test("Check sheet, with its problems listed", async () => {
    const { user, container } = await renderPane(workbook());
    await user.click(screen.getByRole("tab", { name: "Check sheet" }));
    await user.click(screen.getByRole("button", { name: "Check sheet" }));
    await screen.findByRole("list", { name: "Problems" });
    expect(await violations(container)).toEqual([]);
  });

  test("Summary, refreshed", async () => {
    const { user, container } = await renderPane(workbook());
    await user.click(screen.getByRole("tab", { name: "Summary" }));
    await user.click(screen.getByRole("button", { name: "Refresh summary" }));
    await screen.findByRole("table", { name: "Safeguarding (1 visit)" });
    expect(await violations(container)).toEqual([]);
  });

  test("Set up", async () => {
    const { user, container } = await renderPane(workbook());
    await user.click(screen.getByRole("tab", { name: "Set up" }));
    expect(await violations(container)).toEqual([]);
  });
});

test("the tabs are reached and switched by keyboard, and a half-filled form survives a look at another tab", async () => {
  const { user } = await renderPane(workbook());
  await user.type(screen.getByRole("textbox", { name: "Team manager" }), "Sam");
  // (Arrow keys between tabs come from Fluent's focus manager, which needs a real browser's layout.)
  act(() => screen.getByRole("tab", { name: "Check sheet" }).focus());
  await user.keyboard("{Enter}");
  expect(screen.getByRole("tab", { name: "Check sheet" })).toHaveAttribute("aria-selected", "true");
  expect(screen.getByRole("tabpanel")).toHaveAttribute("id", "td-panel-check");
  await user.click(screen.getByRole("tab", { name: "Record visit" }));
  expect(screen.getByRole("textbox", { name: "Team manager" })).toHaveValue("Sam");
});
