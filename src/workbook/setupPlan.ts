import {
  DEFAULT_SERVICES,
  DiagnosticsConfig,
  Team,
  cellText,
  columnDefinitions,
  columnLetter,
  compileScale,
  foldLabel,
  gradeKey,
  gradedColumns,
  matchHeaders,
  readableTextColour,
} from "../domain";
import { LISTS_HEADERS, LIST_NAMES, listsChanges, listsSheetValues } from "./listsSheet";
import { findSheet, ownedSheetName } from "./ownedSheets";
import { WorkbookChange, WorkbookPlan } from "./plan";
import { DiagnosticsSnapshot as WorkbookSnapshot } from "./diagnosticsRead";
import { DIAGNOSTICS_SHEET, DIAGNOSTICS_TABLE, LISTS_OWNER, LISTS_SHEET } from "./port";
import { rawTableFrom } from "./tableRows";

export { LISTS_OWNER } from "./port";
export const LAST_ROW = 1048576;
export const DATE_FORMAT = "dd/mm/yyyy";

/** Whether the sheet already holds `wanted` in the columns it covers; columns a user added to the right do not count. */
function sameValues(current: unknown[][] | null, wanted: unknown[][]): boolean {
  if (!current) return false;
  const width = wanted[0]?.length ?? 0;
  const height = Math.max(current.length, wanted.length);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) if (cellText(current[r]?.[c]).trim() !== cellText(wanted[r]?.[c]).trim()) return false;
  }
  return true;
}

/** Refuses to write the lists over a column a user keeps in their place (a Lists sheet from before a new column). */
function checkListsHeaders(sheet: string, current: unknown[][] | null, wanted: unknown[][]): void {
  (wanted[0] ?? []).forEach((ours, c) => {
    const theirs = cellText(current?.[0]?.[c]).trim();
    if (theirs !== "" && foldLabel(theirs) !== foldLabel(cellText(ours))) {
      throw new ListsColumnTakenError(`The ${sheet} sheet has "${theirs}" in ${columnLetter(c)}1, where the add-in keeps "${cellText(ours)}". Move that column to the right of the add-in's lists, then set up again.`);
    }
  });
}

export class ListsColumnTakenError extends Error {}

/** Services and teams already typed in the rows, so a repaired workbook's dropdowns accept them. */
function listedInRows(snapshot: WorkbookSnapshot, config: DiagnosticsConfig): { services: string[]; teams: Team[] } {
  if (!snapshot.diagnostics) return { services: [], teams: [] };
  const raw = rawTableFrom(snapshot.diagnostics, config);
  const { columns } = matchHeaders(raw.headers, config);
  const at = (row: unknown[], key: string) => {
    const c = columns.get(key);
    return c === undefined ? "" : cellText(row[c]).trim();
  };
  const teams: Team[] = [];
  const services: string[] = [];
  for (const row of raw.rows) {
    const name = at(row, "team");
    if (name && !teams.some((t) => foldLabel(t.name) === foldLabel(name))) {
      teams.push({ name, service: at(row, "service"), area: at(row, "area") });
    }
    const service = at(row, "service");
    if (service && !services.some((s) => foldLabel(s) === foldLabel(service))) services.push(service);
  }
  return { services, teams };
}

/** Known items first, then those found in the rows that no known item matches. */
function mergeByLabel<T>(known: readonly T[], found: readonly T[], label: (item: T) => string): T[] {
  const seen = new Set(known.map((k) => foldLabel(label(k))));
  return [...known, ...found.filter((f) => !seen.has(foldLabel(label(f))))];
}

/**
 * Creates, or repairs without touching a row, the Diagnostics table, the Lists sheet and the
 * dropdowns, colours and formats. Applied twice it leaves the workbook as it was.
 */
export function setupPlan(snapshot: WorkbookSnapshot, config: DiagnosticsConfig): WorkbookPlan {
  const changes: WorkbookChange[] = [];

  // A workbook without lists accepts any service; setting it up lists the defaults and every service already used.
  const found = listedInRows(snapshot, config);
  // A workbook without a Lists sheet gets the default services; a list a council emptied (any service) stays empty.
  const listed = snapshot.lists === null ? DEFAULT_SERVICES : config.services;
  const withTeams: DiagnosticsConfig = {
    ...config,
    services: listed.length > 0 ? mergeByLabel(listed, found.services, (s) => s) : [],
    teams: mergeByLabel(config.teams, found.teams, (t) => t.name),
  };
  // The Diagnostics table: created when missing; missing columns added at the right.
  const definitions = columnDefinitions(config);
  let sheet = DIAGNOSTICS_SHEET;
  let headerRow = 1;
  let firstColumn = 0;
  let headers: unknown[] = definitions.map((d) => d.header);
  const existing = snapshot.diagnostics ? rawTableFrom(snapshot.diagnostics, config) : null;
  const recognised = existing !== null && (snapshot.diagnostics?.table !== null || findsRecords(existing.headers, config));
  if (!existing || !recognised) {
    // No Diagnostics data, or a user's sheet of that name holding something else: never write over it.
    const taken = findSheet(snapshot.sheets, DIAGNOSTICS_SHEET);
    sheet = taken && existing ? ownedSheetName(snapshot.sheets, "diagnostics", DIAGNOSTICS_SHEET).name : (taken?.name ?? DIAGNOSTICS_SHEET);
    if (!findSheet(snapshot.sheets, sheet)) changes.push({ kind: "addSheet", sheet, activate: true });
    changes.push({ kind: "createTable", sheet, name: DIAGNOSTICS_TABLE, topLeft: "A1", headers: headers.map(String) });
  } else {
    const raw = existing;
    sheet = raw.sheet;
    headerRow = raw.headerRow;
    firstColumn = raw.firstColumn;
    const { columns } = matchHeaders(raw.headers, config);
    const missing = definitions.filter((d) => !columns.has(d.key)).map((d) => d.header);
    if (missing.length > 0) {
      if (snapshot.diagnostics?.table) changes.push({ kind: "addTableColumns", table: snapshot.diagnostics.table, headers: missing });
      else {
        const at = firstColumn + raw.headers.length;
        changes.push({ kind: "setValues", sheet, topLeft: `${columnLetter(at)}${headerRow}`, values: [missing] });
      }
    }
    headers = [...raw.headers, ...missing];
  }

  // Lists come after the Diagnostics sheet, so a new workbook opens with Diagnostics as its first tab. They are
  // written only when missing or different, so a second run does not rewrite a co-author's sheet.
  // A sheet called Lists that the add-in did not make is the user's, unless it already holds our lists.
  const lists = ownedSheetName(snapshot.sheets, LISTS_OWNER, LISTS_SHEET);
  const plainLists = lists.exists ? undefined : findSheet(snapshot.sheets, LISTS_SHEET);
  const adoptPlain = plainLists !== undefined && looksLikeLists(snapshot.lists);
  const listsPresent = lists.exists || adoptPlain;
  const listsName = adoptPlain ? plainLists.name : lists.name;
  if (!listsPresent) changes.push({ kind: "addSheet", sheet: listsName, owner: LISTS_OWNER });
  const listsCurrent = listsPresent ? snapshot.lists : null;
  const wanted = listsSheetValues(withTeams);
  if (!sameValues(listsCurrent, wanted)) {
    checkListsHeaders(listsName, listsCurrent, wanted);
    changes.push(...listsChanges(listsName, withTeams));
  }
  else changes.push(...listsChanges(listsName, withTeams).filter((c) => c.kind !== "setValues"));

  // Whole columns below the header, so rows written later keep their dropdowns and colours.
  const { columns } = matchHeaders(headers, config);
  const below = (key: string) => {
    const c = columns.get(key);
    if (c === undefined) return null;
    const letter = columnLetter(firstColumn + c);
    return `${letter}${headerRow + 1}:${letter}${LAST_ROW}`;
  };
  const compiled = compileScale(config.scale);
  const gradeList = compiled.categories.map((c) => c.code).join(", ");
  const dropdown = (key: string, source: string, what: string, message: string) => {
    const range = below(key);
    if (range) changes.push({ kind: "listValidation", sheet, range, source: `=${source}`, errorTitle: what, errorMessage: message });
  };
  for (const domain of gradedColumns(config)) {
    dropdown(gradeKey(domain.key), LIST_NAMES.grades, "Grade not on the scale", `Choose a grade from the list: ${gradeList}.`);
    const range = below(gradeKey(domain.key));
    if (range) {
      changes.push({
        kind: "conditionalFills",
        sheet,
        range,
        fills: compiled.categories.map((c) => ({ text: c.code, fill: c.colour, fontColour: readableTextColour(c.colour) })),
      });
    }
  }
  dropdown("service", LIST_NAMES.services, "Service not on the list", "Choose a service from the list, or add it on the Lists sheet first.");
  dropdown("team", LIST_NAMES.teams, "Team not on the list", "Choose a team from the list, or add it on the Lists sheet (or in the task pane) first.");
  dropdown("status", LIST_NAMES.statuses, "Status", "Choose Draft or Final.");
  const dates = below("visitDate");
  if (dates) changes.push({ kind: "setStyle", sheet, range: dates, style: { numberFormat: DATE_FORMAT } });
  const lastHeader = columnLetter(firstColumn + headers.length - 1);
  changes.push({
    kind: "setStyle",
    sheet,
    range: `${columnLetter(firstColumn)}${headerRow}:${lastHeader}${headerRow}`,
    style: { bold: true, wrap: true, verticalAlignment: "Top" },
  });
  if (!recognised) {
    changes.push({ kind: "setColumnWidths", sheet, widths: definitions.map((d) => (d.narrative ? 40 : d.key.startsWith("grade:") ? 16 : 14)) });
  }
  changes.push({ kind: "freezeRows", sheet, rows: headerRow });
  return { action: "Set up workbook", changes };
}

function looksLikeLists(values: unknown[][] | null): boolean {
  const first = (values?.[0] ?? []).map((v) => foldLabel(cellText(v)));
  return first.includes(foldLabel(LISTS_HEADERS.grades)) && first.includes(foldLabel(LISTS_HEADERS.services));
}

function findsRecords(headers: unknown[], config: DiagnosticsConfig): boolean {
  const { columns } = matchHeaders(headers, config);
  return columns.has("service") && columns.has("team");
}

