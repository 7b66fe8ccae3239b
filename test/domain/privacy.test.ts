import fc from "fast-check";
import {
  PERSONAL_DATA_MESSAGES,
  PersonalDataKind,
  compileCouncilPatterns,
  findPersonalData,
  isValidNhsNumber,
  isValidUpn,
  looksCatastrophic,
  personalDataMessage,
  personalDataWarnings,
  upnCheckLetter,
} from "../../src/domain";

const council = [{ name: "Case record number", regex: "\\bCR-\\d{6}\\b" }];

/** Findings text with one planted identifier each, and the kind that must be found. */
const planted: [string, PersonalDataKind][] = [
  ["Child's NHS number 943 476 5919 was on the plan.", "nhsNumber"],
  ["NHS no. 9434765919 noted in supervision.", "nhsNumber"],
  ["Ref 401-023-2137 appeared in the chronology.", "nhsNumber"],
  ["(4505577104)", "nhsNumber"],
  ["Pupil B801200005001 attends the local school.", "upn"],
  ["UPN p207000016049 was copied into the notes.", "upn"],
  ["Temporary UPN N93800012345A used.", "upn"],
  ["DOB 03/04/2012 recorded on the front sheet.", "dateOfBirth"],
  ["D.O.B.: 3.4.12", "dateOfBirth"],
  ["Her date of birth is 14 February 2011.", "dateOfBirth"],
  ["Young person born on 2009-05-17 moved placement.", "dateOfBirth"],
  ["He was born 1st Jan 2010 in the area.", "dateOfBirth"],
  ["dob-12/12/2015", "dateOfBirth"],
  ["Family lives at SW1A 1AA.", "postcode"],
  ["Moved to m1 1ae last month.", "postcode"],
  ["Placement in B33 8TH", "postcode"],
  ["Address CR2 6XH on file", "postcode"],
  ["DN551PT", "postcode"],
  ["Parent emailed jane.smith+home@example.com about contact.", "email"],
  ["Contact: foster_carer@mail.example.co.uk", "email"],
  ["Case CR-123456 was discussed in supervision.", "councilPattern"],
];

/** Ordinary findings that must never trip the guard. */
const ordinary: string[] = [
  "Team visited on 07/08/2017 by the diagnostic team.",
  "Learning workshop meeting 3 March 2018 agreed the themes.",
  "The team holds 25 cases per worker; caseloads of 22 are typical.",
  "Safeguarding Team 3 and Assessment Team 2 share a manager.",
  "s.47 enquiries were timely; s.17 assessments were not.",
  "Section 20 arrangements reviewed; section 47 strategy meetings held within 2 days.",
  "Office phone 020 7946 0000 for the duty desk.",
  "Call 0161 496 0000 out of hours.",
  "Ring 01632 960000 to reach the front door.",
  "Ten digits 1234567890 failing the check.",
  "Performance report 2017-18 showed 1,234 referrals and 456 assessments.",
  "Born out of the 2016 restructure, the team is stable.",
  "Supervision every 4 to 6 weeks; 12 of 15 files audited on 12/03/2018.",
  "Q3 2nd review: plans not SMART in 6 of 10 cases.",
  "The MASH received 3400 contacts; 20 per cent became referrals.",
  "Recommendation 1: reduce caseloads to 18 by 31 March 2019.",
  "RI / I grade for monitoring; the overall grade was RI.",
  "Rated G at the visit on 2018-01-15, with 9 workers in post.",
  "Children Act 1989 s.20 and s.31 applications.",
  "Version 2.0 of the form, 13 pages.",
];

describe("findPersonalData corpus", () => {
  it.each(planted)("finds the planted item in %j", (text, kind) => {
    const found = findPersonalData(text, council);
    expect(found.map((f) => f.kind)).toEqual([kind]);
  });

  it.each(ordinary)("finds nothing in the ordinary finding %j", (text) => {
    expect(findPersonalData(text, council)).toEqual([]);
  });

  it("counts: every planted item found, no false alarm", () => {
    const hits = planted.filter(([t, k]) => findPersonalData(t, council).some((f) => f.kind === k)).length;
    const falseAlarms = ordinary.filter((t) => findPersonalData(t, council).length > 0).length;
    const byKind: Record<string, number> = {};
    for (const [, k] of planted) byKind[k] = (byKind[k] ?? 0) + 1;
    expect(byKind).toEqual({ nhsNumber: 4, upn: 3, dateOfBirth: 6, postcode: 5, email: 2, councilPattern: 1 });
    expect(hits).toBe(planted.length);
    expect(falseAlarms).toBe(0);
  });

  it("gives positions that cover the match, in order", () => {
    const text = "DOB 03/04/2012, NHS 943 476 5919, lives SW1A 1AA";
    const found = findPersonalData(text);
    expect(found.map((f) => [f.kind, text.slice(f.start, f.end)])).toEqual([
      ["dateOfBirth", "DOB 03/04/2012"],
      ["nhsNumber", "943 476 5919"],
      ["postcode", "SW1A 1AA"],
    ]);
  });

  it("never quotes the match in a message", () => {
    const text = "NHS 943 476 5919 and CR-123456";
    for (const f of findPersonalData(text, council)) {
      const message = personalDataMessage(f);
      expect(message).not.toContain(text.slice(f.start, f.end));
      expect(message).toMatch(/looks like|matches the council's pattern/);
    }
    expect(PERSONAL_DATA_MESSAGES.nhsNumber).toBe("looks like an NHS number");
  });

  it("needs a date near a DOB cue", () => {
    expect(findPersonalData("DOB not recorded on the file")).toEqual([]);
    expect(findPersonalData("born on a wet Tuesday, long ago, the team met on 07/08/2017")).toEqual([]);
  });
});

describe("check digits", () => {
  it("accepts the standard NHS example and rejects its neighbours", () => {
    expect(isValidNhsNumber("9434765919")).toBe(true);
    expect(isValidNhsNumber("9434765918")).toBe(false);
    expect(isValidNhsNumber("943476591")).toBe(false);
  });
  it("never accepts a number whose check works out as 10", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (nine) => {
        const sum = nine.reduce((s, d, i) => s + d * (10 - i), 0);
        const check = 11 - (sum % 11);
        const valid = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => isValidNhsNumber(nine.join("") + d));
        expect(valid).toEqual(check === 10 ? [] : [check === 11 ? 0 : check]);
      }),
    );
  });
  it("works out UPN check letters as the DfE standard does", () => {
    expect(upnCheckLetter("801200005001")).toBe("B");
    expect(isValidUpn("B801200005001")).toBe(true);
    expect(isValidUpn("A801200005001")).toBe(false);
    expect(isValidUpn("N93800012345A")).toBe(true);
    expect(upnCheckLetter("80120000500I")).toBeNull();
  });
  it("finds any UPN with a valid check letter, and one changed digit breaks it", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12}$/), fc.integer({ min: 1, max: 12 }), (body, pos) => {
        const upn = upnCheckLetter(body)! + body;
        expect(findPersonalData(`x ${upn} y`).map((f) => f.kind)).toEqual(["upn"]);
        const d = Number(upn[pos]);
        const changed = upn.slice(0, pos) + String((d + 1) % 10) + upn.slice(pos + 1);
        expect(isValidUpn(changed)).toBe(false);
      }),
    );
  });
});

describe("council patterns", () => {
  it("reports an invalid pattern as a settings problem, not a crash", () => {
    const compiled = compileCouncilPatterns([{ name: "Broken", regex: "CR-(\\d{6}" }, ...council]);
    expect(compiled.problems).toEqual([{ name: "Broken", message: 'The pattern "Broken" is not a valid regular expression.' }]);
    expect(compiled.patterns).toHaveLength(1);
    expect(() => findPersonalData("CR-123456", [{ name: "Broken", regex: "(" }])).not.toThrow();
  });
  it("refuses patterns that could backtrack catastrophically", () => {
    for (const regex of ["(a+)+$", "(\\d*)*x", "(a|aa)+", "((ab)*)+"]) expect(looksCatastrophic(regex)).toBe(true);
    for (const regex of ["CR-\\d{6}", "(CR|CS)-\\d+", "[(+)]+", "\\(a+\\)+"]) expect(looksCatastrophic(regex)).toBe(false);
    const compiled = compileCouncilPatterns([{ name: "Slow", regex: "(a+)+$" }]);
    expect(compiled.patterns).toEqual([]);
    expect(compiled.problems[0].message).toContain("could take too long");
  });
  it("refuses a pattern that matches empty text", () => {
    expect(compileCouncilPatterns([{ name: "Any", regex: "\\d*" }]).problems).toHaveLength(1);
  });
  it("names the pattern in its message", () => {
    const [f] = findPersonalData("CR-123456", council);
    expect(personalDataMessage(f)).toBe('matches the council\'s pattern "Case record number"');
  });
});

describe("never throws", () => {
  it("on any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const found = findPersonalData(text, council);
        for (const f of found) expect(f.end).toBeGreaterThan(f.start);
      }),
    );
  });
});

describe("personalDataWarnings", () => {
  it("names each cell and kind once, never the text", () => {
    const cells = [
      { sheet: "Diagnostics", row: 5, column: "Strengths", text: "NHS 943 476 5919 and 401 023 2137; DOB 1/2/2010" },
      { sheet: "Actions", row: 3, column: "Progress", text: "Visited on 07/08/2017; 25 cases." },
      { sheet: "Change log", row: 2, column: "Reason", text: "See CR-654321" },
    ];
    const { warnings, problems } = personalDataWarnings(cells, [...council, { name: "Bad", regex: "[" }]);
    expect(warnings).toEqual([
      { sheet: "Diagnostics", row: 5, column: "Strengths", kind: "nhsNumber", message: "looks like an NHS number" },
      { sheet: "Diagnostics", row: 5, column: "Strengths", kind: "dateOfBirth", message: "looks like a date of birth" },
      { sheet: "Change log", row: 2, column: "Reason", kind: "councilPattern", message: 'matches the council\'s pattern "Case record number"' },
    ]);
    expect(problems.map((p) => p.name)).toEqual(["Bad"]);
    expect(JSON.stringify(warnings)).not.toMatch(/943|2137|654321|2010/);
  });
});
