import { DiagnosticsConfig, RawTable, findHeaderRow } from "../domain";
import { TableSnapshot } from "./port";

/**
 * The Diagnostics data as the core reads it. A plain range may carry title rows above its header:
 * the header is the row among the first 20 that names the most required columns.
 */
export function rawTableFrom(snapshot: TableSnapshot, config: DiagnosticsConfig): RawTable {
  // The header is looked for in the first rows only (findHeaderRow's 20): the rows are not copied to look.
  const at = snapshot.table === null ? findHeaderRow([snapshot.headers, ...snapshot.rows.slice(0, 20)], config) : 0;
  const header = Math.max(at, 0);
  return {
    sheet: snapshot.sheet,
    headerRow: snapshot.headerRow + header,
    firstColumn: snapshot.firstColumn,
    headers: header === 0 ? snapshot.headers : (snapshot.rows[header - 1] ?? []),
    rows: header === 0 ? snapshot.rows : snapshot.rows.slice(header),
  };
}
