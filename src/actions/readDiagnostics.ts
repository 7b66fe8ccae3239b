/**
 * The command line's read of a workbook file: its settings (its Lists sheet, or defaults that accept any
 * service) and its Diagnostics rows, ready to validate. The Lists sheet is parsed here, not in the file reader.
 */
import * as path from "path";
import { CompiledScale, DiagnosticsConfig, RawTable, compileScale, defaultConfig, matchHeaders } from "../domain";
import { UserFacingError } from "../errors";
import type { OpenedWorkbook } from "../adapters/exceljs/files";
import { DiagnosticsRead, DiagnosticsSnapshot, headerSearchFor, readDiagnosticsSnapshot } from "../workbook/diagnosticsRead";
import { configFromLists } from "../workbook/listsSheet";
import { rawTableFrom } from "../workbook/tableRows";
import { optionalOverall } from "./context";

export interface DiagnosticsData {
  snapshot: DiagnosticsSnapshot;
  config: DiagnosticsConfig;
  compiled: CompiledScale;
  table: RawTable;
}

export async function readDiagnostics(opened: OpenedWorkbook, request: Partial<DiagnosticsRead> = {}): Promise<DiagnosticsData> {
  const wanted: DiagnosticsRead = { rows: true, lists: true, selection: false, ...request };
  const base = defaultConfig({ services: [] });
  let snapshot = await readDiagnosticsSnapshot(opened, wanted, base);
  let config = configFromLists(snapshot.lists, base);
  // The header row of a plain range is looked for with the workbook's own column names, which live on its Lists
  // sheet: when they differ from the built-in ones (renamed domains), read again with them. The file is already in
  // memory, so this costs no second file read.
  if (JSON.stringify(headerSearchFor(config)) !== JSON.stringify(headerSearchFor(base))) {
    snapshot = await readDiagnosticsSnapshot(opened, wanted, config);
  }
  const where = path.basename(opened.file);
  config = optionalOverall(config, snapshot);
  if (!snapshot.diagnostics) {
    throw new UserFacingError(
      `${where} has no Diagnostics table: no sheet has a header row with at least "Service" and "Team" in its first 20 rows.`,
    );
  }
  const table: RawTable = { ...rawTableFrom(snapshot.diagnostics, config), textOnly: opened.textOnly || undefined };
  const { missingRequired } = matchHeaders(table.headers, config);
  if (missingRequired.length > 0) {
    const names = missingRequired.map((d) => `"${d.header}"`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
    throw new UserFacingError(
      `Sheet "${table.sheet}" in ${where} has no ${missingRequired.length === 1 ? "column" : "columns"} headed ${list} (looked for the header row in the first 20 rows).`,
    );
  }
  if (!table.textOnly) delete table.textOnly;
  return { snapshot, config, compiled: compileScale(config.scale), table };
}
