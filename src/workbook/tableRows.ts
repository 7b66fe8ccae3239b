import { DiagnosticsConfig, RawTable, findHeaderRow } from "../domain";
import { TableSnapshot } from "./port";

/**
 * The Diagnostics data as the core reads it. A plain range may carry title rows above its header:
 * the header is the row among the first 20 that names the most required columns.
 */
export function rawTableFrom(snapshot: TableSnapshot, config: DiagnosticsConfig): RawTable {
  const all = [snapshot.headers, ...snapshot.rows];
  const at = snapshot.table === null ? findHeaderRow(all, config) : 0;
  const header = Math.max(at, 0);
  return {
    sheet: snapshot.sheet,
    headerRow: snapshot.headerRow + header,
    firstColumn: snapshot.firstColumn,
    headers: all[header] ?? [],
    rows: all.slice(header + 1),
  };
}
