/**
 * Rename and remove a service, area or team (issue 13): the pure plans. Where a value is used (Diagnostics and
 * Actions cells, and the Lists sheet's own entries), and the changes that rename it (the Lists entry, the teams'
 * Service or Area beside it, and on request only the cells that use it) or remove its Lists entry (refused while
 * anything uses it). Nothing here reads or writes a workbook.
 */
import { RawTable, RecordKind, actionRecord, cellAddress, cellText, columnLetter, foldLabel, matchColumns } from "../domain";
import { LISTS_HEADERS } from "./listsSheet";
import { CellValue, WorkbookChange } from "./plan";

export type ListKind = "service" | "area" | "team";

/** The Lists sheet column a kind's entries are kept in. */
const ENTRY_HEADER: Record<ListKind, string> = { service: LISTS_HEADERS.services, area: LISTS_HEADERS.areas, team: LISTS_HEADERS.teams };
/** Columns of the Lists sheet whose cells name a value of the kind besides its own list: a team's service or area. */
const NAMED_IN: Record<ListKind, string[]> = { service: [LISTS_HEADERS.teamService], area: [LISTS_HEADERS.teamArea], team: [] };
/** The columns that move with a team's row when it is removed. */
const TEAM_ROW = [LISTS_HEADERS.teams, LISTS_HEADERS.teamService, LISTS_HEADERS.teamArea, LISTS_HEADERS.previouslyCalled];

export const LIST_WORDS: Record<ListKind, { one: string; many: string }> = {
  service: { one: "service", many: "services" },
  area: { one: "area", many: "areas" },
  team: { one: "team", many: "teams" },
};

/** A table that may use the values: its rows as read, and the record kind that names its columns. */
export interface UsingTable {
  table: RawTable;
  record: RecordKind<unknown>;
}

/** The cells of one table that hold the value (compared as the core compares labels: case and spacing aside). */
export function cellsUsing(using: UsingTable | null, kind: ListKind, value: string): string[] {
  if (!using) return [];
  const at = matchColumns(using.table.headers, using.record.columns).columns.get(kind);
  if (at === undefined) return [];
  const wanted = foldLabel(value.trim());
  const cells: string[] = [];
  using.table.rows.forEach((row, i) => {
    if (foldLabel(cellText(row[at]).trim()) === wanted) cells.push(cellAddress(using.table.firstColumn + at, using.table.headerRow + 1 + i));
  });
  return cells;
}

/** Whether the Actions table has a column for the kind (it has Service and Team, not Area). */
export const actionsHave = (kind: ListKind) => actionRecord.columns.some((c) => c.key === kind);

function columnOf(lists: CellValue[][], header: string): number {
  return (lists[0] ?? []).findIndex((h) => foldLabel(cellText(h)) === foldLabel(header));
}

/** 1-based sheet rows of the Lists sheet where `header`'s column holds the value. */
function rowsHolding(lists: CellValue[][], header: string, value: string): number[] {
  const c = columnOf(lists, header);
  if (c < 0) return [];
  const wanted = foldLabel(value.trim());
  const rows: number[] = [];
  for (let r = 1; r < lists.length; r++) if (cellText(lists[r][c]).trim() !== "" && foldLabel(cellText(lists[r][c]).trim()) === wanted) rows.push(r + 1);
  return rows;
}

/** Teams on the Lists sheet whose Service (or Area) is the value. */
export function teamsNaming(lists: CellValue[][] | null, kind: ListKind, value: string): number {
  if (!lists) return 0;
  return NAMED_IN[kind].reduce((n, header) => n + rowsHolding(lists, header, value).length, 0);
}

/** The cells, on the Lists sheet and in the tables, that hold a value. */
export interface ValueUses {
  visits: string[];
  actions: string[];
}

export type ListEdit = { ok: true; changes: WorkbookChange[] } | { ok: false; message: string };

/** "12 visits and 2 actions": what uses a value, in words. */
export function usesText(uses: ValueUses): string {
  const part = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
  const parts = [uses.visits.length > 0 ? part(uses.visits.length, "visit") : "", uses.actions.length > 0 ? part(uses.actions.length, "action") : ""].filter((p) => p);
  return parts.join(" and ");
}

const rowsWord = (n: number) => (n === 1 ? "row" : "rows");

/**
 * Renames the value's Lists entry (and every team's Service or Area that names it; a team's old name goes into its
 * "Previously called" cell). With `rewrite`, also writes the
 * new name into exactly the cells that use the old one, sheet by sheet; every other cell is left as it is.
 */
export function renamePlan(
  listsSheet: string,
  lists: CellValue[][] | null,
  kind: ListKind,
  from: string,
  to: string,
  uses: { visits: { sheet: string; cells: string[] }; actions: { sheet: string; cells: string[] } | null },
  rewrite: boolean,
): ListEdit {
  const name = to.trim();
  const words = LIST_WORDS[kind];
  if (!lists) return { ok: false, message: "This workbook has no Lists sheet yet. Choose Set up workbook first." };
  if (name === "") return { ok: false, message: `Type the ${words.one}'s new name.` };
  const entries = rowsHolding(lists, ENTRY_HEADER[kind], from);
  if (entries.length === 0) return { ok: false, message: `${from} is no longer on the Lists sheet: choose Reload settings.` };
  const clash = rowsHolding(lists, ENTRY_HEADER[kind], name).filter((r) => !entries.includes(r));
  if (clash.length > 0) return { ok: false, message: `${name} is already on the list of ${words.many}.` };
  if (name === from.trim()) return { ok: false, message: `${from} already has that name.` };
  const changes: WorkbookChange[] = [];
  for (const header of [ENTRY_HEADER[kind], ...NAMED_IN[kind]]) {
    const letter = columnLetter(columnOf(lists, header));
    for (const row of rowsHolding(lists, header, from)) changes.push({ kind: "setValues", sheet: listsSheet, topLeft: `${letter}${row}`, values: [[name]] });
  }
  if (kind === "team") changes.push(...earlierNameChanges(listsSheet, lists, entries, name));
  if (rewrite) {
    for (const table of [uses.visits, uses.actions]) {
      if (!table) continue;
      for (const cell of table.cells) changes.push({ kind: "setValues", sheet: table.sheet, topLeft: cell, values: [[name]] });
    }
  }
  return { ok: true, changes };
}

/** How the Lists sheet separates a team's earlier names (as listsSheet.ts writes and reads them). */
const EARLIER_SEPARATOR = "; ";

/**
 * A renamed team keeps its old name in its "Previously called" cell (issue 12's link across rounds, read by
 * listsSheet.ts into the team's previouslyCalled and by rounds.ts teamIdentity), after any names already there; the
 * new name leaves that list if the team takes an old name back. A change of case alone records nothing. A Lists
 * sheet from before the column gets its heading in the first column after the sheet's last.
 */
function earlierNameChanges(listsSheet: string, lists: CellValue[][], entries: number[], to: string): WorkbookChange[] {
  const changes: WorkbookChange[] = [];
  const present = columnOf(lists, LISTS_HEADERS.previouslyCalled);
  const c = present >= 0 ? present : (lists[0] ?? []).length;
  const teams = columnOf(lists, ENTRY_HEADER.team);
  for (const row of entries) {
    const old = cellText(lists[row - 1][teams]).trim();
    const cell = cellText(lists[row - 1][c]);
    const names = cell.split(";").map((n) => n.trim()).filter((n) => n !== "" && foldLabel(n) !== foldLabel(to));
    if (foldLabel(old) !== foldLabel(to) && !names.some((n) => foldLabel(n) === foldLabel(old))) names.push(old);
    const text = names.join(EARLIER_SEPARATOR);
    if (text !== cell.trim()) changes.push({ kind: "setValues", sheet: listsSheet, topLeft: `${columnLetter(c)}${row}`, values: [[text]] });
  }
  const heading: WorkbookChange = { kind: "setValues", sheet: listsSheet, topLeft: `${columnLetter(c)}1`, values: [[LISTS_HEADERS.previouslyCalled]] };
  return present < 0 && changes.length > 0 ? [heading, ...changes] : changes;
}

/**
 * Removes the value's Lists entry, moving the entries below it up one row (a team's whole row: its name, service,
 * area and earlier names). Refused while any visit or action uses it, or any listed team names it.
 */
export function removePlan(listsSheet: string, lists: CellValue[][] | null, kind: ListKind, value: string, uses: ValueUses): ListEdit {
  if (!lists) return { ok: false, message: "This workbook has no Lists sheet yet. Choose Set up workbook first." };
  const used = uses.visits.length + uses.actions.length;
  if (used > 0) {
    const change = used === 1 ? "change that row" : "change those rows";
    return { ok: false, message: `${usesText(uses)} ${used === 1 ? "uses" : "use"} ${value}; rename it or ${change} first.` };
  }
  const teams = teamsNaming(lists, kind, value);
  if (teams > 0) {
    return { ok: false, message: `${teams} ${teams === 1 ? "team" : "teams"} on the Lists sheet ${teams === 1 ? "belongs" : "belong"} to ${value}; rename it, or change or remove those teams first.` };
  }
  const entries = rowsHolding(lists, ENTRY_HEADER[kind], value);
  if (entries.length === 0) return { ok: false, message: `${value} is no longer on the Lists sheet: choose Reload settings.` };
  const row = entries[0];
  const moving = kind === "team" ? TEAM_ROW : [ENTRY_HEADER[kind]];
  const changes: WorkbookChange[] = [];
  for (const header of moving) {
    const c = columnOf(lists, header);
    if (c < 0) continue;
    let last = row;
    for (let r = row; r < lists.length; r++) if (cellText(lists[r][c]).trim() !== "") last = r + 1;
    // The cells from the removed entry to the column's last entry, each taking the one below; the last emptied.
    const values: CellValue[][] = [];
    for (let r = row; r < last; r++) values.push([lists[r][c] ?? null]);
    values.push([null]);
    changes.push({ kind: "setValues", sheet: listsSheet, topLeft: `${columnLetter(c)}${row}`, values });
  }
  return { ok: true, changes };
}

/** Changes in words, for a rename: "the Lists entry and 2 rows". */
export function renamedText(kind: ListKind, from: string, to: string, rewritten: number, leftAsTheyWere: number): string {
  const rows = rewritten > 0 ? ` and ${rewritten} ${rowsWord(rewritten)} that used it` : "";
  const left = leftAsTheyWere > 0 ? ` ${leftAsTheyWere} ${rowsWord(leftAsTheyWere)} still ${leftAsTheyWere === 1 ? "says" : "say"} ${from}.` : "";
  return `${from} renamed ${to} on the Lists sheet${rows}.${left}`;
}
