import { canonicalRound, orderRounds, roundOf, teamIdentity, validateTable } from "../../src/domain";
import { config, table, visit } from "./helpers";

describe("rounds", () => {
  it("takes Round as typed, or the financial year with a flag", () => {
    expect(roundOf({ round: " Round 2 ", date: "2018-05-01" })).toEqual({ round: "Round 2", inferred: false });
    expect(roundOf({ round: "", date: "2018-03-31" })).toEqual({ round: "2017-18", inferred: true });
    expect(roundOf({ round: "  ", date: "2018-04-01" })).toEqual({ round: "2018-19", inferred: true });
  });
  it("orders rounds by earliest visit, never as text", () => {
    const base = orderRounds([
      { round: "Round 10", date: "2019-01-10" },
      { round: "Round 9", date: "2018-11-01" },
      { round: "round 9", date: "2018-10-01" },
      { round: "Round 1", date: "2017-08-07" },
      { round: "", date: "2016-05-01" },
    ]);
    expect(base).toEqual({ rounds: ["2016-17", "Round 1", "Round 9", "Round 10"], inferred: ["2016-17"], inferredVisits: 1 });
  });
  it("breaks a tie of first dates in natural order", () => {
    expect(orderRounds([{ round: "Round 10", date: "2018-01-01" }, { round: "Round 9", date: "2018-01-01" }]).rounds).toEqual(["Round 9", "Round 10"]);
  });
});

describe("team identity", () => {
  const identity = teamIdentity([
    { service: "Safeguarding", team: "Safeguarding North", previouslyCalled: ["Safeguarding Two", "SG 2"] },
    { service: "Safeguarding", team: "Safeguarding 1", previouslyCalled: [""] },
  ]);
  it("matches folded service and team, and follows Previously called", () => {
    expect(identity.keyOf("safeguarding ", "SAFEGUARDING  two")).toBe(identity.keyOf("Safeguarding", "Safeguarding North"));
    expect(identity.keyOf("Safeguarding", "sg 2")).toBe(identity.keyOf("Safeguarding", "Safeguarding North"));
    expect(identity.keyOf("Safeguarding", "Safeguarding 1")).not.toBe(identity.keyOf("Safeguarding", "Safeguarding North"));
    expect(identity.keyOf("Assessment", "Safeguarding Two")).not.toBe(identity.keyOf("Safeguarding", "Safeguarding North"));
    expect(identity.currentName("Safeguarding", "safeguarding two")).toBe("Safeguarding North");
    expect(identity.currentName("Assessment", "A1")).toBeNull();
    expect([...identity.previouslyCalled.values()]).toEqual([["Safeguarding Two", "SG 2"]]);
  });
  it("never lets an old name take over a team that still exists", () => {
    const id = teamIdentity([
      { service: "S", team: "A", previouslyCalled: ["B"] },
      { service: "S", team: "B", previouslyCalled: [] },
    ]);
    expect(id.keyOf("S", "B")).not.toBe(id.keyOf("S", "A"));
  });
});

describe("financial-year rounds typed other ways are one round (a newcomer's 2017/18, 17-18 and 2017-18 made three)", () => {
  it("folds a financial year's spellings to 2017-18, and leaves any other round as typed", () => {
    expect(["2017/18", "17-18", "2017-2018", "2017 - 18", "FY 2017/18", "2017–18", "2017-18"].map(canonicalRound)).toEqual(Array(7).fill("2017-18"));
    expect(["Round 1", "2017", "2017-19", "17/19", "2019-18", "1", ""].map(canonicalRound)).toEqual(["Round 1", "2017", "2017-19", "17/19", "2019-18", "1", ""]);
    expect(canonicalRound("1999/00")).toBe("1999-00");
  });

  it("validateTable counts them as one round, and warns of the spelling when asked (as for grades)", () => {
    const t = table([visit("X", "G", { Round: "2017/18" }), visit("X", "G", { Round: "17-18" }), visit("X", "G", { Round: "2017-18" })]);
    expect(validateTable(t, config).visits.map((v) => v.round)).toEqual(["2017-18", "2017-18", "2017-18"]);
    expect(validateTable(t, config, undefined, { spelling: true }).problems.map((p) => `${p.cell} ${p.severity} ${p.message}`)).toEqual([
      'C2 warning Round "2017/18" counts as 2017-18.',
      'C3 warning Round "17-18" counts as 2017-18.',
    ]);
  });
});
