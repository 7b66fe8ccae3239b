/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { control, fillVisit, form } from "./formHelpers";
import { renderPane } from "./renderPane";

const NHS = "943 476 5919";

/** Types a line holding an NHS number into Recommendations. */
async function nhsInRecommendations(user: UserEvent): Promise<void> {
  await user.click(control("Recommendations", form()));
  await user.paste(`Remove NHS ${NHS} from the file.`);
}

// Filling the whole form by keyboard takes a while on a loaded machine.
jest.setTimeout(120_000);

test("the form warns before saving text that looks like a child's personal data, never quoting it, and Save anyway saves", async () => {
  const { user, workbook } = await renderPane(new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] }));
  await fillVisit(user);
  await nhsInRecommendations(user);
  await user.click(screen.getByRole("button", { name: "Save visit" }));

  const bar = (await screen.findByText("This may hold personal data about a child")).closest("[role=alert]") as HTMLElement;
  const items = within(screen.getByRole("list", { name: "Possible personal data in the form" })).getAllByRole("listitem");
  expect(items.map((i) => i.textContent)).toEqual(["Recommendations looks like an NHS number."]);
  expect(bar.textContent).not.toContain(NHS);
  expect(workbook.plans).toEqual([]);

  await user.click(screen.getByRole("button", { name: "Save anyway" }));
  await screen.findByText("Visit TD-0002 saved on row 3.");
  expect(workbook.plans).toHaveLength(1);
  expect(screen.queryByText("This may hold personal data about a child")).toBeNull();
});

test("editing the text away takes the warning away: Save visit comes back and saves without a second warning", async () => {
  const { user, workbook } = await renderPane(new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] }));
  await fillVisit(user);
  await user.click(control("Recommendations", form()));
  await user.paste("Email jo.bloggs@example.com");
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  expect(await screen.findByText("Recommendations looks like an email address.")).toBeInTheDocument();
  await user.clear(control("Recommendations", form()));
  await user.paste("Agree a plan with the team.");
  expect(screen.queryByText("Recommendations looks like an email address.")).toBeNull();
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  await screen.findByText("Visit TD-0002 saved on row 3.");
  expect(workbook.plans).toHaveLength(1);
});

test("Check sheet lists each cell that looks like personal data by cell and kind; choosing one selects it", async () => {
  const workbook = new FakeWorkbook({
    rows: [
      visitRow("TD-0001", "Safeguarding North", "G", { Strengths: "25 cases reviewed; s.47 enquiries timely." }),
      visitRow("TD-0002", "Safeguarding North", "RI", { "Areas for improvement": "Child DOB 12/03/2015 on the file." }),
    ],
  });
  const { user } = await renderPane(workbook, { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Check sheet" }));
  const list = await screen.findByRole("list", { name: "Possible personal data" });
  const buttons = within(list).getAllByRole("button");
  expect(buttons).toHaveLength(1);
  expect(buttons[0].textContent).toMatch(/^Diagnostics![A-Z]+3 looks like a date of birth$/);
  expect(screen.getByText(/^1 cell may hold personal data about a child \(\d+ text cells checked\)\.$/)).toBeInTheDocument();
  expect(list.textContent).not.toContain("12/03/2015");
  await user.click(buttons[0]);
  const cell = buttons[0].textContent!.split(" ")[0].split("!")[1];
  await screen.findByText(`Cell ${cell} on Diagnostics selected.`);
  expect(workbook.plans).toEqual([{ action: "Select", changes: [{ kind: "select", sheet: "Diagnostics", range: cell }] }]);
});

test("the warning comes with the form's other errors on the first Save, so fixing them and Save anyway saves (two presses, not three)", async () => {
  const { user, workbook } = await renderPane(new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] }));
  await fillVisit(user, { skipGrades: ["Joint working"] });
  await nhsInRecommendations(user);
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  // Both at once: the missing grade and the personal data.
  expect(await screen.findByText("This may hold personal data about a child")).toBeInTheDocument();
  expect(screen.getAllByText("Choose a grade for Joint working.").length).toBeGreaterThan(0);
  expect(workbook.plans).toEqual([]);

  await user.selectOptions(control("Joint working", form()), "RI");
  await user.click(screen.getByRole("button", { name: "Save anyway" }));
  await screen.findByText("Visit TD-0002 saved on row 3.");
  expect(workbook.plans).toHaveLength(1);
});

test("Clear form takes the warning away with the text, and the next visit's personal data is warned of again", async () => {
  const { user, workbook } = await renderPane(new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] }));
  await fillVisit(user);
  await nhsInRecommendations(user);
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  expect(await screen.findByText("This may hold personal data about a child")).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Clear form" }));
  // Findings are typed, so Clear form asks first (visitFormFixes.test.tsx).
  await user.click(within(screen.getByRole("group", { name: /^Clear the form\?/ })).getByRole("button", { name: "Clear form" }));
  expect(screen.queryByText("This may hold personal data about a child")).toBeNull();
  expect(screen.queryByRole("button", { name: "Save anyway" })).toBeNull();

  // The same text typed again on the fresh form is warned of again, not saved at once.
  await fillVisit(user);
  await nhsInRecommendations(user);
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  expect(await screen.findByText("This may hold personal data about a child")).toBeInTheDocument();
  expect(workbook.plans).toEqual([]);
});
