import { DiagnosticsConfig, STATUSES, STATUS_DRAFT, STATUS_FINAL, STATUS_FOR_MODERATION, STATUS_PLANNED, VISIT_TYPES, VISIT_TYPE_DEEP_DIVE, gradedColumns } from "./config";
import { cellAddress } from "./cells";
import { DateParse, IsoDate, formatBritishDate, formatLongDate, parseVisitDate } from "./dates";
import { ColumnDefinition } from "./fields";
import { FirstRowOfId } from "./visitIds";
import { VISIT_TYPE_COLUMN, VisitPlace, gradeKey, matchColumns, recordTable, visitRecord } from "./records";
import { CompiledScale, compileScale, parseGrade } from "./scale";
import { cellText, foldLabel } from "./text";
import {
  CheckOptions,
  duplicateVisitMessage,
  futureDateMessage,
  gradeSpellingMessage,
  teamOutsideService,
  teamOutsideServiceMessage,
  teamsByService,
} from "./checks/rowChecks";
import { unquotedMessage } from "./privacy";
import { headerProblems } from "./checks/headerChecks";
import { canonicalLookup, memo } from "./lookups";
import { canonicalRound } from "./rounds";
import { THEME_KEYS, UNKNOWN_THEME_BRIEF, VisitThemeNames, readThemeCell, themeColumnsIn, themeLookup, unknownThemeMessage } from "./checks/themeChecks";

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

/** Diagnostics began in the 2010s: an earlier visit date is a typing slip. */
export const EARLIEST_VISIT: IsoDate = "2000-01-01";

/** A problem with one cell; errors leave the row out of every table, warnings do not. */
export interface Problem {
  sheet: string;
  row: number;
  column: string;
  cell: string;
  message: string;
  severity: Severity;
  /**
   * The problem without any of the cell's content, e.g. "J25: Joint working grade is not on the scale": what
   * summaries and reports say of a row left out, since a mistyped cell may hold a name or a finding.
   */
  brief: string;
}

/** A visit that counts: every required field present and every grade recognised. */
export interface Visit extends VisitPlace {
  row: number;
  /** The themes confirmed on the visit (issue 12); only when the table has a theme column. */
  themes?: VisitThemeNames;
}

export interface ExcludedRow {
  sheet: string;
  row: number;
  /** Each error's brief: the cell and the kind of problem, never the cell's content. */
  reasons: string[];
  /** Round and date when they could be read, so a filtered summary mentions only its own rows. */
  round: string;
  visitDate: IsoDate | null;
}

/** A draft, counted only: its round and date let a filtered summary count only its own drafts. */
export interface DraftRow {
  row: number;
  round: string;
  visitDate: IsoDate | null;
}

/** A visit with Status Planned: it has not happened, so it has no grades and is never counted (issue 11 §3). */
export interface PlannedRow extends Omit<VisitPlace, "grades"> {
  row: number;
}

/** A deep dive into a whole function (Visit type "Deep dive"): never counted in the grade tables (issue 11 §4). */
export interface DeepDiveRow {
  row: number;
  visitId: string;
  visitDate: IsoDate;
  round: string;
  /** The function looked at, as typed in the Service column. */
  service: string;
}

export interface ValidationResult {
  visits: Visit[];
  drafts: DraftRow[];
  excluded: ExcludedRow[];
  problems: Problem[];
  /** Planned visits that could be read (validateTable always fills this). */
  planned?: PlannedRow[];
  /** Final deep dives (validateTable always fills this). */
  deepDives?: DeepDiveRow[];
  /** True when the table has a theme column (visitThemes.ts): only then do summaries count themes. */
  themeColumns?: boolean;
  /** Visits For moderation: checked like Final ones, never counted (issue 15; validateTable always fills this). */
  forModeration?: DraftRow[];
}

export class MissingColumnsError extends Error {
  constructor(
    readonly sheet: string,
    readonly missing: ColumnDefinition[],
  ) {
    super(`Sheet "${sheet}" has no column for ${missing.map((m) => `"${m.header}"`).join(", ")}.`);
  }
}

/** Serials up to this (2228-07-11, past any date the reader accepts) are cached by index. */
const MAX_SERIAL_INDEX = 120000;

function rowIsBlank(cells: readonly unknown[]): boolean {
  for (const cell of cells) {
    if (cell === null || cell === undefined || cell === "") continue;
    if (typeof cell !== "string" || cell.trim() !== "") return false;
  }
  return true;
}

/** Appends to a row's problems, making the list only when the row has one (most rows have none). */
function withProblem(found: Problem[] | null, problem: Problem): Problem[] {
  if (!found) return [problem];
  found.push(problem);
  return found;
}

function textAt(cells: readonly unknown[], column: number | undefined): string {
  if (column === undefined) return "";
  const cell = cells[column];
  return typeof cell === "string" ? cell.trim() : cellText(cell).trim();
}

/** Checks every row of a Diagnostics table and returns the visits that count. Blank rows are skipped silently. */
export function validateTable(
  table: RawTable,
  config: DiagnosticsConfig,
  compiled: CompiledScale = compileScale(config.scale),
  options: CheckOptions = {},
): ValidationResult {
  const kind = visitRecord(config, compiled);
  // The header row is matched once; the loop below reads each row by the positions found.
  const match = recordTable(kind, table.headers);
  if (match.missingRequired.length > 0) throw new MissingColumnsError(table.sheet, match.missingRequired);
  const headerText = new Map(kind.columns.map((d) => [d.key, d.header]));
  const at = (key: string) => match.columns.get(key);
  const col = {
    status: at("status"),
    visitId: at("visitId"),
    service: at("service"),
    team: at("team"),
    area: at("area"),
    visitDate: at("visitDate"),
    round: at("round"),
    // Optional and not made by Set up, so the published columns are unchanged: read when a workbook has it.
    visitType: matchColumns(table.headers, [VISIT_TYPE_COLUMN]).columns.get(VISIT_TYPE_COLUMN.key),
  };
  const graded = gradedColumns(config).map((domain) => ({ domain, key: gradeKey(domain.key), column: at(gradeKey(domain.key)) }));
  const columnName = (key: string) => {
    const column = at(key) ?? 0;
    return { column, name: cellText(table.headers[column]) || (headerText.get(key) ?? key) };
  };
  const names = new Map([...headerText.keys()].map((key) => [key, columnName(key)]));
  if (col.visitType !== undefined) {
    names.set(VISIT_TYPE_COLUMN.key, { column: col.visitType, name: cellText(table.headers[col.visitType]) || VISIT_TYPE_COLUMN.header });
  }
  // The optional theme columns (issue 12), read when a workbook has them; a name not on the Lists sheet is a warning.
  const themeCols = themeColumnsIn(table.headers);
  for (const [key, column] of themeCols ? ([[THEME_KEYS.strengths, themeCols.strengths], [THEME_KEYS.areas, themeCols.areas]] as const) : []) {
    if (column !== undefined) names.set(key, { column, name: cellText(table.headers[column]) });
  }
  const knownThemes = themeLookup(config);

  // Lookups computed once per distinct text, not once per row.
  const services = canonicalLookup(config.services);
  // A renamed team's earlier names (Lists "Previously called") are known names too: older rounds use them.
  const teams = canonicalLookup(config.teams.flatMap((t) => [t.name, ...(t.previouslyCalled ?? [])]));
  const areas = canonicalLookup(config.areas);
  const statuses = canonicalLookup(STATUSES)!;
  const visitTypes = canonicalLookup(VISIT_TYPES)!;
  const fold = memo(foldLabel);
  const grade = memo((text) => parseGrade(text, compiled));
  const textDate = memo((text) => parseVisitDate(text));
  const roundText = memo(canonicalRound);
  const serviceTeams = teamsByService(config);
  const today = options.today;
  const spelling = options.spelling === true;
  const duplicates = options.duplicates === true;
  const firstRowOfVisit = new Map<string, number>();

  const visits: Visit[] = [];
  const excluded: ExcludedRow[] = [];
  const problems: Problem[] = headerProblems(table, kind.columns, options.absentOverall ?? null);
  const firstRowOfId = new FirstRowOfId();
  const drafts: DraftRow[] = [];
  const forModeration: DraftRow[] = [];
  const planned: PlannedRow[] = [];
  const deepDives: DeepDiveRow[] = [];

  const serialDate = new Map<number, DateParse>();
  // Whole serials (every date Excel stores) by index: an array look-up is cheaper than a Map of numbers.
  const daySerial: (DateParse | undefined)[] = [];
  const dateOf = (raw: unknown): DateParse => {
    if (typeof raw === "string") return textDate(raw);
    if (typeof raw !== "number") return parseVisitDate(raw);
    if (raw >= 0 && raw <= MAX_SERIAL_INDEX && Number.isInteger(raw)) {
      let day = daySerial[raw];
      if (day === undefined) daySerial[raw] = day = parseVisitDate(raw);
      return day;
    }
    let parsed = serialDate.get(raw);
    if (!parsed) serialDate.set(raw, (parsed = parseVisitDate(raw)));
    return parsed;
  };
  const problem = (key: string, row: number, message: string, severity: Severity, brief = message): Problem => {
    const { column, name } = names.get(key) ?? columnName(key);
    const cell = cellAddress(table.firstColumn + column, row);
    // A cell that looks like personal data is never quoted (only problem rows pay for the look).
    return { sheet: table.sheet, row, column: name, cell, message: unquotedMessage(message, brief), severity, brief: `${cell}: ${brief}` };
  };

  // No closures inside this loop: it runs once per row, 100,000 times in the benchmark.
  for (let i = 0; i < table.rows.length; i++) {
    const cells = table.rows[i];
    if (rowIsBlank(cells)) continue;
    const row = table.headerRow + 1 + i;
    let found: Problem[] | null = null;

    const statusText = textAt(cells, col.status);
    const status = statusText === "" ? STATUS_FINAL : (statuses.get(fold(statusText)) ?? null);
    if (status === null) found = withProblem(found, problem("status", row, `Status "${statusText}" is not Draft, For moderation, Final or Planned.`, "error", "Status is not Draft, For moderation, Final or Planned."));
    // A draft is work in progress: only values that are wrong, not ones still missing, are problems.
    const isDraft = status === STATUS_DRAFT;
    // A planned visit has not happened: it needs its service, team and date, and no grades.
    const isPlanned = status === STATUS_PLANNED;
    let isDeepDive = false;
    if (col.visitType !== undefined) {
      const typeText = textAt(cells, col.visitType);
      const type = typeText === "" ? VISIT_TYPES[0] : visitTypes.get(fold(typeText));
      if (type === undefined) found = withProblem(found, problem(VISIT_TYPE_COLUMN.key, row, `Visit type "${typeText}" is not ${VISIT_TYPES.join(" or ")}.`, "error", "Visit type is not on the list."));
      isDeepDive = type === VISIT_TYPE_DEEP_DIVE;
    }
    // A deep dive names a function, not a service, may have no team, and is not graded.
    const gradesOptional = isDraft || isPlanned || isDeepDive;

    const visitId = textAt(cells, col.visitId);
    if (visitId !== "") {
      const first = firstRowOfId.firstRow(visitId, row);
      if (first !== undefined) found = withProblem(found, problem("visitId", row, `Visit ID "${visitId}" is also used on row ${first}.`, "error", `Visit ID is also used on row ${first}.`));
    }

    let service = textAt(cells, col.service);
    if (service === "") {
      if (!isDraft) found = withProblem(found, problem("service", row, "Service is missing.", "error"));
    } else if (services && !isDeepDive) {
      const known = services.get(fold(service));
      if (known === undefined) found = withProblem(found, problem("service", row, `Service "${service}" is not on the list of services.`, "error", "Service is not on the list of services."));
      else service = known;
    }

    const team = textAt(cells, col.team);
    if (team === "") {
      if (!isDraft && !isDeepDive) found = withProblem(found, problem("team", row, "Team is missing.", "error"));
    } else if (teams && !teams.has(fold(team))) {
      found = withProblem(found, problem("team", row, `Team "${team}" is not on the list of teams.`, "warning", "Team is not on the list of teams."));
    } else if (service !== "" && !isDeepDive && teamOutsideService(team, service, serviceTeams, fold)) {
      const message = teamOutsideServiceMessage(team, service);
      found = withProblem(found, problem("team", row, message, "error", "Team is not one of its service's teams."));
    }

    const area = textAt(cells, col.area);
    if (area !== "" && areas && !areas.has(fold(area))) {
      found = withProblem(found, problem("area", row, `Area "${area}" is not on the list of areas.`, "warning", "Area is not on the list of areas."));
    }

    let themes: VisitThemeNames | undefined;
    if (themeCols) {
      const strengths = readThemeCell(textAt(cells, themeCols.strengths), knownThemes);
      const areasFor = readThemeCell(textAt(cells, themeCols.areas), knownThemes);
      for (const name of strengths.unknown) found = withProblem(found, problem(THEME_KEYS.strengths, row, unknownThemeMessage(name), "warning", UNKNOWN_THEME_BRIEF));
      for (const name of areasFor.unknown) found = withProblem(found, problem(THEME_KEYS.areas, row, unknownThemeMessage(name), "warning", UNKNOWN_THEME_BRIEF));
      themes = { strengths: strengths.names, areasForImprovement: areasFor.names };
    }

    let visitDate: IsoDate = "";
    const date = dateOf(col.visitDate === undefined ? null : cells[col.visitDate]);
    if (date.kind === "blank") {
      if (!isDraft) found = withProblem(found, problem("visitDate", row, "Visit date is missing.", "error"));
    } else if (date.kind === "invalid") found = withProblem(found, problem("visitDate", row, `Visit date ${date.message}`, "error", "Visit date is not a date."));
    else if (date.date < EARLIEST_VISIT) {
      // A year or another small number typed into a date cell reads as a date in 1900-1905: never a visit.
      found = withProblem(found, problem("visitDate", row, `Visit date ${formatBritishDate(date.date)} is before 2000: check the cell holds the date of the visit.`, "error", "Visit date is before 2000."));
    } else if (today !== undefined && date.date > today && !isPlanned) {
      // (A planned visit is after today by nature: it has not happened yet.)
      // A visit after today is a typing slip (01/01/2099); a draft may be a visit being planned, so only warned of.
      const message = futureDateMessage(date.date, today);
      found = withProblem(found, problem("visitDate", row, message, isDraft ? "warning" : "error", "Visit date is after today."));
      if (isDraft) visitDate = date.date;
    } else {
      visitDate = date.date;
      if (date.typedAsText && !table.textOnly) {
        const typed = textAt(cells, col.visitDate);
        const message = `Visit date "${typed}" is typed as text; it counts as ${formatLongDate(date.date)}, but Excel cannot sort or filter it as a date.`;
        found = withProblem(found, problem("visitDate", row, message, "warning"));
      }
    }

    if (duplicates && visitDate !== "" && team !== "") {
      const visitKey = `${fold(team)}|${visitDate}`;
      const first = firstRowOfVisit.get(visitKey);
      if (first === undefined) firstRowOfVisit.set(visitKey, row);
      else {
        const message = duplicateVisitMessage(team, visitDate, first, row);
        found = withProblem(found, problem("visitDate", row, message, "warning", `Rows ${first} and ${row} are visits of one team on one date.`));
      }
    }

    // A financial year typed another way (2017/18) is the one round 2017-18, with a warning when asked, as for grades.
    const typedRound = textAt(cells, col.round);
    const round = roundText(typedRound);
    if (spelling && round !== typedRound) {
      found = withProblem(found, problem("round", row, `Round "${typedRound}" counts as ${round}.`, "warning", "Round is not in its usual spelling."));
    }

    const grades: Record<string, string> = {};
    for (let g = 0; g < graded.length; g++) {
      const { domain, key, column } = graded[g];
      const typed = textAt(cells, column);
      const parsed = grade(typed);
      if (parsed.kind === "grade") {
        grades[domain.key] = parsed.category.code;
        if (spelling && typed !== parsed.category.code) {
          const message = gradeSpellingMessage(domain.shortLabel, typed, parsed.category.code);
          found = withProblem(found, problem(key, row, message, "warning", `${domain.shortLabel} grade is not in its usual spelling.`));
        }
      }
      else if (parsed.kind === "unrecognised") found = withProblem(found, problem(key, row, parsed.message, "error", `${domain.shortLabel} grade is not on the scale.`));
      else if (!gradesOptional) found = withProblem(found, problem(key, row, `${domain.shortLabel} grade is missing.`, "error"));
    }

    if (isPlanned && Object.keys(grades).length > 0) {
      const first = graded.find((g) => grades[g.domain.key] !== undefined)!;
      found = withProblem(found, problem(first.key, row, "This visit is Planned but has grades: they are not counted until its Status is Final.", "warning"));
    }
    if (found) for (const p of found) problems.push(p);
    if (isDraft) {
      drafts.push({ row, round, visitDate: visitDate || null });
      continue;
    }
    // For moderation: checked as a Final visit is (grades required), but not counted until it is Final (issue 15).
    if (status === STATUS_FOR_MODERATION) {
      forModeration.push({ row, round, visitDate: visitDate || null });
      continue;
    }
    const errors = found ? found.filter((p) => p.severity === "error") : null;
    if (errors && errors.length > 0) {
      excluded.push({ sheet: table.sheet, row, reasons: errors.map((p) => p.brief), round, visitDate: visitDate || null });
      continue;
    }
    if (isPlanned) planned.push({ row, visitId, visitDate, round, service, team, area });
    else if (isDeepDive) deepDives.push({ row, visitId, visitDate, round, service });
    else {
      const visit: Visit = { row, visitId, visitDate, round, service, team, area, grades };
      if (themes) visit.themes = themes;
      visits.push(visit);
    }
  }

  const result: ValidationResult = { visits, drafts, excluded, problems, planned, deepDives, forModeration };
  if (themeCols) result.themeColumns = true;
  return result;
}

/** "Diagnostics!G27: message" */
export function describeProblem(problem: Problem): string {
  const sheet = /^[A-Za-z0-9_]+$/.test(problem.sheet) ? problem.sheet : `'${problem.sheet.replace(/'/g, "''")}'`;
  const tag = problem.severity === "warning" ? " (warning)" : "";
  return `${sheet}!${problem.cell}${tag}: ${problem.message}`;
}
