/**
 * "Tidy grades": grades typed another way than their canonical form ("Good", "ri", "RI/I") are rewritten as the
 * scale writes them ("G", "RI", "RI / I"), so they are coloured and read alike. The pane first says how many cells
 * will change (previewTidyGrades), then writes exactly those cells in one plan, applied once (tidyGrades).
 */
import { GradeFix, gradeFixes } from "../domain";
import { WorkbookChange } from "../workbook/plan";
import { WorkbookPort } from "../workbook/port";
import { planFrom, readContext, requireTable } from "./context";

const ROWS = { rows: true, narrative: false, lists: true, selection: false } as const;

/** The grade cells Tidy grades would change; writes nothing. */
export async function previewTidyGrades(port: WorkbookPort): Promise<GradeFix[]> {
  const context = await readContext(port, ROWS);
  return gradeFixes(requireTable(context), context.config, context.compiled);
}

export interface TidyResult {
  /** Cells rewritten. */
  changed: GradeFix[];
  /** Cells left alone because their content is no longer what the preview read (a co-author edited them). */
  refused: GradeFix[];
}

/**
 * Rewrites the previewed cells. The sheet is read again first: a cell is written only if it still holds what the
 * preview read, so an edit made since (by a co-author, or a sort) is never written over. One plan of one setValues
 * per cell, every other cell untouched.
 */
export async function tidyGrades(port: WorkbookPort, previewed: readonly GradeFix[]): Promise<TidyResult> {
  const context = await readContext(port, ROWS);
  const table = requireTable(context);
  const now = new Map(gradeFixes(table, context.config, context.compiled).map((f) => [`${f.cell}`, f]));
  const changed: GradeFix[] = [];
  const refused: GradeFix[] = [];
  for (const fix of previewed) {
    const current = now.get(fix.cell);
    if (current && current.from === fix.from && current.to === fix.to) changed.push(fix);
    else refused.push(fix);
  }
  const changes: WorkbookChange[] = changed.map((f) => ({ kind: "setValues", sheet: table.sheet, topLeft: f.cell, values: [[f.to]] }));
  if (changes.length > 0) await port.apply(planFrom(context, "Tidy grades", changes));
  return { changed, refused };
}
