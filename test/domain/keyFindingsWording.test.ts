/**
 * Key findings name the round a sentence is about when it is about the latest round only, keep "1 of … was"
 * singular, and never call a change resting on a handful of visits "the largest change" (walk-through 6).
 */
import { LARGEST_CHANGE_MIN_VISITS, OFSTED_SCALE, compileScale, keyFindings } from "../../src/domain";

const compiled = compileScale(OFSTED_SCALE);
const base = {
  compiled,
  threshold: "G",
  overallCounts: { RI: 4, G: 1, I: 1 },
  groups: [
    { name: "North", visits: 2, atOrAbove: 1 },
    { name: "South", visits: 4, atOrAbove: 0 },
  ],
  latestRound: "2018-19",
  previousRound: "2017-18",
};

it("says which round the grade share and the group that stands out describe", () => {
  const texts = keyFindings(base).map((f) => f.text);
  expect(texts).toEqual([
    "In 2018-19, most teams (4 of 6) were graded as requires improvement.",
    "In 2018-19, North stands out: 1 of its 2 teams was graded as good or better, against 1 of 6 across all services.",
  ]);
});

it("names a bare-number round as a round, and says nothing of a round it does not know", () => {
  expect(keyFindings({ ...base, latestRound: "2", groups: [] })[0].text).toBe("In round 2, most teams (4 of 6) were graded as requires improvement.");
  const { latestRound: _unused, ...noRound } = base;
  expect(keyFindings({ ...noRound, groups: [] })[0].text).toBe("Most teams (4 of 6) were graded as requires improvement.");
});

it("keeps the verb singular for one team", () => {
  expect(keyFindings({ ...base, overallCounts: { G: 1 }, groups: [] })[0].text).toBe("In 2018-19, the 1 team counted was graded as good.");
  const one = keyFindings({ ...base, overallCounts: undefined, groups: [{ name: "North", visits: 3, atOrAbove: 1 }, { name: "South", visits: 4, atOrAbove: 3 }, { name: "East", visits: 4, atOrAbove: 3 }] });
  expect(one.map((f) => f.text)).toEqual(["In 2018-19, North stands out: 1 of its 3 teams was graded as good or better, against 7 of 11 across all services."]);
});

it(`leaves out of "the largest change" a group with fewer than ${LARGEST_CHANGE_MIN_VISITS} visits in either round`, () => {
  expect(LARGEST_CHANGE_MIN_VISITS).toBe(3);
  const changes = (groups: { name: string; visits: number; atOrAbove: number; previous: { visits: number; atOrAbove: number } }[]) =>
    keyFindings({ ...base, overallCounts: undefined, groups })
      .filter((f) => f.source.table === "trends")
      .map((f) => f.text);
  // North fell from 3 of 7 to 0 of 1 (the walk-through's case): one visit, not the largest change; South's is.
  expect(
    changes([
      { name: "North", visits: 1, atOrAbove: 0, previous: { visits: 7, atOrAbove: 3 } },
      { name: "South", visits: 5, atOrAbove: 2, previous: { visits: 4, atOrAbove: 1 } },
    ]),
  ).toEqual(["The largest change since 2017-18 was in South, where the share of teams graded as good or better rose from 1 of 4 to 2 of 5."]);
  expect(changes([{ name: "North", visits: 3, atOrAbove: 0, previous: { visits: 2, atOrAbove: 2 } }])).toEqual([]);
  expect(changes([{ name: "North", visits: 3, atOrAbove: 0, previous: { visits: 3, atOrAbove: 2 } }])).toEqual([
    "The largest change since 2017-18 was in North, where the share of teams graded as good or better fell from 2 of 3 to 0 of 3.",
  ]);
});

it("treats groups equally far from the whole as a tie, exactly (no floating-point winner)", () => {
  // 1 of 3, 3 of 3 and 2 of 3 against 6 of 9: North and South are both 1/3 away, so nothing stands out.
  const groups = [
    { name: "North", visits: 3, atOrAbove: 1 },
    { name: "South", visits: 3, atOrAbove: 3 },
    { name: "East", visits: 3, atOrAbove: 2 },
  ];
  expect(keyFindings({ ...base, overallCounts: undefined, groups }).map((f) => f.text)).toEqual([]);
  // The same for the largest change: North rose by 1/3 and South fell by 1/3 (from 2/3 and 3/3 in the round before).
  const changes = [
    { name: "North", visits: 3, atOrAbove: 2, previous: { visits: 3, atOrAbove: 1 } },
    { name: "South", visits: 3, atOrAbove: 2, previous: { visits: 3, atOrAbove: 3 } },
  ];
  expect(keyFindings({ ...base, overallCounts: undefined, groups: changes }).map((f) => f.text).filter((t) => t.includes("largest change"))).toEqual([]);
});
