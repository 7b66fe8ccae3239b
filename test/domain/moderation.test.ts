import {
  MADE_FINAL_REASON,
  changeEntries,
  compileScale,
  defaultConfig,
  driftFromLog,
  emptyVisitForm,
  moderationCounts,
  moderationText,
  needsReason,
  reasonProblem,
  VisitForm,
} from "../../src/domain";

const config = defaultConfig();
const compiled = compileScale(config.scale);
const who = { when: "01/12/2026 09:30", who: "A. Moderator" };

function visit(status: string, grades: string[], more: Partial<VisitForm> = {}): VisitForm {
  const keys = ["allocation", "practice", "monitoring", "joint", "overall"];
  return { ...emptyVisitForm(config), visitId: "TD-0001", visitDate: "2017-08-07", service: "Safeguarding", team: "Team 1", status, grades: Object.fromEntries(keys.map((k, i) => [k, grades[i]])), ...more };
}

test("a For moderation or Final visit needs a reason to change a grade, service, team or date; a Draft does not", () => {
  expect([needsReason("Draft"), needsReason("For moderation"), needsReason("final")]).toEqual([false, true, true]);
  const before = visit("For moderation", ["RI", "RI", "G", "G", "RI"]);
  const after = { ...before, grades: { ...before.grades, practice: "I" }, team: "Team 2" };
  expect(reasonProblem(before, after, config, "")).toBe("This visit is For moderation: give a reason for changing Team, Practice and direct work.");
  expect(reasonProblem(before, after, config, "Audit found drift")).toBeNull();
  expect(reasonProblem(before, { ...before, strengths: "more text" }, config, "")).toBeNull();
  expect(reasonProblem(visit("Draft", ["RI", "RI", "G", "G", "RI"]), after, config, "")).toBeNull();
});

test("each change is one log row; becoming Final logs the graded values too", () => {
  const before = visit("For moderation", ["RI", "RI", "G", "G", "RI"]);
  const after = { ...before, status: "Final", grades: { ...before.grades, practice: "I" } };
  const rows = changeEntries(before, after, config, who, "Moderated down");
  expect(rows.map((r) => [r.field, r.from, r.to, r.reason])).toEqual([
    ["Practice and direct work", "RI", "I", "Moderated down"],
    ["Status", "For moderation", "Final", "Moderated down"],
    ["Allocation and workload", "", "RI", MADE_FINAL_REASON],
    ["Practice and direct work", "", "I", MADE_FINAL_REASON],
    ["Monitoring and supervision", "", "G", MADE_FINAL_REASON],
    ["Joint working", "", "G", MADE_FINAL_REASON],
    ["Overall conclusion", "", "RI", MADE_FINAL_REASON],
  ]);
  expect(rows.every((r) => r.visitId === "TD-0001" && r.who === "A. Moderator")).toBe(true);
  // Final → Draft is itself a logged change.
  expect(changeEntries(after, { ...after, status: "Draft" }, config, who, "Reopened").map((r) => [r.field, r.from, r.to])).toEqual([["Status", "Final", "Draft"]]);
  // A draft's edits are not logged.
  expect(changeEntries(visit("Draft", ["RI"]), visit("Draft", ["G"]), config, who, "")).toEqual([]);
});

test("a Final visit whose values differ from its last logged ones is reported, naming the fields", () => {
  const made = visit("Final", ["RI", "I", "G", "G", "RI"]);
  const log = changeEntries(visit("For moderation", ["RI", "I", "G", "G", "RI"]), made, config, who, "Agreed");
  expect(driftFromLog([made], log, config)).toEqual([]);
  const typed = { ...made, grades: { ...made.grades, joint: "O" } };
  expect(driftFromLog([typed], log, config)).toEqual([{ visitId: "TD-0001", fields: [{ field: "Joint working", logged: "G", now: "O" }] }]);
  // Logging the change with a reason makes it the last logged value.
  const logged = [...log, { ...who, visitId: "TD-0001", field: "Joint working", from: "G", to: "O", reason: "Typed by the chair" }];
  expect(driftFromLog([typed], logged, config)).toEqual([]);
  // Not Final, or never logged: not reported.
  expect(driftFromLog([{ ...typed, status: "Draft" }], log, config)).toEqual([]);
  expect(driftFromLog([{ ...typed, visitId: "TD-0009" }], log, config)).toEqual([]);
});

test("per service, how many grades moderation moved up or down the scale, counts only", () => {
  const log = [
    { ...who, visitId: "A", field: "Practice and direct work", from: "RI", to: "I", reason: "down" },
    { ...who, visitId: "A", field: "Joint working", from: "RI", to: "G", reason: "up" },
    { ...who, visitId: "B", field: "Overall conclusion", from: "RI / I", to: "RI", reason: "up" },
    { ...who, visitId: "B", field: "Overall conclusion", from: "", to: "RI", reason: MADE_FINAL_REASON },
    { ...who, visitId: "B", field: "Team", from: "T1", to: "T2", reason: "moved" },
    { ...who, visitId: "C", field: "Joint working", from: "G", to: "No judgement", reason: "no evidence" },
  ];
  const services: Record<string, string> = { A: "Safeguarding", B: "Assessment", C: "Safeguarding" };
  const counts = moderationCounts(log, config, compiled, (id) => services[id]);
  expect(counts).toEqual([
    { service: "Safeguarding", up: 1, down: 1, other: 1 },
    { service: "Assessment", up: 1, down: 0, other: 0 },
  ].sort((a, b) => config.services.indexOf(a.service) - config.services.indexOf(b.service)));
  expect(moderationText(counts.find((c) => c.service === "Assessment")!)).toBe("1 grade changed by moderation (1 up, 0 down)");
  expect(moderationText(counts.find((c) => c.service === "Safeguarding")!)).toBe("3 grades changed by moderation (1 up, 1 down, 1 to or from no judgement)");
});
