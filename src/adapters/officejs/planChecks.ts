/** What exists before a plan runs (from its basis or one probe sync), and the checks of the plan against it. */
import { OWNER_NAME_PREFIX, WorkbookBasis, WorkbookChange, WorkbookPlan } from "../../workbook/plan";
import { lower, ownersOf } from "./cells";

/** What exists before the plan runs: from the plan's basis, else from a probe sync. Keys are lower case. */
export interface Facts {
  sheets: Map<string, string>;
  owners: Map<string, string>;
  names: Set<string>;
  tables: Set<string>;
  charts: Map<string, string[]>;
}

export const NEEDS_FACTS = new Set<WorkbookChange["kind"]>(["addSheet", "clearSheet", "defineName", "createTable"]);

export function checkPlanShape(plan: WorkbookPlan): void {
  for (const c of plan.changes) {
    if (c.kind === "addSheet" && c.owner !== undefined && !/^[A-Za-z0-9_.]+$/.test(c.owner)) {
      throw new Error(`${plan.action}: owner "${c.owner}" must be letters, digits, "_" or "." (it becomes part of a name).`);
    }
  }
}

/**
 * The facts a basis gives, or null when it lacks what the plan needs: the charts of a sheet the plan clears
 * (a basis from an adapter that does not report charts).
 */
export function factsFromBasis(plan: WorkbookPlan, basis: WorkbookBasis): Facts | null {
  const byName = new Map(basis.sheets.map((s) => [lower(s.name), s]));
  for (const c of plan.changes) {
    if (c.kind !== "clearSheet") continue;
    const sheet = byName.get(lower(c.sheet));
    if (sheet && sheet.owner !== null && sheet.charts === undefined) return null;
  }
  return {
    sheets: new Map(basis.sheets.map((s) => [lower(s.name), s.name])),
    owners: new Map(basis.sheets.flatMap((s) => (s.owner === null ? [] : [[lower(s.name), s.owner] as [string, string]]))),
    names: new Set(basis.names.map(lower)),
    tables: new Set(basis.tables.map(lower)),
    charts: new Map(basis.sheets.flatMap((s) => (s.charts ? [[lower(s.name), [...s.charts]] as [string, string[]]] : []))),
  };
}

/** What exists, asked of the workbook: one sync. Charts are looked up only on the sheets the plan clears. */
export async function probe(context: Excel.RequestContext, plan: WorkbookPlan): Promise<Facts> {
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const names = wb.names.load("items/name,items/formula");
  const tables = wb.tables.load("items/name");
  const cleared = [...new Set(plan.changes.flatMap((c) => (c.kind === "clearSheet" ? [c.sheet] : [])))];
  const charts = cleared.map((s) => ({ sheet: s, charts: wb.worksheets.getItemOrNullObject(s).charts.load("items/name") }));
  await context.sync();
  const facts: Facts = {
    sheets: new Map(sheets.items.map((s) => [lower(s.name), s.name])),
    owners: ownersOf(names.items.map((n) => ({ name: n.name, formula: n.formula }))),
    names: new Set(names.items.map((n) => lower(n.name))),
    tables: new Set(tables.items.map((t) => lower(t.name))),
    charts: new Map(),
  };
  // A sheet that does not exist gives a null collection: its items are not read.
  for (const c of charts) if (facts.sheets.has(lower(c.sheet))) facts.charts.set(lower(c.sheet), c.charts.items.map((ch) => ch.name));
  return facts;
}

/** Walks the plan against the facts, refusing before anything is written if a change cannot apply. */
export function checkPlanAgainst(plan: WorkbookPlan, facts: Facts): void {
  const sheets = new Set(facts.sheets.keys());
  const owners = new Map(facts.owners);
  const tables = new Set(facts.tables);
  const names = new Set(facts.names);
  const needSheet = (sheet: string, kind: string) => {
    if (!sheets.has(lower(sheet))) throw new Error(`${plan.action}: ${kind} needs the sheet "${sheet}", which does not exist.`);
  };
  for (const c of plan.changes) {
    switch (c.kind) {
      case "addSheet":
        if (!sheets.has(lower(c.sheet))) {
          sheets.add(lower(c.sheet));
          if (c.owner) {
            owners.set(lower(c.sheet), c.owner);
            names.add(lower(`${OWNER_NAME_PREFIX}${c.owner}`));
          }
        }
        break;
      case "clearSheet":
        needSheet(c.sheet, "clearSheet");
        if (!owners.has(lower(c.sheet))) throw new Error(`${plan.action}: refusing to clear "${c.sheet}": the add-in did not make that sheet.`);
        break;
      case "createTable":
        needSheet(c.sheet, "createTable");
        if (tables.has(lower(c.name)) || names.has(lower(c.name))) throw new Error(`${plan.action}: a table or name "${c.name}" already exists.`);
        tables.add(lower(c.name));
        break;
      case "addTableColumns":
      case "appendTableRows":
        if (!tables.has(lower(c.table))) throw new Error(`${plan.action}: ${c.kind} needs the table "${c.table}", which does not exist.`);
        break;
      case "defineName":
        needSheet(c.sheet, "defineName");
        if (tables.has(lower(c.name))) throw new Error(`${plan.action}: "${c.name}" is already a table's name.`);
        names.add(lower(c.name));
        break;
      default:
        needSheet(c.sheet, c.kind);
    }
  }
}
