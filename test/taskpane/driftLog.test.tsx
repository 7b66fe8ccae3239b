/** @jest-environment jsdom */
/** Issue 15 in the pane: Check sheet lists a Final visit typed over since it was made final; "Log this change…" logs it. */
import "./setup";
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { recordVisit, setUpWorkbook } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { defaultConfig, emptyVisitForm, gradedColumns } from "../../src/domain";
import { App } from "../../src/taskpane/App";
import { MODERATOR_NAME_KEY } from "../../src/taskpane/ModerationReason";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { FakeHost } from "./fakeWorkbook";
import { control } from "./formHelpers";

jest.setTimeout(90_000);

let emulation: ExcelEmulation;
let wb: EmulatedWorkbook;
let port: OfficeWorkbook;

beforeEach(async () => {
  localStorage.clear();
  wb = new EmulatedWorkbook();
  emulation = installExcelEmulation(wb);
  port = new OfficeWorkbook();
  await setUpWorkbook(port);
  const config = defaultConfig();
  const form = { ...emptyVisitForm(config), visitId: "TD-0001", service: "Safeguarding", team: "Safeguarding Team 1", visitDate: "2017-08-07", status: "Final" };
  for (const d of gradedColumns(config)) form.grades[d.key] = "RI";
  await recordVisit(port, form, { who: "", when: "01/12/2026 09:00" });
  // Typed straight into the sheet: Joint working (L2) from RI to G.
  wb.setValues("Diagnostics", "L2", [["G"]]);
});
afterEach(() => emulation.uninstall());

test("Check sheet names the cell; Log this change… asks for a reason beside the box, then appends the row", async () => {
  const user = userEvent.setup({ delay: null });
  render(<App port={port} host={new FakeHost()} initialTab="check" />);
  // The pane's first read (the Lists sheet) runs first; buttons wait for it.
  await waitFor(() => expect(screen.queryByText(/Reading the workbook/)).toBeNull(), { timeout: 30_000 });
  await user.click(await screen.findByRole("button", { name: "Check sheet" }));
  const list = await screen.findByRole("list", { name: "Final visits changed outside the pane" }, { timeout: 30_000 });
  expect(list).toHaveTextContent("Visit TD-0001 was changed outside the pane since it was made final: Joint working (L2).");
  expect(list).toHaveTextContent('Joint working: "G" now, "RI" when last logged (L2).');

  await user.click(screen.getByRole("button", { name: "Log this change…" }));
  await user.type(control("Your name"), "A. Moderator");
  await user.click(screen.getByRole("button", { name: "Log change" }));
  await waitFor(() => expect(control("Reason for the change")).toHaveAccessibleDescription(expect.stringContaining("Give a reason for the change before logging it.")), { timeout: 30_000 });
  expect(wb.tableValues("ChangeLog").body).toHaveLength(5);

  await user.type(control("Reason for the change"), "Agreed at panel");
  await user.click(screen.getByRole("button", { name: "Log change" }));
  await screen.findByText("1 change to visit TD-0001 added to the Change log.", undefined, { timeout: 30_000 });
  const last = wb.tableValues("ChangeLog").body[5];
  expect(last.slice(1)).toEqual(["A. Moderator", "TD-0001", "Joint working", "RI", "G", "Agreed at panel"]);
  expect(localStorage.getItem(MODERATOR_NAME_KEY)).toBe("A. Moderator");
});
