import { DiagnosticsConfig, STATUS_DRAFT, STATUS_FINAL, gradedColumns } from "./config";
import { cellAddress } from "./cells";
import { IsoDate, parseVisitDate } from "./dates";
import { ColumnDefinition, columnDefinitions, gradeKey, matchHeaders } from "./fields";
import { CompiledScale, compileScale, parseGrade } from "./scale";
import { cellText, foldLabel, isBlank } from "./text";

/** A block of a sheet: its header row and the rows under it, as read. */
export interface RawTable {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** 0-based sheet column of the first header. */
  firstColumn: number;
  headers: unknown[];
  rows: unknown[][];
  /** Every value arrives as text (CSV), so a text date is no problem. */
  textOnly?: boolean;
}

export type Severity = "error" | "warning";

/** A problem with one cell; errors leave the row out of every table, warnings do not. */
export interface Problem {
  sheet: string;
  row: number;
  column: string;
  cell: string;
  message: string;
  severity: Severity;
}

/** A visit that counts: every required field present and every grade recognised. */
export interface Visit {
  row: number;
  visitId: string;
  visitDate: IsoDate;
  round: string;
  service: string;
  team: string;
  area: string;
  /** Canonical grade code per domain key. */
  grades: Record<string, string>;
}

export interface ExcludedRow {
  sheet: string;
  row: number;
  reasons: string[];
}

export interface ValidationResult {
  visits: Visit[];
  drafts: number;
  excluded: ExcludedRow[];
  problems: Problem[];
}

export class MissingColumnsError extends Error {
  constructor(
    readonly sheet: string,
    readonly missing: ColumnDefinition[],
  ) {
    super(`Sheet "${sheet}" has no column for ${missing.map((m) => `"${m.header}"`).join(", ")}.`);
  }
}

function canonicalFrom(list: readonly string[], value: string): string | null {
  if (list.length === 0) return value;
  const folded = foldLabel(value);
  return list.find((item) => foldLabel(item) === folded) ?? null;
}

/** Checks every row of a Diagnostics table and returns the visits that count. Blank rows are skipped silently. */
export function validateTable(
  table: RawTable,
  config: DiagnosticsConfig,
  compiled: CompiledScale = compileScale(config.scale),
): ValidationResult {
  const match = matchHeaders(table.headers, config);
  if (match.missingRequired.length > 0) throw new MissingColumnsError(table.sheet, match.missingRequired);
  const headerText = new Map(columnDefinitions(config).map((d) => [d.key, d.header]));
  const at = (key: string) => match.columns.get(key);
  const graded = gradedColumns(config);
  const teamNames = config.teams.map((t) => t.name);
  const visits: Visit[] = [];
  const excluded: ExcludedRow[] = [];
  const problems: Problem[] = [];
  const firstRowOfId = new Map<string, number>();
  let drafts = 0;

  table.rows.forEach((cells, i) => {
    if (cells.every(isBlank)) return;
    const row = table.headerRow + 1 + i;
    const rowProblems: Problem[] = [];
    const report = (key: string, message: string, severity: Severity = "error") => {
      const column = at(key) ?? 0;
      rowProblems.push({
        sheet: table.sheet,
        row,
        column: cellText(table.headers[column]) || (headerText.get(key) ?? key),
        cell: cellAddress(table.firstColumn + column, row),
        message,
        severity,
      });
    };
    const text = (key: string) => {
      const column = at(key);
      return column === undefined ? "" : cellText(cells[column]).trim();
    };

    const statusText = text("status");
    const status = statusText === "" ? STATUS_FINAL : canonicalFrom([STATUS_DRAFT, STATUS_FINAL], statusText);
    if (status === null) report("status", `Status "${statusText}" is not Draft or Final.`);
    const isDraft = status === STATUS_DRAFT;
    // A draft is work in progress: only values that are wrong, not ones still missing, are problems.
    const missing = (key: string, label: string) => {
      if (!isDraft) report(key, `${label} is missing.`);
    };

    const visitId = text("visitId");
    if (visitId !== "") {
      const first = firstRowOfId.get(foldLabel(visitId));
      if (first !== undefined) report("visitId", `Visit ID "${visitId}" is also used on row ${first}.`);
      else firstRowOfId.set(foldLabel(visitId), row);
    }

    const serviceText = text("service");
    let service = serviceText;
    if (serviceText === "") missing("service", "Service");
    else {
      const known = canonicalFrom(config.services, serviceText);
      if (known === null) report("service", `Service "${serviceText}" is not on the list of services.`);
      else service = known;
    }

    const team = text("team");
    if (team === "") missing("team", "Team");
    else if (canonicalFrom(teamNames, team) === null) {
      report("team", `Team "${team}" is not on the list of teams.`, "warning");
    }

    const area = text("area");
    if (area !== "" && canonicalFrom(config.areas, area) === null) {
      report("area", `Area "${area}" is not on the list of areas.`, "warning");
    }

    let visitDate: IsoDate = "";
    const dateColumn = at("visitDate");
    const date = parseVisitDate(dateColumn === undefined ? null : cells[dateColumn]);
    if (date.kind === "blank") missing("visitDate", "Visit date");
    else if (date.kind === "invalid") report("visitDate", `Visit date ${date.message}`);
    else {
      visitDate = date.date;
      if (date.typedAsText && !table.textOnly) {
        report("visitDate", `Visit date "${text("visitDate")}" is typed as text; it counts as ${date.date}, but Excel cannot sort or filter it as a date.`, "warning");
      }
    }

    const grades: Record<string, string> = {};
    for (const domain of graded) {
      const key = gradeKey(domain.key);
      const column = at(key);
      const parsed = parseGrade(column === undefined ? null : cells[column], compiled);
      if (parsed.kind === "blank") missing(key, `${domain.shortLabel} grade`);
      else if (parsed.kind === "unrecognised") report(key, parsed.message);
      else grades[domain.key] = parsed.category.code;
    }

    problems.push(...rowProblems);
    if (isDraft) {
      drafts++;
      return;
    }
    const errors = rowProblems.filter((p) => p.severity === "error");
    if (errors.length > 0) {
      excluded.push({ sheet: table.sheet, row, reasons: errors.map((p) => `${p.cell}: ${p.message}`) });
      return;
    }
    visits.push({ row, visitId, visitDate, round: text("round"), service, team, area, grades });
  });

  return { visits, drafts, excluded, problems };
}

/** "Diagnostics!G27: message" */
export function describeProblem(problem: Problem): string {
  const sheet = /^[A-Za-z0-9_]+$/.test(problem.sheet) ? problem.sheet : `'${problem.sheet.replace(/'/g, "''")}'`;
  const tag = problem.severity === "warning" ? " (warning)" : "";
  return `${sheet}!${problem.cell}${tag}: ${problem.message}`;
}
