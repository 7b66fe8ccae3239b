/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { SELF_CHECKS } from "../../src/selftest/checks";
import { FakeWorkbook } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

let emulation: ExcelEmulation;
let excel: EmulatedWorkbook;
beforeEach(() => {
  // The self-test talks to Excel itself: here, the emulation.
  excel = new EmulatedWorkbook({ sheets: ["Diagnostics"] });
  emulation = installExcelEmulation(excel);
});
afterEach(() => emulation.uninstall());

test("Test this Excel lists every check with its status in words, and copies the results as plain text", async () => {
  const { user, host } = await renderPane(new FakeWorkbook(), { tab: "setup" });
  expect(screen.queryByRole("button", { name: "Copy results" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Test this Excel" }));
  const list = await screen.findByRole("list", { name: "Test results" }, { timeout: 20_000 });
  const items = within(list).getAllByRole("listitem");
  expect(items).toHaveLength(SELF_CHECKS.length);
  expect(items.map((li) => li.textContent?.split(":")[0])).toEqual(
    SELF_CHECKS.map((c) => (["list-blank-source", "alert-limits", "print-titles"].includes(c.id) ? "For information" : "Pass")),
  );
  // The Set up tab has other live regions now (Save settings says what it did beside its button): this section's own.
  expect(within(screen.getByRole("region", { name: "Test this Excel" })).getByText(/ passed, /)).toHaveTextContent(
    `${SELF_CHECKS.length - 3} passed, 0 failed, 3 for information. Excel: Excel, OfficeOnline, version emulation.`,
  );
  expect(excel.sheetNames()).toEqual(["Diagnostics"]);

  await user.click(screen.getByRole("button", { name: "Copy results" }));
  // Beside the button, in this section: not at the top of the tab, out of view.
  const section = screen.getByRole("region", { name: "Test this Excel" });
  const copied = await within(section).findByText("Results copied: paste them into an email.");
  expect(within(section).getByRole("button", { name: "Copy results" }).parentElement?.nextElementSibling).toContainElement(copied);
  expect(host.copied).toHaveLength(1);
  expect(host.copied[0].text.split("\n")[1]).toBe("Excel: Excel, platform OfficeOnline, version emulation");
  expect(host.copied[0].text).toContain("PASS  A dropdown list refuses a value not on it: A value not on the list is reported invalid.");
}, 60_000);

test("a failing check is shown as Fail, in words", async () => {
  excel.faults.tablesDoNotGrow = true;
  const { user } = await renderPane(new FakeWorkbook(), { tab: "setup" });
  await user.click(screen.getByRole("button", { name: "Test this Excel" }));
  const list = await screen.findByRole("list", { name: "Test results" }, { timeout: 20_000 });
  const failed = within(list).getAllByRole("listitem").filter((li) => li.textContent?.startsWith("Fail:"));
  expect(failed.map((li) => li.textContent)).toEqual([
    "Fail: A table grows over a row written directly below itThe table covers E1:F2, not E1:F3.",
  ]);
}, 60_000);
