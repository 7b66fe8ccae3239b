import { foldLabel, recordTable, visitRecord } from "../domain";
import { WorkbookPort } from "../workbook/port";
import { ContextRequest, readContext } from "./context";

const ROWS: ContextRequest = { rows: true, narrative: false, lists: true, selection: false };

/**
 * The rounds already written in the Diagnostics table, as typed (the first spelling of each), in the order first met:
 * the Round box offers them so "1" and "Round 1" are not both used. One read; an empty list when there is no table.
 */
export async function roundsUsed(port: WorkbookPort): Promise<string[]> {
  const context = await readContext(port, ROWS);
  const table = context.table;
  if (!table) return [];
  const visits = recordTable(visitRecord(context.config, context.compiled), table.headers);
  if (!visits.columns.has("round")) return [];
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    const round = visits.text(row, "round").trim();
    if (round !== "" && !seen.has(foldLabel(round))) seen.set(foldLabel(round), round);
  }
  return [...seen.values()];
}
