import { promises as fs } from "fs";
import * as path from "path";
import { localToday } from "../../src/cli/programme";
import { cli, tempDir, visit, writeXlsx } from "./fixtures";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const none: [string, string, string, string, string] = ["", "", "", "", ""];

async function programmeFile(lists: { headers: string[]; rows: Record<string, unknown>[] }): Promise<string> {
  const dir = await tempDir();
  const file = path.join(dir, "programme.xlsx");
  const rows = [
    visit("Safeguarding", ["RI", "RI", "RI", "RI", "RI"], { Team: "Team A", "Visit date": day("2018-01-15") }),
    visit("Safeguarding", ["I", "I", "I", "I", "I"], { Team: "Team B", "Visit date": day("2018-01-15") }),
    // Planned after Team B's due date: shown, but Team B is still overdue.
    visit("Safeguarding", none, { Team: "Team B", "Visit date": day("2018-07-20"), Status: "Planned" }),
    // 31 August + 6 months = 28 February; planned before that, but on 30 June that plan has lapsed (no visit
    // recorded on or since its day): overdue, with the planned date still shown.
    visit("Assessment", ["G", "G", "RI", "G", "RI"], { Team: "Team C", "Visit date": day("2017-08-31") }),
    visit("Assessment", none, { Team: "Team C", "Visit date": day("2018-02-20"), Status: "planned" }),
    visit("Assessment", ["G", "G", "G", "G", "G"], { Team: "Team E", "Visit date": day("2018-03-01") }),
  ];
  await writeXlsx(file, [{ rows }, { name: "Lists", headers: lists.headers, rows: lists.rows }]);
  return file;
}

const teamsOnly = {
  headers: ["Teams", "Team service", "Team area"],
  rows: [
    ...["A", "B"].map((t) => ({ Teams: `Team ${t}`, "Team service": "Safeguarding", "Team area": "North" })),
    ...["C", "E"].map((t) => ({ Teams: `Team ${t}`, "Team service": "Assessment", "Team area": "North" })),
    { Teams: "Team D", "Team service": "Family support", "Team area": "North" },
  ],
};

describe("programme", () => {
  it("prints exactly the issue's JSON, with teams on the Lists sheet that were never visited", async () => {
    const file = await programmeFile(teamsOnly);
    const before = await fs.readFile(file);
    const result = await cli("programme", file, "--json", "--today", "30/06/2018");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      today: "2018-06-30",
      teams: [
        { service: "Assessment", team: "Team C", lastVisit: "2017-08-31", lastOverall: "RI", nextDue: "2018-02-28", planned: "2018-02-20", status: "overdue" },
        { service: "Assessment", team: "Team E", lastVisit: "2018-03-01", lastOverall: "G", nextDue: "2019-03-01", planned: null, status: "not due" },
        { service: "Family support", team: "Team D", lastVisit: null, lastOverall: null, nextDue: null, planned: null, status: "never visited" },
        { service: "Safeguarding", team: "Team A", lastVisit: "2018-01-15", lastOverall: "RI", nextDue: "2018-07-15", planned: null, status: "due soon" },
        { service: "Safeguarding", team: "Team B", lastVisit: "2018-01-15", lastOverall: "I", nextDue: "2018-04-15", planned: "2018-07-20", status: "overdue" },
      ],
    });
    expect(Object.keys(JSON.parse(result.stdout).teams[0])).toEqual(["service", "team", "lastVisit", "lastOverall", "nextDue", "planned", "status"]);
    expect(await fs.readFile(file)).toEqual(before);
  });

  it("follows the revisit months set on the Lists sheet", async () => {
    const file = await programmeFile({
      headers: ["Revisit grade", "Revisit months"],
      rows: [
        { "Revisit grade": "O", "Revisit months": 18 },
        { "Revisit grade": "G", "Revisit months": 18 },
        { "Revisit grade": "RI", "Revisit months": 9 },
        { "Revisit grade": "I", "Revisit months": 4 },
      ],
    });
    const doc = JSON.parse((await cli("programme", file, "--json", "--today", "2018-06-30")).stdout);
    const due = Object.fromEntries(doc.teams.map((t: { team: string; nextDue: string }) => [t.team, t.nextDue]));
    expect(due).toEqual({ "Team A": "2018-10-15", "Team B": "2018-05-15", "Team C": "2018-05-31", "Team E": "2019-09-01" });
  });

  it("prints British dates on the terminal, and defaults --today to the day it runs", async () => {
    const file = await programmeFile(teamsOnly);
    const text = (await cli("programme", file, "--today", "30/06/2018")).stdout;
    expect(text).toContain("Programme of visits on 30/06/2018: 5 teams (2 overdue, 1 due soon, 1 not due, 1 never visited).");
    expect(text.split("\n").find((l) => l.includes("Team B"))).toMatch(/^Safeguarding\s+Team B\s+15\/01\/2018\s+I\s+15\/04\/2018\s+20\/07\/2018\s+overdue$/);
    expect(text.split("\n").find((l) => l.includes("Team D"))).toMatch(/^Family support\s+Team D\s+-\s+-\s+-\s+-\s+never visited$/);
    const today = JSON.parse((await cli("programme", file, "--json")).stdout).today;
    expect(today).toBe(localToday());
    expect((await cli("programme", file, "--today", "31/02/2018")).code).toBe(2);
  });
});

describe("programme, with rows it cannot count", () => {
  it("says under the table that rows left out with problems and drafts are not in it, so 'never visited' is read with care", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "left-out.xlsx");
    const rows = [
      visit("Safeguarding", ["RI", "RI", "RI", "RI", "RI"], { Team: "Team A", "Visit date": day("2018-01-15") }),
      // Team D's only visit has a grade not on the scale: left out, so Team D reads as never visited.
      visit("Family support", ["G", "G", "Requires Imprvement", "G", "G"], { Team: "Team D", "Visit date": day("2018-04-10") }),
      visit("Safeguarding", none, { Team: "Team B", "Visit date": day("2018-02-01"), Status: "Draft" }),
    ];
    await writeXlsx(file, [{ rows }]);
    const text = (await cli("programme", file, "--today", "30/06/2018")).stdout;
    expect(text).toContain("Not in the programme: 1 row left out with problems and 1 draft. A team whose latest visit is among them shows an older visit, or none.");
    const json = JSON.parse((await cli("programme", file, "--json", "--today", "30/06/2018")).stdout);
    expect(Object.keys(json)).toEqual(["today", "teams"]);
  });

  it("says nothing more when every row is counted", async () => {
    const text = (await cli("programme", await programmeFile(teamsOnly), "--today", "30/06/2018")).stdout;
    expect(text).not.toContain("Not in the programme");
  });
});

it("marks a planned date whose day has passed", async () => {
  const text = (await cli("programme", await programmeFile(teamsOnly), "--today", "30/06/2018")).stdout;
  // Team C's plan on 20/02/2018 has lapsed; Team B's on 20/07/2018 is still ahead.
  expect(text).toMatch(/^Assessment +Team C +31\/08\/2017 +RI +28\/02\/2018 +20\/02\/2018 \(passed\) +overdue$/m);
  expect(text).toMatch(/^Safeguarding +Team B +15\/01\/2018 +I +15\/04\/2018 +20\/07\/2018 +overdue$/m);
});
