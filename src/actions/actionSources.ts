/**
 * The `actions` report over several workbooks (issue 14, consolidation), as src/actions/consolidate.ts does for
 * visits: each file's Actions table is read once, then the actions are put together. The same Action ID in two
 * files is counted once, with a warning, when every field matches (a copied workbook); otherwise the second is
 * left out with a problem naming both places. Every problem names its file. The checks (Visit ID known, due after
 * the visit, status on the list) run against the visits of every file, since an action may sit in another
 * workbook than its visit. One source gives exactly actionsOverview().
 */
import { ActionInput, ActionProblem, ActionVisitRef, ActionsReportJson, IsoDate, Problem, actionRecord, actionsReport, cellAddress, checkActions, foldLabel } from "../domain";
import { UserFacingError } from "../errors";
import { ActionsTable, actionCellProblems, actionsOverview, actionsTable, readActionInputs, toItem, visitRefs } from "./actionActions";
import type { Source } from "./consolidate";
import { readContext } from "./context";

/** A duplicate Action ID, in the JSON document beside the action checks' problems. */
export interface DuplicateActionProblem {
  actionId: string;
  row: number;
  column: "actionId";
  kind: "duplicateSame" | "duplicateDifferent";
  message: string;
}

export type FileActionProblem = (ActionProblem | DuplicateActionProblem) & { file?: string };

/** What the base says of each file: its actions counted and those left out. */
export interface ActionFileBase {
  file: string;
  actions: number;
  excluded: number;
}

export interface ActionsOverview extends Omit<ActionsReportJson, "problems"> {
  problems: FileActionProblem[];
  /** Per file, in the order given; absent for one input (its document is unchanged). */
  files?: ActionFileBase[];
  /** The problems naming their cells ("west.xlsx: Actions!A4: …"), for stderr. */
  cellProblems: (Problem & { file?: string })[];
  /** Files read that hold no Actions table (their visits still count for the checks). */
  withoutActions?: string[];
}

/** Several inputs, none with an Actions table. */
export class NoActionsTablesError extends UserFacingError {}

interface Read {
  file: string;
  table: ActionsTable | null;
  inputs: ActionInput[];
  refs: ActionVisitRef[];
  services: string[];
}

/** The fields that make two rows the same action (everything but where it sits). */
const sameKey = (a: ActionInput) => JSON.stringify(toItem(a));

export async function actionsOverviewOf(sources: readonly Source[], today: IsoDate): Promise<ActionsOverview> {
  if (sources.length === 1) return actionsOverview(await sources[0].open(), today);
  const reads: Read[] = [];
  for (const source of sources) {
    const context = await readContext(await source.open(), { rows: true, narrative: false, lists: true, selection: false, actions: true });
    const table = actionsTable(context);
    reads.push({ file: source.name, table, inputs: table ? readActionInputs(table) : [], refs: visitRefs(context), services: context.config.services });
  }
  const without = reads.filter((r) => !r.table).map((r) => r.file);
  if (without.length === reads.length) {
    throw new NoActionsTablesError(`None of the ${reads.length} inputs has an Actions table: set the workbooks up in the add-in first.`);
  }
  const refs = reads.flatMap((r) => r.refs);
  const serviceOrder: string[] = [];
  for (const r of reads) for (const s of r.services) if (!serviceOrder.some((o) => foldLabel(o) === foldLabel(s))) serviceOrder.push(s);

  const seen = new Map<string, { file: string; cell: string; key: string }>();
  const kept: ActionInput[] = [];
  const problems: FileActionProblem[] = [];
  const cellProblems: ActionsOverview["cellProblems"] = [];
  const files: ActionFileBase[] = [];
  for (const r of reads) {
    if (!r.table) {
      files.push({ file: r.file, actions: 0, excluded: 0 });
      continue;
    }
    const t = r.table;
    const at = t.records.columns.get("actionId");
    const cellOf = (row: number) => (at === undefined ? `row ${row}` : cellAddress(t.table.firstColumn + at, row));
    const own: ActionInput[] = [];
    const duplicates: Problem[] = [];
    const duplicateJson: FileActionProblem[] = [];
    let excluded = 0;
    for (const a of r.inputs) {
      const id = foldLabel(a.actionId);
      const row = a.row!;
      const before = id === "" ? undefined : seen.get(id);
      if (!before) {
        if (id !== "") seen.set(id, { file: r.file, cell: `${t.table.sheet}!${cellOf(row)}`, key: sameKey(a) });
        own.push(a);
        continue;
      }
      const same = before.key === sameKey(a);
      if (!same) excluded++;
      const there = `${before.file} (${before.cell})`;
      const message = same ? `is also in ${there} with the same values: counted once.` : `is also in ${there} with different values: this row is left out.`;
      const cell = cellOf(row);
      const brief = same ? `Action ID is also in ${there} with the same values: counted once.` : `Action ID is also in ${there} with different values.`;
      duplicateJson.push({ file: r.file, actionId: a.actionId, row, column: "actionId", kind: same ? "duplicateSame" : "duplicateDifferent", message });
      const header = actionRecord.columns.find((c) => c.key === "actionId")!.header;
      duplicates.push({ sheet: t.table.sheet, row, column: header, cell, message: `Action ${a.actionId.trim()} ${message}`, severity: same ? "warning" : "error", brief: `${cell}: ${brief}` });
    }
    const checks = checkActions(own, refs);
    // Row order within the file: the duplicates and the checks together.
    const json = [...duplicateJson, ...checks.map((p) => ({ file: r.file, ...p }))].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const cells = [...duplicates, ...actionCellProblems(t, checks)].sort((a, b) => a.row - b.row).map((p) => ({ file: r.file, ...p }));
    problems.push(...json);
    cellProblems.push(...cells);
    kept.push(...own);
    files.push({ file: r.file, actions: own.length, excluded });
  }
  const report = actionsReport(kept, today, { serviceOrder });
  return { ...report, problems, files, cellProblems, ...(without.length ? { withoutActions: without } : {}) };
}
