import { defaultConfig, rollUp, validateTable, validateVisitForm, emptyVisitForm, RawTable } from "../../src/domain";
import { describeBase } from "../../src/presentation/wording";
import { summaryJson } from "../../src/cli/json";
import { config, table, visit } from "./helpers";

const blankGrades = {
  "Allocation and workload": "",
  "Practice and direct work": "",
  "Monitoring and supervision": "",
  "Joint working": "",
  "Overall conclusion": "",
};

/** The default table with a Visit type column (at its right when the default headers lack one, as a council adds it). */
function withType(rows: Record<string, unknown>[]): RawTable {
  const t = table(rows);
  // A second Visit type column would be warned of as a column headed twice.
  if (t.headers.includes("Visit type")) return t;
  return { ...t, headers: [...t.headers, "Visit type"], rows: t.rows.map((r, i) => [...r, rows[i]["Visit type"] ?? null]) };
}

describe("planned visits (Status Planned)", () => {
  it("need a service, a team and a date, have no grades, and are never counted", () => {
    const result = validateTable(table([visit("Safeguarding", "G"), visit("Safeguarding", "", { Status: "planned", ...blankGrades, "Visit date": 43466 })]), config);
    expect(result.problems).toEqual([]);
    expect(result.visits).toHaveLength(1);
    expect(result.drafts).toEqual([]);
    expect(result.excluded).toEqual([]);
    expect(result.planned).toEqual([{ row: 3, visitId: expect.any(String), visitDate: "2019-01-01", round: "1", service: "Safeguarding", team: expect.stringMatching(/^Team /), area: "" }]);
    expect(rollUp(result, config).base.visits).toBe(1);
  });

  it("report a missing service, team or date, naming the cell", () => {
    const result = validateTable(table([visit("", "", { Status: "Planned", Team: "", "Visit date": "", ...blankGrades })]), config);
    expect(result.problems.map((p) => [p.cell, p.message])).toEqual([
      ["D2", "Service is missing."],
      ["E2", "Team is missing."],
      ["B2", "Visit date is missing."],
    ]);
    expect(result.planned).toEqual([]);
    expect(result.excluded).toHaveLength(1);
  });

  it("warn when a planned visit carries grades, which are not counted", () => {
    const result = validateTable(table([visit("Safeguarding", "G", { Status: "Planned" })]), config);
    expect(result.problems.map((p) => [p.cell, p.severity])).toEqual([["I2", "warning"]]);
    expect(result.visits).toEqual([]);
    expect(result.planned).toHaveLength(1);
  });

  it("a status not on the list names Planned among the choices", () => {
    const result = validateTable(table([visit("Safeguarding", "G", { Status: "Booked" })]), config);
    expect(result.problems[0].message).toBe('Status "Booked" is not Draft, For moderation, Final or Planned.');
  });

  it("the pane's form: a planned visit needs no grades, and may not have any", () => {
    const form = { ...emptyVisitForm(config), service: "Safeguarding", team: "North 1", visitDate: "2019-01-10", status: "Planned" };
    expect(validateVisitForm(form, config, [])).toEqual([]);
    const graded = { ...form, grades: { ...form.grades, overall: "G" } };
    expect(validateVisitForm(graded, config, [])).toEqual([
      { field: "grade:overall", message: "A planned visit has no grades yet: clear Overall conclusion, or choose Final." },
    ]);
    expect(validateVisitForm({ ...form, team: "" }, config, []).map((e) => e.field)).toEqual(["team"]);
  });
});

describe("deep dives (Visit type Deep dive)", () => {
  const cfg = defaultConfig(); // services listed: a deep dive's function need not be one of them
  it("name a function in the Service column, may have no team and no grades, and are never counted", () => {
    const rows = [
      visit("Safeguarding", "G", { "Visit type": "" }),
      visit("Safeguarding", "RI", { "Visit type": "Team diagnostic" }),
      visit("Fostering", "", { "Visit type": "deep dive", Team: "", ...blankGrades }),
    ];
    const result = validateTable(withType(rows), cfg);
    expect(result.problems).toEqual([]);
    expect(result.visits.map((v) => v.service)).toEqual(["Safeguarding", "Safeguarding"]);
    expect(result.deepDives).toEqual([{ row: 4, visitId: expect.any(String), visitDate: "2017-08-07", round: "1", service: "Fostering" }]);
    const summary = rollUp(result, cfg);
    expect(summary.base.visits).toBe(2);
    expect(summary.groups.map((g) => g.name)).toEqual(["Safeguarding"]);
    expect(summary.base.deepDives).toBe(1);
    expect(describeBase(summary)).toContain("1 deep dive (functions looked at as a whole: not in the grade tables).");
    expect((summaryJson(summary, []) as { base: { deepDives?: number } }).base.deepDives).toBe(1);
    // Filtered out with the round, as visits are.
    expect(rollUp(result, cfg, { filter: { round: "2" } }).base.deepDives).toBeUndefined();
  });

  it("a visit type not on the list is a problem naming the cell", () => {
    const result = validateTable(withType([visit("Safeguarding", "G", { "Visit type": "Audit" })]), cfg);
    expect(result.problems.map((p) => [p.cell, p.column, p.message])).toEqual([["R2", "Visit type", 'Visit type "Audit" is not Team diagnostic or Deep dive.']]);
    expect(result.excluded).toHaveLength(1);
  });

  it("without deep dives the base and the JSON are as before: no deepDives key, no extra line", () => {
    const summary = rollUp(validateTable(table([visit("Safeguarding", "G")]), config), config);
    expect("deepDives" in summary.base).toBe(false);
    expect(Object.keys((summaryJson(summary, []) as { base: object }).base)).not.toContain("deepDives");
    expect(describeBase(summary).some((l) => l.includes("deep dive"))).toBe(false);
  });
});
