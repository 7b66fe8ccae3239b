import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { CliIO, run } from "../../src/cli/main";
import { columnDefinitions, defaultConfig } from "../../src/domain";
import { listsSheetValues } from "../../src/workbook/listsSheet";

/** The default Diagnostics headers (test/domain/visits.test.ts pins them to the published list). */
export const HEADERS = columnDefinitions(defaultConfig()).map((d) => d.header);

export type Row = Record<string, unknown>;

/** 7 August 2017 as a real date (UTC midnight, as spreadsheet libraries hold dates). */
export const AUG_7_2017 = new Date(Date.UTC(2017, 7, 7));

let n = 0;
export function visit(service: string, grades: [unknown, unknown, unknown, unknown, unknown], extra: Row = {}): Row {
  n++;
  return {
    "Visit ID": `TD-${String(n).padStart(3, "0")}`,
    "Visit date": AUG_7_2017,
    Round: "1",
    Service: service,
    Team: `${service} Team ${n}`,
    Area: n % 2 ? "North" : "South",
    "Team manager": "A. Manager",
    "Diagnostic team": "B. Reviewer, C. Reviewer",
    "Allocation and workload": grades[0],
    "Practice and direct work": grades[1],
    "Monitoring and supervision": grades[2],
    "Joint working": grades[3],
    "Overall conclusion": grades[4],
    Strengths: "Narrative that must never reach the summary.",
    "Areas for improvement": "More narrative.",
    Recommendations: "Even more narrative.",
    Status: "Final",
    ...extra,
  };
}

/**
 * The published examples of domain.md, one service each where the totals differ:
 * Safeguarding (9 visits) gives "RI (5 x RI, 3 x I, 1 x G)", "RI (6 x RI, 3 x no judgement)" and
 * "Requires Improvement (7 x RI, 2 x I)"; Assessment (2) gives "RI / I (2 x RI / I)"; Children in care (3)
 * gives "I (2 x I, 1 x RI)". Grades are typed the messy ways people type them.
 */
export function knownRows(): Row[] {
  n = 0;
  const alloc = ["RI", "ri", "R.I.", "Requires improvement to be good", "RI", "I", "I", "Inadequate", "good "];
  const joint = ["RI", "RI", "RI", "RI", "RI", "RI", "NJ", "No judgement", "nj"];
  const overall = ["RI", "RI", "RI", "RI", "RI", "RI", "RI", "I", "I"];
  const rows: Row[] = [];
  for (let i = 0; i < 9; i++) rows.push(visit("Safeguarding", [alloc[i], "G", "RI", joint[i], overall[i]]));
  rows.push(visit("Assessment", ["RI/I", "RI / I", "RI/I", "ri / i", "RI / I"]));
  rows.push(visit("Assessment", ["RI / I", "RI/I", "RI / I", "RI / I", "RI/I"]));
  rows.push(visit("Children in care", ["G", "I", "G", "G", "G"]));
  rows.push(visit("Children in care", ["G", "I", "G", "G", "G"]));
  rows.push(visit("Children in care", ["G", "RI", "G", "G", "G"]));
  // A draft, a row with a mistyped grade, and a blank row.
  rows.push(visit("Safeguarding", ["", "", "", "", ""], { Status: "Draft" }));
  rows.push(visit("Safeguarding", ["Requires Imprvement", "G", "G", "G", "G"]));
  rows.push({});
  return rows;
}

export interface SheetSpec {
  name?: string;
  headers?: string[];
  rows: Row[];
  /** Rows written above the header. */
  titles?: unknown[][];
  /** Write the data as an Excel table with this name. */
  table?: string;
}

/** A workbook written straight with ExcelJS (not through the adapter under test). */
export async function writeXlsx(file: string, sheets: SheetSpec[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name ?? "Diagnostics");
    const headers = spec.headers ?? HEADERS;
    for (const title of spec.titles ?? []) ws.addRow(title);
    const values = spec.rows.map((r) => headers.map((h) => (h in r ? (r[h] as ExcelJS.CellValue) : null)));
    if (spec.table) {
      ws.addTable({
        name: spec.table,
        ref: `A${(spec.titles?.length ?? 0) + 1}`,
        columns: headers.map((h) => ({ name: h, filterButton: true })),
        rows: values,
      });
    } else {
      ws.addRow(headers);
      for (const v of values) ws.addRow(v);
    }
    ws.getColumn(2).numFmt = "dd/mm/yyyy";
  }
  await wb.xlsx.writeFile(file);
}

export function csvText(rows: Row[], headers = HEADERS): string {
  const field = (v: unknown) => {
    const s = v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers, ...rows.map((r) => headers.map((h) => r[h]))].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "td-cli-"));
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process. */
export async function cli(...argv: string[]): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A row of the Actions table (its narrative made up from the ID, so a test can look for it in outputs). */
export function actionRow(id: string, visitId: string, service: string, team: string, due: string | null, status: string, extra: Row = {}): Row {
  return {
    "Action ID": id,
    "Visit ID": visitId,
    Service: service,
    Team: team,
    Recommendation: `Recommendation of ${id}`,
    Action: `Secret action text ${id}`,
    Owner: "Owner Person",
    "Due date": due ? new Date(`${due}T00:00:00Z`) : null,
    Status: status,
    Progress: "",
    "Completed date": null,
    ...extra,
  };
}

/** A Lists sheet as the add-in writes it, with any services accepted and the tie rule given. */
export function listsSheet(tieRule: "cautious" | "split"): SheetSpec {
  const values = listsSheetValues({ ...defaultConfig({ services: [] }), tieRule });
  const headers = values[0].map(String);
  const rows: Row[] = values.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? null])));
  return { name: "Lists", headers, rows };
}
