import {
  OFSTED_SCALE,
  REPORT_CARD_SCALE,
  buildTrends,
  compileScale,
  defaultConfig,
  gradeInWords,
  keyFindings,
  keyFindingsInputFromTrends,
} from "../../src/domain";

const compiled = compileScale(OFSTED_SCALE);

describe("key findings", () => {
  const base = {
    compiled,
    threshold: "G",
    overallCounts: { RI: 7, I: 2, G: 3, "No judgement": 4 },
    groups: [
      { name: "Safeguarding", visits: 9, atOrAbove: 0, previous: { visits: 9, atOrAbove: 1 } },
      { name: "Children in care", visits: 2, atOrAbove: 2, previous: { visits: 2, atOrAbove: 0 } },
      { name: "Assessment", visits: 3, atOrAbove: 1, previous: { visits: 3, atOrAbove: 1 } },
    ],
    latestRound: "2018-19",
    previousRound: "2017-18",
    themes: [
      { theme: "Caseloads and workload", asStrength: 0, asAreaForImprovement: 8 },
      { theme: "Workforce and recruitment", asStrength: 4, asAreaForImprovement: 1 },
    ],
  };
  it("writes plain sentences from the figures, each traced to a table", () => {
    expect(keyFindings(base)).toEqual([
      { text: "In 2018-19, most teams (7 of 12) were graded as requires improvement.", source: { table: "overall grades", round: "2018-19" } },
      {
        text: "In 2018-19, Children in care stands out: 2 of its 2 teams were graded as good or better, against 3 of 14 across all services.",
        source: { table: "groups", group: "Children in care", round: "2018-19" },
      },
      {
        text: "The largest change since 2017-18 was in Safeguarding, where the share of teams graded as good or better fell from 1 of 9 to 0 of 9.",
        source: { table: "trends", group: "Safeguarding", round: "2018-19" },
      },
      { text: "The theme raised most often as an area for improvement was caseloads and workload (8 teams).", source: { table: "themes", theme: "Caseloads and workload" } },
      { text: "The theme raised most often as a strength was workforce and recruitment (4 teams).", source: { table: "themes", theme: "Workforce and recruitment" } },
    ]);
  });
  it("says when a grade leads without a majority, when grades tie, and when all agree", () => {
    const share = (overallCounts: Record<string, number>) => keyFindings({ ...base, overallCounts, groups: [], themes: [] })[0]?.text;
    expect(share({ RI: 5, I: 3, G: 2 })).toBe("In 2018-19, more teams were graded as requires improvement than any other grade (5 of 10).");
    expect(share({ G: 4, RI: 4, I: 1 })).toBe("In 2018-19, as many teams were graded as good and as requires improvement (4 of 9 each).");
    expect(share({ "RI / I": 3 })).toBe("In 2018-19, all 3 teams were graded between requires improvement and inadequate.");
    expect(share({ "No judgement": 3 })).toBeUndefined();
  });
  it("says nothing rather than pick between equals", () => {
    const tied = keyFindings({
      ...base,
      overallCounts: undefined,
      themes: [],
      groups: [
        { name: "A", visits: 2, atOrAbove: 2, previous: { visits: 2, atOrAbove: 1 } },
        { name: "B", visits: 2, atOrAbove: 0, previous: { visits: 2, atOrAbove: 1 } },
      ],
    });
    expect(tied).toEqual([]);
  });
  it("words grades on other scales", () => {
    const rc = compileScale(REPORT_CARD_SCALE);
    expect(gradeInWords(rc.byCode.get("Needs attention")!, rc)).toBe("needs attention");
  });
  it("builds its figures from a trends table", () => {
    const config = defaultConfig({ services: [] });
    const v = (id: string, service: string, team: string, date: string, g: string) => ({
      visitId: id, service, team, date, round: "",
      grades: { allocation: g, practice: g, monitoring: g, joint: g, overall: g },
    });
    const trends = buildTrends(
      [v("1", "A", "A1", "2017-06-01", "RI"), v("2", "A", "A2", "2017-06-02", "RI"), v("3", "A", "A1", "2018-06-01", "G"), v("4", "A", "A2", "2018-06-02", "G"), v("5", "B", "B1", "2018-06-03", "RI"), v("6", "B", "B2", "2018-06-04", "I")],
      config,
    );
    const input = keyFindingsInputFromTrends(trends, { compiled, threshold: "G", overallLabel: "Overall conclusion" });
    expect(input.overallCounts).toEqual({ G: 2, I: 1, RI: 1 });
    expect(input.groups).toEqual([
      { name: "A", visits: 2, atOrAbove: 2, previous: { visits: 2, atOrAbove: 0 } },
      { name: "B", visits: 2, atOrAbove: 0 },
    ]);
    expect(keyFindings(input).map((f) => f.text)).toEqual([
      "In 2018-19, more teams were graded as good than any other grade (2 of 4).",
      // A's change rests on 2 visits in each round: below LARGEST_CHANGE_MIN_VISITS, so not "the largest change".
    ]);
  });
  it("names a round written as a bare number as a round: since round 1, never since 1", () => {
    const texts = keyFindings({ ...base, latestRound: "2", previousRound: "1" }).map((f) => f.text);
    expect(texts).toContain(
      "The largest change since round 1 was in Safeguarding, where the share of teams graded as good or better fell from 1 of 9 to 0 of 9.",
    );
    expect(texts.join(" ")).not.toMatch(/since 1\b/);
  });
});
