/** Dates shown to people are British (walk-through 8): the warning for a date typed as text names the date in words ("23 January 2018", as the form reads dates back), never as ISO. */
import { validateTable } from "../../src/domain";
import { config, table, visit } from "./helpers";

it("says which date a date typed as text counts as, the British way", () => {
  const typed = validateTable(table([visit("X", "G", { "Visit date": "23/01/2018" }), visit("X", "G", { "Visit date": "2018-01-24" })]), config);
  expect(typed.problems.map((p) => p.message)).toEqual([
    'Visit date "23/01/2018" is typed as text; it counts as 23 January 2018, but Excel cannot sort or filter it as a date.',
    'Visit date "2018-01-24" is typed as text; it counts as 24 January 2018, but Excel cannot sort or filter it as a date.',
  ]);
  expect(typed.problems.map((p) => p.message).join(" ")).not.toMatch(/counts as \d{4}-/);
});
