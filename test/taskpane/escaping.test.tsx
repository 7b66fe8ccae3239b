/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { defaultConfig } from "../../src/domain";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { control, form } from "./formHelpers";
import { renderPane } from "./renderPane";

const TEAM = "<img src=x onerror=alert(1)>";
const AREA = '<img src=y onerror="alert(2)">';
const TYPED = "<img src=z onerror=alert(3)>";

function hostile(): FakeWorkbook {
  return new FakeWorkbook({
    config: defaultConfig({ teams: [{ name: TEAM, service: "Safeguarding", area: AREA }], areas: [AREA] }),
    rows: [
      visitRow("TD-0001", TEAM, "G", { Area: AREA }),
      // Typed by hand: a team that is not on the list, so Check sheet quotes it back.
      visitRow("TD-0002", TYPED, "RI", { Area: AREA }),
    ],
  });
}

let alertSpy: jest.SpyInstance;
beforeEach(() => {
  alertSpy = jest.spyOn(window, "alert").mockImplementation(() => {});
});
afterEach(() => {
  expect(alertSpy).not.toHaveBeenCalled();
  alertSpy.mockRestore();
});

const noMarkup = () => expect(document.querySelectorAll("img, script")).toHaveLength(0);

test("names that look like HTML are shown as text in the settings", async () => {
  await renderPane(hostile(), { tab: "setup" });
  const teams = screen.getByRole("table", { name: "1 team on the list" });
  expect(within(teams).getByRole("rowheader", { name: TEAM })).toHaveTextContent(TEAM);
  expect(within(teams).getAllByText(AREA)).toHaveLength(1);
  noMarkup();
});

test("… in the team suggestions, the search results and a loaded visit", async () => {
  const { user, workbook } = await renderPane(hostile());
  await user.click(control("Team", form()));
  await user.keyboard("{ArrowDown}");
  expect(await screen.findByRole("option", { name: TEAM })).toBeInTheDocument();
  await user.keyboard("{Escape}");

  await user.type(screen.getByRole("searchbox", { name: "ID, team, service or date" }), "<img");
  await user.keyboard("{Enter}");
  const results = await screen.findByRole("list", { name: "Matching visits" });
  const first = within(results).getAllByRole("button")[0];
  expect(first).toHaveTextContent(`TD-0001 · ${TEAM} · Safeguarding`);
  await user.click(first);
  await screen.findByRole("heading", { name: "Edit visit TD-0001 (row 2)" });
  expect(control("Team", form())).toHaveValue(TEAM);
  expect(control("Area", form())).toHaveValue(AREA);
  noMarkup();
  expect(workbook.plans).toEqual([]);
});

test("… in Check sheet's messages", async () => {
  const { user } = await renderPane(hostile(), { tab: "check" });
  await user.click(screen.getByRole("button", { name: "Check sheet" }));
  const list = await screen.findByRole("list", { name: "Problems" });
  expect(within(list).getByText(`Team "${TYPED}" is not on the list of teams.`)).toBeInTheDocument();
  noMarkup();
});

test("… and in the summary tables' captions", async () => {
  const { user } = await renderPane(hostile(), { tab: "summary" });
  await user.click(screen.getByRole("radio", { name: "Area" }));
  await user.click(screen.getByRole("button", { name: "Refresh summary" }));
  expect(await screen.findByRole("table", { name: `${AREA} (2 visits)` })).toBeInTheDocument();
  noMarkup();
});

test("a new team typed as HTML is saved as plain text", async () => {
  const { user, workbook } = await renderPane(hostile());
  const f = form();
  await user.selectOptions(control("Service", f), "Safeguarding");
  await user.type(control("Team", f), "<b>New</b>");
  await user.type(control("Visit date", f), "2024-03-05");
  for (const label of ["Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"]) {
    await user.selectOptions(control(label, f), "G");
  }
  expect(screen.getByText('New team: "<b>New</b>" will be added to the Lists sheet when you save.')).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  await screen.findByText("Visit TD-0003 saved on row 4.");
  expect(workbook.cell(4, "Team")).toBe("<b>New</b>");
  expect(document.querySelectorAll("b")).toHaveLength(0);
  // Typing into the whole form, key by key: 12 s on a quiet machine, over Jest's 30 s on a loaded one.
}, 60_000);
