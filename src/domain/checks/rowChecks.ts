/**
 * Checks of a row against its neighbours and the Lists sheet, shared by Check sheet (validateTable) and the
 * pane's form (validateVisitForm), so both say the same thing in the same words.
 */
import { DiagnosticsConfig, QualityDomain, gradedColumns } from "../config";
import { cellAddress } from "../cells";
import { IsoDate, formatBritishDate } from "../dates";
import type { RawTable } from "../visits";
import { gradeKey, recordTable, visitRecord } from "../records";
import { CompiledScale, compileScale, parseGrade } from "../scale";
import { cellText, foldLabel } from "../text";

/** What a check needs from the caller: today's date (the caller's clock; no time zones), when it checks dates. */
export interface CheckOptions {
  today?: IsoDate;
  /**
   * Warn of grades typed another way than their canonical form ("Good" for G): Check sheet and `validate` ask;
   * summaries of files read from elsewhere count such grades without a word, as they always did.
   */
  spelling?: boolean;
  /** Warn of a second visit of one team on one date: Check sheet and `validate` ask; summaries do not. */
  duplicates?: boolean;
  /**
   * The overall conclusion a file without a Lists sheet was read without, for lacking its column (optionalOverall):
   * a header close to it ("Overall judgement") is warned of, where a council that left it out on purpose is not asked.
   */
  absentOverall?: QualityDomain | null;
}

/** Every check a person asks for by name: the pane's Check sheet and the command line's validate. */
export function sheetChecks(today: IsoDate): CheckOptions {
  return { today, spelling: true, duplicates: true };
}

/**
 * Folded service → folded names of the teams the Lists sheet gives it, with their earlier names (a renamed team's
 * old rows are still its own); services with no listed team are absent.
 */
export function teamsByService(config: DiagnosticsConfig): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const team of config.teams) {
    const service = foldLabel(team.service ?? "");
    if (service === "" || foldLabel(team.name) === "") continue;
    let set = map.get(service);
    if (!set) map.set(service, (set = new Set()));
    for (const name of [team.name, ...(team.previouslyCalled ?? [])]) set.add(foldLabel(name));
  }
  return map;
}

/** True when the Lists sheet says which teams the service has and this team is not one of them. */
export function teamOutsideService(
  team: string,
  service: string,
  byService: Map<string, Set<string>>,
  fold: (text: string) => string = foldLabel,
): boolean {
  const teams = byService.get(fold(service));
  if (teams === undefined) return false;
  const folded = fold(team);
  return folded !== "" && !teams.has(folded);
}

export function teamOutsideServiceMessage(team: string, service: string): string {
  return `Team "${team}" is not one of the ${service} service's teams on the Lists sheet.`;
}

export function futureDateMessage(date: IsoDate, today: IsoDate): string {
  return `Visit date ${formatBritishDate(date)} is after today (${formatBritishDate(today)}): check the cell holds the date of the visit.`;
}

export function duplicateVisitMessage(team: string, date: IsoDate, firstRow: number, row: number): string {
  return `Rows ${firstRow} and ${row} are both visits of team "${team}" on ${formatBritishDate(date)}: check this is not the same visit twice.`;
}

/** The canonical form of a grade typed another way ("Good" → "G"), or null when it is canonical, blank or unrecognised. */
export function tidierGrade(value: unknown, compiled: CompiledScale): string | null {
  const parsed = parseGrade(value, compiled);
  if (parsed.kind !== "grade") return null;
  return cellText(value).trim() === parsed.category.code ? null : parsed.category.code;
}

export function gradeSpellingMessage(label: string, typed: string, code: string): string {
  return `${label} grade "${typed}" counts as ${code}; the scale writes it ${code} (Tidy grades in the pane changes it to that).`;
}

/** One grade cell whose spelling Tidy grades would change. */
export interface GradeFix {
  row: number;
  /** 0-based sheet column. */
  column: number;
  cell: string;
  /** The cell's value as read: the action refuses to write if it is no longer this. */
  from: string;
  to: string;
}

/** Every grade cell of the table typed another way than its canonical form, top to bottom, left to right. */
export function gradeFixes(table: RawTable, config: DiagnosticsConfig, compiled: CompiledScale = compileScale(config.scale)): GradeFix[] {
  const match = recordTable(visitRecord(config, compiled), table.headers);
  const columns = gradedColumns(config)
    .map((domain) => match.columns.get(gradeKey(domain.key)))
    .filter((c): c is number => c !== undefined)
    .sort((a, b) => a - b);
  const fixes: GradeFix[] = [];
  table.rows.forEach((cells, i) => {
    const row = table.headerRow + 1 + i;
    for (const column of columns) {
      const value = cells[column];
      if (typeof value !== "string") continue;
      const to = tidierGrade(value, compiled);
      if (to === null) continue;
      fixes.push({ row, column: table.firstColumn + column, cell: cellAddress(table.firstColumn + column, row), from: value, to });
    }
  });
  return fixes;
}
