import { DiagnosticsConfig, RawTable, Summary, SummaryFilter, defaultConfig, rollUp, validateTable } from "../../src/domain";

const HEADERS = [
  "Visit ID",
  "Visit date",
  "Round",
  "Service",
  "Team",
  "Area",
  "Team manager",
  "Allocation and workload",
  "Practice and direct work",
  "Monitoring and supervision",
  "Joint working",
  "Overall conclusion",
  "Strengths",
  "Status",
];

/** Repeats each grade its count of times: spread({RI: 5, I: 3}) → RI×5, I×3. */
function spread(counts: [string, number][]): string[] {
  return counts.flatMap(([grade, n]) => Array<string>(n).fill(grade));
}

/**
 * Assessment: 9 visits giving the domain.md cells ("RI (5 x RI, 3 x I, 1 x G)", "Requires Improvement (7 x RI, 2 x I)").
 * Safeguarding: 4 visits with a tied overall grade. Plus one draft and one row left out.
 */
export function sampleRows(): unknown[][] {
  const rows: unknown[][] = [];
  const assessment = {
    allocation: spread([["RI", 5], ["I", 3], ["G", 1]]),
    practice: spread([["I", 5], ["RI", 4]]),
    monitoring: spread([["RI / I", 4], ["RI", 3], ["I", 2]]),
    joint: spread([["RI", 6], ["NJ", 3]]),
    overall: spread([["RI", 7], ["I", 2]]),
  };
  for (let i = 0; i < 9; i++) {
    rows.push([
      `A${i + 1}`, `0${(i % 9) + 1}/08/2017`, "2017-18", "Assessment", `Assessment team ${(i % 3) + 1}`, i < 5 ? "North" : "South",
      "A. Manager", assessment.allocation[i], assessment.practice[i], assessment.monitoring[i], assessment.joint[i], assessment.overall[i],
      "Narrative that must never appear", "Final",
    ]);
  }
  const safeguarding = {
    allocation: spread([["G", 3], ["O", 1]]),
    practice: spread([["G", 2], ["O / G", 2]]),
    monitoring: spread([["G", 4]]),
    joint: spread([["O", 4]]),
    overall: spread([["G", 2], ["RI", 2]]),
  };
  for (let i = 0; i < 4; i++) {
    rows.push([
      `S${i + 1}`, `1${i}/09/2017`, "2017-18", "Safeguarding", `Safeguarding team ${i + 1}`, i < 2 ? "North" : "",
      "B. Manager", safeguarding.allocation[i], safeguarding.practice[i], safeguarding.monitoring[i], safeguarding.joint[i], safeguarding.overall[i],
      "Narrative that must never appear", "",
    ]);
  }
  rows.push(["D1", "01/10/2017", "2017-18", "Safeguarding", "Draft team", "", "C. Manager", "G", "", "", "", "", "", "Draft"]);
  rows.push(["X1", "02/10/2017", "2017-18", "Assessment", "Broken team", "", "", "Requires Imprvement", "G", "G", "G", "G", "", "Final"]);
  return rows;
}

export function sampleTable(rows: unknown[][] = sampleRows()): RawTable {
  return { sheet: "Diagnostics", headerRow: 1, firstColumn: 0, headers: HEADERS, rows };
}

export function sampleSummaries(
  config: DiagnosticsConfig = defaultConfig({ areas: ["North", "South"] }),
  filter: SummaryFilter = {},
): { byService: Summary; byArea: Summary; config: DiagnosticsConfig } {
  const validation = validateTable(sampleTable(), config);
  return {
    byService: rollUp(validation, config, { by: "service", filter }),
    byArea: rollUp(validation, config, { by: "area", filter }),
    config,
  };
}

/** A hand-made summary whose group names and domain label try formula and HTML injection. */
export function hostileSummary(names: string[]): Summary {
  return {
    by: "service",
    base: { filter: {}, rounds: [], firstVisit: null, lastVisit: null, visits: names.length, drafts: 0, filteredOut: 0, ungrouped: 0, excluded: [] },
    groups: names.map((name) => ({
      name,
      visits: 1,
      rows: [
        {
          domainKey: "overall",
          domain: "=1+1 <b>bold</b>",
          headline: "G",
          tie: false,
          counts: [{ grade: "G", count: 1 }],
          text: "Good (1 x G)",
        },
      ],
    })),
  };
}
