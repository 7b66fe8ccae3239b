/** @jest-environment jsdom */
/** Issue 11 §2 in the pane: Start action plan on a loaded visit, then the Actions tab lists, filters and edits in place. */
import "./setup";
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { selectCell } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { toExcelSerial } from "../../src/domain";
import { App } from "../../src/taskpane/App";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { setUpWithPlanVisit } from "./planVisit";
import { FakeHost } from "./fakeWorkbook";

jest.setTimeout(60_000);


let emulation: ExcelEmulation;
let wb: EmulatedWorkbook;
let port: OfficeWorkbook;

beforeEach(async () => {
  wb = new EmulatedWorkbook();
  emulation = installExcelEmulation(wb);
  port = new OfficeWorkbook();
  await setUpWithPlanVisit(port);
  // An action of another team, already overdue, so it comes first.
  await port.apply({
    action: "seed",
    changes: [{ kind: "appendTableRows", table: "Actions", rows: [["X-1", "V-9", "Children in care", "CiC 1", "Old one", "Do it", "Sam", toExcelSerial("2018-01-01"), "On track", "", null]] }],
  });
});
afterEach(() => emulation.uninstall());

test("Start action plan adds one action per recommendation, once; the Actions tab shows them urgent first and saves a status in place", async () => {
  const user = userEvent.setup({ delay: null });
  render(<App port={port} host={new FakeHost()} />);
  await selectCell(port, "Diagnostics", "A2");
  await user.click(await screen.findByRole("button", { name: "Load selected row" }));
  await screen.findByRole("heading", { name: "Edit visit V-1 (row 2)" });

  await user.click(screen.getByRole("button", { name: "Start action plan" }));
  // What was written (the recommendation, owner and due date) and what is left: the Action cell's wording.
  await screen.findByText(
    "2 actions added to the Actions sheet (rows 3 to 4), one per recommendation, due 15/04/2018, with the team manager, Pat Manager, as owner: write each action's wording in its Action cell. The Actions tab records Status and Progress.",
  );
  expect(wb.tableValues("Actions").body.map((r) => [r[0], r[1], r[3], r[4], r[6], r[7], r[8]])).toEqual([
    ["X-1", "V-9", "CiC 1", "Old one", "Sam", toExcelSerial("2018-01-01"), "On track"],
    ["V-1-A1", "V-1", "North 1", "Supervise monthly", "Pat Manager", toExcelSerial("2018-04-15"), "Not started"],
    ["V-1-A2", "V-1", "North 1", "Update plans", "Pat Manager", toExcelSerial("2018-04-15"), "Not started"],
  ]);
  // Again: nothing is duplicated.
  await user.click(screen.getByRole("button", { name: "Start action plan" }));
  await screen.findByText(/Every recommendation of visit V-1 already has an action: nothing was added/);
  expect(wb.tableValues("Actions").body).toHaveLength(3);

  await user.click(screen.getByRole("tab", { name: "Actions" }));
  await user.click(screen.getByRole("button", { name: "Show actions" }));
  const list = await screen.findByRole("list", { name: "Actions, most urgent first" });
  const items = within(list).getAllByRole("listitem");
  // Today is after 2018: every action is overdue, earliest due first.
  expect(items.map((i) => within(i).getByText(/^(X-1|V-1-A\d)$/).textContent)).toEqual(["X-1", "V-1-A1", "V-1-A2"]);
  expect(within(items[0]).getByText("Red: overdue")).toBeTruthy();

  // Filter by team.
  await user.click(screen.getByRole("combobox", { name: "Team" }));
  await user.click(screen.getByRole("option", { name: "North 1" }));
  expect(within(list).getAllByRole("listitem")).toHaveLength(2);

  // Change a status in place: only that cell (and the completed date) is written.
  await user.click(screen.getByRole("combobox", { name: "Status of V-1-A2" }));
  await user.click(screen.getByRole("option", { name: "Complete" }));
  await user.type(screen.getByRole("textbox", { name: "Progress of V-1-A2" }), "Plans updated");
  await user.click(screen.getByRole("button", { name: "Save V-1-A2" }));
  await screen.findByText("Action V-1-A2 saved.");
  // The list was read again: the saved row shows its new status and no longer offers to save.
  expect(screen.queryByRole("button", { name: "Save V-1-A2" })).toBeNull();
  const saved = wb.tableValues("Actions").body[2];
  expect([saved[0], saved[8], saved[9], typeof saved[10]]).toEqual(["V-1-A2", "Complete", "Plans updated", "number"]);
  expect(wb.tableValues("Actions").body[1][8]).toBe("Not started");
  await waitFor(() => expect(screen.getAllByText("Complete").length).toBeGreaterThan(0));
});
