import {
  DEFAULT_SERVICES,
  DiagnosticsConfig,
  Team,
  cellText,
  columnLetter,
  compileScale,
  foldLabel,
  readableTextColour,
  recordTable,
  visitRecord,
} from "../domain";
import { LISTS_HEADERS, listsChanges, listsSheetValues } from "./listsSheet";
import { findSheet, ownedSheetName } from "./ownedSheets";
import { WorkbookChange, WorkbookPlan } from "./plan";
import { DiagnosticsSnapshot as WorkbookSnapshot } from "./diagnosticsRead";
import { LISTS_OWNER, LISTS_SHEET } from "./port";
import { tableFormats, tableStructure } from "./tablePlan";
import { rawTableFrom } from "./tableRows";
import { actionsSetupChanges } from "./actionsPlan";
import { changeLogSetupChanges } from "./changeLogPlan";
import { dependentTeamSource, teamListChanges, teamListSheetChange } from "./teamLists";

export { LISTS_OWNER } from "./port";
export { LAST_ROW, DATE_FORMAT } from "./tablePlan";

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
  const visits = recordTable(visitRecord(config), raw.headers);
  const at = (row: unknown[], key: string) => visits.text(row, key);
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
  const kind = visitRecord(config, undefined, { themes: true });
  const existing = snapshot.diagnostics ? { raw: rawTableFrom(snapshot.diagnostics, config), table: snapshot.diagnostics.table } : null;
  const structure = tableStructure(kind, existing, snapshot.sheets);
  changes.push(...structure.changes);

  // Lists come after the Diagnostics sheet, so a new workbook opens with Diagnostics as its first tab. They are
  // written only when missing or different, so a second run does not rewrite a co-author's sheet.
  // A sheet called Lists that the add-in did not make is the user's, unless it already holds our lists.
  const lists = ownedSheetName(snapshot.sheets, LISTS_OWNER, LISTS_SHEET);
  const plainLists = lists.exists ? undefined : findSheet(snapshot.sheets, LISTS_SHEET);
  const adoptPlain = plainLists !== undefined && looksLikeLists(snapshot.lists);
  const listsPresent = lists.exists || adoptPlain;
  const listsName = adoptPlain ? plainLists.name : lists.name;
  if (!listsPresent) changes.push({ kind: "addSheet", sheet: listsName, owner: LISTS_OWNER });
  changes.push(teamListSheetChange(snapshot)); // issue 13: the Team lists block's sheet, beside Lists (written at the end)
  const listsCurrent = listsPresent ? snapshot.lists : null;
  const wanted = listsSheetValues(withTeams);
  if (!sameValues(listsCurrent, wanted)) {
    checkListsHeaders(listsName, listsCurrent, wanted);
    changes.push(...listsChanges(listsName, withTeams));
  }
  else changes.push(...listsChanges(listsName, withTeams).filter((c) => c.kind !== "setValues"));

  // Whole columns below the header, so rows written later keep their dropdowns and colours.
  const compiled = compileScale(config.scale);
  const fills = compiled.categories.map((c) => ({ text: c.code, fill: c.colour, fontColour: readableTextColour(c.colour) }));
  const listValues = { service: withTeams.services, team: withTeams.teams.map((t) => t.name), area: withTeams.areas };
  changes.push(...tableFormats(kind, structure.placement, fills, listValues, { team: { on: "service", source: dependentTeamSource } }));
  // The Actions table (issue 11), when the read asked for it.
  if (snapshot.actions !== undefined) changes.push(...actionsSetupChanges(snapshot));
  // The Change log (issue 15), when the read asked for it: the last of Set up's tables.
  if (snapshot.changeLog !== undefined) changes.push(...changeLogSetupChanges(snapshot));
  // The block the Team dropdown's dependent list reads (issue 13), on the add-in's own sheet.
  changes.push(...teamListChanges(snapshot, withTeams, true));
  return { action: "Set up workbook", changes };
}

function looksLikeLists(values: unknown[][] | null): boolean {
  const first = (values?.[0] ?? []).map((v) => foldLabel(cellText(v)));
  return first.includes(foldLabel(LISTS_HEADERS.grades)) && first.includes(foldLabel(LISTS_HEADERS.services));
}
