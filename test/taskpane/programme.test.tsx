/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { FakeWorkbook, visitRow } from "./fakeWorkbook";
import { renderPane } from "./renderPane";
import { formatBritishDate, toExcelSerial } from "../../src/domain";

/**
 * A recent visit: the 1st of the month 40 days before today (a Final visit dated after today is left out as a typing
 * slip, so it cannot be in the future), and the same day a year on, when a G is due again.
 */
const ago = new Date(Date.now() - 40 * 86_400_000);
const pad = (n: number) => String(n).padStart(2, "0");
const RECENT = `${ago.getFullYear()}-${pad(ago.getMonth() + 1)}-01`;
const A_YEAR_ON = `${ago.getFullYear() + 1}-${pad(ago.getMonth() + 1)}-01`;

function twoTeams() {
  return new FakeWorkbook({
    rows: [
      // RI on 07/08/2017: due 07/02/2018, long past: overdue.
      visitRow("TD-0001", "Safeguarding North", "RI"),
      // G a few weeks ago: not due for a year after that.
      visitRow("TD-0002", "Safeguarding South", "G", { "Visit date": toExcelSerial(RECENT) }),
    ],
  });
}

test("Programme lists every team, overdue first, with British dates, and writes nothing", async () => {
  const { user, workbook } = await renderPane(twoTeams(), { tab: "programme" });
  await user.click(screen.getByRole("button", { name: "Show programme" }));
  expect(await screen.findByText(/^2 teams on \d\d\/\d\d\/\d{4}; 1 overdue\.$/)).toBeInTheDocument();
  expect(screen.queryByText(/^Not in the programme/)).toBeNull(); // every row counted
  const items = within(screen.getByRole("list", { name: "Programme of visits" })).getAllByRole("listitem");
  expect(items.map((i) => i.textContent)).toEqual([
    "Safeguarding NorthoverdueSafeguardingLast visit 07/08/2017 (RI); next due 07/02/2018",
    `Safeguarding Southnot dueSafeguardingLast visit ${formatBritishDate(RECENT)} (G); next due ${formatBritishDate(A_YEAR_ON)}`,
  ]);
  expect(workbook.plans).toEqual([]);
});

test("Add a planned visit appends a Planned row below the table and shows it in the programme", async () => {
  const { user, workbook } = await renderPane(twoTeams(), { tab: "programme" });
  await user.type(screen.getByRole("combobox", { name: /^Service/ }), "Safeguarding");
  await user.type(screen.getByRole("combobox", { name: /^Team/ }), "Safeguarding North");
  await user.type(screen.getByRole("textbox", { name: /^Planned date/ }), "10/01/2099");
  // Said back in words, as the visit form does, so 10/01 is not taken for 1 October.
  expect(screen.getByRole("textbox", { name: /^Planned date/ })).toHaveAccessibleDescription("Read as 10 January 2099.");
  await user.click(screen.getByRole("button", { name: "Add planned visit" }));

  // Said beside the button that did it (the form), not in the banner at the top of the pane.
  const form = screen.getByRole("form", { name: "Add a planned visit" });
  expect(await within(form).findByText("Planned visit TD-0003 to Safeguarding North on 10/01/2099 added on row 4.")).toBeInTheDocument();
  const appended = workbook.changes.filter((c) => c.kind === "appendTableRows");
  expect(appended).toHaveLength(1);
  expect(workbook.cell(4, "Status")).toBe("Planned");
  expect(workbook.cell(4, "Team")).toBe("Safeguarding North");
  expect(workbook.cell(4, "Area")).toBe("North");
  expect(workbook.cell(4, "Overall conclusion")).toBeNull();
  // The first two rows are untouched.
  expect(workbook.cell(2, "Visit ID")).toBe("TD-0001");
  expect(workbook.cell(3, "Visit ID")).toBe("TD-0002");
  const first = within(await screen.findByRole("list", { name: "Programme of visits" })).getAllByRole("listitem")[0];
  // Planned after the due date: shown, but still overdue.
  expect(first).toHaveTextContent("Safeguarding NorthoverdueSafeguardingLast visit 07/08/2017 (RI); next due 07/02/2018; planned 10/01/2099");
});

test("a planned visit without a team or with a bad date says so next to the field, and writes nothing", async () => {
  const { user, workbook } = await renderPane(twoTeams(), { tab: "programme" });
  await user.type(screen.getByRole("combobox", { name: /^Service/ }), "Safeguarding");
  await user.type(screen.getByRole("textbox", { name: /^Planned date/ }), "31/02/2099");
  await user.click(screen.getByRole("button", { name: "Add planned visit" }));
  // Why it is not a date, as Summary and the visit form say it.
  expect(await screen.findByText("31/02/2099 is not a real date (February 2099 has 28 days).")).toBeInTheDocument();
  await user.clear(screen.getByRole("textbox", { name: /^Planned date/ }));
  await user.type(screen.getByRole("textbox", { name: /^Planned date/ }), "10/01/2099");
  await user.click(screen.getByRole("button", { name: "Add planned visit" }));
  expect(await screen.findByText("Choose or add a team.")).toBeInTheDocument();
  expect(screen.getByRole("combobox", { name: /^Team/ })).toHaveAttribute("aria-invalid", "true");
  expect(workbook.plans).toEqual([]);
});

test("Programme says how many rows it could not count, next to the list", async () => {
  const book = new FakeWorkbook({
    rows: [visitRow("TD-0001", "Safeguarding North", "RI"), visitRow("TD-0002", "Safeguarding South", "Requires Imprvement")],
  });
  const { user } = await renderPane(book, { tab: "programme" });
  await user.click(screen.getByRole("button", { name: "Show programme" }));
  expect(await screen.findByText("Not in the programme: 1 row left out with problems. A team whose latest visit is among them shows an older visit, or none.")).toBeInTheDocument();

});

test("a planned date on or before the team's last visit is refused next to the date field: the programme would ignore it", async () => {
  const { user, workbook } = await renderPane(twoTeams(), { tab: "programme" });
  await user.type(screen.getByRole("combobox", { name: /^Service/ }), "Safeguarding");
  await user.type(screen.getByRole("combobox", { name: /^Team/ }), "safeguarding north");
  const date = screen.getByRole("textbox", { name: /^Planned date/ });
  for (const typed of ["01/08/2017", "07/08/2017"]) {
    await user.clear(date);
    await user.type(date, typed);
    await user.click(screen.getByRole("button", { name: "Add planned visit" }));
    expect(await screen.findByText("Safeguarding North's last visit was on 07/08/2017: a planned visit comes after it.")).toBeInTheDocument();
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(workbook.plans).toEqual([]);
  }
  // The day after is fine.
  await user.clear(date);
  await user.type(date, "08/08/2017");
  await user.click(screen.getByRole("button", { name: "Add planned visit" }));
  expect(await screen.findByText(/^Planned visit TD-0003 to safeguarding north on 08\/08\/2017 added on row 4\.$/)).toBeInTheDocument();
});
