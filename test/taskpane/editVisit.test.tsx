/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import { defaultConfig } from "../../src/domain";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { control, form } from "./formHelpers";
import { renderPane } from "./renderPane";

function threeVisits() {
  return new FakeWorkbook({
    config: defaultConfig({
      areas: ["North", "South"],
      teams: [
        { name: "Safeguarding North", service: "Safeguarding", area: "North" },
        { name: "Assessment South", service: "Assessment", area: "South" },
      ],
    }),
    rows: [
      visitRow("TD-0001", "Safeguarding North", "G"),
      visitRow("TD-0002", "Assessment South", "RI", { Service: "Assessment", Area: "South", "Joint working": "requires improvement to be good" }),
      visitRow("TD-0003", "Safeguarding North", "I", { Round: "2" }),
    ],
  });
}

test("Load selected row loads the visit; saving changes only the edited cell of that row", async () => {
  const workbook = threeVisits();
  // A Draft: a Final visit's grade change now needs a reason and is logged too (issue 15, moderationReason.test.tsx).
  workbook.rows[1][workbook.headers.indexOf("Status")] = "Draft";
  workbook.selection = { sheet: "Diagnostics", row: 3, column: 4 };
  const before = JSON.parse(JSON.stringify(workbook.rows));
  const { user } = await renderPane(workbook);

  await user.click(screen.getByRole("button", { name: "Load selected row" }));
  const heading = await screen.findByRole("heading", { name: "Edit visit TD-0002 (row 3)" });
  await waitFor(() => expect(heading).toHaveFocus());
  const f = form();
  expect(control("Service", f)).toHaveValue("Assessment");
  expect(control("Team", f)).toHaveValue("Assessment South");
  expect(control("Visit date", f)).toHaveValue("07/08/2017");
  // A grade typed the long way loads as its code.
  expect(control("Joint working", f)).toHaveValue("RI");

  await user.selectOptions(control("Overall conclusion", f), "G / RI");
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  await screen.findByText("Changes to visit TD-0002 saved on row 3.");

  expect(workbook.plans).toEqual([
    { action: "Edit a visit", changes: [{ kind: "setValues", sheet: "Diagnostics", topLeft: "M3", values: [["G / RI"]] }] },
  ]);
  // The typed spelling in Joint working was left as the user typed it; only M3 changed.
  const expected = before;
  expected[1][12] = "G / RI";
  expect(workbook.rows).toEqual(expected);
  expect(screen.getByRole("heading", { name: "Record a visit" })).toBeInTheDocument();
});

test("a selection outside the table explains what to do", async () => {
  const workbook = threeVisits();
  workbook.selection = { sheet: "Lists", row: 2, column: 0 };
  const { user } = await renderPane(workbook);
  await user.click(screen.getByRole("button", { name: "Load selected row" }));
  expect(await screen.findByText(/Select a cell on a visit's row in the Diagnostics table/)).toBeInTheDocument();
  expect(screen.getByRole("heading", { name: "Record a visit" })).toBeInTheDocument();
});

test("search by team lists matches; choosing one edits it; Cancel returns to a new visit and writes nothing", async () => {
  const workbook = threeVisits();
  const { user } = await renderPane(workbook);
  await user.type(screen.getByRole("searchbox", { name: "ID, team, service or date" }), "safeguarding");
  await user.keyboard("{Enter}");
  const results = await screen.findByRole("list", { name: "Matching visits" });
  const options = within(results).getAllByRole("button");
  expect(options.map((b) => b.textContent)).toEqual([
    "TD-0001 · Safeguarding North · Safeguarding · 07/08/2017 · row 2",
    "TD-0003 · Safeguarding North · Safeguarding · 07/08/2017 · row 4",
  ]);
  expect(screen.getByText("2 visits match. Choose one to edit it.")).toBeInTheDocument();

  // By keyboard (the list is one tab stop; arrow keys move within it in a browser).
  options[1].focus();
  await user.keyboard("{Enter}");
  await screen.findByRole("heading", { name: "Edit visit TD-0003 (row 4)" });
  expect(control("Round", form())).toHaveValue("2");

  await user.click(screen.getByRole("button", { name: "Cancel" }));
  expect(screen.getByRole("heading", { name: "Record a visit" })).toBeInTheDocument();
  expect(control("Round", form())).toHaveValue("");
  expect(workbook.plans).toEqual([]);
});

test("search by Visit ID", async () => {
  const { user } = await renderPane(threeVisits());
  await user.type(screen.getByRole("searchbox", { name: "ID, team, service or date" }), "td-0002");
  await user.click(screen.getByRole("button", { name: "Find" }));
  const results = await screen.findByRole("list", { name: "Matching visits" });
  expect(within(results).getAllByRole("button").map((b) => b.textContent)).toEqual([
    "TD-0002 · Assessment South · Assessment · 07/08/2017 · row 3",
  ]);
});

test("if a co-author sorted the sheet after the visit was loaded, nothing is written and the edit is kept", async () => {
  const workbook = threeVisits();
  workbook.selection = { sheet: "Diagnostics", row: 2, column: 0 };
  const { user } = await renderPane(workbook);
  await user.click(screen.getByRole("button", { name: "Load selected row" }));
  await screen.findByRole("heading", { name: "Edit visit TD-0001 (row 2)" });
  await user.type(control("Team manager", form()), " (acting)");

  workbook.rows.reverse(); // someone sorts the table
  const sorted = JSON.parse(JSON.stringify(workbook.rows));
  await user.click(screen.getByRole("button", { name: "Save changes" }));

  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Row 2 no longer holds visit TD-0001");
  expect(alert).toHaveTextContent("Nothing was saved.");
  expect(workbook.plans).toEqual([]);
  expect(workbook.rows).toEqual(sorted);
  expect(control("Team manager", form())).toHaveValue("Pat Jones (acting)");
});

test("an edit that breaks a rule is not saved", async () => {
  const workbook = threeVisits();
  workbook.selection = { sheet: "Diagnostics", row: 4, column: 0 };
  const { user } = await renderPane(workbook);
  await user.click(screen.getByRole("button", { name: "Load selected row" }));
  await screen.findByRole("heading", { name: "Edit visit TD-0003 (row 4)" });
  const id = control("Visit ID", form());
  await user.clear(id);
  await user.type(id, "TD-0001");
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  await waitFor(() => expect(id).toHaveAccessibleDescription(expect.stringContaining('Visit ID "TD-0001" is already used.')));
  expect(workbook.plans).toEqual([]);
});

test("one match is said in the singular, and the matches go once the pane writes to the workbook", async () => {
  const workbook = threeVisits();
  const { user } = await renderPane(workbook);
  const find = async (text: string) => {
    const box = screen.getByRole("searchbox", { name: "ID, team, service or date" });
    await user.clear(box);
    await user.type(box, text);
    await user.click(screen.getByRole("button", { name: "Find" }));
  };
  await find("assessment");
  expect(await screen.findByText("1 visit matches. Choose it to edit it.")).toBeInTheDocument();
  const results = screen.getByRole("list", { name: "Matching visits" });
  await user.click(within(results).getByRole("button"));
  await screen.findByRole("heading", { name: "Edit visit TD-0002 (row 3)" });
  await user.type(control("Team manager", form()), " (acting)");
  await user.click(screen.getByRole("button", { name: "Save changes" }));
  await waitFor(() => expect(workbook.plans).toHaveLength(1));
  // The list was of the workbook before the save: it is gone, not left showing old values.
  await waitFor(() => expect(screen.queryByRole("list", { name: "Matching visits" })).toBeNull());
  expect(screen.queryByText(/visits? match/)).toBeNull();

  // A write from another tab (a planned visit) clears it too.
  await find("safeguarding");
  expect(await screen.findByText("2 visits match. Choose one to edit it.")).toBeInTheDocument();
  await user.click(screen.getByRole("tab", { name: "Programme" }));
  await user.type(screen.getByRole("combobox", { name: /^Service/ }), "Safeguarding");
  await user.type(screen.getByRole("combobox", { name: /^Team/ }), "Safeguarding North");
  await user.type(screen.getByRole("textbox", { name: /^Planned date/ }), "10/01/2099");
  await user.click(screen.getByRole("button", { name: "Add planned visit" }));
  await waitFor(() => expect(workbook.plans).toHaveLength(2));
  await user.click(screen.getByRole("tab", { name: "Record visit" }));
  expect(screen.queryByRole("list", { name: "Matching visits" })).toBeNull();
});
