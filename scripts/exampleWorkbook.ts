/**
 * The fictional example workbook behind `npm run demo` and examples/diagnostics-example.xlsx.
 * Every team, manager and finding is invented. Grades are typed the ways people really type them
 * ("ri", "R.I.", "Requires improvement to be good", "RI/I", "good ", "NJ"); two rows carry mistakes and
 * two are drafts, so the demo shows problems being found. Deterministic: the same bytes every run.
 */
import { setUpWorkbook } from "../src/actions/workbookActions";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/excelJsWorkbook";
import { toExcelSerial } from "../src/domain";
import { CellValue } from "../src/workbook/plan";
import { DIAGNOSTICS_TABLE } from "../src/workbook/port";
import { addSecondRound } from "./exampleSecondRound";
import { exampleThemeCells } from "./exampleThemes";

export const EXAMPLE_PATH = "examples/diagnostics-example.xlsx";

/** Fixed so the file's bytes do not change from run to run. */
const FIXED_TIME = new Date(Date.UTC(2018, 3, 1, 9, 0, 0));

type Grades = [string, string, string, string, string];

interface ExampleVisit {
  date: string; // ISO; written as a real date unless typedDate is set
  typedDate?: string;
  service: string;
  team: string;
  area: string;
  manager: string;
  grades: Grades;
  status?: "Draft" | "Final";
  strengths: string;
  improve: string;
  recommend: string;
}

const REVIEWERS = ["C. Reviewer, D. Reviewer", "E. Reviewer, F. Reviewer", "G. Reviewer, H. Reviewer"];

const VISITS: ExampleVisit[] = [
  { date: "2017-09-12", service: "Front door and MASH", team: "Front Door Team (Central)", area: "Central", manager: "A. Manager", grades: ["RI", "G", "RI", "G", "RI"], strengths: "Partners attend daily MASH meetings.", improve: "Thresholds applied unevenly at night.", recommend: "Audit a sample of contacts closed with no further action." },
  { date: "2017-09-19", service: "Front door and MASH", team: "MASH Team (Central)", area: "Central", manager: "B. Manager", grades: ["G", "good ", "G", "G", "G"], strengths: "Information sharing is quick and recorded.", improve: "Feedback to referrers is slow.", recommend: "Agree a response time for referrer feedback." },
  { date: "2017-10-03", service: "Assessment", team: "Assessment Team 1 (North)", area: "North", manager: "C. Manager", grades: ["ri", "RI", "R.I.", "RI", "RI"], strengths: "Assessments are analytical.", improve: "Caseloads above 25 for newer staff.", recommend: "Review allocation for workers in their first year." },
  { date: "2017-10-10", service: "Assessment", team: "Assessment Team 2 (South)", area: "South", manager: "D. Manager", grades: ["I", "RI", "RI/I", "RI", "RI"], strengths: "Children are seen promptly.", improve: "Drift in assessments over 45 days.", recommend: "Weekly tracking of open assessments." },
  { date: "2017-10-17", service: "Assessment", team: "Assessment Team 3 (East)", area: "East", manager: "E. Manager", grades: ["RI", "G", "RI", "G", "Requires improvement to be good"], strengths: "Good use of chronologies.", improve: "Management oversight not always recorded.", recommend: "Record decisions at each supervision." },
  { date: "2017-11-07", service: "Safeguarding", team: "Safeguarding Team 1 (North)", area: "North", manager: "F. Manager", grades: ["RI", "RI", "RI", "NJ", "RI"], strengths: "Direct work with children is creative.", improve: "Plans are not always specific.", recommend: "Use SMART outcomes in child protection plans." },
  { date: "2017-11-14", service: "Safeguarding", team: "Safeguarding Team 2 (North)", area: "North", manager: "G. Manager", grades: ["RI", "I", "RI", "RI", "RI"], strengths: "Stable, committed staff group.", improve: "Visits not always within timescales.", recommend: "Managers to check visit timeliness monthly." },
  { date: "2017-11-21", service: "Safeguarding", team: "Safeguarding Team 3 (North)", area: "North", manager: "H. Manager", grades: ["I", "RI", "I", "RI", "I"], strengths: "Team manager knows the children well.", improve: "Supervision is irregular.", recommend: "Restore monthly supervision for every worker." },
  { date: "2017-11-28", service: "Safeguarding", team: "Safeguarding Team 4 (South)", area: "South", manager: "J. Manager", grades: ["R.I.", "RI", "RI", "NJ", "RI"], strengths: "Good links with schools.", improve: "Case recording is behind.", recommend: "Protected recording time each week." },
  { date: "2017-12-05", service: "Safeguarding", team: "Safeguarding Team 5 (South)", area: "South", manager: "K. Manager", grades: ["RI", "RI", "RI", "RI", "RI"], strengths: "Thoughtful risk analysis.", improve: "Core groups do not always meet.", recommend: "Escalate missed core groups." },
  { date: "2017-12-12", service: "Safeguarding", team: "Safeguarding Team 6 (East)", area: "East", manager: "L. Manager", grades: ["I", "I", "RI", "RI", "I"], strengths: "New manager has a clear plan.", improve: "High agency staff turnover.", recommend: "Prioritise permanent recruitment." },
  { date: "2018-01-09", service: "Safeguarding", team: "Safeguarding Team 7 (East)", area: "East", manager: "M. Manager", grades: ["RI", "RI", "ri", "nj", "RI"], strengths: "Children's views are recorded well.", improve: "Multi-agency attendance is patchy.", recommend: "Raise attendance with partner agencies." },
  { date: "2018-01-16", service: "Safeguarding", team: "Safeguarding Team 8 (Central)", area: "Central", manager: "N. Manager", grades: ["G", "RI", "RI", "RI", "RI"], strengths: "Manageable caseloads.", improve: "Assessments are descriptive, not analytical.", recommend: "Practice workshops on analysis." },
  { date: "2018-01-23", typedDate: "23/01/2018", service: "Safeguarding", team: "Safeguarding Team 9 (Central)", area: "Central", manager: "P. Manager", grades: ["RI", "RI", "I", "RI", "RI"], strengths: "Warm relationships with families.", improve: "Supervision records are thin.", recommend: "Use the supervision template." },
  { date: "2018-02-06", service: "Children in care", team: "Children in Care Team 1 (North)", area: "North", manager: "Q. Manager", grades: ["G", "G", "G", "G", "G"], strengths: "Permanence planned early.", improve: "Life-story work is delayed.", recommend: "Start life-story work at the second review." },
  { date: "2018-02-13", service: "Children in care", team: "Children in Care Team 2 (South)", area: "South", manager: "R. Manager", grades: ["G", "RI / I", "G", "G", "G / RI"], strengths: "Children see the same worker.", improve: "Health assessments are late.", recommend: "Track health assessments with the health team." },
  { date: "2018-02-20", service: "Care leaving", team: "Care Leavers Team 1 (North)", area: "North", manager: "S. Manager", grades: ["G", "G", "RI", "G", "G"], strengths: "Young people help shape services.", improve: "Pathway plans are not always updated.", recommend: "Review pathway plans every six months." },
  { date: "2018-02-27", service: "Care leaving", team: "Care Leavers Team 2 (South)", area: "South", manager: "T. Manager", grades: ["RI", "G", "G", "G", "G"], strengths: "Strong housing partnership.", improve: "Caseloads rising.", recommend: "Monitor caseloads quarterly." },
  { date: "2018-03-06", service: "Care leaving", team: "Care Leavers Team 3 (East)", area: "East", manager: "U. Manager", grades: ["G", "G", "G", "Outstanding", "G"], strengths: "Education, employment and training work is excellent.", improve: "Staying-close offer not well known.", recommend: "Publicise the staying-close offer." },
  { date: "2018-03-13", service: "Children with disabilities", team: "Disabled Children's Team 1 (West)", area: "West", manager: "V. Manager", grades: ["RI", "G", "RI", "G", "RI"], strengths: "Skilled communication with children.", improve: "Transition planning starts late.", recommend: "Begin transition planning at 14." },
  { date: "2018-03-20", service: "Children with disabilities", team: "Disabled Children's Team 2 (West)", area: "West", manager: "W. Manager", grades: ["RI", "RI", "RI", "G", "RI"], strengths: "Good short-breaks offer.", improve: "Assessments are not always updated.", recommend: "Annual reassessment for every child." },
  { date: "2018-03-27", service: "Family support", team: "Family Support Team 1 (North)", area: "North", manager: "X. Manager", grades: ["G", "G", "G", "G", "G"], strengths: "Families describe workers as reliable.", improve: "Step-down is not always planned.", recommend: "Joint step-down meetings." },
  { date: "2018-04-03", service: "Family support", team: "Family Support Team 2 (West)", area: "West", manager: "Y. Manager", grades: ["G", "RI/I", "G", "RI", "G"], strengths: "Parenting programmes well used.", improve: "Outcomes are not measured.", recommend: "Record outcome measures at closure." },
  // Mistakes the demo should find: a misspelt grade, and a visit with no team.
  { date: "2018-04-10", service: "Family support", team: "Family Support Team 3 (East)", area: "East", manager: "Z. Manager", grades: ["G", "Requires Imprvement", "G", "G", "G"], strengths: "Good group work.", improve: "Waiting list.", recommend: "Review the waiting list weekly." },
  { date: "2018-04-17", service: "Assessment", team: "", area: "West", manager: "A. Manager", grades: ["RI", "RI", "RI", "RI", "RI"], strengths: "Thorough assessments.", improve: "Timeliness.", recommend: "Track timeliness." },
  // Drafts: written up but not finished, so left out and counted as drafts.
  { date: "2018-04-24", service: "Safeguarding", team: "Safeguarding Team 2 (North)", area: "North", manager: "G. Manager", grades: ["RI", "", "", "", ""], status: "Draft", strengths: "", improve: "", recommend: "" },
  { date: "2018-05-01", service: "Children in care", team: "Children in Care Team 1 (North)", area: "North", manager: "Q. Manager", grades: ["G", "G", "", "", ""], status: "Draft", strengths: "", improve: "", recommend: "" },
];

function rowValues(v: ExampleVisit, i: number): CellValue[] {
  return [
    `TD-2017-${String(i + 1).padStart(3, "0")}`,
    v.typedDate ?? toExcelSerial(v.date),
    "2017-18",
    v.service,
    v.team || null,
    v.area,
    v.manager,
    REVIEWERS[i % REVIEWERS.length],
    ...v.grades.map((g) => (g === "" ? null : g)),
    v.strengths || null,
    v.improve || null,
    v.recommend || null,
    v.status ?? "Final",
    // Visit type, the last published column: left blank, as typed rows often leave it (a team diagnostic).
    null,
    // Issue 12: Themes (strengths) and Themes (areas for improvement), the columns Set up adds at the end.
    ...exampleThemeCells(v.strengths, v.improve),
  ];
}

/** The example workbook: set up as the add-in sets one up, then the visits typed into its table. */
export async function buildExampleWorkbook(): Promise<ExcelJsWorkbook> {
  const workbook = ExcelJsWorkbook.create();
  workbook.workbook.created = FIXED_TIME;
  workbook.workbook.modified = FIXED_TIME;
  workbook.workbook.lastModifiedBy = "Team Diagnostics demo";
  await setUpWorkbook(workbook);
  const rows = VISITS.map(rowValues);
  // The new table's blank first row takes the first visit; the rest are appended below.
  await workbook.apply({
    action: "Type the example visits",
    changes: [
      { kind: "setValues", sheet: "Diagnostics", topLeft: "A2", values: [rows[0]] },
      { kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows: rows.slice(1) },
    ],
  });
  // Issue 11: a 2018-19 round, planned visits, a deep dive and the Actions sheet, below the rows above.
  await addSecondRound(workbook, DIAGNOSTICS_TABLE);
  // Setting up again repairs without touching rows: it adds the typed teams to the Lists sheet's dropdown.
  await setUpWorkbook(workbook);
  return workbook;
}

/** Zip entries carry the time they were written: pin them, so the same workbook gives the same bytes. */
export function pinZipTimestamps(bytes: Uint8Array): Buffer {
  const buffer = Buffer.from(bytes);
  const DOS_TIME = 0x4800; // 09:00:00
  const DOS_DATE = ((2018 - 1980) << 9) | (4 << 5) | 1; // 1 April 2018
  for (let i = 0; i + 4 <= buffer.length; ) {
    const signature = buffer.readUInt32LE(i);
    if (signature === 0x04034b50) {
      buffer.writeUInt16LE(DOS_TIME, i + 10);
      buffer.writeUInt16LE(DOS_DATE, i + 12);
      const flags = buffer.readUInt16LE(i + 6);
      const size = buffer.readUInt32LE(i + 18);
      const nameLength = buffer.readUInt16LE(i + 26);
      const extraLength = buffer.readUInt16LE(i + 28);
      if (flags & 0x08) break; // sizes in a data descriptor: leave the rest as written
      i += 30 + nameLength + extraLength + size;
    } else if (signature === 0x02014b50) {
      buffer.writeUInt16LE(DOS_TIME, i + 12);
      buffer.writeUInt16LE(DOS_DATE, i + 14);
      i += 46 + buffer.readUInt16LE(i + 28) + buffer.readUInt16LE(i + 30) + buffer.readUInt16LE(i + 32);
    } else break;
  }
  return buffer;
}
