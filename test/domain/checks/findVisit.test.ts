import { visitMatches } from "../../../src/domain";

const visit = { visitId: "TD-0007", team: "Safeguarding North", service: "Safeguarding", visitDate: "2017-08-07" };

describe("finding a visit", () => {
  it.each([
    ["TD-0007"],
    ["td-00"],
    ["north"],
    ["Safeguarding"],
    ["07/08/2017"],
    ["7/8/2017"],
    ["07/08/17"],
    ["7/8"],
    ["08/2017"],
    ["2017"],
    ["07.08.2017"],
    ["safeguarding 08/2017"],
    [""],
  ])("matches %p", (search) => {
    expect(visitMatches(search, visit)).toBe(true);
  });

  it.each([["Assessment"], ["08/07/2017"], ["2018"], ["north 2018"], ["TD-0008"], ["31/02/2017"]])("does not match %p", (search) => {
    expect(visitMatches(search, visit)).toBe(false);
  });

  it("a visit without a date is found by its other fields only", () => {
    expect(visitMatches("north", { ...visit, visitDate: "" })).toBe(true);
    expect(visitMatches("2017", { ...visit, visitDate: "" })).toBe(false);
  });
});
