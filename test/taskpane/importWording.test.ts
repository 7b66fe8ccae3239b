/** Import visits' wording (walk-through 8): a CSV's name said once; the read-back check in plain words. */
import { importCheckedLine, importNewTeamsLine, importProblemPlace } from "../../src/presentation/importWording";

it("names a CSV file once and a workbook by file and sheet", () => {
  expect(importProblemPlace({ file: "import.csv", sheet: "import.csv", row: 2 })).toBe("import.csv row 2");
  expect(importProblemPlace({ file: "east.xlsx", sheet: "Visits", row: 4 })).toBe("east.xlsx, Visits row 4");
});

it("says in plain words that the visits added are in the table, or how many are", () => {
  expect(importCheckedLine(1, 1)).toBe("Checked: the 1 visit added is in the table.");
  expect(importCheckedLine(3, 3)).toBe("Checked: the 3 visits added are in the table.");
  expect(importCheckedLine(1, 3)).toBe("Checked: only 1 of the 3 visits added is in the table now; look below the table for the others.");
  expect(importCheckedLine(0, 0)).toBe("");
  expect([importCheckedLine(1, 1), importCheckedLine(2, 3)].join(" ")).not.toMatch(/read back/);
});

it("names the teams Import puts on the Lists sheet, before and after the add", () => {
  const east = { name: "Safeguarding East" };
  expect(importNewTeamsLine([east], false)).toBe("1 new team will be added to the Lists sheet: Safeguarding East.");
  expect(importNewTeamsLine([east, { name: "B" }, { name: "C" }], true)).toBe("3 teams added to the Lists sheet: Safeguarding East, B and C.");
  expect(importNewTeamsLine([], false)).toBe("");
});
