/** @jest-environment jsdom */
/** Issue 15: editing a Final visit's grade asks for a reason and a name, beside the boxes; the log goes in the same plan. */
import { screen, waitFor } from "@testing-library/react";
import { defaultConfig } from "../../src/domain";
import { MODERATOR_NAME_KEY } from "../../src/taskpane/ModerationReason";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { control, form } from "./formHelpers";
import { renderPane } from "./renderPane";

function workbookWith(status: string) {
  const workbook = new FakeWorkbook({
    config: defaultConfig({ areas: ["North"], teams: [{ name: "Safeguarding North", service: "Safeguarding", area: "North" }] }),
    rows: [visitRow("TD-0001", "Safeguarding North", "RI", { Status: status })],
  });
  workbook.selection = { sheet: "Diagnostics", row: 2, column: 0 };
  return workbook;
}

beforeEach(() => localStorage.clear());

test("a Final visit's changed grade shows a Reason box; Save refuses without a reason or a name, saying so beside the box", async () => {
  const { user, workbook } = await renderPane(workbookWith("Final"));
  await user.click(screen.getByRole("button", { name: "Load selected row" }));
  await screen.findByRole("heading", { name: "Edit visit TD-0001 (row 2)" });
  expect(screen.queryByLabelText(/^Reason for the change/)).toBeNull();

  await user.selectOptions(control("Overall conclusion", form()), "G");
  const reason = control("Reason for the change");
  expect(screen.getByText("This visit is Final: changes are logged")).toBeInTheDocument();
  expect(screen.getByText(/^Changed: Overall conclusion\./)).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Save changes" }));
  const message = "This visit is Final: give a reason for changing Overall conclusion.";
  // Beside the box (its Field's validation message describes it) and in the summary at the top.
  await waitFor(() => expect(reason).toHaveAccessibleDescription(expect.stringContaining(message)));
  expect(reason).toHaveAttribute("aria-invalid", "true");
  expect(workbook.plans).toEqual([]);

  await user.type(reason, "Agreed at the moderation panel");
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  await waitFor(() => expect(control("Your name")).toHaveAccessibleDescription(expect.stringContaining("Give your name")));
  expect(workbook.plans).toEqual([]);
  expect(localStorage.getItem(MODERATOR_NAME_KEY)).toBeNull();

  await user.type(control("Your name"), "A. Moderator");
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  await screen.findByText("Changes to visit TD-0001 saved on row 2.");
  // One plan: the cell, then the Change log (made here, as this workbook has none yet) and its row.
  expect(workbook.plans).toHaveLength(1);
  const [plan] = workbook.plans;
  expect(plan.action).toBe("Edit a visit");
  expect(plan.changes[0]).toEqual({ kind: "setValues", sheet: "Diagnostics", topLeft: "M2", values: [["G"]] });
  const appended = plan.changes.filter((c) => c.kind === "appendTableRows");
  expect(appended).toEqual([
    { kind: "appendTableRows", table: "ChangeLog", insertFirst: 0, rows: [[expect.stringMatching(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/), "A. Moderator", "TD-0001", "Overall conclusion", "RI", "G", "Agreed at the moderation panel"]] },
  ]);
  expect(plan.changes.some((c) => c.kind === "createTable" && c.name === "ChangeLog")).toBe(true);
  // The name is kept on this device, for next time.
  expect(localStorage.getItem(MODERATOR_NAME_KEY)).toBe("A. Moderator");
});

test("a Draft's changes need no reason: no box, and the edit alone is saved", async () => {
  const { user, workbook } = await renderPane(workbookWith("Draft"));
  await user.click(screen.getByRole("button", { name: "Load selected row" }));
  await screen.findByRole("heading", { name: "Edit visit TD-0001 (row 2)" });
  await user.selectOptions(control("Overall conclusion", form()), "G");
  expect(screen.queryByLabelText(/^Reason for the change/)).toBeNull();
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  await screen.findByText("Changes to visit TD-0001 saved on row 2.");
  expect(workbook.plans).toEqual([{ action: "Edit a visit", changes: [{ kind: "setValues", sheet: "Diagnostics", topLeft: "M2", values: [["G"]] }] }]);
});

test("the name given once is offered again", async () => {
  localStorage.setItem(MODERATOR_NAME_KEY, "A. Moderator");
  const { user } = await renderPane(workbookWith("For moderation"));
  await user.click(screen.getByRole("button", { name: "Load selected row" }));
  await screen.findByRole("heading", { name: "Edit visit TD-0001 (row 2)" });
  await user.selectOptions(control("Practice and direct work", form()), "I");
  expect(screen.getByText("This visit is For moderation: changes are logged")).toBeInTheDocument();
  expect(control("Your name")).toHaveValue("A. Moderator");
});
