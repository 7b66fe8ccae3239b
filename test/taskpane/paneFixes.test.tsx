/** @jest-environment jsdom */
// Issue 13's last pane fixes: one message under a bad date, and the tabs (all of them, in jsdom where nothing has a width).
import { screen, within } from "@testing-library/react";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { control, form } from "./formHelpers";
import { renderPane } from "./renderPane";

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
