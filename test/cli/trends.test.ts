import { promises as fs } from "fs";
import * as path from "path";
import { readDocx } from "../report/docxText";
import { Row, cli, tempDir, writeXlsx } from "./fixtures";

/**
 * Issue 12: `trends` on a workbook of two rounds in which every kind of change occurs and a team was renamed
 * ("East 1" became "Hub East", linked on the Lists sheet). Round 1 is blank, so its financial year stands in.
 */
const L = {
  allocation: "Effectiveness of case allocation and workload management arrangements",
  practice: "Quality of practice and direct work with children and families including recording",
  monitoring: "Quality of performance monitoring and supervisory arrangements",
  joint: "Effectiveness of joint working between social care and other agencies",
  overall: "Overall conclusion",
};
const SHORT = ["Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"];

function row(id: string, date: string, round: string, service: string, team: string, area: string, grades: string[]): Row {
  const [y, m, d] = date.split("-").map(Number);
  return {
    "Visit ID": id,
    "Visit date": new Date(Date.UTC(y, m - 1, d)),
    Round: round,
    Service: service,
    Team: team,
    Area: area,
    "Team manager": "A. Manager",
    "Diagnostic team": "B. Reviewer",
    ...Object.fromEntries(SHORT.map((h, i) => [h, grades[i]])),
    Strengths: "Narrative that must never reach the trends.",
    "Areas for improvement": "More narrative.",
    Status: "Final",
  };
}

const ROWS: Row[] = [
  row("TD-001", "2017-06-05", "", "Safeguarding", "East 1", "North", ["RI", "RI", "RI", "RI", "RI"]),
  row("TD-002", "2017-07-10", "", "Safeguarding", "West", "South", ["G", "G", "G", "G", "G"]),
  row("TD-003", "2017-09-04", "", "Safeguarding", "Central", "North", ["RI", "RI", "RI", "RI", "RI"]),
  row("TD-004", "2017-10-02", "", "Assessment", "Intake", "South", ["RI/I", "RI / I", "RI/I", "I", "I"]),
  row("TD-005", "2018-06-04", "2018-19", "Safeguarding", "Hub East", "North", ["G", "I", "RI", "No judgement", "G"]),
  row("TD-006", "2018-07-09", "2018-19", "Safeguarding", "west", "South", ["RI / I", "RI / I", "RI / I", "RI / I", "RI"]),
  row("TD-007", "2018-09-03", "2018-19", "Assessment", "Intake", "South", ["RI", "RI", "RI", "G", "RI"]),
  row("TD-008", "2018-10-01", "2018-19", "Assessment", "Duty", "North", ["G", "G", "G", "G", "G"]),
  row("TD-009", "2018-10-15", "2018-19", "Assessment", "Duty", "North", ["Gd", "G", "G", "G", "G"]),
];

const LISTS = {
  name: "Lists",
  headers: ["Teams", "Team service", "Previously called"],
  // Every team is on the list; "East 1", the old name, only as Hub East's "Previously called", so not warned about.
  rows: [
    { Teams: "Hub East", "Team service": "Safeguarding", "Previously called": "East 1" },
    ...["West", "Central"].map((t) => ({ Teams: t, "Team service": "Safeguarding" })),
    ...["Intake", "Duty"].map((t) => ({ Teams: t, "Team service": "Assessment" })),
  ],
};

const grades = (g: string[]) => Object.fromEntries(Object.values(L).map((label, i) => [label, g[i]]));
const change = (c: string[]) => Object.fromEntries(Object.values(L).map((label, i) => [label, c[i]]));
const all = (c: string) => change([c, c, c, c, c]);
const tableRow = (domain: string, headline: string, tie: boolean, counts: Record<string, number>, text: string) => ({ domain, headline, tie, counts, text });

const ASSESSMENT = [
  {
    round: "2017-18",
    visits: 1,
    atOrAboveThreshold: 0,
    rows: [
      tableRow(L.allocation, "RI / I", false, { "RI / I": 1 }, "RI / I (1 x RI / I)"),
      tableRow(L.practice, "RI / I", false, { "RI / I": 1 }, "RI / I (1 x RI / I)"),
      tableRow(L.monitoring, "RI / I", false, { "RI / I": 1 }, "RI / I (1 x RI / I)"),
      tableRow(L.joint, "I", false, { I: 1 }, "I (1 x I)"),
      tableRow(L.overall, "I", false, { I: 1 }, "Inadequate (1 x I)"),
    ],
  },
  {
    round: "2018-19",
    visits: 2,
    atOrAboveThreshold: 1,
    rows: [
      tableRow(L.allocation, "RI", true, { G: 1, RI: 1 }, "RI (1 x G, 1 x RI; tie, lower grade shown)"),
      tableRow(L.practice, "RI", true, { G: 1, RI: 1 }, "RI (1 x G, 1 x RI; tie, lower grade shown)"),
      tableRow(L.monitoring, "RI", true, { G: 1, RI: 1 }, "RI (1 x G, 1 x RI; tie, lower grade shown)"),
      tableRow(L.joint, "G", false, { G: 2 }, "G (2 x G)"),
      tableRow(L.overall, "RI", true, { G: 1, RI: 1 }, "Requires Improvement (1 x G, 1 x RI; tie, lower grade shown)"),
    ],
  },
];

const SAFEGUARDING = [
  {
    round: "2017-18",
    visits: 3,
    atOrAboveThreshold: 1,
    rows: [
      tableRow(L.allocation, "RI", false, { RI: 2, G: 1 }, "RI (2 x RI, 1 x G)"),
      tableRow(L.practice, "RI", false, { RI: 2, G: 1 }, "RI (2 x RI, 1 x G)"),
      tableRow(L.monitoring, "RI", false, { RI: 2, G: 1 }, "RI (2 x RI, 1 x G)"),
      tableRow(L.joint, "RI", false, { RI: 2, G: 1 }, "RI (2 x RI, 1 x G)"),
      tableRow(L.overall, "RI", false, { RI: 2, G: 1 }, "Requires Improvement (2 x RI, 1 x G)"),
    ],
  },
  {
    round: "2018-19",
    visits: 2,
    atOrAboveThreshold: 1,
    rows: [
      tableRow(L.allocation, "RI / I", true, { G: 1, "RI / I": 1 }, "RI / I (1 x G, 1 x RI / I; tie, lower grade shown)"),
      tableRow(L.practice, "I", true, { "RI / I": 1, I: 1 }, "I (1 x RI / I, 1 x I; tie, lower grade shown)"),
      tableRow(L.monitoring, "RI / I", true, { RI: 1, "RI / I": 1 }, "RI / I (1 x RI, 1 x RI / I; tie, lower grade shown)"),
      tableRow(L.joint, "RI / I", false, { "RI / I": 1, "No judgement": 1 }, "RI / I (1 x RI / I, 1 x no judgement)"),
      tableRow(L.overall, "RI", true, { G: 1, RI: 1 }, "Requires Improvement (1 x G, 1 x RI; tie, lower grade shown)"),
    ],
  },
];

const TEAMS = [
  {
    service: "Assessment",
    team: "Duty",
    visits: [{ visitId: "TD-008", round: "2018-19", date: "2018-10-01", grades: grades(["G", "G", "G", "G", "G"]) }],
    change: all("new"),
  },
  {
    service: "Assessment",
    team: "Intake",
    visits: [
      { visitId: "TD-004", round: "2017-18", date: "2017-10-02", grades: grades(["RI / I", "RI / I", "RI / I", "I", "I"]) },
      { visitId: "TD-007", round: "2018-19", date: "2018-09-03", grades: grades(["RI", "RI", "RI", "G", "RI"]) },
    ],
    change: all("improved"),
  },
  {
    service: "Safeguarding",
    team: "Central",
    visits: [{ visitId: "TD-003", round: "2017-18", date: "2017-09-04", grades: grades(["RI", "RI", "RI", "RI", "RI"]) }],
    change: all("new"),
  },
  {
    service: "Safeguarding",
    team: "Hub East",
    visits: [
      { visitId: "TD-001", round: "2017-18", date: "2017-06-05", grades: grades(["RI", "RI", "RI", "RI", "RI"]) },
      { visitId: "TD-005", round: "2018-19", date: "2018-06-04", grades: grades(["G", "I", "RI", "No judgement", "G"]) },
    ],
    change: change(["improved", "declined", "same", "not comparable", "improved"]),
  },
  {
    service: "Safeguarding",
    team: "West",
    visits: [
      { visitId: "TD-002", round: "2017-18", date: "2017-07-10", grades: grades(["G", "G", "G", "G", "G"]) },
      { visitId: "TD-006", round: "2018-19", date: "2018-07-09", grades: grades(["RI / I", "RI / I", "RI / I", "RI / I", "RI"]) },
    ],
    change: all("declined"),
  },
];

const PROBLEMS = [
  {
    sheet: "Diagnostics",
    row: 10,
    column: "Allocation and workload",
    cell: "I10",
    message: '"Gd" is not a grade on the Ofsted four-point scale (O, O / G, G, G / RI, RI, RI / I, I, No judgement).',
  },
];

jest.setTimeout(30_000);

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, "two-rounds.xlsx");
  await writeXlsx(file, [{ rows: ROWS }, LISTS]);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("trends --json on two rounds", () => {
  it("gives the tables per round, every kind of change and the renamed team, exactly", async () => {
    const result = await cli("trends", file, "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      rounds: ["2017-18", "2018-19"],
      services: [
        { service: "Assessment", rounds: ASSESSMENT },
        { service: "Safeguarding", rounds: SAFEGUARDING },
      ],
      teams: TEAMS,
      problems: PROBLEMS,
    });
    expect(result.stdout).not.toMatch(/narrative/i);
    expect(result.stderr).toMatch(/1 problem in two-rounds\.xlsx/);
  });

  it("by area: the keys are areas and area, the teams the same", async () => {
    const result = await cli("trends", file, "--json", "--by", "area");
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(["rounds", "areas", "teams", "problems"]);
    expect(json.areas.map((a: { area: string; rounds: { round: string; visits: number; atOrAboveThreshold: number }[] }) => [
      a.area,
      a.rounds.map((r) => [r.round, r.visits, r.atOrAboveThreshold]),
    ])).toEqual([
      ["North", [["2017-18", 2, 0], ["2018-19", 2, 2]]],
      ["South", [["2017-18", 2, 1], ["2018-19", 2, 0]]],
    ]);
    expect(json.teams).toEqual(TEAMS);
  });

  it("without the Lists link the renamed team is two teams, each new", async () => {
    const unlinked = path.join(dir, "unlinked.xlsx");
    await writeXlsx(unlinked, [{ rows: ROWS }]);
    const json = JSON.parse((await cli("trends", unlinked, "--json")).stdout);
    const names = json.teams.map((t: { team: string; change: Record<string, string> }) => [t.team, t.change[L.overall]]);
    expect(names).toEqual([["Duty", "new"], ["Intake", "improved"], ["Central", "new"], ["East 1", "new"], ["Hub East", "new"], ["West", "declined"]]);
  });

  it("prints the rounds side by side as text, and --strict exits 1 on the problem", async () => {
    const result = await cli("trends", file, "--strict");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Rounds, earliest first: 2017-18, 2018-19.");
    expect(result.stdout).toMatch(/\| Quality domain +\| Grading 2017-18 +\| Grading 2018-19 +\|/);
    expect(result.stdout).toMatch(/\| At or above good +\| 1 of 3 +\| 1 of 2 +\|/);
    expect(result.stdout).toContain("Safeguarding: Hub East");
    expect(result.stdout).toContain(`  - ${L.practice}: declined`);
    expect(result.stdout).not.toMatch(/narrative/i);
  });
});

describe("the Word report of two rounds", () => {
  it("opens with key findings and the picture at a glance, and has the progress section with the teams that moved", async () => {
    const out = path.join(dir, "report.docx");
    const result = await cli("report", file, "-o", out);
    expect(result.code).toBe(0);
    const docx = await readDocx(await fs.readFile(out));
    const text = docx.paragraphs.map((p) => p.text).join("\n");
    const at = (s: string) => text.indexOf(s);
    expect(at("Key findings")).toBeGreaterThan(0);
    expect(at("Key findings")).toBeLessThan(at("At a glance"));
    expect(at("At a glance")).toBeLessThan(at("What the figures cover"));
    expect(text).toContain("In 2018-19, as many teams were graded as good and as requires improvement (2 of 4 each). (See At a glance: Overall conclusion column (2018-19).)");
    // At a glance: the first table, services by domains, the overall column last, latest round with arrows.
    expect(docx.tables[0].map((r) => r.map((c) => c.text))).toEqual([
      ["Service", ...SHORT],
      ["Assessment", "RI (2) ▲", "RI (2) ▲", "RI (2) ▲", "G (2) ▲", "RI (2) ▲"],
      ["Safeguarding", "RI / I (2) ▼", "I (2) ▼", "RI / I (2) ▼", "RI / I (2) ▼", "RI (2) ="],
    ]);
    expect(text).toContain("Progress since the last round");
    expect(text).toContain("Improved (2): Intake (Assessment), Hub East (Safeguarding).");
    expect(text).toContain("Declined (1): West (Safeguarding).");
    expect(at("Progress since the last round")).toBeGreaterThan(at("Findings by service"));
    // Every figure, the progress one too, is captioned in Word's Caption style.
    const captions = docx.paragraphs.filter((p) => /^Figure \d+: /.test(p.text));
    expect(captions.map((p) => p.text)).toContain("Figure 3: visits at or above good per service and round (number of visits)");
    expect(captions.map((p) => p.style)).toEqual(captions.map(() => "Caption"));
    expect(text).not.toMatch(/narrative/i);
  });
});
