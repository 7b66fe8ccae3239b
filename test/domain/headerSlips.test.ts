/**
 * A header spelled unlike any column Team Diagnostics reads was ignored without a word, and when the column it
 * stands for is optional the numbers changed silently ("Satus": every row counted as Final, drafts included). Such
 * a header, close to a column the table lacks, is warned of once, at its cell; so is a column headed twice. The rows
 * are still read as before: warnings, not errors.
 */
import { DEFAULT_OVERALL, RawTable, defaultConfig, describeProblem, validateTable } from "../../src/domain";
import { config, table, visit } from "./helpers";

/** The helper's table with one header renamed (or more added at the end). */
function renamed(t: RawTable, from: string, to: string): RawTable {
  return { ...t, headers: t.headers.map((h) => (h === from ? to : h)) };
}

const headerLines = (t: RawTable, cfg = config, options = {}) =>
  validateTable(t, cfg, undefined, options)
    .problems.filter((p) => p.row === t.headerRow)
    .map(describeProblem);

describe("a header close to a missing column", () => {
  it("Satus for Status: one warning at its cell, and every row still counts as Final", () => {
    const t = renamed(table([visit("Assessment", "G"), visit("Assessment", "", { Status: "Draft" })]), "Status", "Satus");
    const result = validateTable(t, config);
    expect(headerLines(t)).toEqual([
      'Diagnostics!Q1 (warning): Column "Satus" is not a column Team Diagnostics reads, and there is no "Status" column: did you mean "Status"? Without it every row counts as Final.',
    ]);
    const warning = result.problems.find((p) => p.row === 1)!;
    expect([warning.severity, warning.column, warning.cell]).toEqual(["warning", "Satus", "Q1"]);
    // As read today: the draft is a Final visit with its grades missing, left out.
    expect(result.visits).toHaveLength(1);
    expect(result.excluded).toHaveLength(1);
  });

  it("Rnd for Round: the rounds are worked out from the visit dates", () => {
    const t = renamed(table([visit("Assessment", "G")]), "Round", "Rnd");
    expect(headerLines(t)).toEqual([
      'Diagnostics!C1 (warning): Column "Rnd" is not a column Team Diagnostics reads, and there is no "Round" column: did you mean "Round"? ' +
        "Without it no visit has a round: trends work each visit's round out from its visit date (April to March), and a summary of one round counts none.",
    ]);
    expect(validateTable(t, config).visits[0].round).toBe("");
  });

  it("Overall Conclusions or Overall judgement, when the overall conclusion was left out for being missing", () => {
    const noOverall = { ...config, overall: null };
    for (const header of ["Overall Conclusions", "Overall judgement"]) {
      const t = renamed(table([visit("Assessment", "G")]), "Overall conclusion", header);
      expect(headerLines(t, noOverall, { absentOverall: DEFAULT_OVERALL })).toEqual([
        `Diagnostics!M1 (warning): Column "${header}" is not a column Team Diagnostics reads, and there is no "Overall conclusion" column: did you mean "Overall conclusion"? Without it the tables have no Overall conclusion row.`,
      ]);
      // A council that left the overall conclusion out on purpose (its Lists sheet) is not asked about it.
      expect(headerLines(t, noOverall)).toEqual([]);
    }
  });

  it("says nothing of ordinary extra columns, nor of known ones and their other spellings", () => {
    // Only the required columns, so every optional one is missing and could be "meant".
    const cfg = defaultConfig({ services: [] });
    const headers = [
      "Visit date",
      "Service",
      "Team",
      "Effectiveness of case allocation and workload management arrangements",
      "Practice and direct work",
      "Monitoring and supervision",
      "Joint working",
      "Overall conclusion",
      "Notes",
      "Reviewer comments",
      "Service manager",
      "Team leader",
      "Area manager",
      "Visit notes",
      "Date of feedback",
      "Type of visit",
      "Improvement themes",
    ];
    const t: RawTable = { sheet: "Diagnostics", headerRow: 1, firstColumn: 0, headers, rows: [[42954, "Assessment", "T", "G", "G", "G", "G", "G"]] };
    expect(headerLines(t, cfg)).toEqual([]);
    const withManager = { ...t, headers: [...headers, "Team manager"] };
    expect(headerLines(withManager, cfg)).toEqual([]);
  });

  it("a header far from every column the table lacks is not a slip, and one header answers for one column only", () => {
    const t = renamed(renamed(table([visit("Assessment", "G")]), "Status", "Statuses"), "Area", "Status of area");
    const lines = headerLines(t);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Column "Statuses" is not a column Team Diagnostics reads, and there is no "Status" column');
  });
});

describe("a column headed twice", () => {
  it("names both cells and says the first is read", () => {
    const t = table([visit("Assessment", "G")]);
    const twice: RawTable = { ...t, headers: [...t.headers, "Overall conclusion"], rows: t.rows.map((r) => [...r, "I"]) };
    const result = validateTable(twice, config);
    expect(headerLines(twice)).toEqual([
      'Diagnostics!S1 (warning): Columns M1 and S1 are both headed "Overall conclusion": Team Diagnostics reads M1 and ignores S1.',
    ]);
    expect(result.visits[0].grades.overall).toBe("G");
  });

  it("a short label and a full label are one column: the short label is read, wherever it is", () => {
    const t = table([visit("Assessment", "G")]);
    const full = "Effectiveness of joint working between social care and other agencies";
    const twice: RawTable = { ...t, headers: [full, ...t.headers], rows: t.rows.map((r) => ["I", ...r]), firstColumn: 1 };
    expect(headerLines(twice)).toEqual([
      `Diagnostics!B1 (warning): Columns B1 ("${full}") and N1 ("Joint working") are both the Joint working column: Team Diagnostics reads N1 and ignores B1.`,
    ]);
    expect(validateTable(twice, config).visits[0].grades.joint).toBe("G");
  });
});
