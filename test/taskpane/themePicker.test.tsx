/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import { VISIT_THEME_COLUMNS } from "../../src/domain";
import { FakeWorkbook, HEADERS, visitRow } from "./fakeWorkbook";
import { control, fillVisit, form } from "./formHelpers";
import { renderPane } from "./renderPane";

const THEME_HEADERS = VISIT_THEME_COLUMNS.map((c) => c.header);
const [STRENGTHS, AREAS] = THEME_HEADERS;

/** A workbook set up since issue 12: the two theme columns at the end of the table. */
function themedWorkbook(rows: ReturnType<typeof visitRow>[] = []): FakeWorkbook {
  const workbook = new FakeWorkbook({ rows: rows.map((r) => [...r, null, null]) });
  workbook.headers = [...HEADERS, ...THEME_HEADERS];
  return workbook;
}

const group = (name: string) => screen.getByRole("group", { name });
const ticked = (name: string) =>
  within(group(name))
    .getAllByRole("checkbox")
    .filter((c) => (c as HTMLInputElement).checked)
    .map((c) => c.getAttribute("aria-label") ?? c.closest("div")?.textContent);

test("the form ticks the themes the findings suggest; the reviewer's own ticks win; the confirmed themes are saved", async () => {
  const { user, workbook } = await renderPane(themedWorkbook([visitRow("TD-0001", "Safeguarding North", "G")]));
  // An accessible group of labelled checkboxes on each side, inside a Themes group.
  expect(group("Themes")).toBeInTheDocument();
  expect(within(group("Themes raised as strengths")).getAllByRole("checkbox")).toHaveLength(10);
  expect(ticked("Themes raised as strengths")).toEqual([]);

  await fillVisit(user); // Strengths: "Supervision is regular."
  await user.click(control("Areas for improvement", form()));
  await user.paste("Plans drift; caseloads are high.");
  expect(ticked("Themes raised as strengths")).toEqual(["Management oversight and supervision"]);
  expect(ticked("Themes raised as areas for improvement")).toEqual(["Caseloads and workload", "Planning", "Timeliness"]);

  const areas = within(group("Themes raised as areas for improvement"));
  await user.click(areas.getByRole("checkbox", { name: "Caseloads and workload" }));
  await user.click(areas.getByRole("checkbox", { name: "Audit and learning" }));
  // More text that suggests the theme unticked: the reviewer's choice stands.
  await user.click(control("Areas for improvement", form()));
  await user.paste(" Caseloads again.");
  expect(control("Areas for improvement", form())).toHaveValue("Plans drift; caseloads are high. Caseloads again.");
  expect(ticked("Themes raised as areas for improvement")).toEqual(["Planning", "Audit and learning", "Timeliness"]);

  await user.click(screen.getByRole("button", { name: "Save visit" }));
  await screen.findByText("Visit TD-0002 saved on row 3.");
  expect(workbook.cell(3, STRENGTHS)).toBe("Management oversight and supervision");
  expect(workbook.cell(3, AREAS)).toBe("Planning; Audit and learning; Timeliness");
  // The next visit starts with nothing ticked.
  await waitFor(() => expect(ticked("Themes raised as strengths")).toEqual([]));
}, 90_000);

test("editing a visit loads its themes, a name typed by hand that is not on the list included; unticking one saves only that cell", async () => {
  const workbook = themedWorkbook();
  workbook.rows = [[...visitRow("TD-0001", "Safeguarding North", "G", { Strengths: "Planning is good." }), "planning", "Timeliness; Our own theme"]];
  workbook.selection = { sheet: "Diagnostics", row: 2, column: 0 };
  const { user } = await renderPane(workbook);
  await user.click(screen.getByRole("button", { name: "Load selected row" }));
  await screen.findByRole("heading", { name: "Edit visit TD-0001 (row 2)" });
  expect(ticked("Themes raised as strengths")).toEqual(["Planning"]);
  expect(ticked("Themes raised as areas for improvement")).toEqual(["Timeliness", "Our own theme (not on the list)"]);

  await user.click(within(group("Themes raised as areas for improvement")).getByRole("checkbox", { name: "Timeliness" }));
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  await screen.findByText("Changes to visit TD-0001 saved on row 2.");
  expect(workbook.plans.at(-1)).toEqual({
    action: "Edit a visit",
    changes: [{ kind: "setValues", sheet: "Diagnostics", topLeft: "T2", values: [["Our own theme"]] }],
  });
});

test("Check sheet warns of a theme name not on the list, naming its cell and column", async () => {
  const workbook = themedWorkbook();
  workbook.rows = [[...visitRow("TD-0001", "Safeguarding North", "G"), "Planning; Made-up theme", null]];
  const { user } = await renderPane(workbook, { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Check sheet" }));
  const list = await screen.findByRole("list", { name: "Problems" });
  const problems = within(list).getAllByRole("button");
  expect(problems).toHaveLength(1);
  expect(problems[0].getAttribute("aria-label")?.split(",")[0]).toBe("S2");
  expect(problems[0]).toHaveTextContent(STRENGTHS);
  expect(problems[0]).toHaveTextContent("Warning");
  expect(problems[0]).toHaveTextContent('Theme "Made-up theme" is not on the list of themes on the Lists sheet.');
});
