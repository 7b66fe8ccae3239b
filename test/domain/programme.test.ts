import fc from "fast-check";
import {
  OFSTED_SCALE,
  ProgrammeVisit,
  byUrgency,
  compileScale,
  decidingGrade,
  intervalFor,
  programme,
  DEFAULT_INTERVALS,
  addDays,
} from "../../src/domain";

const compiled = compileScale(OFSTED_SCALE);
const cat = (code: string) => compiled.byCode.get(code)!;
const done = (team: string, date: string, overall: string | null, service = "Safeguarding"): ProgrammeVisit => ({
  service,
  team,
  date,
  planned: false,
  overall,
});
const plan = (team: string, date: string, service = "Safeguarding"): ProgrammeVisit => ({ service, team, date, planned: true });

describe("intervals", () => {
  it.each([
    ["O", 12],
    ["G", 12],
    ["RI", 6],
    ["I", 3],
    ["O / G", 12],
    ["G / RI", 6],
    ["RI / I", 3],
    ["No judgement", 3],
  ])("%s → %i months", (code, months) => {
    expect(intervalFor(cat(code), compiled, DEFAULT_INTERVALS)).toBe(months);
  });
  it("takes the shortest for no grade at all, and follows the council's settings", () => {
    expect(intervalFor(null, compiled, DEFAULT_INTERVALS)).toBe(3);
    expect(intervalFor(cat("G / RI"), compiled, { O: 24, G: 18, RI: 9, I: 4 })).toBe(9);
    expect(intervalFor(null, compiled, { O: 24, G: 18, RI: 9, I: 4 })).toBe(4);
  });
  it("uses the lowest domain grade when there is no overall column", () => {
    const v = { grades: { a: "G", b: "RI / I", c: "No judgement", d: "O" } };
    expect(decidingGrade(v, compiled, false)?.code).toBe("RI / I");
    expect(intervalFor(decidingGrade(v, compiled, false), compiled, DEFAULT_INTERVALS)).toBe(3);
    expect(decidingGrade({ grades: { a: "No judgement" } }, compiled, false)).toBeNull();
  });
});

describe("programme --json", () => {
  const today = "2018-06-30";
  const visits: ProgrammeVisit[] = [
    // RI on 15 Jan: due 15 Jul; nothing planned, within 30 days → due soon.
    done("Safeguarding 1", "2018-01-15", "RI"),
    // I on 15 Jan: due 15 Apr, passed → overdue; a planned visit after the due date does not rescue it.
    done("Safeguarding 2", "2018-01-15", "I"),
    plan("Safeguarding 2", "2018-07-20"),
    // RI / I on 31 Mar: due 30 Jun (3 months, clamped), planned on 30 Jun, today → planned.
    done("Safeguarding 3", "2018-03-31", "RI / I"),
    plan("Safeguarding 3", "2018-06-30"),
    // G on 31 Aug 2017: due 31 Aug 2018 → not due. An older visit is ignored.
    done("Safeguarding 4", "2016-05-01", "I"),
    done("safeguarding 4 ", "2017-08-31", "G"),
    // Planned before the last visit does not count as planned.
    done("Safeguarding 5", "2017-12-30", "RI"),
    plan("Safeguarding 5", "2017-11-01"),
    // No judgement overall: shortest interval, due 1 Jun → overdue.
    done("Assessment 1", "2018-03-01", "No judgement", "Assessment"),
    // Only planned: never visited, with its planned date.
    plan("Assessment 2", "2018-09-01", "Assessment"),
  ];
  const json = programme(visits, {
    today,
    compiled,
    hasOverall: true,
    teams: [
      { service: "Assessment", name: "Assessment 3" },
      { service: "Safeguarding", name: "Safeguarding 1" },
    ],
    serviceOrder: ["Assessment", "Safeguarding"],
  });

  it("gives every team, visited or not, in the exact JSON shape", () => {
    expect(JSON.stringify(json)).toBe(
      JSON.stringify({
        today: "2018-06-30",
        teams: [
          { service: "Assessment", team: "Assessment 1", lastVisit: "2018-03-01", lastOverall: "No judgement", nextDue: "2018-06-01", planned: null, status: "overdue" },
          { service: "Assessment", team: "Assessment 2", lastVisit: null, lastOverall: null, nextDue: null, planned: "2018-09-01", status: "never visited" },
          { service: "Assessment", team: "Assessment 3", lastVisit: null, lastOverall: null, nextDue: null, planned: null, status: "never visited" },
          { service: "Safeguarding", team: "Safeguarding 1", lastVisit: "2018-01-15", lastOverall: "RI", nextDue: "2018-07-15", planned: null, status: "due soon" },
          { service: "Safeguarding", team: "Safeguarding 2", lastVisit: "2018-01-15", lastOverall: "I", nextDue: "2018-04-15", planned: "2018-07-20", status: "overdue" },
          { service: "Safeguarding", team: "Safeguarding 3", lastVisit: "2018-03-31", lastOverall: "RI / I", nextDue: "2018-06-30", planned: "2018-06-30", status: "planned" },
          { service: "Safeguarding", team: "Safeguarding 4", lastVisit: "2017-08-31", lastOverall: "G", nextDue: "2018-08-31", planned: null, status: "not due" },
          { service: "Safeguarding", team: "Safeguarding 5", lastVisit: "2017-12-30", lastOverall: "RI", nextDue: "2018-06-30", planned: null, status: "due soon" },
        ],
      }),
    );
  });
  it("covers every status", () => {
    expect(new Set(json.teams.map((t) => t.status))).toEqual(new Set(["overdue", "planned", "due soon", "not due", "never visited"]));
  });
  it("is due on the day itself, overdue the day after", () => {
    const one = [done("T", "2018-01-15", "RI")];
    expect(programme(one, { today: "2018-07-15", compiled, hasOverall: true }).teams[0].status).toBe("due soon");
    expect(programme(one, { today: "2018-07-16", compiled, hasOverall: true }).teams[0].status).toBe("overdue");
    expect(programme(one, { today: "2018-06-15", compiled, hasOverall: true }).teams[0].status).toBe("due soon");
    expect(programme(one, { today: "2018-06-14", compiled, hasOverall: true }).teams[0].status).toBe("not due");
  });
  it("counts a planned visit whose day has passed with no visit recorded as no plan: a lapsed plan never hides an overdue team", () => {
    const vs = [done("T", "2018-02-20", "G"), plan("T", "2019-01-15")]; // due 20/02/2019, planned 15/01/2019
    const on = (day: string) => programme(vs, { today: day, compiled, hasOverall: true }).teams[0];
    expect(on("2019-01-15")).toMatchObject({ planned: "2019-01-15", status: "planned" }); // the day itself
    expect(on("2019-01-16")).toMatchObject({ planned: "2019-01-15", status: "not due" }); // lapsed; due in 35 days
    expect(on("2019-01-25")).toMatchObject({ planned: "2019-01-15", status: "due soon" });
    expect(on("2019-03-01")).toMatchObject({ planned: "2019-01-15", status: "overdue" });
  });
  it("takes a re-booked visit over the lapsed plan it replaces, and shows the lapsed one only when nothing is booked", () => {
    const vs = [done("T", "2018-02-20", "G"), plan("T", "2019-01-15"), plan("T", "2019-02-10")]; // due 20/02/2019
    const on = (day: string) => programme(vs, { today: day, compiled, hasOverall: true }).teams[0];
    expect(on("2019-01-20")).toMatchObject({ planned: "2019-02-10", status: "planned" });
    expect(on("2019-02-10")).toMatchObject({ planned: "2019-02-10", status: "planned" });
    // Both passed: the later one is shown, the status follows the due date.
    expect(on("2019-02-11")).toMatchObject({ planned: "2019-02-10", status: "due soon" });
  });
  it("without an overall column, reports no overall and lets the lowest domain decide", () => {
    const v: ProgrammeVisit = { service: "S", team: "T", date: "2018-01-15", planned: false, grades: { a: "G", b: "I" } };
    expect(programme([v], { today, compiled, hasOverall: false }).teams[0]).toMatchObject({ lastOverall: null, nextDue: "2018-04-15" });
  });
  it("orders by urgency for the pane", () => {
    expect(byUrgency(json.teams).map((t) => t.status)).toEqual([
      "overdue",
      "overdue",
      "due soon",
      "due soon",
      "never visited",
      "never visited",
      "planned",
      "not due",
    ]);
    expect(byUrgency(json.teams)[0].team).toBe("Safeguarding 2");
  });
});

describe("programme properties", () => {
  const codes = compiled.categories.map((c) => c.code);
  it("due date follows the grade, and the status follows the dates", () => {
    // Property: whatever the grade, dates and plan, the row obeys the rules stated in issue 11.
    const day = (base: number) => fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2017, 0, 1 + base + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...codes, null), day(0), fc.option(day(0), { nil: null }), day(0), (overall, last, plannedOn, today) => {
        const vs: ProgrammeVisit[] = [done("T", last, overall)];
        if (plannedOn) vs.push(plan("T", plannedOn));
        const [row] = programme(vs, { today, compiled, hasOverall: true }).teams;
        expect(row.nextDue! > last).toBe(true);
        const planned = plannedOn && plannedOn > last ? plannedOn : null;
        expect(row.planned).toBe(planned);
        if (planned && planned <= row.nextDue! && planned >= today) expect(row.status).toBe("planned");
        else if (row.nextDue! < today) expect(row.status).toBe("overdue");
        else expect(row.status).toBe(row.nextDue! <= addDays(today, 30) ? "due soon" : "not due");
      }),
    );
  });
});
