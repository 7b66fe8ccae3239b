/** @jest-environment jsdom */
/**
 * New-user test of the pane: while a new team's name was typed, an empty suggestion list (no options, 8 px high) was
 * open over the "New team" hint, the only warning that a typo is about to add a team. The list is open only while an
 * option matches what is typed; the same goes for every FreeCombobox (Team, Round, Area, Function).
 */
import { screen, within } from "@testing-library/react";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { control, form } from "./formHelpers";
import { renderPane } from "./renderPane";

const existing = () => new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] });

test("typing a new team's name opens no empty list, and the New team hint is shown", async () => {
  const { user } = await renderPane(existing());
  const team = control("Team", form());
  await user.type(team, "New Team X");
  expect(team).toHaveFocus();
  expect(screen.queryByRole("listbox")).toBeNull();
  expect(team).toHaveAttribute("aria-expanded", "false");
  expect(screen.getByText('New team: "New Team X" will be added to the Lists sheet when you save.')).toBeVisible();
});

test("the list still opens on what matches, closes when nothing does and opens again when something does", async () => {
  const { user } = await renderPane(existing());
  const team = control("Team", form());
  await user.type(team, "Safe");
  const list = screen.getByRole("listbox");
  expect(within(list).getAllByRole("option").map((o) => o.textContent)).toEqual(["Safeguarding North"]);

  await user.type(team, "x");
  expect(screen.queryByRole("listbox")).toBeNull();

  await user.type(team, "{Backspace}");
  expect(within(screen.getByRole("listbox")).getAllByRole("option").map((o) => o.textContent)).toEqual(["Safeguarding North"]);
  await user.click(screen.getByRole("option", { name: "Safeguarding North" }));
  expect(team).toHaveValue("Safeguarding North");
  expect(screen.queryByRole("listbox")).toBeNull();
});

test("Round and Area open no empty list either", async () => {
  const { user } = await renderPane(existing());
  // No rounds in the table yet: nothing to suggest at all.
  await user.type(control("Round", form()), "2");
  expect(screen.queryByRole("listbox")).toBeNull();
  await user.type(control("Area", form()), "East");
  expect(screen.queryByRole("listbox")).toBeNull();
  await user.clear(control("Area", form()));
  await user.type(control("Area", form()), "So");
  expect(within(screen.getByRole("listbox")).getAllByRole("option").map((o) => o.textContent)).toEqual(["South"]);
});

test("the Function box of a deep dive opens no empty list", async () => {
  const { user } = await renderPane(existing());
  await user.click(screen.getByRole("radio", { name: "Deep dive" }));
  await user.type(control("Function", form()), "Early help");
  expect(screen.queryByRole("listbox")).toBeNull();
  await user.clear(control("Function", form()));
  await user.type(control("Function", form()), "Fost");
  expect(within(screen.getByRole("listbox")).getAllByRole("option").map((o) => o.textContent)).toEqual(["Fostering"]);
});

test("a list closed for want of options does not open by itself once the box is left and options come back", async () => {
  const { user } = await renderPane(existing());
  const team = control("Team", form());
  // Typed, then Clear form: nothing matched, so nothing was open to close when the box was left.
  await user.type(team, "Safeguarding East");
  await user.click(screen.getByRole("button", { name: "Clear form" }));
  // The form is empty again, so every team would be offered, but no one is in the box.
  expect(team).toHaveValue("");
  expect(screen.queryByRole("listbox")).toBeNull();

  // Escape in a box with nothing to offer: the list stays shut when the text matches again.
  await user.type(team, "Safex{Escape}{Backspace}");
  expect(team).toHaveValue("Safe");
  expect(screen.queryByRole("listbox")).toBeNull();
  await user.keyboard("{ArrowDown}");
  expect(within(screen.getByRole("listbox")).getAllByRole("option").map((o) => o.textContent)).toEqual(["Safeguarding North"]);
});
