import {
  RawTable,
  VISIT_THEME_COLUMNS,
  defaultConfig,
  describeProblem,
  formatThemeList,
  parseThemeList,
  recordTable,
  rollUp,
  summaryFingerprint,
  summaryThemeTotals,
  validateTable,
  visitRecord,
} from "../../src/domain";
import { config, table, visit } from "./helpers";

const STRENGTHS = VISIT_THEME_COLUMNS[0].header;
const AREAS = VISIT_THEME_COLUMNS[1].header;

/** The default table with the two theme columns at its end, as Set up makes it. */
function themed(rows: Record<string, unknown>[]): RawTable {
  const plain = table(rows);
  const headers = [...plain.headers, STRENGTHS, AREAS];
  return { ...plain, headers, rows: rows.map((r, i) => [...plain.rows[i], r[STRENGTHS] ?? null, r[AREAS] ?? null]) };
}

describe("theme lists in a cell", () => {
  it("split on semicolons and new lines, never commas, trimmed, without repeats", () => {
    expect(parseThemeList(" Planning;Recording, chronologies and genograms;\n planning ;; Timeliness ")).toEqual([
      "Planning",
      "Recording, chronologies and genograms",
      "Timeliness",
    ]);
    expect(parseThemeList("")).toEqual([]);
    expect(formatThemeList(["Planning", " Timeliness "])).toBe("Planning; Timeliness");
  });
});

describe("the theme columns", () => {
  it("are not among the published columns, and the form's kind reads and writes them when asked", () => {
    expect(visitRecord(config).columns.map((c) => c.header)).not.toContain(STRENGTHS);
    const kind = visitRecord(config, undefined, { themes: true });
    const headers = kind.columns.map((c) => c.header);
    expect(headers.slice(-2)).toEqual([STRENGTHS, AREAS]);
    const rows = recordTable(kind, headers);
    const cells = headers.map((h) => (h === STRENGTHS ? "planning; Timeliness" : h === AREAS ? "" : null));
    const form = rows.read(cells);
    expect(form.themes).toEqual({ strengths: ["planning", "Timeliness"], areasForImprovement: [] });
    const written = rows.cells({ ...form, themes: { strengths: ["Planning"], areasForImprovement: ["Audit and learning", "Timeliness"] } });
    expect(written.get(headers.indexOf(STRENGTHS))).toBe("Planning");
    expect(written.get(headers.indexOf(AREAS))).toBe("Audit and learning; Timeliness");
  });

  it("are left alone by a kind without them and by a table without them", () => {
    const plain = visitRecord(config);
    const headers = plain.columns.map((c) => c.header);
    const withThemes = recordTable(visitRecord(config, undefined, { themes: true }), headers);
    const form = withThemes.read(headers.map(() => null));
    expect([...withThemes.cells({ ...form, themes: { strengths: ["Planning"], areasForImprovement: [] } }).keys()].every((i) => i < headers.length)).toBe(true);
  });
});

describe("validating the theme columns", () => {
  it("warns of a theme name not on the list, naming the cell, and still counts the visit", () => {
    const result = validateTable(
      themed([
        visit("Safeguarding", "RI", { Team: "North 1", [STRENGTHS]: "planning", [AREAS]: "Timeliness; Caseload stuff" }),
        visit("Safeguarding", "RI", { Team: "North 2", [STRENGTHS]: "Made-up theme" }),
      ]),
      config,
    );
    expect(result.themeColumns).toBe(true);
    expect(result.visits).toHaveLength(2);
    expect(result.problems.map(describeProblem)).toEqual([
      'Diagnostics!T2 (warning): Theme "Caseload stuff" is not on the list of themes on the Lists sheet.',
      'Diagnostics!S3 (warning): Theme "Made-up theme" is not on the list of themes on the Lists sheet.',
    ]);
    expect(result.problems.map((p) => p.column)).toEqual([AREAS, STRENGTHS]);
    // Names typed in another case come back in the list's spelling.
    expect(result.visits[0].themes).toEqual({ strengths: ["Planning"], areasForImprovement: ["Timeliness", "Caseload stuff"] });
  });

  it("is not done, and visits carry no themes, when the table has no theme column", () => {
    const result = validateTable(table([visit("Safeguarding", "RI")]), config);
    expect(result.themeColumns).toBeUndefined();
    expect(result.visits[0]).not.toHaveProperty("themes");
    expect(rollUp(result, config)).not.toHaveProperty("themes");
  });
});

describe("theme counts in a summary", () => {
  const cfg = defaultConfig({ services: ["Safeguarding", "Assessment"] });
  const rows = [
    visit("Safeguarding", "RI", { Team: "North 1", [STRENGTHS]: "Planning", [AREAS]: "Timeliness; Management oversight and supervision" }),
    // The same team again: counted once per theme and side.
    visit("Safeguarding", "RI", { Team: "North 1", [AREAS]: "Timeliness" }),
    visit("Safeguarding", "RI", { Team: "North 2", [AREAS]: "timeliness" }),
    visit("Assessment", "G", { Team: "East 1", Round: "2", [STRENGTHS]: "Planning" }),
    visit("Assessment", "G", { Team: "East 2" }),
  ];

  it("per service, most frequent first, in the summary's service order", () => {
    const summary = rollUp(validateTable(themed(rows), cfg), cfg);
    expect(summary.themes).toEqual([
      {
        service: "Safeguarding",
        themes: [
          { theme: "Timeliness", asStrength: 0, asAreaForImprovement: 2 },
          { theme: "Management oversight and supervision", asStrength: 0, asAreaForImprovement: 1 },
          { theme: "Planning", asStrength: 1, asAreaForImprovement: 0 },
        ],
      },
      { service: "Assessment", themes: [{ theme: "Planning", asStrength: 1, asAreaForImprovement: 0 }] },
    ]);
    // Equal totals: the one raised more often as an area for improvement first (themes.ts).
    expect(summaryThemeTotals(summary, cfg)).toEqual([
      { theme: "Timeliness", asStrength: 0, asAreaForImprovement: 2 },
      { theme: "Planning", asStrength: 2, asAreaForImprovement: 0 },
      { theme: "Management oversight and supervision", asStrength: 0, asAreaForImprovement: 1 },
    ]);
  });

  it("follow the summary's filter", () => {
    const summary = rollUp(validateTable(themed(rows), cfg), cfg, { filter: { round: "2" } });
    expect(summary.themes).toEqual([{ service: "Assessment", themes: [{ theme: "Planning", asStrength: 1, asAreaForImprovement: 0 }] }]);
  });

  it("are undefined as totals without a theme column", () => {
    expect(summaryThemeTotals(rollUp(validateTable(table(rows), cfg), cfg), cfg)).toBeUndefined();
  });
});

describe("the summary's fingerprint", () => {
  it("changes when a visit's themes change, not when only their spelling does", () => {
    const one = (themes: string) => validateTable(themed([visit("Safeguarding", "RI", { "Visit ID": "V1", Team: "North 1", [AREAS]: themes })]), config);
    expect(summaryFingerprint(one("Planning"), config)).not.toBe(summaryFingerprint(one("Timeliness"), config));
    expect(summaryFingerprint(one("Planning"), config)).toBe(summaryFingerprint(one("planning"), config));
  });
});
