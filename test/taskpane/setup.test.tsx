/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { defaultConfig } from "../../src/domain";
import { configFromLists } from "../../src/workbook/listsSheet";
import { dependentTeamSource } from "../../src/workbook/teamLists";
import { FakeWorkbook } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

test("Set up workbook applies the set-up plan, and again when run twice", async () => {
  const workbook = new FakeWorkbook({ table: false, lists: false });
  const { user } = await renderPane(workbook, { tab: "setup" });
  expect(screen.getByText(/This workbook has no Lists sheet yet, so these are the defaults/)).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Set up workbook" }));
  await screen.findByText(/The workbook is set up/);
  expect(workbook.plans).toHaveLength(1);
  const [plan] = workbook.plans;
  expect(plan.action).toBe("Set up workbook");
  expect(plan.changes).toContainEqual(expect.objectContaining({ kind: "addSheet", sheet: "Lists", owner: "lists" }));
  expect(plan.changes).toContainEqual(expect.objectContaining({ kind: "createTable", sheet: "Diagnostics", name: "Diagnostics" }));
  expect(plan.changes.filter((c) => c.kind === "listValidation").map((c) => c.kind === "listValidation" && c.source)).toEqual(
    // Team, on Diagnostics and on Actions, follows the row's Service (issue 13: teamLists.ts).
    expect.arrayContaining(["=TD_Grades", "=TD_Services", dependentTeamSource("D", 2), dependentTeamSource("C", 2), "=TD_Statuses"]),
  );

  await user.click(screen.getByRole("button", { name: "Set up workbook" }));
  await screen.findByText(/The workbook is set up/);
  expect(workbook.plans).toHaveLength(2);
  expect(workbook.plans[1].action).toBe("Set up workbook");
});

test("the settings from the Lists sheet are listed, with the tie rule", async () => {
  const config = defaultConfig({
    overall: null,
    tieRule: "split",
    services: ["Assessment", "Safeguarding"],
    areas: ["North"],
    teams: [{ name: "Assessment 1", service: "Assessment", area: "North" }],
  });
  const workbook = new FakeWorkbook({ config });
  await renderPane(workbook, { tab: "setup" });
  expect(screen.getByText(/These settings are kept on the Lists sheet/)).toBeInTheDocument();
  expect(screen.getByRole("heading", { name: "Grade scale: Ofsted four-point" })).toBeInTheDocument();
  const grades = screen.getByRole("list", { name: "Grades, best first" });
  expect(within(grades).getAllByRole("listitem").map((li) => li.textContent)).toEqual([
    "OOutstanding",
    "O / GSplit grade",
    "GGood",
    "G / RISplit grade",
    "RIRequires Improvement",
    "RI / ISplit grade",
    "IInadequate",
    "No judgementCounted and shown, never the headline",
  ]);
  expect(screen.getByText(/^Split: when two adjacent grades are equally frequent/)).toBeInTheDocument();
  expect(screen.getByText("No overall conclusion column: each domain is graded on its own.")).toBeInTheDocument();
  expect(screen.getByRole("rowheader", { name: "Joint working" }).closest("tr")).toHaveTextContent(
    "Effectiveness of joint working between social care and other agencies",
  );
  expect(screen.getByRole("rowheader", { name: "Assessment 1" }).closest("tr")).toHaveTextContent("Assessment 1AssessmentNorth");
});

test("Reload settings reads the Lists sheet again", async () => {
  const workbook = new FakeWorkbook();
  const { user } = await renderPane(workbook, { tab: "setup" });
  workbook.lists![1][1] = "Early help"; // someone edits the first service on the Lists sheet
  await user.click(screen.getByRole("button", { name: "Reload settings" }));
  await screen.findByText("Settings read again from the Lists sheet.");
  expect(within(screen.getByRole("tabpanel")).getByText("Early help")).toBeInTheDocument();
  // The Record visit form offers it too.
  expect(screen.getByRole("option", { name: "Early help", hidden: true })).toBeInTheDocument();
  expect(workbook.plans).toEqual([]);
});

test("settings changed in the pane are written to the Lists sheet and read back", async () => {
  const workbook = new FakeWorkbook({ config: defaultConfig({ services: ["Assessment"], areas: [] }) });
  const rowsBefore = JSON.stringify(workbook.rows);
  const { user } = await renderPane(workbook, { tab: "setup" });
  await user.click(screen.getByRole("radio", { name: "Split: the split grade between two neighbours" }));
  await user.type(screen.getByRole("textbox", { name: "Add a service" }), "Front door");
  await user.type(screen.getByRole("textbox", { name: "Add an area" }), "North");
  await user.click(screen.getByRole("button", { name: "Save settings" }));
  await screen.findByText(/Settings saved to the Lists sheet/);

  expect(workbook.plans.map((p) => p.action)).toEqual(["Save settings"]);
  const back = configFromLists(workbook.lists);
  expect(back).toMatchObject({ tieRule: "split", services: ["Assessment", "Front door"], areas: ["North"] });
  // No Diagnostics row was touched, and the pane now shows what the sheet says.
  expect(JSON.stringify(workbook.rows)).toBe(rowsBefore);
  expect(screen.getByText(/^Split: when two adjacent grades are equally frequent/)).toBeInTheDocument();
});
