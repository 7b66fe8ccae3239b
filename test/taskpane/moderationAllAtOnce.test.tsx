/** @jest-environment jsdom */
/**
 * New-user test of the pane: editing a Final visit with both the reason and the name empty flagged only the reason
 * ("Fix 1 problem"), so Save failed a second time on the name, and the reason's message was a second alert beside
 * the summary. Every missing field is flagged on the one press, counted in the summary, and only the summary is an
 * alert (each field's message is its description, as elsewhere in the form).
 */
import { screen, waitFor, within } from "@testing-library/react";
import { defaultConfig } from "../../src/domain";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { control, form } from "./formHelpers";
import { renderPane } from "./renderPane";

function finalVisit() {
  const workbook = new FakeWorkbook({
    config: defaultConfig({ areas: ["North"], teams: [{ name: "Safeguarding North", service: "Safeguarding", area: "North" }] }),
    rows: [visitRow("TD-0001", "Safeguarding North", "RI", { Status: "Final" })],
  });
  workbook.selection = { sheet: "Diagnostics", row: 2, column: 0 };
  return workbook;
}

const REASON = "This visit is Final: give a reason for changing Overall conclusion.";
const NAME = "Give your name: the Change log records who made each change.";

beforeEach(() => localStorage.clear());

async function loadAndChangeGrade() {
  const pane = await renderPane(finalVisit());
  await pane.user.click(screen.getByRole("button", { name: "Load selected row" }));
  await screen.findByRole("heading", { name: "Edit visit TD-0001 (row 2)" });
  await pane.user.selectOptions(control("Overall conclusion", form()), "G");
  return pane;
}

test("with the reason and the name both empty, Save flags both at once and only the summary is an alert", async () => {
  const { user, workbook } = await loadAndChangeGrade();
  await user.click(screen.getByRole("button", { name: "Save changes" }));

  const summary = await screen.findByRole("alert", { name: /before saving/ });
  expect(within(summary).getByText("Fix 2 problems before saving")).toBeInTheDocument();
  expect(within(summary).getAllByRole("listitem").map((li) => li.textContent)).toEqual([REASON, NAME]);
  expect(screen.getAllByRole("alert")).toHaveLength(1);

  const reason = control("Reason for the change");
  const who = control("Your name");
  expect(reason).toHaveAttribute("aria-invalid", "true");
  expect(reason).toHaveAccessibleDescription(expect.stringContaining(REASON));
  expect(who).toHaveAttribute("aria-invalid", "true");
  expect(who).toHaveAccessibleDescription(expect.stringContaining(NAME));
  await waitFor(() => expect(reason).toHaveFocus());
  expect(workbook.plans).toEqual([]);

  // Each goes as soon as its box is filled in.
  await user.type(reason, "Agreed at the moderation panel");
  expect(within(screen.getByRole("alert")).getByText("Fix 1 problem before saving")).toBeInTheDocument();
  expect(reason).not.toHaveAttribute("aria-invalid", "true");
  expect(who).toHaveAttribute("aria-invalid", "true");
  await user.type(who, "A. Moderator");
  expect(screen.queryByRole("alert")).toBeNull();
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  await screen.findByText("Changes to visit TD-0001 saved on row 2.");
  expect(workbook.plans).toHaveLength(1);
});

test("a grade left empty is flagged with the missing reason and name on the same press", async () => {
  const { user, workbook } = await loadAndChangeGrade();
  await user.selectOptions(control("Joint working", form()), "");
  await user.click(screen.getByRole("button", { name: "Save changes" }));

  const summary = await screen.findByRole("alert", { name: /before saving/ });
  expect(within(summary).getByText("Fix 3 problems before saving")).toBeInTheDocument();
  expect(within(summary).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    "Choose a grade for Joint working.",
    "This visit is Final: give a reason for changing Joint working, Overall conclusion.",
    NAME,
  ]);
  expect(screen.getAllByRole("alert")).toHaveLength(1);
  await waitFor(() => expect(control("Joint working", form())).toHaveFocus());
  expect(workbook.plans).toEqual([]);
});

test("a change put back takes its reason and name messages with it", async () => {
  const { user } = await loadAndChangeGrade();
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  await screen.findByRole("alert", { name: /before saving/ });
  await user.selectOptions(control("Overall conclusion", form()), "RI");
  expect(screen.queryByLabelText(/^Reason for the change/)).toBeNull();
  expect(screen.queryByRole("alert")).toBeNull();
});
