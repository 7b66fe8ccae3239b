/** @jest-environment jsdom */
/**
 * New-user test of the task pane: "The workbook is set up… No row was changed." stayed on the Set up tab after Test this
 * Excel ran. A message beside a button on the tab goes when any other action on the tab starts, as on the other tabs.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { defaultConfig } from "../../src/domain";
import type { SelfTestReport } from "../../src/selftest/types";
import { FakeWorkbook } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

jest.setTimeout(60_000);

// Test this Excel talks to Excel itself; here only its start matters, so it reports one check at once.
jest.mock("../../src/selftest/run", () => ({
  runSelfTest: async (): Promise<SelfTestReport> => ({
    results: [{ id: "one", title: "One check", status: "pass", detail: "It worked." }],
    host: "Excel",
    platform: "OfficeOnline",
    version: "test",
  }),
  reportText: () => "PASS  One check",
}));

const setUpRegion = () => screen.getByRole("region", { name: "Set up workbook" });

test("the Set up message goes when Test this Excel starts", async () => {
  const { user } = await renderPane(new FakeWorkbook({ table: false, lists: false }), { tab: "setup" });
  await user.click(screen.getByRole("button", { name: "Set up workbook" }));
  await within(setUpRegion()).findByText(/The workbook is set up/);

  await user.click(screen.getByRole("button", { name: "Test this Excel" }));
  await screen.findByRole("list", { name: "Test results" });
  expect(within(setUpRegion()).queryByText(/The workbook is set up/)).toBeNull();
});

test("a list editor's message goes when another action on the tab starts, and Set up's goes when the editor acts", async () => {
  const config = defaultConfig({ services: ["Front door and MASH", "Assessment"], areas: ["North"], teams: [] });
  const { user } = await renderPane(new FakeWorkbook({ config, rows: [] }), { tab: "setup" });
  const services = screen.getByRole("heading", { name: "Services" }).closest("section")!;
  await waitFor(() => expect(within(services).queryByText("…")).toBeNull());
  await user.click(within(services).getByRole("button", { name: "Rename or remove a service" }));
  const group = within(services).getByRole("group", { name: "Rename or remove a service" });

  await user.click(screen.getByRole("button", { name: "Set up workbook" }));
  await within(setUpRegion()).findByText(/The workbook is set up/);
  await user.selectOptions(within(group).getByRole("combobox", { name: "Service to change" }), "Assessment");
  await user.type(within(group).getByRole("textbox", { name: "New name" }), "Assessment and intervention");
  await user.click(within(group).getByRole("button", { name: "Rename service" }));
  await within(group).findByText(/Assessment renamed Assessment and intervention/);
  expect(within(setUpRegion()).queryByText(/The workbook is set up/)).toBeNull();

  await user.click(screen.getByRole("button", { name: "Reload settings" }));
  await screen.findByText("Settings read again from the Lists sheet.");
  expect(within(group).queryByText(/Assessment renamed/)).toBeNull();
});
