/**
 * The sheet's Team dropdown follows the row's service (issue 13), in Excel without the add-in: a dependent list.
 *
 * The add-in keeps a block of its own on the "Team lists" sheet: row 1 heads one column per service (after a first
 * column of every team), row 2 holds how many teams each column has, the teams run down from row 3. Set up and every
 * change to the teams in Settings write it again. The Team column's list rule then takes its entries from a formula:
 *
 *   =OFFSET(TD_TeamLists,2,IFERROR(MATCH($D2,TD_TeamListHeads,0),1)-1,MAX(1,INDEX(TD_TeamListCounts,IFERROR(MATCH($D2,TD_TeamListHeads,0),1))),1)
 *
 * that is, the column headed by the row's service, exactly as many cells tall as it has teams (so the dropdown shows
 * no blank lines); a row whose service is blank or has no teams listed gets every team. OFFSET and MATCH over a
 * range are the documented way to make a list's source follow another cell; INDIRECT with named ranges, the other
 * common way, breaks on service names with spaces ("Children in care"). A list source may be a formula that returns
 * a reference (Excel.ListDataValidation.source: "a Range object, or a string",
 * https://learn.microsoft.com/javascript/api/excel/excel.listdatavalidation; dependent lists with OFFSET/MATCH:
 * https://exceljet.net/articles/dependent-dropdown-lists). The formula is written for the range's top-left cell:
 * `$D2` names the Service cell of each row as the rule moves down the column (as for formulaFills in plan.ts; the
 * same in the file format's `sqref`). Names, not sheet addresses, so the rule survives the sheet being renamed.
 */
import { DiagnosticsConfig, columnLetter, foldLabel } from "../domain";
import { ownedSheetName } from "./ownedSheets";
import { CellValue, SheetInfo, WorkbookChange } from "./plan";

export const TEAM_LISTS_OWNER = "teamlists";
export const TEAM_LISTS_SHEET = "Team lists";
export const TEAM_LISTS_NAMES = { anchor: "TD_TeamLists", heads: "TD_TeamListHeads", counts: "TD_TeamListCounts" } as const;
/** The first column's heading: every team, offered when the row's service has none listed. */
export const EVERY_TEAM = "(every team)";

/** The block's values: headings, counts, then each column's teams. */
export function teamListValues(config: Pick<DiagnosticsConfig, "services" | "teams">): CellValue[][] {
  const heads: string[] = [];
  const teams: string[][] = [];
  const columnFor = (service: string): number => {
    const at = heads.findIndex((h) => foldLabel(h) === foldLabel(service));
    if (at >= 0) return at;
    heads.push(service);
    teams.push([]);
    return heads.length - 1;
  };
  const every = config.teams.map((t) => t.name).filter((n) => n.trim() !== "");
  // Services in the list's order, then any a team names that the list lacks; only those with teams get a column.
  const order = [...config.services, ...config.teams.map((t) => t.service)].filter((s) => s.trim() !== "");
  for (const service of order) {
    const named = config.teams.filter((t) => t.name.trim() !== "" && foldLabel(t.service) === foldLabel(service)).map((t) => t.name);
    if (named.length === 0 || heads.some((h) => foldLabel(h) === foldLabel(service))) continue;
    teams[columnFor(service)] = named;
  }
  const columns = [every, ...teams];
  const height = Math.max(0, ...columns.map((c) => c.length));
  const rows: CellValue[][] = [
    [EVERY_TEAM, ...heads],
    columns.map((c) => c.length),
  ];
  for (let r = 0; r < height; r++) rows.push(columns.map((c) => c[r] ?? null));
  return rows;
}

/** What the formula names the block by: the add-in's names, or (the self-test) plain references to a block. */
export type TeamListRefs = { readonly anchor: string; readonly heads: string; readonly counts: string };

/** The Team column's list source for a table whose first data row is `row` and whose Service is in column `service`. */
export function dependentTeamSource(service: string, row: number, refs: TeamListRefs = TEAM_LISTS_NAMES): string {
  const cell = `$${service}${row}`;
  const match = `IFERROR(MATCH(${cell},${refs.heads},0),1)`;
  return `=OFFSET(${refs.anchor},2,${match}-1,MAX(1,INDEX(${refs.counts},${match})),1)`;
}

/** Makes the add-in's own sheet for the block, or empties it (Set up does this beside the Lists sheet, before the names). */
export function teamListSheetChange(snapshot: { sheets: readonly SheetInfo[] }): WorkbookChange {
  const { name: sheet, exists } = ownedSheetName(snapshot.sheets, TEAM_LISTS_OWNER, TEAM_LISTS_SHEET);
  return exists ? { kind: "clearSheet", sheet } : { kind: "addSheet", sheet, owner: TEAM_LISTS_OWNER };
}

/**
 * Writes the block afresh on the add-in's own sheet and points the names at it; `sheetMade` when the plan already
 * holds teamListSheetChange (otherwise it comes first here).
 */
export function teamListChanges(
  snapshot: { sheets: readonly SheetInfo[] },
  config: Pick<DiagnosticsConfig, "services" | "teams">,
  sheetMade = false,
): WorkbookChange[] {
  const { name: sheet } = ownedSheetName(snapshot.sheets, TEAM_LISTS_OWNER, TEAM_LISTS_SHEET);
  const values = teamListValues(config);
  const last = columnLetter(values[0].length - 1);
  return [
    ...(sheetMade ? [] : [teamListSheetChange(snapshot)]),
    { kind: "setValues", sheet, topLeft: "A1", values },
    { kind: "setStyle", sheet, range: `A1:${last}1`, style: { bold: true, fill: "DDE7EE" } },
    { kind: "setColumnWidths", sheet, widths: values[0].map(() => 24) },
    { kind: "defineName", name: TEAM_LISTS_NAMES.anchor, sheet, range: "A1" },
    { kind: "defineName", name: TEAM_LISTS_NAMES.heads, sheet, range: `A1:${last}1` },
    { kind: "defineName", name: TEAM_LISTS_NAMES.counts, sheet, range: `A2:${last}2` },
  ];
}
