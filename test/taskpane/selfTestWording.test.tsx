/** @jest-environment jsdom */
/**
 * Test this Excel says its results are for the council's IT team, and gives the most technical checks a line in
 * plain words beside the technical one (walk-through 8); the checks and their own lines are unchanged.
 */
import { screen, within } from "@testing-library/react";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { SELF_CHECKS } from "../../src/selftest/checks";
import { SELF_TEST_FOR_IT, SELF_TEST_PLAIN_WORDS } from "../../src/taskpane/selfTestWords";
import { FakeWorkbook } from "./fakeWorkbook";
import { renderPane } from "./renderPane";

let emulation: ExcelEmulation;
beforeEach(() => {
  emulation = installExcelEmulation(new EmulatedWorkbook({ sheets: ["Diagnostics"] }));
});
afterEach(() => emulation.uninstall());

test("says the results are for the council's IT team, and words the technical checks plainly", async () => {
  expect(SELF_TEST_FOR_IT).toBe("The results are for your council's IT team: if any says Fail, choose Copy results and send them to IT.");
  const { user } = await renderPane(new FakeWorkbook(), { tab: "setup" });
  const section = screen.getByRole("region", { name: "Test this Excel" });
  expect(within(section).getByText(SELF_TEST_FOR_IT)).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Test this Excel" }));
  const list = await screen.findByRole("list", { name: "Test results" }, { timeout: 20_000 });
  const items = within(list).getAllByRole("listitem");
  const byId = new Map(SELF_CHECKS.map((c, i) => [c.id, items[i].textContent ?? ""]));
  // Every plain line belongs to a check that exists, and the jargon-heavy ones have one.
  expect(Object.keys(SELF_TEST_PLAIN_WORDS).filter((id) => !byId.has(id))).toEqual([]);
  for (const id of ["requirement-set", "payload-limit", "null-children", "alert-limits", "create-workbook"]) expect(SELF_TEST_PLAIN_WORDS[id]).toBeTruthy();
  expect(byId.get("requirement-set")).toContain("In plain words: whether this version of Excel is recent enough for the add-in.");
  expect(byId.get("requirement-set")).toMatch(/ExcelApi 1\.8, as the manifest declares/);
  expect(byId.get("payload-limit")).toContain("In plain words: whether Excel limits how much the add-in can send to it at once");
  // A check in plain words already has no extra line.
  expect(byId.get("table-growth")).not.toContain("In plain words");
}, 60_000);
