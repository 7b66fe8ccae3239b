/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { GRADE_LABELS, control, form } from "./formHelpers";
import { renderPane } from "./renderPane";

const existing = () => new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] });

test("choosing Deep dive names a function instead of a service, hides the grades and makes Team optional", async () => {
  const { user } = await renderPane(existing());
  const f = form();
  expect(within(f).getByRole("radio", { name: "Team diagnostic" })).toBeChecked();
  expect(control("Service", f)).toBeInTheDocument();
  for (const label of GRADE_LABELS) expect(control(label, f)).toBeInTheDocument();
  expect(control("Team", f)).toBeRequired();

  await user.click(within(f).getByRole("radio", { name: "Deep dive" }));
  expect(within(f).queryByLabelText(/^Service/)).toBeNull();
  expect(control("Function", f)).toHaveAccessibleDescription(expect.stringContaining("The function the deep dive looked at"));
  for (const label of GRADE_LABELS) expect(within(f).queryByLabelText(new RegExp(`^${label}`))).toBeNull();
  expect(within(f).queryByRole("group", { name: "Grades" })).toBeNull();
  expect(control("Team", f)).not.toBeRequired();
  expect(control("Team", f)).toHaveAccessibleDescription(expect.stringContaining("Optional for a deep dive"));
});

test("a deep dive saves with its Visit type and function, no team and no grades, even when grades were chosen first", async () => {
  const { user, workbook } = await renderPane(existing());
  const f = form();
  await user.type(control("Visit date", f), "05/03/2024");
  // Grades chosen as a team visit, then the visit turned into a deep dive: they are cleared, never written.
  for (const label of GRADE_LABELS) await user.selectOptions(control(label, f), "RI");
  await user.click(within(f).getByRole("radio", { name: "Deep dive" }));
  await user.type(control("Function", f), "Fostering");
  await user.type(control("Strengths", f), "Carers feel supported.");
  await user.type(control("Recommendations", f), "Recruit more carers.\nReview respite.");
  await user.click(screen.getByRole("button", { name: "Save visit" }));

  await screen.findByText("Visit TD-0002 saved on row 3.");
  expect(workbook.cell(3, "Visit type")).toBe("Deep dive");
  expect(workbook.cell(3, "Service")).toBe("Fostering");
  expect(workbook.cell(3, "Team")).toBeNull();
  for (const label of GRADE_LABELS) expect(workbook.cell(3, label)).toBeNull();
  expect(workbook.cell(3, "Strengths")).toBe("Carers feel supported.");
  expect(workbook.cell(3, "Status")).toBe("Final");
  // The form starts afresh as a team diagnostic.
  expect(within(form()).getByRole("radio", { name: "Team diagnostic" })).toBeChecked();
});

test("a team visit writes Visit type Team diagnostic; a deep dive without a function is refused at the Function box", async () => {
  const { user, workbook } = await renderPane(existing());
  const f = form();
  await user.click(within(f).getByRole("radio", { name: "Deep dive" }));
  await user.type(control("Visit date", f), "05/03/2024");
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  const items = within(screen.getByRole("alert", { name: /problem before saving/ })).getAllByRole("listitem").map((li) => li.textContent);
  expect(items).toEqual(["Name the function the deep dive looked at."]);
  expect(control("Function", f)).toHaveAttribute("aria-invalid", "true");
  expect(workbook.plans).toEqual([]);

  await user.click(within(f).getByRole("radio", { name: "Team diagnostic" }));
  await user.selectOptions(control("Service", f), "Safeguarding");
  await user.type(control("Team", f), "Safeguarding North");
  for (const label of GRADE_LABELS) await user.selectOptions(control(label, f), "G");
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  await screen.findByText("Visit TD-0002 saved on row 3.");
  expect(workbook.cell(3, "Visit type")).toBe("Team diagnostic");
  expect(workbook.cell(3, "Overall conclusion")).toBe("G");
});

test("a table made before the Visit type column refuses a deep dive and says to run Set up", async () => {
  const workbook = existing();
  const at = workbook.headers.indexOf("Visit type");
  workbook.headers.splice(at, 1);
  workbook.rows.forEach((r) => r.splice(at, 1));
  const { user } = await renderPane(workbook);
  const f = form();
  await user.click(within(f).getByRole("radio", { name: "Deep dive" }));
  await user.type(control("Visit date", f), "05/03/2024");
  await user.type(control("Function", f), "Fostering");
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  expect((await screen.findAllByText(/has no Visit type column.*run Set up/)).length).toBeGreaterThan(0);
  expect(control("Visit type", f)).toHaveAccessibleDescription(expect.stringContaining("has no Visit type column"));
  expect(workbook.plans).toEqual([]);
});
