import fc from "fast-check";
import {
  OFSTED_SCALE,
  RawTable,
  chooseHeadline,
  compileScale,
  defaultConfig,
  rollUp,
  validateTable,
} from "../../src/domain";
import { config, repeat, table, visit } from "./helpers";
import { nothingCounted } from "../../src/presentation/wording";

const summarise = (t: RawTable, cfg = config) => rollUp(validateTable(t, cfg), cfg);
const cell = (t: RawTable, service: string, domain: string, cfg = config) =>
  summarise(t, cfg).groups.find((g) => g.name === service)?.rows.find((r) => r.domain === domain)?.text;

describe("the published per-service cells (domain.md)", () => {
  // Nine Safeguarding teams, graded so each row of the table in domain.md comes out as printed.
  const rows = [
    ...repeat(5, () => visit("Safeguarding", "RI", { "Joint working": "RI" })),
    ...repeat(1, () => visit("Safeguarding", "RI", { "Allocation and workload": "I", "Joint working": "RI", "Overall conclusion": "RI" })),
    ...repeat(2, () => visit("Safeguarding", "RI", { "Allocation and workload": "I", "Joint working": "NJ", "Overall conclusion": "I" })),
    visit("Safeguarding", "RI", { "Allocation and workload": "G", "Joint working": "nj", "Overall conclusion": "RI" }),
  ];
  const t = table(rows);

  it("writes the headline then the counts, largest first", () => {
    expect(cell(t, "Safeguarding", "Effectiveness of case allocation and workload management arrangements")).toBe(
      "RI (5 x RI, 3 x I, 1 x G)",
    );
  });
  it("writes no judgement in lower case and never lets it win", () => {
    expect(cell(t, "Safeguarding", "Effectiveness of joint working between social care and other agencies")).toBe(
      "RI (6 x RI, 3 x no judgement)",
    );
  });
  it("spells the overall headline out", () => {
    expect(cell(t, "Safeguarding", "Overall conclusion")).toBe("Requires Improvement (7 x RI, 2 x I)");
  });
  it("counts a split grade as its own category and keeps it as written", () => {
    const split = table(repeat(2, () => visit("Care leaving", "RI/I")));
    expect(cell(split, "Care leaving", "Quality of performance monitoring and supervisory arrangements")).toBe("RI / I (2 x RI / I)");
    expect(cell(split, "Care leaving", "Overall conclusion")).toBe("RI / I (2 x RI / I)");
  });
  it("lists equal counts best grade first", () => {
    const t2 = table([visit("X", "I"), visit("X", "I"), visit("X", "RI"), visit("X", "G"), visit("X", "I")]);
    expect(cell(t2, "X", "Overall conclusion")).toBe("Inadequate (3 x I, 1 x G, 1 x RI)");
  });
  it("shows 'Not graded' when every visit was no judgement", () => {
    const t3 = table([visit("X", "NJ"), visit("X", "NJ")]);
    expect(cell(t3, "X", "Joint working")).toBeUndefined();
    expect(cell(t3, "X", "Effectiveness of joint working between social care and other agencies")).toBe("Not graded (2 x no judgement)");
  });
});

describe("ties", () => {
  const tied = table([visit("X", "G"), visit("X", "RI"), visit("X", "G"), visit("X", "RI")]);
  it("go to the lower grade by default and say so", () => {
    const row = summarise(tied).groups[0].rows[0];
    expect(row).toMatchObject({ headline: "RI", tie: true, text: "RI (2 x G, 2 x RI; tie, lower grade shown)" });
  });
  it("become the split grade under the split rule", () => {
    const cfg = defaultConfig({ services: [], tieRule: "split" });
    const row = summarise(tied, cfg).groups[0].rows[0];
    expect(row).toMatchObject({ headline: "G / RI", tie: true, text: "G / RI (2 x G, 2 x RI; tie, split grade shown)" });
  });
  it("say the lower grade was shown when a split grade ties with a grade that is not its neighbour", () => {
    const cfg = defaultConfig({ services: [], tieRule: "split" });
    const row = summarise(table([visit("X", "G"), visit("X", "G"), visit("X", "RI/I"), visit("X", "RI/I")]), cfg).groups[0].rows[0];
    expect(row.text).toBe("RI / I (2 x G, 2 x RI / I; tie, lower grade shown)");
  });

  it("fall back to the lower grade when the tied grades are not neighbours, even under the split rule", () => {
    const cfg = defaultConfig({ services: [], tieRule: "split" });
    const row = summarise(table([visit("X", "O"), visit("X", "I")]), cfg).groups[0].rows[0];
    expect(row).toMatchObject({ headline: "I", tie: true });
  });
});

describe("the base", () => {
  it("counts drafts and rows left out, and skips blank rows silently", () => {
    const t = table([
      visit("X", "G"),
      visit("X", "", { Status: "Draft" }),
      {},
      visit("X", "G", { "Joint working": "Very good" }),
    ]);
    const s = summarise(t);
    expect(s.base).toMatchObject({ visits: 1, drafts: 1 });
    expect(s.base.excluded).toEqual([
      { sheet: "Diagnostics", row: 5, reasons: ["L5: Joint working grade is not on the scale."], round: "1", visitDate: "2017-08-07" },
    ]);
  });

  it("never quotes a cell in the reasons a row was left out: it may hold a name", () => {
    const t = table([visit("X", "G", { "Joint working": "Jayden Smith (DOB 03/04/2015) not seen", Status: "Final?", "Visit ID": "V1" }), visit("X", "G", { "Visit ID": "V1", Service: "Jayden" })]);
    const reasons = summarise(t).base.excluded.flatMap((e) => e.reasons).join(" ");
    expect(reasons).not.toMatch(/Jayden|DOB|Final\?|V1/);
    expect(reasons).toContain("L2: Joint working grade is not on the scale.");
  });

  it("mentions only the drafts and rows left out that may belong to the round or dates asked for", () => {
    const t = table([
      visit("X", "G", { Round: "1" }),
      visit("X", "", { Round: "1", Status: "Draft" }),
      visit("X", "G", { Round: "2", Status: "Draft" }),
      visit("X", "G", { Round: "1", "Joint working": "x" }),
      visit("X", "G", { Round: "", "Visit date": "soon", "Joint working": "x" }),
    ]);
    const base = rollUp(validateTable(t, config), config, { filter: { round: "2" } }).base;
    expect(base).toMatchObject({ visits: 0, drafts: 1 });
    // Round 1's bad row is not this summary's; the row with no round or date might be, so it stays listed.
    expect(base.excluded.map((e) => e.row)).toEqual([6]);
  });

  it("filters by round and date range, inclusive", () => {
    const t = table([
      visit("X", "G", { Round: "1", "Visit date": "01/09/2017" }),
      visit("X", "RI", { Round: "2", "Visit date": "01/03/2018" }),
      visit("X", "I", { Round: "2", "Visit date": "31/03/2018" }),
    ]);
    const v = validateTable(t, config);
    expect(rollUp(v, config, { filter: { round: "2" } }).base.visits).toBe(2);
    expect(rollUp(v, config, { filter: { from: "2018-03-01", to: "2018-03-31" } }).base).toMatchObject({ visits: 2, filteredOut: 1 });
    expect(rollUp(v, config, { filter: { to: "2017-12-31" } }).groups[0].rows[4].text).toBe("Good (1 x G)");
  });

  it("a visit with a blank Round is in its financial year's round, as in the trends (a newcomer's finding)", () => {
    const t = table([
      visit("X", "G", { Round: "", "Visit date": "01/09/2017" }),
      visit("X", "RI", { Round: "2017-18", "Visit date": "01/03/2018" }),
      visit("X", "I", { Round: "", "Visit date": "01/05/2018" }),
      visit("X", "", { Round: "", "Visit date": "02/09/2017", Status: "Draft" }),
    ]);
    const v = validateTable(t, config);
    const base = rollUp(v, config, { filter: { round: "2017-18" } }).base;
    expect(base).toMatchObject({ visits: 2, filteredOut: 1, drafts: 1 });
    expect(rollUp(v, config, { filter: { round: "2018-19" } }).base).toMatchObject({ visits: 1, drafts: 0 });
    // The base's rounds say which round each counted visit was in, the financial year standing in for a blank.
    expect(rollUp(v, config).base.rounds).toEqual(["2017-18", "2018-19"]);
  });

  it("a round that no visit is in: the base names the rounds the visits are in (a newcomer typed 2017/18)", () => {
    const t = table([
      visit("X", "G", { Round: "2018-19", "Visit date": "01/09/2018" }),
      visit("X", "RI", { Round: "2017-18", "Visit date": "01/03/2018" }),
    ]);
    const v = validateTable(t, config);
    expect(rollUp(v, config, { filter: { round: "2017/18" } }).base).toMatchObject({ visits: 0, filteredOut: 2, otherRounds: ["2017-18", "2018-19"] });
    // Only when nothing is counted: a summary with visits says nothing more.
    expect(rollUp(v, config, { filter: { round: "2017-18" } }).base.otherRounds).toBeUndefined();
    expect(nothingCounted(rollUp(v, config, { filter: { round: "2017/18" } }).base)).toBe('No visit is in round "2017/18": the visits are in rounds 2017-18 and 2018-19.');
    expect(nothingCounted(rollUp(validateTable(table([]), config), config).base)).toBe("No visits counted: nothing to summarise yet.");
  });

  it("groups by area, leaving out visits with no area", () => {
    const t = table([visit("X", "G", { Area: "North" }), visit("Y", "RI", { Area: "North" }), visit("Y", "I")]);
    const s = rollUp(validateTable(t, config), config, { by: "area" });
    expect(s.groups.map((g) => [g.name, g.visits])).toEqual([["North", 2]]);
    expect(s.base.ungrouped).toBe(1);
  });
});

// Properties over generated visits.
const gradeCodes = compileScale(OFSTED_SCALE).categories.map((c) => c.code);
const arbitraryVisit = fc.record({
  service: fc.constantFrom("Safeguarding", "Care leaving", "Assessment"),
  grades: fc.array(fc.constantFrom(...gradeCodes), { minLength: 5, maxLength: 5 }),
});

function toTable(visits: { service: string; grades: string[] }[]): RawTable {
  return table(
    visits.map((v, i) =>
      visit(v.service, "", {
        "Visit ID": `P${i}`,
        "Allocation and workload": v.grades[0],
        "Practice and direct work": v.grades[1],
        "Monitoring and supervision": v.grades[2],
        "Joint working": v.grades[3],
        "Overall conclusion": v.grades[4],
      }),
    ),
  );
}

describe("roll-up properties", () => {
  it("counts add up to the visits counted, per service and domain", () => {
    fc.assert(
      fc.property(fc.array(arbitraryVisit, { maxLength: 60 }), (visits) => {
        const s = summarise(toTable(visits));
        let total = 0;
        for (const group of s.groups) {
          total += group.visits;
          for (const row of group.rows) expect(row.counts.reduce((n, c) => n + c.count, 0)).toBe(group.visits);
        }
        expect(total).toBe(visits.length);
        expect(s.base.visits).toBe(visits.length);
      }),
    );
  });

  it("row order never changes a table", () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryVisit, { maxLength: 40 }).chain((visits) =>
          fc.tuple(fc.constant(visits), fc.shuffledSubarray(visits, { minLength: visits.length, maxLength: visits.length })),
        ),
        ([visits, shuffled]) => {
          expect(summarise(toTable(shuffled)).groups).toEqual(summarise(toTable(visits)).groups);
        },
      ),
    );
  });

  it("the headline is always one of the most frequent graded grades (cautious rule)", () => {
    const compiled = compileScale(OFSTED_SCALE);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...gradeCodes), { maxLength: 30 }), (grades) => {
        const counts = new Map<string, number>();
        for (const g of grades) counts.set(g, (counts.get(g) ?? 0) + 1);
        const headline = chooseHeadline(counts, compiled, "cautious");
        const graded = [...counts].filter(([code]) => compiled.byCode.get(code)!.graded);
        if (graded.length === 0) {
          expect(headline.category).toBeNull();
          return;
        }
        const top = Math.max(...graded.map(([, n]) => n));
        expect(counts.get(headline.category!.code)).toBe(top);
        expect(headline.tie).toBe(graded.filter(([, n]) => n === top).length > 1);
      }),
    );
  });
});
