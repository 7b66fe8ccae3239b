/** @jest-environment jsdom */
/**
 * Set up workbook and Reload settings say what they did beside their own buttons, not in the banner under the tabs
 * (walkthrough finding 2: "Messages appear next to what caused them"); an error from either is said there too.
 */
import "./setup";
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { App } from "../../src/taskpane/App";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { FakeHost } from "./fakeWorkbook";

jest.setTimeout(60_000);

/** The pane's banner under the tabs: a message bar with a Dismiss button. */
const banner = () => screen.queryByRole("button", { name: "Dismiss message" });

let emulation: ExcelEmulation;
let port: OfficeWorkbook;
beforeEach(() => {
  emulation = installExcelEmulation(new EmulatedWorkbook());
  port = new OfficeWorkbook();
});
afterEach(() => emulation.uninstall());

test("Set up workbook and Reload settings report in their own sections, and the banner stays empty", async () => {
  const user = userEvent.setup({ delay: null });
  render(<App port={port} host={new FakeHost()} initialTab="setup" />);
  await screen.findByRole("button", { name: "Set up workbook" });
  await waitFor(() => expect(screen.queryByText(/Reading the workbook/)).toBeNull());

  await user.click(screen.getByRole("button", { name: "Set up workbook" }));
  const setUp = screen.getByRole("region", { name: "Set up workbook" });
  const done = await within(setUp).findByText(/The workbook is set up/);
  expect(done.closest("[role=status]")).not.toBeNull();
  expect(banner()).toBeNull();

  await user.click(screen.getByRole("button", { name: "Reload settings" }));
  const settings = screen.getByRole("region", { name: "Settings" });
  await within(settings).findByText("Settings read again from the Lists sheet.");
  expect(banner()).toBeNull();
  // Each section says only its own latest news.
  await waitFor(() => expect(within(setUp).queryByText(/The workbook is set up/)).toBeNull());
});

test("a failed Set up says why beside its button", async () => {
  const user = userEvent.setup({ delay: null });
  render(<App port={port} host={new FakeHost()} initialTab="setup" />);
  await screen.findByRole("button", { name: "Set up workbook" });
  await waitFor(() => expect(screen.queryByText(/Reading the workbook/)).toBeNull());
  jest.spyOn(port, "apply").mockRejectedValueOnce(new Error("The workbook is protected."));
  await user.click(screen.getByRole("button", { name: "Set up workbook" }));
  const setUp = screen.getByRole("region", { name: "Set up workbook" });
  const alert = await within(setUp).findByRole("alert");
  expect(alert.textContent).toMatch(/protected/);
  expect(banner()).toBeNull();
});
