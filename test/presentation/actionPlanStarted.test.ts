/** What Start action plan says it wrote: the Action cell is left to write, and Owner too when the visit names no team manager. */
import { actionPlanStartedLine } from "../../src/presentation/actions";

it("says the rows, the due date and the owner written, and what is left to write", () => {
  expect(actionPlanStartedLine({ count: 1, row: 2, due: "2027-02-20", owner: "", skipped: 0 })).toBe(
    "1 action added to the Actions sheet (row 2), one per recommendation, due 20/02/2027: write its wording in its Action cell and its owner in Owner. The Actions tab records Status and Progress.",
  );
  expect(actionPlanStartedLine({ count: 3, row: 2, due: "2027-02-20", owner: "", skipped: 1 })).toBe(
    "3 actions added to the Actions sheet (rows 2 to 4), one per recommendation, due 20/02/2027: write each action's wording in its Action cell and its owner in Owner. 1 recommendation already had an action. The Actions tab records Status and Progress.",
  );
  expect(actionPlanStartedLine({ count: 2, row: 5, due: "2027-02-20", owner: "Pat Jones", skipped: 0 })).toBe(
    "2 actions added to the Actions sheet (rows 5 to 6), one per recommendation, due 20/02/2027, with the team manager, Pat Jones, as owner: write each action's wording in its Action cell. The Actions tab records Status and Progress.",
  );
});
