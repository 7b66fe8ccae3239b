/**
 * Rename and remove services, areas and teams from Settings (issue 13). Each action is one read then, when there is
 * anything to write, one plan applied once: the pane's fixed round trips whatever the number of rows.
 */
import { actionRecord, visitRecord } from "../domain";
import { actionsRawTable } from "../workbook/actionsPlan";
import { ListKind, UsingTable, actionsHave, cellsUsing, removePlan, renamePlan, renamedText, teamsNaming } from "../workbook/listValuesPlan";
import { ownedSheetName } from "../workbook/ownedSheets";
import { LISTS_OWNER, LISTS_SHEET, WorkbookPort } from "../workbook/port";
import { ActionContext, planFrom, readContext } from "./context";
import { teamListChanges } from "../workbook/teamLists";

export type { ListKind } from "../workbook/listValuesPlan";

/** Rows only, without the narrative columns, with the Lists sheet and the Actions table. */
const READ = { rows: true, narrative: false, lists: true, selection: false, actions: true } as const;

/** How many visits and actions use one value, and how many teams on the Lists sheet name it. */
export interface ValueUsage {
  value: string;
  visits: number;
  actions: number;
  teams: number;
}

export type ListUsage = Record<ListKind, ValueUsage[]>;

function tables(context: ActionContext): { visits: UsingTable | null; actions: UsingTable | null } {
  const actions = actionsRawTable(context.snapshot);
  return {
    visits: context.table ? { table: context.table, record: visitRecord(context.config, context.compiled) as never } : null,
    actions: actions ? { table: actions, record: actionRecord as never } : null,
  };
}

const listedValues = (context: ActionContext, kind: ListKind): string[] =>
  kind === "service" ? context.config.services : kind === "area" ? context.config.areas : context.config.teams.map((t) => t.name);

function listsSheetOf(context: ActionContext): string {
  const owned = ownedSheetName(context.snapshot.sheets, LISTS_OWNER, LISTS_SHEET);
  return owned.exists ? owned.name : LISTS_SHEET;
}

/** Every listed service, area and team with the rows that use it; writes nothing. */
export async function listUsage(port: WorkbookPort): Promise<ListUsage> {
  const context = await readContext(port, READ);
  const { visits, actions } = tables(context);
  const usage = (kind: ListKind): ValueUsage[] =>
    listedValues(context, kind).map((value) => ({
      value,
      visits: cellsUsing(visits, kind, value).length,
      actions: actionsHave(kind) ? cellsUsing(actions, kind, value).length : 0,
      teams: teamsNaming(context.snapshot.lists, kind, value),
    }));
  return { service: usage("service"), area: usage("area"), team: usage("team") };
}

export type ListEditResult = { ok: true; message: string } | { ok: false; message: string };

/**
 * Renames a value on the Lists sheet; with `rewriteRows`, also the cells that use it, in the same plan. The rows are
 * those of this read, so a visit added since the pane counted is rewritten too, and the message gives the true count.
 */
export async function renameListValue(port: WorkbookPort, kind: ListKind, from: string, to: string, rewriteRows: boolean): Promise<ListEditResult> {
  const context = await readContext(port, READ);
  const { visits, actions } = tables(context);
  const visitCells = cellsUsing(visits, kind, from);
  const actionCells = actionsHave(kind) ? cellsUsing(actions, kind, from) : [];
  const plan = renamePlan(
    listsSheetOf(context),
    context.snapshot.lists,
    kind,
    from,
    to,
    { visits: { sheet: visits?.table.sheet ?? "", cells: visitCells }, actions: actions ? { sheet: actions.table.sheet, cells: actionCells } : null },
    rewriteRows,
  );
  if (!plan.ok) return plan;
  const used = visitCells.length + actionCells.length;
  const renamed = renamedConfig(context, kind, from, to.trim());
  await port.apply(planFrom(context, `Rename ${kind}`, [...plan.changes, ...teamListChanges(context.snapshot, renamed)]));
  return { ok: true, message: renamedText(kind, from, to.trim(), rewriteRows ? used : 0, rewriteRows ? 0 : used) };
}

/** Removes a value's Lists entry; refused, writing nothing, while any row uses it. */
export async function removeListValue(port: WorkbookPort, kind: ListKind, value: string): Promise<ListEditResult> {
  const context = await readContext(port, READ);
  const { visits, actions } = tables(context);
  const uses = { visits: cellsUsing(visits, kind, value), actions: actionsHave(kind) ? cellsUsing(actions, kind, value) : [] };
  const plan = removePlan(listsSheetOf(context), context.snapshot.lists, kind, value, uses);
  if (!plan.ok) return plan;
  const removed = removedConfig(context, kind, value);
  await port.apply(planFrom(context, `Remove ${kind}`, [...plan.changes, ...teamListChanges(context.snapshot, removed)]));
  return { ok: true, message: `${value} removed from the Lists sheet. No row was changed.` };
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function renamedConfig(context: ActionContext, kind: ListKind, from: string, to: string) {
  const c = context.config;
  const swap = (v: string) => (same(v, from) ? to : v);
  if (kind === "service") return { ...c, services: c.services.map(swap), teams: c.teams.map((t) => ({ ...t, service: swap(t.service) })) };
  if (kind === "area") return { ...c, areas: c.areas.map(swap), teams: c.teams.map((t) => ({ ...t, area: swap(t.area) })) };
  return { ...c, teams: c.teams.map((t) => ({ ...t, name: swap(t.name) })) };
}

function removedConfig(context: ActionContext, kind: ListKind, value: string) {
  const c = context.config;
  if (kind === "service") return { ...c, services: c.services.filter((v) => !same(v, value)) };
  if (kind === "area") return { ...c, areas: c.areas.filter((v) => !same(v, value)) };
  return { ...c, teams: c.teams.filter((t) => !same(t.name, value)) };
}
