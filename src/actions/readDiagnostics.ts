/**
 * A workbook file read for scripts and tests that want the raw pieces: its settings (its Lists sheet, or defaults
 * that accept any service) and its Diagnostics rows, ready to validate. The same read as every action (readContext),
 * with the command line's one-sentence refusals.
 */
import * as path from "path";
import { CompiledScale, DiagnosticsConfig, RawTable, matchHeaders } from "../domain";
import type { OpenedWorkbook } from "../adapters/exceljs/files";
import { DiagnosticsRead, DiagnosticsSnapshot } from "../workbook/diagnosticsRead";
import { optionalOverall, readContext } from "./context";
import { missingColumnsError, noTableError } from "./summaryActions";

export interface DiagnosticsData {
  snapshot: DiagnosticsSnapshot;
  config: DiagnosticsConfig;
  compiled: CompiledScale;
  table: RawTable;
}

export async function readDiagnostics(opened: OpenedWorkbook, request: Partial<DiagnosticsRead> = {}): Promise<DiagnosticsData> {
  const context = await readContext(opened, { rows: true, lists: true, selection: false, ...request });
  const where = path.basename(opened.file);
  const config = optionalOverall(context.config, context.snapshot);
  if (!context.table) throw noTableError(where);
  const table: RawTable = opened.textOnly ? { ...context.table, textOnly: true } : context.table;
  const { missingRequired } = matchHeaders(table.headers, config);
  if (missingRequired.length > 0) throw missingColumnsError(table.sheet, where, missingRequired);
  return { snapshot: context.snapshot, config, compiled: context.compiled, table };
}
