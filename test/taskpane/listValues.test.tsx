/** @jest-environment jsdom */
/** Issue 13: rename and remove services, teams and areas in Settings, with the rows that use each counted. */
import { screen, waitFor, within } from "@testing-library/react";
import { defaultConfig } from "../../src/domain";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);

const config = defaultConfig({
  services: ["Assessment", "Safeguarding"],
  areas: ["North", "South"],
  teams: [
    { name: "Safeguarding North", service: "Safeguarding", area: "North" },
    { name: "Safegaurding Sth", service: "Safeguarding", area: "South" },
  ],
});

function workbook() {
  return new FakeWorkbook({
    config,
    rows: [visitRow("TD-0001", "Safeguarding North", "G"), visitRow("TD-0002", "Safeguarding North", "RI"), visitRow("TD-0003", "Other team", "G", { Service: "Assessment" })],
  });
}

/** The section of one list, its rename and remove controls opened. */
async function opened(user: ReturnType<typeof import("@testing-library/user-event").default.setup>, heading: string, button: string) {
  const section = screen.getByRole("heading", { name: heading }).closest("section")!;
  await waitFor(() => expect(within(section).queryByText("…")).toBeNull());
  await user.click(within(section).getByRole("button", { name: button }));
  return { section, group: within(section).getByRole("group", { name: button }) };
}

test("each team shows how many visits use it; a rename with its rows rewrites exactly those cells in one plan", async () => {
  const wb = workbook();
  const before = JSON.parse(JSON.stringify(wb.rows));
  const { user } = await renderPane(wb, { tab: "setup" });
  const { section, group } = await opened(user, "Teams", "Rename or remove a team");
  expect(within(section).getByRole("rowheader", { name: "Safeguarding North" }).closest("tr")).toHaveTextContent("Safeguarding NorthSafeguardingNorth2");
  expect(within(section).getByRole("rowheader", { name: "Safegaurding Sth" }).closest("tr")).toHaveTextContent("Safegaurding SthSafeguardingSouth0");
  // Nothing is preselected (new-user test): the team is chosen first.
  await user.selectOptions(within(group).getByRole("combobox", { name: "Team to change" }), "Safeguarding North");
  expect(within(group).getByText("Used by 2 visits.")).toBeInTheDocument();
  await user.type(within(group).getByRole("textbox", { name: "New name" }), "Safeguarding N");
  expect(within(group).getByRole("checkbox", { name: "Also change the 2 rows that use it" })).toBeChecked();
  await user.click(within(group).getByRole("button", { name: "Rename team" }));
  expect(await within(group).findByText("Safeguarding North renamed Safeguarding N on the Lists sheet and 2 rows that used it.")).toBeInTheDocument();
  expect(within(group).getByText("Safeguarding North renamed Safeguarding N on the Lists sheet and 2 rows that used it.").closest("[role=status]")).not.toBeNull();

  expect(wb.plans).toHaveLength(1);
  const cells = wb.plans[0].changes.filter((c) => c.kind === "setValues" && c.sheet !== "Team lists");
  expect(cells).toEqual([
    { kind: "setValues", sheet: "Lists", topLeft: "C2", values: [["Safeguarding N"]] },
    // The old name, in the team's "Previously called" cell, so trends still link its earlier rounds (issue 12).
    { kind: "setValues", sheet: "Lists", topLeft: "Q2", values: [["Safeguarding North"]] },
    { kind: "setValues", sheet: "Diagnostics", topLeft: "E2", values: [["Safeguarding N"]] },
    { kind: "setValues", sheet: "Diagnostics", topLeft: "E3", values: [["Safeguarding N"]] },
  ]);
  // Only the two Team cells changed.
  const changed: string[] = [];
  wb.rows.forEach((row, r) => row.forEach((v, c) => v !== before[r][c] && changed.push(`${r}:${c}`)));
  expect(changed).toEqual(["0:4", "1:4"]);
  // The Team lists block the sheet's dropdown reads was written again in the same plan.
  expect(wb.plans[0].changes).toContainEqual(expect.objectContaining({ kind: "setValues", sheet: "Team lists", topLeft: "A1" }));
  await waitFor(() => expect(within(section).getByRole("rowheader", { name: "Safeguarding N" })).toBeInTheDocument());
});

test("a rename without its rows leaves them, and says so", async () => {
  const wb = workbook();
  const { user } = await renderPane(wb, { tab: "setup" });
  const { group } = await opened(user, "Teams", "Rename or remove a team");
  await user.selectOptions(within(group).getByRole("combobox", { name: "Team to change" }), "Safeguarding North");
  await user.type(within(group).getByRole("textbox", { name: "New name" }), "Safeguarding N");
  await user.click(within(group).getByRole("checkbox", { name: "Also change the 2 rows that use it" }));
  await user.click(within(group).getByRole("button", { name: "Rename team" }));
  expect(await within(group).findByText("Safeguarding North renamed Safeguarding N on the Lists sheet. 2 rows still say Safeguarding North.")).toBeInTheDocument();
  expect(wb.rows.map((r) => r[4])).toEqual(["Safeguarding North", "Safeguarding North", "Other team"]);
});

test("removing a service that visits use is refused with the count, and writes nothing", async () => {
  const wb = workbook();
  const { user } = await renderPane(wb, { tab: "setup" });
  const { group } = await opened(user, "Services", "Rename or remove a service");
  await user.selectOptions(within(group).getByRole("combobox", { name: "Service to change" }), "Safeguarding");
  expect(within(group).getByText("Used by 2 visits.")).toBeInTheDocument();
  await user.click(within(group).getByRole("button", { name: "Remove service" }));
  // Remove asks beside its button first (new-user test: one click removed at once).
  await user.click(within(group).getByRole("button", { name: "Remove" }));
  expect(await within(group).findByText("2 visits use Safeguarding; rename it or change those rows first.")).toBeInTheDocument();
  expect(wb.plans).toEqual([]);
});

test("removing an unused team takes only its Lists entry, moving the one below up", async () => {
  const wb = workbook();
  const rowsBefore = JSON.stringify(wb.rows);
  const { user } = await renderPane(wb, { tab: "setup" });
  const { group } = await opened(user, "Teams", "Rename or remove a team");
  await user.selectOptions(within(group).getByRole("combobox", { name: "Team to change" }), "Safegaurding Sth");
  expect(within(group).getByText("Not used by any row.")).toBeInTheDocument();
  await user.click(within(group).getByRole("button", { name: "Remove team" }));
  await user.click(within(group).getByRole("button", { name: "Remove" }));
  expect(await within(group).findByText("Safegaurding Sth removed from the Lists sheet. No row was changed.")).toBeInTheDocument();
  expect(JSON.stringify(wb.rows)).toBe(rowsBefore);
  expect(wb.lists!.slice(1, 4).map((r) => [r[2], r[3], r[4]])).toEqual([
    ["Safeguarding North", "Safeguarding", "North"],
    [null, null, null],
    [null, null, null],
  ]);
});
