/**
 * A realistic Diagnostics workbook on the Excel emulation, for counting round trips: set up by the real
 * setupPlan (20 columns: the four default domains, the overall conclusion, two of a council's own and Visit
 * type, with the Lists sheet, dropdowns and colours), then `rows` visits appended below the table as the add-in appends
 * them, with ~200 characters in each findings cell. A user's own sheet called "Summary" sits beside it, as
 * councils' workbooks often have one. Used by test/officejs/syncCount.test.ts, test/actions/syncBudget.test.ts
 * and `npm run bench`.
 */
import { basisOf } from "../../src/actions/context";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { DEFAULT_DOMAINS, Team, columnDefinitions, compileScale, defaultConfig } from "../../src/domain";
import { CellValue } from "../../src/workbook/plan";
import { DIAGNOSTICS_TABLE, NOT_READ } from "../../src/workbook/port";
import { setupPlan } from "../../src/workbook/setupPlan";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";
import { DiagnosticsRead as ReadRequest, readDiagnosticsSnapshot } from "../../src/workbook/diagnosticsRead";

export const FIVE_MB = 5 * 1024 * 1024;

const AREAS = ["North", "South", "East"];
const BASE = defaultConfig();
/** 23 teams across the services, as in one council's 2017-18 programme. */
const TEAMS: Team[] = Array.from({ length: 23 }, (_, i) => ({
  name: `${BASE.services[i % BASE.services.length]} team ${1 + Math.floor(i / BASE.services.length)}`,
  service: BASE.services[i % BASE.services.length],
  area: AREAS[i % AREAS.length],
}));

export const config = defaultConfig({
  // Keys as the Lists sheet gives them back (configFromLists derives a council's own domain's key from its label).
  domains: [
    ...DEFAULT_DOMAINS,
    { key: "voice-of-the-child", shortLabel: "Voice of the child", fullLabel: "How well the voice of the child is heard" },
    { key: "leadership", shortLabel: "Leadership", fullLabel: "Quality of leadership and management" },
  ],
  teams: TEAMS,
  areas: AREAS,
});
export const columns = columnDefinitions(config);
const grades = compileScale(config.scale).categories.map((c) => c.code);

/** About 200 characters of findings; every fifth starts "- " (a bullet Excel would take for a formula). */
export const narrative = (n: number, what: string) =>
  `${n % 5 === 0 ? "- " : ""}${what} ${n}: managers know their children well; supervision is regular and reflective, ` +
  `though case records do not always show the impact of direct work. Caseloads average ${12 + (n % 9)} per worker.`;

/** One visit, value by value, in the table's column order. */
export function visit(n: number): CellValue[] {
  const team = TEAMS[n % TEAMS.length];
  return columns.map((c, i) => {
    switch (c.key) {
      case "visitId":
        return `V-${String(n).padStart(5, "0")}`;
      case "visitDate":
        return 42950 + (n % 900);
      case "round":
        return "2017-18";
      case "service":
        return team.service;
      case "team":
        return team.name;
      case "area":
        return team.area;
      case "teamManager":
        return "A. Manager";
      case "diagnosticTeam":
        return "B. Reviewer, C. Reviewer (partner council)";
      case "strengths":
        return narrative(n, "Strength");
      case "areasForImprovement":
        return narrative(n, "Improve");
      case "recommendations":
        return narrative(n, "Recommend");
      case "status":
        return "Final";
      case "visitType":
        return "Team diagnostic";
      default:
        return grades[(n + i) % grades.length];
    }
  });
}

/** A row as read without narrative text: NOT_READ where a narrative cell holds anything, null where it is empty. */
export function withoutNarrative(row: readonly CellValue[]): CellValue[] {
  return row.map((v, i) => (columns[i]?.narrative ? (v === null || v === "" ? null : NOT_READ) : v));
}

export const USER_SUMMARY = [["My own notes on the programme"], ["Do not overwrite"]];

export interface RealisticWorkbook {
  emulation: ExcelEmulation;
  workbook: EmulatedWorkbook;
  port: OfficeWorkbook;
}

const ROWS_ONLY: ReadRequest = { rows: true, narrative: false, lists: true, selection: false };

/**
 * Installs the emulation over a new workbook (uninstall it when done) and builds the realistic workbook through
 * the Office.js adapter; the sync counts are reset afterwards. With rows = null, an empty workbook (one Sheet1).
 */
export async function realisticWorkbook(rows: number | null): Promise<RealisticWorkbook> {
  const workbook = new EmulatedWorkbook();
  const emulation = installExcelEmulation(workbook);
  const port = new OfficeWorkbook();
  if (rows !== null) {
    workbook.addSheet("Summary");
    workbook.setValues("Summary", "A1", USER_SUMMARY);
    const snapshot = await readDiagnosticsSnapshot(port, ROWS_ONLY);
    await port.apply({ ...setupPlan(snapshot, config), basis: basisOf(snapshot) });
    if (rows > 0) {
      const visits = Array.from({ length: rows }, (_, i) => visit(i + 1));
      await port.apply({ action: "Record visits", changes: [{ kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows: visits }] });
    }
  }
  emulation.reset();
  return { emulation, workbook, port };
}
