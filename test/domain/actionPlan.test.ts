import fc from "fast-check";
import {
  ActionInput,
  actionsReport,
  checkActions,
  ragOf,
  recommendationLines,
  startActionPlan,
} from "../../src/domain";

const today = "2018-06-30";

function action(overrides: Partial<ActionInput>): ActionInput {
  return {
    actionId: "A1",
    visitId: "V1",
    service: "Safeguarding",
    team: "Safeguarding 1",
    recommendation: "Reduce caseloads",
    action: "Recruit two social workers",
    owner: "Team manager",
    due: "2018-09-30",
    status: "On track",
    progress: "",
    completed: null,
    ...overrides,
  };
}

describe("ragOf", () => {
  it.each([
    ["Complete", "2018-01-01", "Complete"],
    ["complete", null, "Complete"],
    ["Off track", "2018-12-31", "Red"],
    ["On track", "2018-06-29", "Red"],
    ["At risk", "2018-06-29", "Red"],
    ["Not started", "2018-03-31", "Red"],
    ["At risk", "2018-12-31", "Amber"],
    ["Not started", "2018-07-14", "Amber"],
    ["Not started", "2018-06-30", "Amber"],
    ["Not started", "2018-07-15", "Green"],
    ["On track", "2018-06-30", "Green"],
    ["On track", "2018-07-01", "Green"],
    ["On track", null, "Green"],
    ["Not started", null, "Green"],
    ["Waiting", "2018-06-01", "Red"],
    ["Waiting", "2018-09-01", "Green"],
  ] as const)("%s due %s is %s", (status, due, rag) => {
    expect(ragOf({ status, due }, today)).toBe(rag);
  });
});

describe("checkActions", () => {
  const visits = [
    { visitId: "V1", date: "2018-01-15" },
    { visitId: "V2", date: null },
  ];
  it("returns structured problems naming the column", () => {
    const problems = checkActions(
      [
        action({ actionId: "A1", row: 2 }),
        action({ actionId: "A2", row: 3, visitId: "V9" }),
        action({ actionId: "A3", row: 4, due: "2018-01-14" }),
        action({ actionId: "A4", row: 5, status: "Complete" }),
        action({ actionId: "A5", row: 6, status: "Done-ish" }),
        action({ actionId: "A6", row: 7, visitId: " v1 ", status: "complete", completed: "2018-05-01" }),
        action({ actionId: "A7", row: 8, visitId: "V2", due: "2000-01-01" }),
        action({ actionId: "A8", row: 9, visitId: "" }),
      ],
      visits,
    );
    expect(problems.map((p) => [p.actionId, p.row, p.column, p.kind])).toEqual([
      ["A2", 3, "visitId", "unknownVisit"],
      ["A3", 4, "due", "dueBeforeVisit"],
      ["A4", 5, "completed", "completeWithoutDate"],
      ["A5", 6, "status", "unknownStatus"],
      ["A8", 9, "visitId", "unknownVisit"],
    ]);
    expect(problems[0].message).toBe('names Visit ID "V9", which is not in the Diagnostics table.');
    expect(problems[3].message).toContain("Not started, On track, At risk, Off track, Complete");
    expect(problems[4].message).toBe("has no Visit ID.");
  });
});

describe("start action plan", () => {
  const visit = {
    visitId: "V7",
    service: "Assessment",
    team: "Assessment 2",
    date: "2017-11-30",
    teamManager: "Sam Patel",
    recommendations: "1. Reduce caseloads to 18\n2) Make plans SMART\n\n- Hold monthly audits\n• Improve chronologies\n(a) Record the child's voice\n3.5 FTE vacancies to be filled\ne.g. review the rota",
  };
  it("strips bullets and numbering, keeping numbers that are part of the text", () => {
    expect(recommendationLines(visit.recommendations)).toEqual([
      "Reduce caseloads to 18",
      "Make plans SMART",
      "Hold monthly audits",
      "Improve chronologies",
      "Record the child's voice",
      "3.5 FTE vacancies to be filled",
      "e.g. review the rota",
    ]);
  });
  it("writes one Not started action per line, due three calendar months on", () => {
    const made = startActionPlan(visit, []);
    expect(made).toHaveLength(7);
    expect(made[0]).toEqual({
      actionId: "V7-A1",
      visitId: "V7",
      service: "Assessment",
      team: "Assessment 2",
      recommendation: "Reduce caseloads to 18",
      action: "",
      owner: "Sam Patel",
      due: "2018-02-28",
      status: "Not started",
      progress: "",
      completed: null,
    });
  });
  it("never duplicates an action for the same visit and recommendation, folded", () => {
    const first = startActionPlan(visit, []);
    expect(startActionPlan(visit, first)).toEqual([]);
    const existing = [
      { actionId: "V7-A1", visitId: "v7", recommendation: "REDUCE caseloads to 18." },
      { actionId: "X1", visitId: "V8", recommendation: "Make plans SMART" },
    ];
    const made = startActionPlan(visit, existing);
    expect(made.map((a) => a.recommendation)).not.toContain("Reduce caseloads to 18");
    expect(made.map((a) => a.recommendation)).toContain("Make plans SMART");
    expect(made.map((a) => a.actionId)).not.toContain("V7-A1");
    expect(new Set(made.map((a) => a.actionId)).size).toBe(made.length);
  });
  it("skips a line repeated within the recommendations", () => {
    expect(startActionPlan({ ...visit, recommendations: "- Audit\n- audit" }, [])).toHaveLength(1);
  });
});

describe("actions --json", () => {
  it("counts by RAG per service and lists the overdue, earliest first", () => {
    const actions = [
      action({ actionId: "A1", service: "Safeguarding", status: "Off track", due: "2018-12-31" }),
      action({ actionId: "A2", service: "Safeguarding", status: "On track", due: "2018-03-31" }),
      action({ actionId: "A3", service: "Safeguarding", status: "Complete", due: "2018-01-31", completed: "2018-01-20" }),
      action({ actionId: "A4", service: "Assessment", team: "Assessment 1", visitId: "V4", status: "Not started", due: "2018-07-10" }),
      action({ actionId: "A5", service: "Assessment", status: "On track", due: "2018-09-30" }),
      action({ actionId: "A6", service: "assessment ", team: "Assessment 2", visitId: "V5", status: "at risk", due: "2018-02-01" }),
    ];
    const json = actionsReport(actions, today, { serviceOrder: ["Assessment", "Safeguarding"] });
    expect(JSON.stringify(json)).toBe(
      JSON.stringify({
        today: "2018-06-30",
        services: [
          { service: "Assessment", actions: 3, rag: { Red: 1, Amber: 1, Green: 1, Complete: 0 } },
          { service: "Safeguarding", actions: 3, rag: { Red: 2, Amber: 0, Green: 0, Complete: 1 } },
        ],
        overdue: [
          { actionId: "A6", visitId: "V5", service: "Assessment", team: "Assessment 2", due: "2018-02-01", status: "At risk" },
          { actionId: "A2", visitId: "V1", service: "Safeguarding", team: "Safeguarding 1", due: "2018-03-31", status: "On track" },
        ],
        problems: [],
      }),
    );
    expect(JSON.stringify(json)).not.toContain("Recruit");
    expect(JSON.stringify(json)).not.toContain("Team manager");
  });
});

describe("ragOf properties", () => {
  const day = fc.integer({ min: -60, max: 60 }).map((n) => {
    const d = new Date(Date.UTC(2018, 5, 30 + n));
    return d.toISOString().slice(0, 10);
  });
  it("is Complete exactly when complete, and Red whenever overdue", () => {
    fc.assert(
      fc.property(fc.constantFrom("Not started", "On track", "At risk", "Off track", "Complete", "Other"), fc.option(day, { nil: null }), (status, due) => {
        const rag = ragOf({ status, due }, today);
        expect(rag === "Complete").toBe(status === "Complete");
        if (status !== "Complete" && due !== null && due < today) expect(rag).toBe("Red");
        if (status === "Off track") expect(rag).toBe("Red");
        if (status === "On track" && (due === null || due >= today)) expect(rag).toBe("Green");
      }),
    );
  });
});
