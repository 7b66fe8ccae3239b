import { DiagnosticsConfig, gradeFixes, validateTable } from "../../../src/domain";
import { config, table, visit } from "../helpers";

const withTeams: DiagnosticsConfig = {
  ...config,
  services: ["Assessment", "Children in care"],
  teams: [
    { name: "Assessment Team 1", service: "Assessment", area: "" },
    { name: "CiC Team 1", service: "Children in care", area: "" },
  ],
};

describe("a team that is not one of its service's teams", () => {
  it("is an error naming the cell, and the row is left out", () => {
    const result = validateTable(table([visit("Assessment", "G", { Team: "CiC Team 1" })], withTeams), withTeams);
    expect(result.problems).toEqual([
      expect.objectContaining({
        cell: "E2",
        severity: "error",
        message: 'Team "CiC Team 1" is not one of the Assessment service\'s teams on the Lists sheet.',
      }),
    ]);
    expect(result.visits).toHaveLength(0);
    expect(result.excluded[0].reasons).toEqual(["E2: Team is not one of its service's teams."]);
  });

  it("is no problem for the service's own team, in any case", () => {
    const result = validateTable(table([visit("assessment", "G", { Team: "assessment team 1" })], withTeams), withTeams);
    expect(result.problems).toEqual([]);
    expect(result.visits).toHaveLength(1);
  });

  it("is not checked when the Lists sheet gives the service no teams", () => {
    const cfg: DiagnosticsConfig = { ...withTeams, services: [...withTeams.services, "Safeguarding"], teams: [...withTeams.teams, { name: "Loose team", service: "", area: "" }] };
    const result = validateTable(table([visit("Safeguarding", "G", { Team: "Loose team" })], cfg), cfg);
    expect(result.problems).toEqual([]);
  });
});

describe("a second visit of the same team on the same date", () => {
  it("is a warning on the later row naming both rows; both still count", () => {
    const rows = [visit("Assessment", "G", { Team: "North" }), visit("Assessment", "G"), visit("Assessment", "RI", { Team: "north " })];
    const result = validateTable(table(rows), config, undefined, { duplicates: true });
    expect(result.problems).toEqual([
      expect.objectContaining({
        cell: "B4",
        row: 4,
        severity: "warning",
        message: 'Rows 2 and 4 are both visits of team "north" on 07/08/2017: check this is not the same visit twice.',
      }),
    ]);
    expect(result.visits).toHaveLength(3);
  });

  it("is no problem on another date", () => {
    const rows = [visit("Assessment", "G", { Team: "North" }), visit("Assessment", "G", { Team: "North", "Visit date": 42955 })];
    expect(validateTable(table(rows), config, undefined, { duplicates: true }).problems).toEqual([]);
  });

  it("is not checked unless asked for (summaries)", () => {
    const rows = [visit("Assessment", "G", { Team: "North" }), visit("Assessment", "G", { Team: "North" })];
    expect(validateTable(table(rows), config).problems).toEqual([]);
  });
});

describe("a visit dated after today", () => {
  const rows = [visit("Assessment", "G", { "Visit date": 73051 })];

  it("is an error for a final visit, when today is given; today itself is fine", () => {
    const dated = [visit("Assessment", "G", { "Visit date": 73051 }), visit("Assessment", "G", { "Visit date": 46357 })];
    const result = validateTable(table(dated), config, undefined, { today: "2026-12-01" });
    expect(result.problems.map((p) => [p.cell, p.severity, p.message])).toEqual([
      ["B2", "error", "Visit date 01/01/2100 is after today (01/12/2026): check the cell holds the date of the visit."],
    ]);
    expect(result.excluded[0].reasons).toEqual(["B2: Visit date is after today."]);
    expect(result.visits.map((v) => v.visitDate)).toEqual(["2026-12-01"]);
  });

  it("is a warning for a draft, which may be a visit being planned", () => {
    const draft = [visit("Assessment", "", { Status: "Draft", "Visit date": 73051 })];
    const result = validateTable(table(draft), config, undefined, { today: "2026-12-01" });
    expect(result.problems.map((p) => p.severity)).toEqual(["warning"]);
    expect(result.drafts[0].visitDate).toBe("2100-01-01");
  });

  it("is not checked without today", () => {
    expect(validateTable(table(rows), config).problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("is what a planned visit is: no problem, and it stays in the programme with its date", () => {
    const planned = [visit("Assessment", "", { Status: "Planned", "Visit date": 73051 })];
    const result = validateTable(table(planned), config, undefined, { today: "2026-12-01" });
    expect(result.problems).toEqual([]);
    expect(result.planned?.map((p) => p.visitDate)).toEqual(["2100-01-01"]);
  });
});

describe("grades typed another way than the canonical form", () => {
  const typed = ["Outstanding", "Good", "RI/I", "Requires improvement", "ri"];
  const row = visit("Assessment", "G", {
    "Allocation and workload": typed[0],
    "Practice and direct work": typed[1],
    "Monitoring and supervision": typed[2],
    "Joint working": typed[3],
    "Overall conclusion": typed[4],
  });

  it("are warnings naming the cell and what each counts as, when spelling is asked for", () => {
    const result = validateTable(table([row]), config, undefined, { spelling: true });
    expect(result.problems.map((p) => `${p.cell} ${p.severity}: ${p.message}`)).toEqual([
      'I2 warning: Allocation and workload grade "Outstanding" counts as O; the scale writes it O (Tidy grades in the pane changes it to that).',
      'J2 warning: Practice and direct work grade "Good" counts as G; the scale writes it G (Tidy grades in the pane changes it to that).',
      'K2 warning: Monitoring and supervision grade "RI/I" counts as RI / I; the scale writes it RI / I (Tidy grades in the pane changes it to that).',
      'L2 warning: Joint working grade "Requires improvement" counts as RI; the scale writes it RI (Tidy grades in the pane changes it to that).',
      'M2 warning: Overall conclusion grade "ri" counts as RI; the scale writes it RI (Tidy grades in the pane changes it to that).',
    ]);
    expect(result.visits[0].grades).toEqual({ allocation: "O", practice: "G", monitoring: "RI / I", joint: "RI", overall: "RI" });
  });

  it("count without a word when spelling is not asked for (summaries)", () => {
    expect(validateTable(table([row]), config).problems).toEqual([]);
  });

  it("are the cells Tidy grades changes, and no others", () => {
    const fixes = gradeFixes(table([row, visit("Assessment", "G")]), config);
    expect(fixes).toEqual([
      { row: 2, column: 8, cell: "I2", from: "Outstanding", to: "O" },
      { row: 2, column: 9, cell: "J2", from: "Good", to: "G" },
      { row: 2, column: 10, cell: "K2", from: "RI/I", to: "RI / I" },
      { row: 2, column: 11, cell: "L2", from: "Requires improvement", to: "RI" },
      { row: 2, column: 12, cell: "M2", from: "ri", to: "RI" },
    ]);
  });
});
