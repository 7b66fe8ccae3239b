import fc from "fast-check";
import {
  OFSTED_SCALE,
  TrendVisit,
  ValidationResult,
  buildTrends,
  compileScale,
  defaultConfig,
  gradeChange,
  overallMovers,
  rollUp,
} from "../../src/domain";

const config = defaultConfig({ services: ["Safeguarding", "Assessment"] });
const compiled = compileScale(OFSTED_SCALE);
const L = {
  allocation: "Effectiveness of case allocation and workload management arrangements",
  practice: "Quality of practice and direct work with children and families including recording",
  monitoring: "Quality of performance monitoring and supervisory arrangements",
  joint: "Effectiveness of joint working between social care and other agencies",
  overall: "Overall conclusion",
};

let n = 0;
function v(service: string, team: string, date: string, round: string, g: string | Partial<Record<keyof typeof L, string>>, area = ""): TrendVisit {
  const all = typeof g === "string" ? { allocation: g, practice: g, monitoring: g, joint: g, overall: g } : g;
  return { visitId: `V${++n}`, service, team, area, date, round, grades: all as Record<string, string> };
}

// Round 1 blank (financial year 2017-18 stands in); round 2 typed as "2018-19".
const visits: TrendVisit[] = [
  v("Safeguarding", "Safeguarding 1", "2017-08-07", "", "RI", "North"),
  v("Safeguarding", "Safeguarding Two", "2017-09-12", "", "I", "South"),
  v("Safeguarding", "Safeguarding 3", "2017-10-03", "", "G", "North"),
  v("Assessment", "Assessment 1", "2017-11-20", "", "G", "North"),
  v("Assessment", "Assessment 2", "2017-12-01", "", { allocation: "G", practice: "G", monitoring: "G", joint: "No judgement", overall: "G" }, "South"),
  v("Safeguarding", "Safeguarding 1", "2018-09-10", "2018-19", { allocation: "G", practice: "I", monitoring: "RI", joint: "No judgement", overall: "G" }, "North"),
  v("Safeguarding", "Safeguarding North", "2018-09-11", "2018-19", "RI / I", "South"),
  v("Safeguarding", "safeguarding 3", "2018-10-01", "2018-19", "G / RI", "North"),
  v("Safeguarding", "Safeguarding 4", "2018-10-02", "2018-19", "RI", "North"),
  v("Assessment", "Assessment 2", "2018-11-05", "2018-19", "G", "South"),
];
const links = [{ service: "Safeguarding", team: "Safeguarding North", previouslyCalled: ["Safeguarding Two"] }];
const trends = buildTrends(visits, config, { links });

describe("gradeChange", () => {
  it("orders by the scale, a split between its two grades", () => {
    expect(gradeChange("RI", "G", compiled)).toBe("improved");
    expect(gradeChange("I", "RI / I", compiled)).toBe("improved");
    expect(gradeChange("RI / I", "RI", compiled)).toBe("improved");
    expect(gradeChange("G", "G / RI", compiled)).toBe("declined");
    expect(gradeChange("RI", "RI", compiled)).toBe("same");
    expect(gradeChange("No judgement", "G", compiled)).toBe("not comparable");
    expect(gradeChange("G", "No judgement", compiled)).toBe("not comparable");
    expect(gradeChange(undefined, "G", compiled)).toBe("not comparable");
  });
  it("is antisymmetric", () => {
    const codes = compiled.categories.map((c) => c.code);
    const flip = { improved: "declined", declined: "improved", same: "same", "not comparable": "not comparable", new: "new" };
    fc.assert(
      fc.property(fc.constantFrom(...codes), fc.constantFrom(...codes), (a, b) => {
        expect(gradeChange(b, a, compiled)).toBe(flip[gradeChange(a, b, compiled)]);
      }),
    );
  });
});

describe("trends --json on two rounds", () => {
  it("orders rounds by date", () => {
    expect(trends.rounds).toEqual(["2017-18", "2018-19"]);
  });

  it("gives each team its visits in order and every kind of change, following a rename", () => {
    const byTeam = Object.fromEntries(trends.teams.map((t) => [t.team, t.change]));
    expect(trends.teams.map((t) => [t.service, t.team, t.visits.map((x) => x.round)])).toEqual([
      ["Safeguarding", "Safeguarding 1", ["2017-18", "2018-19"]],
      ["Safeguarding", "Safeguarding 3", ["2017-18", "2018-19"]],
      ["Safeguarding", "Safeguarding 4", ["2018-19"]],
      ["Safeguarding", "Safeguarding North", ["2017-18", "2018-19"]],
      ["Assessment", "Assessment 1", ["2017-18"]],
      ["Assessment", "Assessment 2", ["2017-18", "2018-19"]],
    ]);
    expect(byTeam["Safeguarding 1"]).toEqual({
      [L.allocation]: "improved",
      [L.practice]: "declined",
      [L.monitoring]: "same",
      [L.joint]: "not comparable",
      [L.overall]: "improved",
    });
    expect(Object.values(byTeam["Safeguarding North"])).toEqual(Array(5).fill("improved"));
    expect(Object.values(byTeam["Safeguarding 3"])).toEqual(Array(5).fill("declined"));
    expect(Object.values(byTeam["Safeguarding 4"])).toEqual(Array(5).fill("new"));
    expect(byTeam["Assessment 2"][L.joint]).toBe("not comparable");
    expect(byTeam["Assessment 2"][L.overall]).toBe("same");
    const kinds = new Set(trends.teams.flatMap((t) => Object.values(t.change)));
    expect(kinds).toEqual(new Set(["improved", "declined", "same", "new", "not comparable"]));
    expect(trends.teams[0].visits[1]).toEqual({
      visitId: "V6",
      round: "2018-19",
      date: "2018-09-10",
      grades: { [L.allocation]: "G", [L.practice]: "I", [L.monitoring]: "RI", [L.joint]: "No judgement", [L.overall]: "G" },
    });
  });

  it("puts each round's published table side by side, with the threshold count", () => {
    if (!("services" in trends)) throw new Error("expected services");
    const sg = trends.services[0];
    expect(sg.service).toBe("Safeguarding");
    expect(sg.rounds.map((r) => [r.round, r.visits, r.atOrAboveThreshold])).toEqual([
      ["2017-18", 3, 1],
      ["2018-19", 4, 1],
    ]);
    expect(sg.rounds[0].rows[4]).toEqual({
      domain: L.overall,
      headline: "I",
      tie: true,
      counts: { G: 1, RI: 1, I: 1 },
      text: "Inadequate (1 x G, 1 x RI, 1 x I; tie, lower grade shown)",
    });
    expect(sg.rounds[1].rows[3]).toEqual({
      domain: L.joint,
      headline: "RI / I",
      tie: true,
      counts: { "G / RI": 1, RI: 1, "RI / I": 1, "No judgement": 1 },
      text: "RI / I (1 x G / RI, 1 x RI, 1 x RI / I, 1 x no judgement; tie, lower grade shown)",
    });
    const as = trends.services[1];
    expect(as.rounds.map((r) => [r.round, r.visits, r.atOrAboveThreshold, r.rows[4].text])).toEqual([
      ["2017-18", 2, 2, "Good (2 x G)"],
      ["2018-19", 1, 1, "Good (1 x G)"],
    ]);
    expect(JSON.stringify(Object.keys(trends))).toBe('["rounds","services","teams","problems"]');
  });

  it("agrees cell for cell with rollUp for each round", () => {
    if (!("services" in trends)) throw new Error("expected services");
    for (const round of trends.rounds) {
      const validation: ValidationResult = {
        visits: visits
          .filter((x) => (x.round || "2017-18") === round)
          .map((x, i) => ({ row: i + 2, visitId: x.visitId, visitDate: x.date, round, service: x.service, team: x.team, area: x.area ?? "", grades: x.grades })),
        drafts: [],
        excluded: [],
        problems: [],
      };
      const summary = rollUp(validation, config);
      for (const group of summary.groups) {
        const mine = trends.services.find((s) => s.service === group.name)!.rounds.find((r) => r.round === round)!;
        expect(mine.rows.map((r) => r.text)).toEqual(group.rows.map((r) => r.text));
        expect(mine.visits).toBe(group.visits);
      }
    }
  });

  it("groups by area with area keys", () => {
    const t = buildTrends(visits, config, { links, by: "area" });
    if (!("areas" in t)) throw new Error("expected areas");
    expect(t.areas.map((a) => [a.area, a.rounds.map((r) => r.visits)])).toEqual([
      ["North", [3, 3]],
      ["South", [2, 2]],
    ]);
    expect(JSON.stringify(Object.keys(t))).toBe('["rounds","areas","teams","problems"]');
  });

  it("lists the teams whose overall improved and declined", () => {
    const m = overallMovers(trends, L.overall);
    expect(m.improved.map((t) => t.team)).toEqual(["Safeguarding 1", "Safeguarding North"]);
    expect(m.declined.map((t) => t.team)).toEqual(["Safeguarding 3"]);
  });

  it("never depends on row order", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(visits, { minLength: visits.length, maxLength: visits.length }), (shuffled) => {
        expect(buildTrends(shuffled, config, { links })).toEqual(trends);
      }),
      { numRuns: 30 },
    );
  });

  it("counts the lowest domain against the threshold when there is no overall column", () => {
    const noOverall = defaultConfig({ overall: null, services: [] });
    const t = buildTrends([v("S", "T", "2018-01-01", "1", { allocation: "G", practice: "G", monitoring: "O", joint: "G" }), v("S", "U", "2018-01-02", "1", { allocation: "G", practice: "RI" })], noOverall);
    if (!("services" in t)) throw new Error("expected services");
    expect(t.services[0].rounds[0].atOrAboveThreshold).toBe(1);
    expect(t.services[0].rounds[0].rows).toHaveLength(4);
  });
});

describe("visits with no team", () => {
  it("count in the service table but make no team row", () => {
    const t = buildTrends([v("S", "", "2018-01-01", "1", "G"), v("S", "T", "2018-01-02", "1", "RI")], defaultConfig({ services: [] }));
    if (!("services" in t)) throw new Error("expected services");
    expect(t.services[0].rounds[0].visits).toBe(2);
    expect(t.teams.map((x) => x.team)).toEqual(["T"]);
  });
});
