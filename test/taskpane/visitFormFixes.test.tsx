/** @jest-environment jsdom */
/**
 * A new user's findings on the Record visit tab: a Planned visit was offered a feedback report and an action plan;
 * the personal-data warning outlived the text it named; a bad date looked fine until Save; Clear form threw typed
 * findings away at once.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { FakeHost, FakeWorkbook, visitRow } from "./fakeWorkbook";
import { control, fillVisit, form } from "./formHelpers";
import { renderPane } from "./renderPane";
import { formatBritishDate, toExcelSerial } from "../../src/domain";
import { todayIso } from "../../src/actions/today";

jest.setTimeout(120_000);

const existing = () => new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] });

function afterVisit(): HTMLElement {
  return screen.getByRole("region", { name: /^After visit/ });
}

describe("a Planned visit has no after-visit buttons", () => {
  test("saved as Planned: a plain sentence, no Feedback report or Start action plan", async () => {
    const { user } = await renderPane(existing());
    const f = form();
    await user.selectOptions(control("Service", f), "Safeguarding");
    await user.type(control("Team", f), "Safeguarding North");
    await user.type(control("Visit date", f), "10/01/2099");
    await user.click(within(f).getByRole("radio", { name: "Planned" }));
    await user.click(screen.getByRole("button", { name: "Save visit" }));
    await screen.findByText("Visit TD-0002 saved on row 3.");
    const box = afterVisit();
    expect(within(box).queryAllByRole("button")).toEqual([]);
    expect(box.textContent).toContain("Visit TD-0002 is Planned (10/01/2099)");
  });

  test("loaded for editing: the same", async () => {
    const workbook = new FakeWorkbook({
      rows: [visitRow("TD-0001", "Safeguarding North", "G"), visitRow("TD-0002", "Safeguarding North", "", { Status: "Planned", "Visit date": toExcelSerial("2100-01-01") })],
    });
    workbook.selection = { sheet: "Diagnostics", row: 3, column: 1 };
    const { user } = await renderPane(workbook);
    await user.click(screen.getByRole("button", { name: "Load selected row" }));
    await screen.findByRole("heading", { name: "Edit visit TD-0002 (row 3)" });
    const box = afterVisit();
    expect(within(box).queryAllByRole("button")).toEqual([]);
    expect(box.textContent).toContain("Visit TD-0002 is Planned (01/01/2100)");
  });
});

test("Feedback report on a row with a problem says so beside the button, naming the cell and Check sheet, and offers no file", async () => {
  const host = new FakeHost();
  const workbook = new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G", { "Joint working": "Requires Imprvement" })] });
  workbook.selection = { sheet: "Diagnostics", row: 2, column: 1 };
  const { user } = await renderPane(workbook, { host });
  await user.click(screen.getByRole("button", { name: "Load selected row" }));
  await screen.findByRole("heading", { name: "Edit visit TD-0001 (row 2)" });
  await user.click(within(afterVisit()).getByRole("button", { name: "Feedback report" }));
  const said = await within(afterVisit()).findByText(/Visit TD-0001's row must be put right before its feedback report can be written/);
  expect(said.textContent).toContain("Check sheet");
  expect(said.textContent).toMatch(/Diagnostics![A-Z]+2: "Requires Imprvement" is not a grade/);
  expect(said.textContent).not.toContain("validate");
  expect(host.downloads).toEqual([]);
});

test("the personal-data warning is checked again as the text it names changes, and Save visit comes back when nothing is flagged", async () => {
  const { user, workbook } = await renderPane(existing());
  await fillVisit(user);
  const strengths = control("Strengths", form());
  await user.clear(strengths);
  await user.click(strengths);
  await user.paste("Write to jo.bloggs@example.com about NHS 943 476 5919.");
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  const list = await screen.findByRole("list", { name: "Possible personal data in the form" });
  expect(within(list).getAllByRole("listitem").map((i) => i.textContent)).toEqual(["Strengths looks like an email address.", "Strengths looks like an NHS number."]);

  // The email taken out (the whole text replaced): only the NHS number is said, and Save anyway still saves what is shown.
  const replace = async (text: string) => {
    const box = strengths as HTMLTextAreaElement;
    box.focus();
    box.setSelectionRange(0, box.value.length);
    await user.paste(text);
  };
  await replace("NHS 943 476 5919.");
  expect(within(screen.getByRole("list", { name: "Possible personal data in the form" })).getAllByRole("listitem").map((i) => i.textContent)).toEqual([
    "Strengths looks like an NHS number.",
  ]);
  expect(screen.getByRole("button", { name: "Save anyway" })).toBeInTheDocument();

  await replace("Good morale.");
  expect(screen.queryByText("This may hold personal data about a child")).toBeNull();
  expect(screen.queryByRole("button", { name: "Save anyway" })).toBeNull();
  // Personal data typed again is warned of again on Save, not saved at once.
  await user.type(strengths, " Ring 943 476 5919.");
  await user.click(screen.getByRole("button", { name: "Save visit" }));
  expect(await screen.findByText("Strengths looks like an NHS number.")).toBeInTheDocument();
  expect(workbook.plans).toEqual([]);
});

describe("the visit date is checked once the box is left", () => {
  test("a date that is not a real date is the field's error at once", async () => {
    const { user } = await renderPane(existing());
    const date = control("Visit date", form());
    await user.type(date, "31/02/2026");
    // While typing: the hint, not an error.
    expect(date).not.toHaveAttribute("aria-invalid", "true");
    await user.tab();
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(date).toHaveAccessibleDescription("31/02/2026 is not a real date (February 2026 has 28 days).");
    // Typing again puts the hint back until the box is left once more.
    await user.clear(date);
    await user.type(date, "28/02/2026");
    expect(date).not.toHaveAttribute("aria-invalid", "true");
    await user.tab();
    expect(date).not.toHaveAttribute("aria-invalid", "true");
    expect(date).toHaveAccessibleDescription("Read as 28 February 2026.");
  });

  test("a future date for a Final visit gets Save's warning when the box is left; for a Planned visit none", async () => {
    const { user } = await renderPane(existing());
    const f = form();
    const date = control("Visit date", f);
    await user.type(date, "15/01/2099");
    await user.tab();
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(date).toHaveAccessibleDescription(`Visit date 15/01/2099 is after today (${formatBritishDate(todayIso())}): enter the date of the visit.`);

    await user.click(within(f).getByRole("radio", { name: "Planned" }));
    await waitFor(() => expect(date).not.toHaveAttribute("aria-invalid", "true"));
    expect(date).toHaveAccessibleDescription("Read as 15 January 2099.");
  });
});

describe("Clear form", () => {
  test("asks first, beside the button, when findings are typed; Escape withdraws and keeps them", async () => {
    const { user } = await renderPane(existing());
    await fillVisit(user);
    const clear = screen.getByRole("button", { name: "Clear form" });
    await user.click(clear);
    const ask = screen.getByRole("group", { name: /^Clear the form\?/ });
    expect(ask.textContent).toContain("Strengths");
    expect(within(ask).getByRole("button", { name: "Clear form" })).toHaveFocus();
    expect(control("Strengths", form())).toHaveValue("Supervision is regular.");

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("group", { name: /^Clear the form\?/ })).toBeNull();
    expect(clear).toHaveFocus();
    expect(control("Strengths", form())).toHaveValue("Supervision is regular.");

    await user.click(clear);
    await user.click(within(screen.getByRole("group", { name: /^Clear the form\?/ })).getByRole("button", { name: "Clear form" }));
    expect(control("Strengths", form())).toHaveValue("");
    expect(control("Team", form())).toHaveValue("");
    expect(screen.queryByRole("group", { name: /^Clear the form\?/ })).toBeNull();
  });

  test("with no findings typed, clears at once", async () => {
    const { user } = await renderPane(existing());
    await user.type(control("Team", form()), "Safeguarding North");
    await user.click(screen.getByRole("button", { name: "Clear form" }));
    expect(screen.queryByRole("group", { name: /^Clear the form\?/ })).toBeNull();
    expect(control("Team", form())).toHaveValue("");
  });
});
