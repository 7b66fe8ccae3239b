/** @jest-environment jsdom */
/**
 * "Messages appear next to what caused them", and focus lands where the message is (walkthrough findings 1, 2, 4,
 * 5 and 10): the Save visit confirmation and its After-visit buttons at the top of the form where focus goes; Start
 * action plan, Feedback report and Save settings say what happened beside their buttons; an old banner goes when
 * another action reports; focus goes to the saved action, the import's result and the tab chosen from More; a change
 * to a Final visit says beside the field that a reason is needed.
 */
import "./setup";
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DecompressionStream } from "node:stream/web";
import { selectCell } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { defaultConfig } from "../../src/domain";
import { App } from "../../src/taskpane/App";
import { PaneTabs } from "../../src/taskpane/PaneTabs";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { setUpWithPlanVisit } from "./planVisit";
import { FakeHost, FakeWorkbook, HEADERS, visitRow } from "./fakeWorkbook";
import { control, fillVisit, form } from "./formHelpers";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);
(globalThis as Record<string, unknown>).DecompressionStream ??= DecompressionStream;

/** Whether `a` comes before `b` in the page. */
const before = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
/** The pane's banner under the tabs: a message bar with a Dismiss button. */
const banner = () => screen.queryByRole("button", { name: "Dismiss message" });

describe("Save visit", () => {
  test("the confirmation and the After-visit buttons are at the top of the form, where focus lands", async () => {
    const { user } = await renderPane(new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] }));
    await fillVisit(user);
    await user.click(screen.getByRole("button", { name: "Save visit" }));
    const saved = await screen.findByText("Visit TD-0002 saved on row 3.");
    const heading = screen.getByRole("heading", { name: "Record a visit" });
    await waitFor(() => expect(heading).toHaveFocus());
    const after = screen.getByRole("region", { name: "After visit TD-0002" });
    const firstField = control("Visit date", form());
    // Heading, then the confirmation, then the After-visit buttons, then the form's first field.
    expect(before(heading, saved)).toBe(true);
    expect(before(saved, after)).toBe(true);
    expect(before(after, firstField)).toBe(true);
    // Still announced: the confirmation is in a polite live region.
    expect(saved.closest("[role=status]")).not.toBeNull();
  });
});

describe("on a workbook with an Actions sheet", () => {
  let emulation: ExcelEmulation;
  let port: OfficeWorkbook;

  beforeEach(async () => {
    emulation = installExcelEmulation(new EmulatedWorkbook());
    port = new OfficeWorkbook();
    await setUpWithPlanVisit(port);
  });
  afterEach(() => emulation.uninstall());

  test("Start action plan and Feedback report say what happened beside their buttons, not in the banner", async () => {
    const user = userEvent.setup({ delay: null });
    render(<App port={port} host={new FakeHost()} />);
    await selectCell(port, "Diagnostics", "A2");
    await user.click(await screen.findByRole("button", { name: "Load selected row" }));
    const after = await screen.findByRole("region", { name: "After visit V-1" });

    await user.click(within(after).getByRole("button", { name: "Start action plan" }));
    const added = await within(after).findByText(/^2 actions added to the Actions sheet \(rows 2 to 3\), one per recommendation, due 15\/04\/2018,/);
    // Finding 4: the Actions tab edits only Status and Progress; what is left (the Action's wording) is written on the sheet.
    expect(added.textContent).toMatch(/write each action's wording in its Action cell/);
    expect(added.textContent).toMatch(/added to the Actions sheet/);
    expect(added.textContent).not.toMatch(/or in the Actions tab/);
    expect(banner()).toBeNull();

    await user.click(within(after).getByRole("button", { name: "Feedback report" }));
    await within(after).findByText(/The feedback report is offered as a download/);
    expect(within(after).queryByText(/actions added/)).toBeNull();
  });

  test("an old banner goes when an action reports beside its button", async () => {
    const user = userEvent.setup({ delay: null });
    render(<App port={port} host={new FakeHost()} initialTab="setup" />);
    await screen.findByRole("button", { name: "Set up workbook" });
    await waitFor(() => expect(screen.queryByText(/Reading the workbook/)).toBeNull());
    await user.click(screen.getByRole("button", { name: "Set up workbook" }));
    await screen.findByText(/The workbook is set up/);
    await user.click(screen.getByRole("button", { name: "Save settings" }));
    const settings = screen.getByRole("form", { name: "Change settings" });
    await within(settings).findByText(/Settings saved to the Lists sheet/);
    await waitFor(() => expect(banner()).toBeNull());
  });

  test("saving an action on the Actions tab puts focus on the saved card's message", async () => {
    const user = userEvent.setup({ delay: null });
    render(<App port={port} host={new FakeHost()} initialTab="visit" />);
    await selectCell(port, "Diagnostics", "A2");
    await user.click(await screen.findByRole("button", { name: "Load selected row" }));
    await user.click(await screen.findByRole("button", { name: "Start action plan" }));
    await screen.findByText(/2 actions added/);
    await user.click(screen.getByRole("tab", { name: "Actions" }));
    await user.click(screen.getByRole("button", { name: "Show actions" }));
    await user.type(await screen.findByRole("textbox", { name: "Progress of V-1-A2" }), "Plans updated");
    await user.click(screen.getByRole("button", { name: "Save V-1-A2" }));
    const message = await screen.findByText("Action V-1-A2 saved.");
    const card = screen.getByRole("listitem", { name: "V-1-A2" });
    expect(card).toContainElement(message);
    await waitFor(() => expect(card).toContainElement(document.activeElement as HTMLElement));
    expect(banner()).toBeNull();
  });
});

test("Add N visits puts focus on the import's result", async () => {
  const rows = [
    ["TD-0002", "14/03/2018", "1", "Safeguarding", "Safeguarding North", "North", "Pat Jones", "A. Reviewer", "RI", "G", "RI", "G", "RI", "Secure base", "", "", "Final"],
  ];
  const file = new File([[HEADERS, ...rows].map((r) => r.join(",")).join("\r\n")], "east.csv", { type: "text/csv" });
  const { user } = await renderPane(new FakeWorkbook({ rows: [visitRow("TD-0001", "Safeguarding North", "G")] }), { tab: "check" });
  await user.upload(screen.getByLabelText("Workbook or CSV file to import") as HTMLInputElement, file);
  await screen.findByText("east.csv: 1 new, 0 already in the table, 0 with problems.", undefined, { timeout: 20_000 });
  await user.click(screen.getByRole("button", { name: "Add 1 visit" }));
  const result = await screen.findByText(/^1 visit added below the table, from row 3\./);
  await waitFor(() => expect(result).toHaveFocus());
});

describe("the More menu", () => {
  const tabs = [
    { value: "one", label: "One" },
    { value: "two", label: "Two" },
    { value: "three", label: "Three" },
  ] as const;
  type Value = (typeof tabs)[number]["value"];
  function Tabs() {
    const [selected, setSelected] = React.useState<Value>("one");
    return <PaneTabs<Value> tabs={tabs} selected={selected} onSelect={setSelected} label="Tabs" />;
  }
  let restore: (() => void)[] = [];
  beforeEach(() => {
    // A laid-out row 200 px wide, each tab and the More button 100 px: only the selected tab fits beside More.
    const width = jest.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(200);
    const rect = jest.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({ width: 100, height: 30, top: 0, left: 0, right: 100, bottom: 30, x: 0, y: 0, toJSON: () => ({}) });
    restore = [() => width.mockRestore(), () => rect.mockRestore()];
  });
  afterEach(() => restore.forEach((r) => r()));

  test("a tab chosen from More gets the focus", async () => {
    const user = userEvent.setup({ delay: null });
    render(<Tabs />);
    await user.click(await screen.findByRole("button", { name: /^More tabs/ }));
    await user.click(await screen.findByRole("menuitemradio", { name: "Three" }));
    const three = screen.getByRole("tab", { name: "Three" });
    await waitFor(() => expect(three).toHaveAttribute("aria-selected", "true"));
    await waitFor(() => expect(three).toHaveFocus());
  });
});

test("a grade changed on a Final visit says beside it that a reason is needed, with a link to the Reason box", async () => {
  const workbook = new FakeWorkbook({
    config: defaultConfig({ areas: ["North"], teams: [{ name: "Safeguarding North", service: "Safeguarding", area: "North" }] }),
    rows: [visitRow("TD-0001", "Safeguarding North", "RI", { Status: "Final" })],
  });
  workbook.selection = { sheet: "Diagnostics", row: 2, column: 0 };
  const { user } = await renderPane(workbook);
  await user.click(screen.getByRole("button", { name: "Load selected row" }));
  await screen.findByRole("heading", { name: "Edit visit TD-0001 (row 2)" });
  const overall = control("Overall conclusion", form());
  await user.selectOptions(overall, "G");
  const note = screen.getByRole("button", { name: /Reason for the change/ });
  // Beside the grade: after its select and before the next field.
  expect(before(overall, note)).toBe(true);
  expect(before(note, control("Round", form()))).toBe(true);
  await user.click(note);
  expect(control("Reason for the change")).toHaveFocus();
  // Once a reason is given, the note has done its job.
  await user.type(control("Reason for the change"), "Agreed at moderation");
  expect(screen.queryByRole("button", { name: /Reason for the change/ })).toBeNull();
});
