/** @jest-environment jsdom */
/**
 * Findings of the new-user walkthrough (items 3, 11 and part of 12): the Teams table never makes the pane scroll
 * sideways, the glance caption stays outside its scroll box, an exact Visit ID loads its visit, the findings boxes are
 * tall enough to read, and Tidy grades says how many changes it does not list.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { CellValue } from "../../src/workbook/plan";
import { defaultConfig } from "../../src/domain";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { control, form } from "./formHelpers";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);

/** Makes every element report itself wider than its box, as a table wider than a 320 px pane does in a browser. */
function everythingOverflows(): () => void {
  const proto = HTMLElement.prototype;
  const scroll = Object.getOwnPropertyDescriptor(proto, "scrollWidth");
  const client = Object.getOwnPropertyDescriptor(proto, "clientWidth");
  Object.defineProperty(proto, "scrollWidth", { configurable: true, get: () => 329 });
  Object.defineProperty(proto, "clientWidth", { configurable: true, get: () => 280 });
  return () => {
    if (scroll) Object.defineProperty(proto, "scrollWidth", scroll);
    else delete (proto as unknown as Record<string, unknown>).scrollWidth;
    if (client) Object.defineProperty(proto, "clientWidth", client);
    else delete (proto as unknown as Record<string, unknown>).clientWidth;
  };
}

const teamsConfig = defaultConfig({
  services: ["Front door and MASH", "Safeguarding"],
  areas: ["Central", "North"],
  teams: [
    { name: "Front Door Team (Central)", service: "Front door and MASH", area: "Central" },
    { name: "Safeguarding North", service: "Safeguarding", area: "North" },
  ],
});

test("the Teams table sits in its own box that scrolls sideways (not the pane), labelled and focusable only when it is too wide", async () => {
  const wb = new FakeWorkbook({ config: teamsConfig, rows: [visitRow("TD-0001", "Safeguarding North", "G")] });
  await renderPane(wb, { tab: "setup" });
  const section = screen.getByRole("heading", { name: "Teams" }).closest("section")!;
  const table = within(section).getByRole("table", { name: "2 teams on the list" });
  await waitFor(() => expect(within(table).queryByText("…")).toBeNull());
  const box = table.parentElement!;
  expect(box).not.toBe(section);
  expect(box).toHaveStyle({ overflowX: "auto" });
  // It fits (jsdom measures nothing as wider): no extra tab stop, no region.
  expect(box).not.toHaveAttribute("tabindex");
  expect(within(section).queryByRole("region")).toBeNull();
});

test("a Teams table wider than the pane scrolls in a labelled region reached by Tab", async () => {
  const restore = everythingOverflows();
  try {
    const wb = new FakeWorkbook({ config: teamsConfig, rows: [visitRow("TD-0001", "Safeguarding North", "G")] });
    await renderPane(wb, { tab: "setup" });
    const section = screen.getByRole("heading", { name: "Teams" }).closest("section")!;
    const region = await within(section).findByRole("region", { name: "Teams (scrolls sideways)" });
    expect(region).toHaveAttribute("tabindex", "0");
    expect(within(region).getByRole("table", { name: "2 teams on the list" })).toBeInTheDocument();
  } finally {
    restore();
  }
});

test("the glance matrix's title stays outside the box that scrolls sideways, and still names the table", async () => {
  const v = (id: string, team: string, round: string, date: number, grade: string): CellValue[] => visitRow(id, team, grade, { Round: round, "Visit date": date });
  const wb = new FakeWorkbook({
    rows: [v("TD-1", "Safeguarding North", "Round 1", 42954, "RI"), v("TD-2", "Safeguarding North", "Round 2", 43319, "G")],
  });
  const { user } = await renderPane(wb, { tab: "summary" });
  await user.click(screen.getByRole("button", { name: "Refresh summary" }));
  await screen.findByText(/^Summary written to the "Summary" and "Counts" sheets/);
  const table = screen.getByRole("table", { name: "At a glance: Round 2, change since Round 1" });
  const region = screen.getByRole("region", { name: "At a glance (scrolls sideways)" });
  expect(region).toContainElement(table);
  const title = screen.getByText("At a glance: Round 2, change since Round 1");
  expect(region).not.toContainElement(title);
  // The fixed first column paints over the cells that scroll beneath it: borders drawn by each cell (not collapsed
  // between them, which leaves the sticky cell's edge see-through) and an opaque background on every first cell.
  expect(table).toHaveStyle({ borderCollapse: "separate" });
  const first = within(table).getByRole("rowheader", { name: "Safeguarding" });
  expect(getComputedStyle(first).backgroundColor).not.toMatch(/^(|transparent|rgba\(0, 0, 0, 0\))$/);
});

function threeVisits() {
  return new FakeWorkbook({
    rows: [visitRow("TD-0001", "Safeguarding North", "G"), visitRow("TD-0002", "Assessment South", "RI", { Service: "Assessment" }), visitRow("TD-00021", "Safeguarding North", "I")],
  });
}

test("Find with a visit's exact ID (any case) loads that visit straight away", async () => {
  const { user } = await renderPane(threeVisits());
  await user.type(screen.getByRole("searchbox", { name: "ID, team, service or date" }), "td-0002");
  await user.click(screen.getByRole("button", { name: "Find" }));
  const heading = await screen.findByRole("heading", { name: "Edit visit TD-0002 (row 3)" });
  await waitFor(() => expect(heading).toHaveFocus());
  expect(control("Team", form())).toHaveValue("Assessment South");
  expect(screen.queryByText(/Choose one to edit it/)).toBeNull();
  expect(screen.getByText("Visit TD-0002 opened in the form above. 2 visits match.")).toBeInTheDocument();
});

test("a single match that is not an exact ID keeps the list to choose from", async () => {
  const { user } = await renderPane(threeVisits());
  await user.type(screen.getByRole("searchbox", { name: "ID, team, service or date" }), "Assessment");
  await user.click(screen.getByRole("button", { name: "Find" }));
  expect(await screen.findByText("1 visit matches. Choose it to edit it.")).toBeInTheDocument();
  expect(screen.getByRole("heading", { name: "Record a visit" })).toBeInTheDocument();
  expect(within(screen.getByRole("list", { name: "Matching visits" })).getAllByRole("button")).toHaveLength(1);
});

test("the findings boxes open five rows tall and can be made taller", async () => {
  await renderPane(new FakeWorkbook());
  for (const name of ["Strengths", "Areas for improvement", "Recommendations"]) {
    const box = control(name, form());
    expect(box.tagName).toBe("TEXTAREA");
    expect(box).toHaveAttribute("rows", "5");
  }
});

test("Tidy grades lists every change up to twelve, and says how many more beyond", async () => {
  const grades = ["good", "ri", "R.I.", "RI/I", "Requires improvement to be good", "outstanding", "inadequate", "Good", "g", "o", "i", "Ri"];
  const fourteen = new FakeWorkbook({
    rows: [...grades, "good", "ri"].map((g, i) => visitRow(`TD-${i + 1}`, "Safeguarding North", "G", { "Overall conclusion": g })),
  });
  const { user } = await renderPane(fourteen, { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Tidy grades" }));
  const status = await screen.findByText(/^14 grade cells will change:/);
  expect(status.textContent).toMatch(/; and 4 more\.$/);
  expect(status.textContent!.split("; ")).toHaveLength(11);
  expect(status.textContent).not.toContain("…");
  await user.click(screen.getByRole("button", { name: "Cancel" }));

  const twelve = new FakeWorkbook({ rows: grades.map((g, i) => visitRow(`TD-${i + 1}`, "Safeguarding North", "G", { "Overall conclusion": g })) });
  const again = await renderPane(twelve, { tab: "check" });
  await again.user.click(within(again.container).getByRole("button", { name: "Tidy grades" }));
  const all = await within(again.container).findByText(/^12 grade cells will change:/);
  expect(all.textContent!.split("; ")).toHaveLength(12);
  expect(all.textContent).toMatch(/M13 "Ri" to RI\.$/);
});
