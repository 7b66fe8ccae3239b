import { ACTION_STATUSES, ActionItem, actionRecord, findKindHeaderRow, recordTable } from "../../../src/domain";

const headers = actionRecord.columns.map((c) => c.header);

function item(overrides: Partial<ActionItem> = {}): ActionItem {
  return {
    actionId: "A-0001",
    visitId: "TD-0003",
    service: "Safeguarding",
    team: "North 1",
    recommendation: "Supervision to be monthly and recorded.",
    action: "Set a supervision timetable for every worker.",
    owner: "Sam Patel",
    dueDate: "2018-03-31",
    status: "On track",
    progress: "",
    completedDate: "",
    ...overrides,
  };
}

describe("the Actions record kind", () => {
  it("declares the action plan's columns in order, with the narrative ones marked", () => {
    expect(headers).toEqual([
      "Action ID",
      "Visit ID",
      "Service",
      "Team",
      "Recommendation",
      "Action",
      "Owner",
      "Due date",
      "Status",
      "Progress",
      "Completed date",
    ]);
    expect(actionRecord.columns.filter((c) => c.narrative).map((c) => c.header)).toEqual(["Recommendation", "Action", "Owner", "Progress"]);
    expect(actionRecord.columns.filter((c) => c.kind === "date").map((c) => c.header)).toEqual(["Due date", "Completed date"]);
    expect(ACTION_STATUSES).toEqual(["Not started", "On track", "At risk", "Off track", "Complete"]);
  });

  it("writes rows and reads them back through one reader, in any column order", () => {
    const shuffled = ["Notes", ...headers].reverse();
    const actions = recordTable(actionRecord, shuffled);
    const done = item({ actionId: "A-0002", status: "Complete", progress: "Timetable in place.", completedDate: "2018-02-14" });
    const rows = [actions.row(item(), shuffled.length), actions.row(done, shuffled.length)];

    expect(rows[0][shuffled.indexOf("Due date")]).toBe(43190); // 31/03/2018 as an Excel serial
    expect(rows[0][shuffled.indexOf("Owner")]).toBe("Sam Patel");
    // An empty field and a column the kind does not know both mean "leave the cell alone": null, never "".
    expect(rows[0][shuffled.indexOf("Progress")]).toBeNull();
    expect(rows[0][shuffled.indexOf("Notes")]).toBeNull();
    expect(actions.cells(item()).has(shuffled.indexOf("Notes"))).toBe(false);

    expect(rows.map((r) => actions.read(r))).toEqual([item(), done]);
  });

  it("reads typed dates and loosely typed statuses, and reports missing required columns", () => {
    const actions = recordTable(actionRecord, ["Team", "action", "STATUS", "Due date"]);
    expect(actions.missingRequired).toEqual([]);
    expect(actions.missingOptional.map((c) => c.header)).toContain("Owner");
    const read = actions.read(["North 1", "Audit ten cases", " off track ", "07/08/2018"]);
    expect(read).toMatchObject({ team: "North 1", action: "Audit ten cases", status: "Off track", dueDate: "2018-08-07", owner: "" });
    expect(recordTable(actionRecord, ["Team", "Owner"]).missingRequired.map((c) => c.header)).toEqual(["Action", "Due date", "Status"]);
  });

  it("finds its header row below title rows", () => {
    const rows = [["North 1 action plan"], [], headers, ["A-0001"]];
    expect(findKindHeaderRow(rows, actionRecord)).toBe(2);
    expect(findKindHeaderRow([["Visit ID", "Service"]], actionRecord)).toBe(-1);
  });
});
