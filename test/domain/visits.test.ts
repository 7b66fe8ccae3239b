import { MissingColumnsError, columnDefinitions, defaultConfig, describeProblem, matchHeaders, validateTable } from "../../src/domain";
import { rawTableFrom } from "../../src/workbook/tableRows";
import { config, table, visit } from "./helpers";

describe("validating the Diagnostics table", () => {
  it("names sheet, row, column and cell for each problem", () => {
    const result = validateTable(table([visit("Safeguarding", "G"), visit("Safeguarding", "G", { "Overall conclusion": "x" })]), config);
    expect(result.problems).toEqual([
      {
        sheet: "Diagnostics",
        row: 3,
        column: "Overall conclusion",
        cell: "M3",
        message: expect.stringContaining('"x" is not a grade'),
        severity: "error",
        brief: "M3: Overall conclusion grade is not on the scale.",
      },
    ]);
    expect(describeProblem(result.problems[0])).toMatch(/^Diagnostics!M3: "x" is not a grade/);
    expect(result.visits).toHaveLength(1);
  });

  it("requires service, team, date and every grade", () => {
    const result = validateTable(table([visit("", "G", { Team: "", "Visit date": "", "Joint working": "" })]), config);
    expect(result.problems.map((p) => [p.cell, p.message])).toEqual([
      ["D2", "Service is missing."],
      ["E2", "Team is missing."],
      ["B2", "Visit date is missing."],
      ["L2", "Joint working grade is missing."],
    ]);
    expect(result.excluded).toHaveLength(1);
    expect(result.visits).toHaveLength(0);
  });

  it("reports a draft's wrong values but not its missing ones, and counts it as a draft", () => {
    const result = validateTable(table([visit("X", "", { Status: "draft", "Joint working": "Good-ish" })]), config);
    expect(result.drafts).toEqual([{ row: 2, round: "1", visitDate: "2017-08-07" }]);
    expect(result.problems.map((p) => p.cell)).toEqual(["L2"]);
    expect(result.excluded).toEqual([]);
  });

  it("flags duplicate visit IDs on the later row and leaves it out", () => {
    const result = validateTable(table([visit("X", "G", { "Visit ID": "A1" }), visit("X", "G", { "Visit ID": "a1" })]), config);
    expect(result.problems[0]).toMatchObject({ cell: "A3", message: 'Visit ID "a1" is also used on row 2.' });
    expect(result.visits).toHaveLength(1);
  });

  it("warns about a date typed as text in a workbook but still counts the visit; CSV text dates are normal", () => {
    const typed = validateTable(table([visit("X", "G", { "Visit date": "07/08/2017" })]), config);
    expect(typed.visits).toHaveLength(1);
    expect(typed.problems).toEqual([expect.objectContaining({ cell: "B2", severity: "warning", message: expect.stringContaining("typed as text") })]);
    const real = validateTable(table([visit("X", "G", { "Visit date": 42954 })]), config);
    expect(real.problems).toEqual([]);
    const csv = validateTable({ ...table([visit("X", "G", { "Visit date": "07/08/2017" })]), textOnly: true }, config);
    expect(csv.problems).toEqual([]);
  });

  it("checks services against the configured list, ignoring case", () => {
    const cfg = defaultConfig();
    const result = validateTable(table([visit("safeguarding", "G"), visit("Safe guarding team", "G")], cfg), cfg);
    expect(result.visits.map((v) => v.service)).toEqual(["Safeguarding"]);
    expect(result.problems.map((p) => p.cell)).toEqual(["D3"]);
  });

  it("refuses a table with no column for a grade, naming it", () => {
    const t = table([visit("X", "G")]);
    t.headers = t.headers.map((h) => (h === "Joint working" ? "Notes" : h));
    expect(() => validateTable(t, config)).toThrow(MissingColumnsError);
    expect(() => validateTable(t, config)).toThrow('Sheet "Diagnostics" has no column for "Joint working".');
  });
});

describe("headers", () => {
  it("default to the published columns, in order", () => {
    expect(columnDefinitions(config).map((d) => d.header)).toEqual([
      "Visit ID",
      "Visit date",
      "Round",
      "Service",
      "Team",
      "Area",
      "Team manager",
      "Diagnostic team",
      "Allocation and workload",
      "Practice and direct work",
      "Monitoring and supervision",
      "Joint working",
      "Overall conclusion",
      "Strengths",
      "Areas for improvement",
      "Recommendations",
      "Status",
      // Issue 11 §4: optional, and last, so a table made before it gains it at the right.
      "Visit type",
    ]);
  });

  it("ignore case, spacing and punctuation, accept full labels, and may come in any order", () => {
    const { columns, missingRequired } = matchHeaders(
      [
        "SERVICE",
        "team:",
        "visit-date",
        "Effectiveness of case allocation and workload management arrangements",
        "practice & direct work",
        "Monitoring and  supervision",
        "Joint working",
        "Overall conclusion",
        "Something else",
      ],
      config,
    );
    expect(missingRequired).toEqual([]);
    expect(columns.get("grade:allocation")).toBe(3);
    expect(columns.get("grade:practice")).toBe(4);
  });

  it("are found below title rows", () => {
    const t = table([visit("X", "G")]);
    const raw = rawTableFrom(
      { sheet: "Diagnostics", table: null, headerRow: 1, firstColumn: 0, headers: ["Team diagnostics 2017-18", null], rows: [[null], t.headers as string[], ...(t.rows as string[][])] },
      config,
    );
    expect(raw.headerRow).toBe(3);
    const result = validateTable(raw, config);
    expect(result.visits).toHaveLength(1);
    expect(result.visits[0].row).toBe(4);
  });
});

describe("implausible values", () => {
  it("refuses a visit date before 2000, such as a year typed into the date cell", () => {
    const result = validateTable(table([visit("X", "G", { "Visit date": 2017 })]), config);
    expect(result.problems.map((p) => [p.cell, p.message])).toEqual([["B2", "Visit date 09/07/1905 is before 2000: check the cell holds the date of the visit."]]);
    expect(result.visits).toEqual([]);
  });
});

describe("a problem never quotes a cell that looks like personal data (the guard names such a cell without quoting it)", () => {
  it("says the kind of problem and of data, never the cell's text", () => {
    const t = table([
      visit("X", "G", { "Allocation and workload": "943 476 5919" }),
      visit("X", "G", { Team: "Jayden Smith DOB 01/02/2012" }),
      visit("X", "G", { "Allocation and workload": "Requires Imprvement" }),
    ]);
    const problems = validateTable(t, { ...config, teams: [{ name: "Team A", service: "", area: "" }] }).problems;
    const text = JSON.stringify(problems);
    expect(text).not.toContain("943 476 5919");
    expect(text).not.toContain("Jayden");
    // (The other rows' teams are not on that list either: only the cells with the values above are looked at.)
    expect(problems.filter((p) => ["I2", "E3", "I4"].includes(p.cell)).map((p) => `${p.cell} ${p.message}`)).toEqual([
      "I2 Allocation and workload grade is not on the scale. (The cell is not quoted: it looks like an NHS number.)",
      "E3 Team is not on the list of teams. (The cell is not quoted: it looks like a date of birth.)",
      'I4 "Requires Imprvement" is not a grade on the Ofsted four-point scale (O, O / G, G, G / RI, RI, RI / I, I, No judgement).',
    ]);
  });
});
