import { CompiledScale, DiagnosticsConfig, RawTable, compileScale, defaultConfig, matchHeaders } from "../domain";
import { configFromLists } from "../workbook/listsSheet";
import { WorkbookBasis, WorkbookChange, WorkbookPlan } from "../workbook/plan";
import { DiagnosticsRead, DiagnosticsSnapshot, headerSearchFor, readDiagnosticsSnapshot } from "../workbook/diagnosticsRead";
import { WorkbookPort, WorkbookSnapshot } from "../workbook/port";
import { rawTableFrom } from "../workbook/tableRows";
import { UserFacingError } from "../errors";

/** What an action reads: rows or headers only, narrative columns or not, the Lists sheet, the selection. */
export type ContextRequest = DiagnosticsRead;

/** One read of the workbook, with the settings and data the core needs. Nothing is kept between actions. */
export interface ActionContext {
  /** The read, with the Diagnostics table and the Lists sheet's values in their own fields (diagnostics, lists). */
  snapshot: DiagnosticsSnapshot;
  config: DiagnosticsConfig;
  compiled: CompiledScale;
  table: RawTable | null;
}

export class NoDiagnosticsTableError extends Error {
  constructor() {
    super("This workbook has no Diagnostics table yet. Choose Set up workbook first.");
  }
}

/**
 * A 1904-system workbook: the add-in reads and writes dates in the 1900 system, so every date would be 4 years and a
 * day out. Refused before anything is planned, so nothing is written.
 */
export class DateSystemError extends UserFacingError {
  constructor() {
    super(
      "This workbook uses the 1904 date system (from older Excel for Mac), and Team Diagnostics works in the 1900 system, " +
        "Excel's default, so it would read and write every date 4 years and a day out: it has changed nothing. To use it here, " +
        "clear \"Use 1904 date system\" (File > Options > Advanced; on a Mac, Excel > Preferences > Calculation) and then add 1,462 to the dates already in the workbook.",
    );
  }
}

export async function readContext(
  port: WorkbookPort,
  request: ContextRequest,
  defaults?: DiagnosticsConfig,
): Promise<ActionContext> {
  // Without a Lists sheet any service is accepted, as on the command line; Set up lists them.
  const base = defaults ?? defaultConfig({ services: [] });
  // The request names the table and sheet wanted, with the header labels to look for (from `base`) and the
  // narrative headers to leave out; the Lists sheet is parsed here, once, not in the adapter.
  let snapshot = await readDiagnosticsSnapshot(port, request, base);
  if (snapshot.dateSystem === 1904) throw new DateSystemError();
  const config = configFromLists(snapshot.lists, base);
  // A plain range's header row is looked for with the built-in column names; when the Lists sheet renames them,
  // look again with the workbook's own (an Excel table is found by its name, so this never costs the pane a sync).
  if (snapshot.diagnostics?.table === null && JSON.stringify(headerSearchFor(config)) !== JSON.stringify(headerSearchFor(base))) {
    snapshot = await readDiagnosticsSnapshot(port, request, config);
  }
  return {
    snapshot,
    config,
    compiled: compileScale(config.scale),
    table: snapshot.diagnostics ? rawTableFrom(snapshot.diagnostics, config) : null,
  };
}

/**
 * Without a Lists sheet the overall conclusion is optional (Ofsted dropped the single overall grade in April 2026):
 * a file without that column is read with no overall row, as a Lists sheet without it would have it. Only for reading
 * files: Set up in the pane always makes the column, which a council can then remove on the Lists sheet.
 */
export function optionalOverall(config: DiagnosticsConfig, snapshot: DiagnosticsSnapshot): DiagnosticsConfig {
  const overall = config.overall;
  if (snapshot.lists || !snapshot.diagnostics || !overall) return config;
  const headers = rawTableFrom(snapshot.diagnostics, config).headers;
  const missing = matchHeaders(headers, config).missingRequired.some((d) => d.header === overall.shortLabel);
  return missing ? { ...config, overall: null } : config;
}

export function requireTable(context: ActionContext): RawTable {
  if (!context.table) throw new NoDiagnosticsTableError();
  return context.table;
}

/** The read a plan is built on, when the adapter reported enough of it to spare a second look. */
export function basisOf(snapshot: WorkbookSnapshot): WorkbookBasis | undefined {
  if (!snapshot.names || !snapshot.tables) return undefined;
  return { sheets: snapshot.sheets, names: snapshot.names, tables: snapshot.tables };
}

export function planFrom(context: ActionContext, action: string, changes: WorkbookChange[]): WorkbookPlan {
  return { action, changes, basis: basisOf(context.snapshot) };
}
