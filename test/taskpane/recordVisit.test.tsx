/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import { FakeWorkbook, HEADERS, visitRow } from "./fakeWorkbook";
import { GRADE_LABELS, control, fillVisit, form } from "./formHelpers";
import { renderPane } from "./renderPane";

const existing = () => new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] });

test("a final visit with a grade missing shows the message by the field, focuses it and writes nothing", async () => {
  const { user, workbook } = await renderPane(existing());
  await fillVisit(user, { skipGrades: ["Joint working"] });
  await user.click(screen.getByRole("button", { name: "Save visit" }));

  const joint = control("Joint working", form());
  expect(joint).toHaveAttribute("aria-invalid", "true");
  expect(joint).toHaveAccessibleDescription(expect.stringContaining("Choose a grade for Joint working."));
  const summary = screen.getByRole("alert", { name: /problem before saving/ });
  expect(within(summary).getByText("Fix 1 problem before saving")).toBeInTheDocument();
  expect(screen.getAllByRole("alert")).toHaveLength(1); // the field's message is its description, not a second alert
  expect(within(summary).getByRole("button", { name: "Choose a grade for Joint working." })).toBeInTheDocument();
  await waitFor(() => expect(joint).toHaveFocus());

  expect(workbook.plans).toEqual([]);
  expect(workbook.rows).toHaveLength(1);

  // The message goes as soon as the field is put right.
  await user.selectOptions(joint, "No judgement");
  expect(screen.queryByText("Choose a grade for Joint working.")).toBeNull();
  expect(screen.queryByRole("alert")).toBeNull();
});

test("an empty form lists every missing field, in form order, and writes nothing", async () => {
  const { user, workbook } = await renderPane(existing());
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  const items = within(screen.getByRole("alert", { name: /problems before saving/ })).getAllByRole("listitem").map((li) => li.textContent);
  // Form order since issue 13: the date first, then service and team.
  expect(items).toEqual([
    "Enter the visit date.",
    "Choose a service.",
    "Choose or add a team.",
    ...GRADE_LABELS.map((label) => `Choose a grade for ${label}.`),
  ]);
  // The first field with a problem, in form order.
  await waitFor(() => expect(control("Visit date", form())).toHaveFocus());
  expect(workbook.plans).toEqual([]);
});

test("a valid visit is appended as one row below the table, selected, and the form resets", async () => {
  const { user, workbook } = await renderPane(existing());
  await fillVisit(user, { grade: "RI" });
  await user.selectOptions(control("Overall conclusion", form()), "RI / I");
  await user.click(screen.getByRole("button", { name: "Save visit" }));

  await screen.findByText("Visit TD-0002 saved on row 3.");
  expect(workbook.plans).toHaveLength(1);
  const [plan] = workbook.plans;
  expect(plan.action).toBe("Record a visit");
  const appends = plan.changes.filter((c) => c.kind === "appendTableRows");
  expect(appends).toHaveLength(1);
  expect(appends[0]).toMatchObject({ kind: "appendTableRows", table: "Diagnostics" });
  expect(plan.changes).toContainEqual({ kind: "select", sheet: "Diagnostics", range: `A3:${String.fromCharCode(64 + HEADERS.length)}3` });
  // No new team: the Lists sheet is not touched.
  expect(plan.changes.filter((c) => c.kind === "setValues")).toEqual([]);

  expect(workbook.rows).toHaveLength(2);
  expect(workbook.cell(3, "Visit ID")).toBe("TD-0002");
  expect(workbook.cell(3, "Service")).toBe("Safeguarding");
  expect(workbook.cell(3, "Team")).toBe("Safeguarding North");
  expect(workbook.cell(3, "Area")).toBe("North"); // filled in from the team's entry on the Lists sheet
  expect(workbook.cell(3, "Visit date")).toBe(45356); // 5 March 2024 as an Excel date
  expect(workbook.cell(3, "Round")).toBe("2");
  expect(workbook.cell(3, "Team manager")).toBe("Sam Smith");
  expect(workbook.cell(3, "Allocation and workload")).toBe("RI");
  expect(workbook.cell(3, "Overall conclusion")).toBe("RI / I");
  expect(workbook.cell(3, "Strengths")).toBe("Supervision is regular.");
  expect(workbook.cell(3, "Status")).toBe("Final");
  // The first row is as it was.
  expect(workbook.rows[0]).toEqual(visitRow("TD-0001", "Safeguarding North", "G"));

  expect(control("Service", form())).toHaveValue("");
  expect(control("Team", form())).toHaveValue("");
  expect(control("Allocation and workload", form())).toHaveValue("");
});

test("a draft may leave grades blank", async () => {
  const { user, workbook } = await renderPane(existing());
  await fillVisit(user, { skipGrades: GRADE_LABELS });
  await user.click(screen.getByRole("radio", { name: "Draft" }));
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  await screen.findByText("Visit TD-0002 saved on row 3.");
  expect(workbook.cell(3, "Status")).toBe("Draft");
  expect(workbook.cell(3, "Joint working")).toBeNull();
});

test("a new team is offered with a hint and added to the Lists sheet when the visit is saved", async () => {
  const { user, workbook } = await renderPane(existing());
  await fillVisit(user, { team: "Safeguarding East" });
  expect(screen.getByText('New team: "Safeguarding East" will be added to the Lists sheet when you save.')).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  await screen.findByText("Visit TD-0002 saved on row 3.");

  const [plan] = workbook.plans;
  const listsWrite = plan.changes.find((c) => c.kind === "setValues" && c.sheet === "Lists");
  expect(listsWrite).toMatchObject({ values: [["Safeguarding East", "Safeguarding", ""]] });
  expect(workbook.cell(3, "Team")).toBe("Safeguarding East");

  // The pane reads the Lists sheet again, so the team is now known.
  await user.type(control("Team", form()), "Safeguarding East");
  expect(screen.queryByText(/New team:/)).toBeNull();
});

test("a Visit ID already in use comes back from the workbook as a field message", async () => {
  const { user, workbook } = await renderPane(existing());
  await fillVisit(user);
  await user.type(control("Visit ID", form()), "td-0001");
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  const id = control("Visit ID", form());
  await waitFor(() => expect(id).toHaveAccessibleDescription(expect.stringContaining('Visit ID "td-0001" is already used.')));
  await waitFor(() => expect(id).toHaveFocus());
  expect(workbook.plans).toEqual([]);
});

test("without a Diagnostics table the pane says to set up the workbook first", async () => {
  const { user, workbook } = await renderPane(new FakeWorkbook({ table: false }));
  expect(screen.getByText(/This workbook has no Diagnostics table yet/)).toBeInTheDocument();
  await fillVisit(user);
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  expect(await screen.findByText("This workbook has no Diagnostics table yet. Choose Set up workbook first.")).toBeInTheDocument();
  expect(workbook.plans).toEqual([]);
});

test("the warning's button opens Set up, where Set up workbook has focus: the tab may be folded into More at 320 px", async () => {
  const { user } = await renderPane(new FakeWorkbook({ table: false }));
  await user.click(screen.getByRole("button", { name: "Go to Set up" }));
  expect(screen.getByRole("tab", { name: "Set up" })).toHaveAttribute("aria-selected", "true");
  await waitFor(() => expect(screen.getByRole("button", { name: "Set up workbook" })).toHaveFocus());
});

test("a typed date is read day first and said back in words before it is saved", async () => {
  const { user, workbook } = await renderPane(existing());
  await fillVisit(user, { date: "07/08/2017" });
  expect(control("Visit date", form())).toHaveAccessibleDescription("Read as 7 August 2017.");
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  await waitFor(() => expect(workbook.rows).toHaveLength(2));
  expect(workbook.cell(3, "Visit date")).toBe(42954); // 7 August 2017 as an Excel date
});
