import fc from "fast-check";
import { OFSTED_SCALE, REPORT_CARD_SCALE, compileScale, parseGrade } from "../../src/domain";

const ofsted = compileScale(OFSTED_SCALE);
const code = (value: unknown) => {
  const parsed = parseGrade(value, ofsted);
  return parsed.kind === "grade" ? parsed.category.code : parsed.kind;
};

describe("parsing typed grades", () => {
  it.each([
    ["ri", "RI"],
    ["R.I.", "RI"],
    ["Requires improvement to be good", "RI"],
    ["requires Improvement", "RI"],
    ["good ", "G"],
    ["  Outstanding", "O"],
    ["inadequate", "I"],
    ["RI/I", "RI / I"],
    ["ri / i", "RI / I"],
    ["I / RI", "RI / I"],
    ["Good/Requires improvement", "G / RI"],
    ["O/G", "O / G"],
    ["NJ", "No judgement"],
    ["no judgment", "No judgement"],
    ["No Judgement", "No judgement"],
  ])("reads %j as %s", (typed, expected) => {
    expect(code(typed)).toBe(expected);
  });

  it.each(["Requires Imprvement", "x", "O / I", "G / I", "5", "=HYPERLINK(\"http://example.com\")", "RI / NJ"])(
    "rejects %j with a message quoting it",
    (typed) => {
      const parsed = parseGrade(typed, ofsted);
      expect(parsed.kind).toBe("unrecognised");
      if (parsed.kind === "unrecognised") expect(parsed.message).toContain(typed.slice(0, 20));
    },
  );

  it("treats empty and whitespace cells as blank", () => {
    expect(code("")).toBe("blank");
    expect(code("   ")).toBe("blank");
    expect(code(null)).toBe("blank");
    expect(code(undefined)).toBe("blank");
  });

  it("lists the categories best first with splits between neighbours and no judgement last", () => {
    expect(ofsted.categories.map((c) => c.code)).toEqual(["O", "O / G", "G", "G / RI", "RI", "RI / I", "I", "No judgement"]);
  });

  it("reads the five-point report card, which has no split grades", () => {
    const card = compileScale(REPORT_CARD_SCALE);
    expect(parseGrade("strong standard", card)).toMatchObject({ kind: "grade", category: { code: "Strong standard" } });
    expect(parseGrade("Needs attention / Urgent improvement", card).kind).toBe("unrecognised");
    expect(parseGrade("RI", card).kind).toBe("unrecognised");
  });

  it("never throws, whatever a cell holds", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const parsed = parseGrade(value, ofsted);
        expect(["blank", "grade", "unrecognised"]).toContain(parsed.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts every canonical code it produces", () => {
    for (const category of ofsted.categories) expect(code(category.code)).toBe(category.code);
  });
});

it("says why a grade split with itself is refused", () => {
  const parsed = parseGrade("Good/Good", compileScale(OFSTED_SCALE));
  expect(parsed).toMatchObject({ kind: "unrecognised", message: expect.stringContaining("names the same grade twice") });
});
