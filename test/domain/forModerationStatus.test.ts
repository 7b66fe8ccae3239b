import { STATUSES, rollUp, validateTable, validateVisitForm, emptyVisitForm, defaultConfig } from "../../src/domain";
import { describeBase } from "../../src/presentation/wording";
import { summaryJson } from "../../src/cli/json";
import { listsSheetValues, LISTS_HEADERS } from "../../src/workbook/listsSheet";
import { config, table, visit } from "./helpers";

test("For moderation sits between Draft and Final in the statuses, and so on the Lists sheet", () => {
  expect(STATUSES).toEqual(["Draft", "For moderation", "Final", "Planned"]);
  const values = listsSheetValues(defaultConfig());
  const col = values[0].indexOf(LISTS_HEADERS.statuses);
  expect(values.slice(1, 5).map((r) => r[col])).toEqual(["Draft", "For moderation", "Final", "Planned"]);
});

test("a visit For moderation is checked like a Final one but not counted; the base says so; JSON gains a key only then", () => {
  const result = validateTable(table([visit("Safeguarding", "G"), visit("Safeguarding", "RI", { Status: "for moderation" })]), config);
  expect(result.problems).toEqual([]);
  expect(result.visits).toHaveLength(1);
  expect(result.forModeration).toEqual([{ row: 3, round: "1", visitDate: expect.any(String) }]);
  const summary = rollUp(result, config);
  expect(summary.base.visits).toBe(1);
  expect(summary.base.forModeration).toBe(1);
  expect(describeBase(summary)).toContain("Left out: 1 visit for moderation.");
  expect((summaryJson(summary, []) as { base: Record<string, unknown> }).base.forModeration).toBe(1);

  const plain = rollUp(validateTable(table([visit("Safeguarding", "G")]), config), config);
  expect("forModeration" in plain.base).toBe(false);
  expect("forModeration" in (summaryJson(plain, []) as { base: object }).base).toBe(false);
});

test("a visit For moderation needs its grades, as a Final one does", () => {
  const result = validateTable(table([visit("Safeguarding", "", { Status: "For moderation", "Joint working": "" })]), config);
  expect(result.problems.map((p) => p.message)).toContain("Joint working grade is missing.");
  const form = { ...emptyVisitForm(config), status: "For moderation", service: "Safeguarding", team: "Team 1", visitDate: "2017-08-07" };
  expect(validateVisitForm(form, config, []).some((e) => e.message.includes("grade"))).toBe(true);
});
