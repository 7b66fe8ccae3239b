/**
 * What the example workbook gained for issue 11 (and issue 12's two rounds): a 2018-19 round of re-visits (some
 * grades better, some worse, one team renamed), planned visits, a deep dive (the optional Visit type column) and
 * an Actions sheet. Every team, person and finding is invented. Written after the 2017-18 rows, so the rows and
 * cells the README quotes stay where they were.
 */
import { ActionItem, actionRecord, recordTable, toExcelSerial } from "../src/domain";
import { CellValue, WorkbookChange } from "../src/workbook/plan";
import { WorkbookPort } from "../src/workbook/port";
import { tableFormats, tableStructure } from "../src/workbook/tablePlan";
import { exampleThemeCells } from "./exampleThemes";

/** The day the demo works the programme and the overdue actions out for: fixed, so the output never changes. */
export const DEMO_TODAY = "2018-10-31";

export const VISIT_TYPE_HEADER = "Visit type";

type Grades = [string, string, string, string, string];

interface LaterVisit {
  id: string;
  date: string;
  service: string;
  team: string;
  area: string;
  manager: string;
  grades: Grades;
  status: "Final" | "Planned";
  type?: "Deep dive";
  strengths?: string;
  improve?: string;
  recommend?: string;
}

const NONE: Grades = ["", "", "", "", ""];

/** 2018-19: re-visits to teams seen in 2017-18 (earlier for the lower grades), then the visits planned. */
const LATER: LaterVisit[] = [
  // Improved: I → RI.
  { id: "TD-2018-001", date: "2018-05-08", service: "Safeguarding", team: "Safeguarding Team 3 (North)", area: "North", manager: "H. Manager", grades: ["RI", "RI", "RI", "RI", "RI"], status: "Final", strengths: "Supervision is monthly again.", improve: "Plans still vary in quality.", recommend: "Peer review of plans each quarter." },
  { id: "TD-2018-002", date: "2018-05-15", service: "Safeguarding", team: "Safeguarding Team 6 (East)", area: "East", manager: "L. Manager", grades: ["RI", "RI", "RI", "RI", "RI"], status: "Final", strengths: "Permanent staff recruited.", improve: "Induction is informal.", recommend: "Write an induction checklist." },
  // Declined: RI → I.
  { id: "TD-2018-003", date: "2018-05-22", service: "Assessment", team: "Assessment Team 2 (South)", area: "South", manager: "D. Manager", grades: ["I", "I", "I", "RI", "I"], status: "Final", strengths: "Children are still seen promptly.", improve: "Assessments drift further.", recommend: "Daily huddle on assessments past 35 days." },
  // Improved: RI → G.
  { id: "TD-2018-004", date: "2018-06-05", service: "Front door and MASH", team: "Front Door Team (Central)", area: "Central", manager: "A. Manager", grades: ["G", "G", "G", "G", "G"], status: "Final", strengths: "Thresholds applied consistently.", improve: "Out-of-hours handover.", recommend: "Agree a handover form with the emergency duty team." },
  // Renamed since 2017-18 (was "Safeguarding Team 9 (Central)"): the same team, the same grade.
  { id: "TD-2018-005", date: "2018-07-10", service: "Safeguarding", team: "Safeguarding Team 9 (Central and West)", area: "Central", manager: "P. Manager", grades: ["RI", "RI", "RI", "RI", "RI"], status: "Final", strengths: "Merged team settled quickly.", improve: "Two ways of recording.", recommend: "One recording template for the merged team." },
  // Declined: G → RI.
  { id: "TD-2018-006", date: "2018-08-14", service: "Children in care", team: "Children in Care Team 2 (South)", area: "South", manager: "R. Manager", grades: ["RI", "RI", "G", "RI", "RI"], status: "Final", strengths: "Children see the same worker.", improve: "Caseloads have risen.", recommend: "Review caseloads monthly." },
  // A deep dive into a whole function: no team, no grades.
  { id: "TD-2018-007", date: "2018-06-12", service: "Fostering", team: "", area: "", manager: "", grades: NONE, status: "Final", type: "Deep dive", strengths: "Carers feel supported.", improve: "Recruitment of carers for teenagers.", recommend: "Targeted recruitment campaign." },
  // Planned visits: on the programme, never counted.
  { id: "TD-2018-008", date: "2018-11-13", service: "Safeguarding", team: "Safeguarding Team 2 (North)", area: "North", manager: "G. Manager", grades: NONE, status: "Planned" },
  { id: "TD-2018-009", date: "2018-11-20", service: "Safeguarding", team: "Safeguarding Team 8 (Central)", area: "Central", manager: "N. Manager", grades: NONE, status: "Planned" },
  { id: "TD-2018-010", date: "2019-01-15", service: "Care leaving", team: "Care Leavers Team 1 (North)", area: "North", manager: "S. Manager", grades: NONE, status: "Planned" },
];

const REVIEWERS = "J. Reviewer, K. Reviewer";

/** The rows in the Diagnostics table's column order as Set up makes it: Status, Visit type, then the two theme columns. */
export function laterRows(): CellValue[][] {
  return LATER.map((v) => [
    v.id,
    toExcelSerial(v.date),
    "2018-19",
    v.service,
    v.team || null,
    v.area || null,
    v.manager || null,
    v.status === "Planned" ? null : REVIEWERS,
    ...v.grades.map((g) => (g === "" ? null : g)),
    v.strengths ?? null,
    v.improve ?? null,
    v.recommend ?? null,
    v.status,
    v.type ?? null,
    // Issue 12: the two theme columns Set up adds after Visit type, the last of the published columns.
    ...(v.status === "Planned" ? [null, null] : exampleThemeCells(v.strengths, v.improve)),
  ]);
}

const action = (a: Omit<ActionItem, "progress" | "completedDate"> & Partial<ActionItem>): ActionItem => ({ progress: "", completedDate: "", ...a });

/** Action plans from 2017-18 visits: some complete, some on track, some overdue on DEMO_TODAY. */
export const EXAMPLE_ACTIONS: ActionItem[] = [
  action({ actionId: "TD-2017-008-A1", visitId: "TD-2017-008", service: "Safeguarding", team: "Safeguarding Team 3 (North)", recommendation: "Restore monthly supervision for every worker.", action: "Supervision diary for every worker, checked by the service manager.", owner: "H. Manager", dueDate: "2018-02-21", status: "Complete", progress: "Every worker supervised monthly since January.", completedDate: "2018-02-14" }),
  action({ actionId: "TD-2017-007-A1", visitId: "TD-2017-007", service: "Safeguarding", team: "Safeguarding Team 2 (North)", recommendation: "Managers to check visit timeliness monthly.", action: "Monthly timeliness report to team meeting.", owner: "G. Manager", dueDate: "2018-02-14", status: "On track", progress: "Report drafted." }),
  action({ actionId: "TD-2017-011-A1", visitId: "TD-2017-011", service: "Safeguarding", team: "Safeguarding Team 6 (East)", recommendation: "Prioritise permanent recruitment.", action: "Recruitment campaign with the workforce team.", owner: "L. Manager", dueDate: "2018-03-12", status: "Complete", progress: "Three permanent workers started.", completedDate: "2018-04-30" }),
  action({ actionId: "TD-2017-004-A1", visitId: "TD-2017-004", service: "Assessment", team: "Assessment Team 2 (South)", recommendation: "Weekly tracking of open assessments.", action: "Weekly tracker reviewed at team meeting.", owner: "D. Manager", dueDate: "2018-01-10", status: "Off track", progress: "Tracker not kept up over the summer." }),
  action({ actionId: "TD-2017-016-A1", visitId: "TD-2017-016", service: "Children in care", team: "Children in Care Team 2 (South)", recommendation: "Track health assessments with the health team.", action: "Joint tracker with the looked-after children's nurse.", owner: "R. Manager", dueDate: "2018-05-13", status: "At risk", progress: "Nurse post vacant." }),
  action({ actionId: "TD-2017-017-A1", visitId: "TD-2017-017", service: "Care leaving", team: "Care Leavers Team 1 (North)", recommendation: "Review pathway plans every six months.", action: "Six-monthly pathway plan review dates in the case system.", owner: "S. Manager", dueDate: "2018-11-20", status: "On track", progress: "Half the plans reviewed." }),
  action({ actionId: "TD-2018-004-A1", visitId: "TD-2018-004", service: "Front door and MASH", team: "Front Door Team (Central)", recommendation: "Agree a handover form with the emergency duty team.", action: "Handover form agreed and in use.", owner: "A. Manager", dueDate: "2018-09-05", status: "Not started" }),
];

/**
 * Adds the Visit type column to the Diagnostics table when Set up has not, the later rows below it, and the Actions table with its
 * rows: the Actions table as Set up makes it (tableStructure with the action kind) unless it is already there.
 */
export async function addSecondRound(workbook: WorkbookPort, diagnosticsTable: string): Promise<void> {
  // Set up makes the Visit type column since issue 11 §4; a table made before it gets it here.
  const diagnostics = (await workbook.read({ tables: [{ name: diagnosticsTable, rows: false }], selection: false })).found[diagnosticsTable];
  const hasType = (diagnostics?.headers ?? []).some((h) => String(h).trim().toLowerCase() === VISIT_TYPE_HEADER.toLowerCase());
  await workbook.apply({
    action: "Add the 2018-19 round, planned visits and a deep dive",
    changes: [
      ...(hasType ? [] : [{ kind: "addTableColumns" as const, table: diagnosticsTable, headers: [VISIT_TYPE_HEADER] }]),
      { kind: "appendTableRows", table: diagnosticsTable, rows: laterRows() },
    ],
  });
  const read = await workbook.read({ tables: [{ name: actionRecord.table, rows: false }], selection: false });
  const existing = read.found[actionRecord.table];
  const changes: WorkbookChange[] = [];
  let headers: unknown[];
  if (existing) headers = existing.headers;
  else {
    const { changes: make, placement } = tableStructure(actionRecord, null, read.sheets);
    changes.push(...make, ...tableFormats(actionRecord, placement));
    headers = placement.headers;
  }
  const table = recordTable(actionRecord, headers);
  changes.push({ kind: "appendTableRows", table: actionRecord.table, rows: EXAMPLE_ACTIONS.map((a) => table.row(a, headers.length) as CellValue[]) });
  await workbook.apply({ action: "Type the example actions", changes });
}
