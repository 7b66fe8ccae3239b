/**
 * The read every action makes, in the port's terms: the Diagnostics table (or a plain range on the Diagnostics
 * sheet) and the Lists sheet. The grading rules (which headers make a header row, which columns are narrative)
 * are turned into labels here, so adapters need none of them.
 */
import { DiagnosticsConfig, RecordKind, actionRecord, changeLogRecord, columnDefinitions, defaultConfig } from "../domain";
import { columnsLabelled } from "./headerSearch";
import { CellValue } from "./plan";
import {
  DIAGNOSTICS_SHEET,
  DIAGNOSTICS_TABLE,
  HeaderSearch,
  LISTS_OWNER,
  LISTS_SHEET,
  ReadRequest,
  SheetRequest,
  TableRequest,
  TableSnapshot,
  WorkbookPort,
  WorkbookSnapshot,
} from "./port";

/** What an action asks for, as actions have always put it. */
export interface DiagnosticsRead {
  /** Read the Diagnostics table's rows as well as its headers. */
  rows: boolean;
  /** Also read the narrative columns (names and findings: see ColumnDefinition.narrative); only editing one visit needs them. */
  narrative?: boolean;
  lists: boolean;
  selection: boolean;
  /** Also read the Actions table (issue 11), in the same first sync: its rows when `rows`, narrative when `narrative`. */
  actions?: boolean;
  /** Also read the Change log table (issue 15), in the same first sync; its narrative (Who, Reason) only when `narrative`. */
  changeLog?: boolean;
}

/** A snapshot with the Diagnostics table and the Lists sheet's values in their own fields. */
export interface DiagnosticsSnapshot extends WorkbookSnapshot {
  diagnostics: TableSnapshot | null;
  /** Values from A1 to the end of the used range of the add-in's lists sheet (owner "lists", else the sheet named Lists), or null. */
  lists: CellValue[][] | null;
  /** The Actions table (or a plain range on the Actions sheet) when found, null when not; undefined when not asked for. */
  actions?: TableSnapshot | null;
  /** The Change log table (issue 15) when found, null when not; undefined when not asked for. */
  changeLog?: TableSnapshot | null;
}

/** Rows within the first 20 searched for a header row. */
export const HEADER_SEARCH_ROWS = 20;

/** The header row of the Diagnostics data, as labels: the row with Service and Team naming the most required columns. */
export function headerSearchFor(config: DiagnosticsConfig): HeaderSearch {
  const defs = columnDefinitions(config);
  const labels = (d: (typeof defs)[number]) => [d.header, ...d.alternatives];
  return {
    columns: defs.filter((d) => d.required).map(labels),
    mustHave: defs.filter((d) => d.key === "service" || d.key === "team").map(labels),
    rows: HEADER_SEARCH_ROWS,
  };
}

/** The narrative columns' headers (not configurable). */
export function narrativeHeaders(config: DiagnosticsConfig): string[] {
  return columnDefinitions(config)
    .filter((d) => d.narrative)
    .flatMap((d) => [d.header, ...d.alternatives]);
}

const LISTS: SheetRequest = { owner: LISTS_OWNER, sheet: LISTS_SHEET };

export function diagnosticsRequest(read: DiagnosticsRead, config: DiagnosticsConfig): ReadRequest {
  return {
    tables: [
      {
        name: DIAGNOSTICS_TABLE,
        rows: read.rows,
        skipHeaders: read.narrative ? undefined : narrativeHeaders(config),
        fallback: { sheet: DIAGNOSTICS_SHEET, header: headerSearchFor(config), anySheet: { except: [LISTS] } },
      },
      ...(read.actions ? [actionsTableRequest(read)] : []),
      // The Reason is read even without narrative: it tells a "Made final" row from a moderation change (counts only).
      ...(read.changeLog ? [kindTableRequest(changeLogRecord, read, ["reason"])] : []),
    ],
    sheets: read.lists ? [LISTS] : [],
    selection: read.selection,
  };
}

export function diagnosticsView(snapshot: WorkbookSnapshot, read?: Pick<DiagnosticsRead, "actions" | "changeLog">): DiagnosticsSnapshot {
  return {
    ...snapshot,
    diagnostics: snapshot.found[DIAGNOSTICS_TABLE] ?? null,
    lists: snapshot.sheetValues[LISTS_OWNER] ?? null,
    ...(read?.actions ? { actions: snapshot.found[actionRecord.table] ?? null } : {}),
    ...(read?.changeLog ? { changeLog: snapshot.found[changeLogRecord.table] ?? null } : {}),
  };
}

/** The Actions table, else a plain range on the Actions sheet whose header row names Team and Status. */
function actionsTableRequest(read: DiagnosticsRead): TableRequest {
  const labels = (c: (typeof actionRecord.columns)[number]) => [c.header, ...c.alternatives];
  return {
    name: actionRecord.table,
    rows: read.rows,
    skipHeaders: read.narrative ? undefined : actionRecord.columns.filter((c) => c.narrative).flatMap(labels),
    fallback: {
      sheet: actionRecord.sheet,
      header: {
        columns: actionRecord.columns.map(labels),
        mustHave: actionRecord.columns.filter((c) => actionRecord.identifying.includes(c.key)).map(labels),
        rows: HEADER_SEARCH_ROWS,
      },
    },
  };
}

/** One read of the Diagnostics data; the header search uses `config`'s labels (by default the built-in ones). */
export async function readDiagnosticsSnapshot(
  port: WorkbookPort,
  read: DiagnosticsRead,
  config: DiagnosticsConfig = defaultConfig({ services: [] }),
): Promise<DiagnosticsSnapshot> {
  return diagnosticsView(await port.read(diagnosticsRequest(read, config)), read);
}

/** 0-based positions, within a header row, of the narrative columns (matched as the core matches headers). */
export function narrativeColumns(headers: readonly unknown[], config: DiagnosticsConfig = defaultConfig()): Set<number> {
  return columnsLabelled(headers, narrativeHeaders(config));
}

/** A record kind's table, else a plain range on its sheet whose header row names its identifying columns. */
function kindTableRequest(kind: RecordKind<unknown>, read: DiagnosticsRead, readAnyway: readonly string[] = []): TableRequest {
  const labels = (c: (typeof kind.columns)[number]) => [c.header, ...c.alternatives];
  return {
    name: kind.table,
    rows: read.rows,
    skipHeaders: read.narrative ? undefined : kind.columns.filter((c) => c.narrative && !readAnyway.includes(c.key)).flatMap(labels),
    fallback: {
      sheet: kind.sheet,
      header: {
        columns: kind.columns.map(labels),
        mustHave: kind.columns.filter((c) => kind.identifying.includes(c.key)).map(labels),
        rows: HEADER_SEARCH_ROWS,
      },
    },
  };
}
