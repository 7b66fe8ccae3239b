/**
 * WorkbookPort over the Excel JavaScript API (Office.js), for the task pane.
 *
 * Round trips (context.sync calls) per call:
 *  - read(): one Excel.run. Sync 1 queues everything up front: sheet names with the names of each sheet's
 *    charts (one nested load, worksheets.load("items/name,items/charts/items/name")), workbook names (for
 *    the owner marks) and table names; the Diagnostics table through tables.getItemOrNullObject and, in
 *    case there is none, the Diagnostics sheet's used range through getItemOrNullObject +
 *    getUsedRangeOrNullObject; the Lists sheet (the one the "lists" owner name points at, else the sheet
 *    called Lists); the active cell. Rows are read speculatively (the first FIRST_READ_ROWS).
 *    Sync 2, only for a longer table: the remaining rows of the columns wanted (the narrative columns only
 *    when the request asks for them), each contiguous block of columns as its own range, all in the same
 *    sync. It is split into further syncs only when its response would pass the budget (~4 MB; Excel on
 *    the web refuses responses over 5 MB): 10,000 visits without narrative text are ~1.6 MB, with it ~7 MB.
 *  - apply(): one Excel.run. A plan carrying its basis (the read it was built from) is checked against that
 *    basis and every change is sent in ONE sync. A plan without a basis that adds or clears sheets, defines
 *    names or creates tables first needs to know what exists: ONE probe sync reads sheet, name and table
 *    names and the charts of the sheets it clears (so does a plan whose basis lacks those charts). Either way
 *    the whole plan is checked before anything is written, and a plan whose requests would exceed ~4 MB
 *    (thousands of rows) is split into several, each under the limit.
 *
 * This relies on three behaviours of Office.js: actions in a batch run in order (an object such as the
 * used range of a table is resolved when the batch reaches it, after the writes queued before it); the
 * children of a null object are null objects (so the table and fallback reads can share one sync); and a
 * collection load path may go through a navigation collection of each item ("items/charts/items/name",
 * which Office.js sends as "charts/name"; documented as WorksheetCollectionLoadOptions.charts, "for EACH ITEM
 * in the collection"). Should a host refuse that load, read() asks again without it (one more sync) and
 * reports sheets without charts, and apply() then probes for the charts of a sheet it clears.
 *
 * ExcelApi 1.8 (the manifest's minimum) covers everything used here, except Table.resize (1.13), which
 * is only called from resizeTableIfSupported after checking isSetSupported.
 */
import { columnDefinitions, defaultConfig, findHeaderRow, matchHeaders } from "../../domain";
import { OWNER_NAME_PREFIX, CellStyle, CellValue, WorkbookBasis, WorkbookChange, WorkbookPlan } from "../../workbook/plan";
import {
  DIAGNOSTICS_SHEET,
  NOT_READ,
  DIAGNOSTICS_TABLE,
  LISTS_OWNER,
  LISTS_SHEET,
  ReadRequest,
  SelectionSnapshot,
  SheetInfo,
  TableSnapshot,
  WorkbookPort,
  WorkbookSnapshot,
} from "../../workbook/port";
import {
  Block,
  blockRows,
  cellA1,
  charactersToPoints,
  excelCells,
  jsonSize,
  parseAddress,
  rectangular,
  rowIsBlank,
  sheetOfFormula,
} from "./cells";

export interface OfficeWorkbookOptions {
  /** Largest estimated request per sync before writes are split (Excel on the web refuses 5 MB). */
  requestBudget?: number;
  /** Largest estimated response per sync when a long table is read in parts. */
  responseBudget?: number;
  /** Rows read in read()'s first sync; longer tables take a second. */
  firstReadRows?: number;
}

const DEFAULTS: Required<OfficeWorkbookOptions> = {
  requestBudget: 4 * 1024 * 1024,
  responseBudget: 4 * 1024 * 1024,
  firstReadRows: 500,
};

/** Estimated JSON bytes of one queued action besides its values. */
const ACTION_BYTES = 300;

const lower = (s: string) => s.toLowerCase();

export class OfficeWorkbook implements WorkbookPort {
  private readonly options: Required<OfficeWorkbookOptions>;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  read(request: ReadRequest): Promise<WorkbookSnapshot> {
    return Excel.run((context) => readWorkbook(context, request, this.options));
  }

  apply(plan: WorkbookPlan): Promise<void> {
    checkPlanShape(plan);
    return Excel.run((context) => applyPlan(context, plan, this.options));
  }
}

// ---- read -------------------------------------------------------------------------------------

/** The narrative columns' keys (names and findings: see ColumnDefinition.narrative); their headers are not configurable. */
const NARRATIVE_KEYS = columnDefinitions(defaultConfig())
  .filter((d) => d.narrative)
  .map((d) => d.key);

/** 0-based positions, within a header row, of the narrative columns (matched as the core matches headers). */
export function narrativeColumns(headers: readonly unknown[]): Set<number> {
  const { columns } = matchHeaders(headers, defaultConfig());
  return new Set(NARRATIVE_KEYS.flatMap((k) => (columns.has(k) ? [columns.get(k)!] : [])));
}

/**
 * Puts NOT_READ in place of the text of non-empty cells in `columns`, and null in empty ones (spaces only count as
 * empty, as the core's blank-row check has it; below the first block only valueTypes are read, which see a space).
 */
function hideColumns(rows: CellValue[][], columns: ReadonlySet<number>): void {
  if (columns.size === 0) return;
  for (const row of rows) for (const c of columns) if (c < row.length) row[c] = isEmptyCell(row[c]) ? null : NOT_READ;
}

const isEmptyCell = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Everything read()'s first sync asks for, queued. */
function queueFirstRead(context: Excel.RequestContext, request: ReadRequest, first: number, withCharts: boolean) {
  const wb = context.workbook;
  // Every sheet with the names of its charts: one nested load, no request per sheet.
  const sheets = wb.worksheets.load(withCharts ? "items/name,items/charts/items/name" : "items/name");
  const names = wb.names.load("items/name,items/formula");
  const tables = wb.tables.load("items/name");

  // The Diagnostics table, wherever it is. If it does not exist every object below is a null object.
  const table = wb.tables.getItemOrNullObject(DIAGNOSTICS_TABLE).load("name");
  const tableSheet = table.worksheet.load("name");
  const header = table.getHeaderRowRange().load("values,address");
  const body = table.getDataBodyRange().load("address");
  const bodyHead = request.rows ? body.getRow(0).getResizedRange(first - 1, 0).load("values") : null;

  // Else the Diagnostics sheet's used range, first row as headers (title rows are found later, in rawTableFrom).
  const plain = wb.worksheets.getItemOrNullObject(DIAGNOSTICS_SHEET).getUsedRangeOrNullObject(true).load("address");
  const plainHead = plain.getRow(0).getResizedRange(request.rows ? first : 0, 0).load("values");

  // The Lists sheet: the one marked as the add-in's lists (even if renamed), else the sheet named Lists.
  const ownedLists = request.lists
    ? wb.names
        .getItemOrNullObject(`${OWNER_NAME_PREFIX}${LISTS_OWNER}`)
        .getRangeOrNullObject()
        .worksheet.getUsedRangeOrNullObject(true)
        .load("values,address")
    : null;
  const namedLists = request.lists ? wb.worksheets.getItemOrNullObject(LISTS_SHEET).getUsedRangeOrNullObject(true).load("values,address") : null;

  const active = request.selection ? wb.getActiveCell().load("address") : null;
  return { withCharts, sheets, names, tables, table, tableSheet, header, body, bodyHead, plain, plainHead, ownedLists, namedLists, active };
}

const errorCode = (e: unknown) => (e as { code?: unknown })?.code;
const isPayloadTooLarge = (e: unknown) => errorCode(e) === "RequestPayloadSizeLimitExceeded" || errorCode(e) === "ResponsePayloadSizeLimitExceeded";

async function readWorkbook(context: Excel.RequestContext, request: ReadRequest, o: Required<OfficeWorkbookOptions>): Promise<WorkbookSnapshot> {
  const first = o.firstReadRows;
  let q = queueFirstRead(context, request, first, true);
  try {
    await context.sync();
  } catch (e) {
    if (isPayloadTooLarge(e)) throw e;
    // Should a host refuse the nested chart load, read once more without it: sheets are then reported without
    // their charts, and a plan that clears one looks them up itself (apply's probe).
    q = queueFirstRead(context, request, first, false);
    await context.sync();
  }
  const { sheets, names, tables, table, tableSheet, header, body, bodyHead, plain, plainHead, ownedLists, namedLists, active } = q;

  const owners = ownersOf(names.items.map((n) => ({ name: n.name, formula: n.formula })));
  const sheetInfos: SheetInfo[] = sheets.items.map((s) => {
    const owner = owners.get(lower(s.name)) ?? null;
    // Charts are reported for the add-in's own sheets only: clearing one deletes them.
    return owner === null || !q.withCharts ? { name: s.name, owner } : { name: s.name, owner, charts: s.charts.items.map((c) => c.name) };
  });

  let diagnostics: TableSnapshot | null = null;
  if (!table.isNullObject) {
    const h = parseAddress(header.address);
    const b = parseAddress(body.address).block;
    const headers = (header.values[0] ?? []) as CellValue[];
    const count = blockRows(b);
    let rows: CellValue[][] = [];
    if (bodyHead) {
      const skip = request.narrative ? new Set<number>() : narrativeColumns(headers);
      rows = (bodyHead.values as CellValue[][]).slice(0, count);
      if (count > first) rows = rows.concat(await readRows(context, tableSheet.name, b, b.top + first, rows, skip, o.responseBudget));
      // Excel keeps one (empty) body row in a table without data: that is no row.
      if (count === 1 && rowIsBlank(rows[0] ?? [])) rows = [];
      hideColumns(rows, skip);
    }
    diagnostics = {
      sheet: tableSheet.name,
      table: table.name,
      headerRow: h.block.top + 1,
      firstColumn: h.block.left,
      headers,
      rows,
    };
  } else if (!plain.isNullObject) {
    const { sheet, block: u } = parseAddress(plain.address);
    const head = plainHead.values as CellValue[][];
    const count = blockRows(u) - 1;
    let rows: CellValue[][] = [];
    if (request.rows) {
      rows = head.slice(1, 1 + count);
      // The header may sit under title rows: the narrative columns are those of the row the core takes as the header.
      const at = request.narrative ? -1 : findHeaderRow(head, defaultConfig());
      const skip = at >= 0 ? narrativeColumns(head[at]) : new Set<number>();
      if (count > first) rows = rows.concat(await readRows(context, sheet ?? DIAGNOSTICS_SHEET, u, u.top + 1 + first, rows, skip, o.responseBudget));
      if (at >= 0) hideColumns(rows.slice(at), skip);
    }
    diagnostics = {
      sheet: sheet ?? DIAGNOSTICS_SHEET,
      table: null,
      headerRow: u.top + 1,
      firstColumn: u.left,
      headers: head[0] ?? [],
      rows,
    };
  }

  let lists: CellValue[][] | null = null;
  const listsRange = ownedLists && !ownedLists.isNullObject ? ownedLists : namedLists && !namedLists.isNullObject ? namedLists : null;
  if (listsRange) lists = fromA1(listsRange.values as CellValue[][], parseAddress(listsRange.address).block);

  let selection: SelectionSnapshot | null = null;
  if (active) {
    const { sheet, block } = parseAddress(active.address);
    if (sheet) selection = { sheet, row: block.top + 1, column: block.left };
  }

  return {
    sheets: sheetInfos,
    names: names.items.map((n) => n.name),
    tables: tables.items.map((t) => t.name),
    diagnostics,
    lists,
    selection,
  };
}

/** Which owner each sheet has, from the names starting with OWNER_NAME_PREFIX (first one wins). Keys are lower case. */
function ownersOf(names: { name: string; formula: unknown }[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const n of names) {
    if (!lower(n.name).startsWith(lower(OWNER_NAME_PREFIX))) continue;
    const sheet = sheetOfFormula(n.formula);
    if (sheet && !owners.has(lower(sheet))) owners.set(lower(sheet), n.name.slice(OWNER_NAME_PREFIX.length));
  }
  return owners;
}

/** A used range's values placed from A1 (blank cells before it are ""). */
function fromA1(values: CellValue[][], block: Block): CellValue[][] {
  const pad = (n: number) => new Array<CellValue>(n).fill("");
  const rows = values.map((row) => [...pad(block.left), ...row]);
  const width = block.left + (values[0]?.length ?? 0);
  return [...Array.from({ length: block.top }, () => pad(width)), ...rows];
}

/** Runs of adjacent columns (0-based within the block) of a block `width` wide, leaving out `skip`. */
export function columnRuns(width: number, skip: ReadonlySet<number>): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  for (let c = 0; c < width; c++) {
    if (skip.has(c)) continue;
    const last = runs[runs.length - 1];
    if (last && last.to === c - 1) last.to = c;
    else runs.push({ from: c, to: c });
  }
  return runs;
}

/**
 * The rest of a long table, below what the first sync read. The columns in `skip` are not read: only whether each
 * cell is empty (valueTypes, a few bytes a cell), giving NOT_READ or null there, so a row holding only skipped
 * text still counts as a row. Each run of wanted columns is its own range, all loaded in one sync. The sync is split only when its
 * estimated response (bytes per row measured on the rows read so far) would pass the budget; should Excel
 * still refuse a response as too large, that part is read again in halves.
 */
async function readRows(
  context: Excel.RequestContext,
  sheet: string,
  block: Block,
  fromRow: number,
  readSoFar: CellValue[][],
  skip: ReadonlySet<number>,
  budget: number,
): Promise<CellValue[][]> {
  const width = block.right - block.left + 1;
  const runs = columnRuns(width, skip);
  const all = new Set(Array.from({ length: width }, (_, c) => c));
  const skipped = columnRuns(width, new Set([...all].filter((c) => !skip.has(c))));
  const out: CellValue[][] = [];
  const wanted = (row: readonly CellValue[]) => runs.map((r) => row.slice(r.from, r.to + 1));
  const cellsWanted = runs.reduce((n, r) => n + r.to - r.from + 1, 0);
  // Rows further down may be longer than the first ones (growing IDs, longer findings): a tenth more, to be safe.
  // A skipped cell's type ("Empty", "String") costs about ten bytes.
  let perRow = 1.1 * Math.max(jsonSize(readSoFar.map(wanted)) / Math.max(readSoFar.length, 1), cellsWanted * 3) + 10 * skip.size;
  const ws = context.workbook.worksheets.getItem(sheet);
  for (let row = fromRow; row <= block.bottom; ) {
    const count = Math.max(1, Math.min(block.bottom - row + 1, Math.floor(budget / perRow)));
    const span = (r: { from: number; to: number }) => ws.getRange(`${cellA1(block.left + r.from, row)}:${cellA1(block.left + r.to, row + count - 1)}`);
    const parts = runs.map((r) => span(r).load("values"));
    const kinds = skipped.map((r) => span(r).load("valueTypes"));
    try {
      // One sync per part, by design: parts must not share a response (5 MB on the web). Usually there is one part.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (errorCode(e) !== "ResponsePayloadSizeLimitExceeded" || count === 1) throw e;
      perRow = Math.max(perRow, budget / Math.floor(count / 2)); // read fewer rows at a time from here on
      continue;
    }
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const line = new Array<CellValue>(width).fill(null);
      runs.forEach((r, k) => {
        const values = parts[k].values[i] as CellValue[];
        for (let c = r.from; c <= r.to; c++) line[c] = values[c - r.from];
      });
      skipped.forEach((r, k) => {
        const types = kinds[k].valueTypes[i];
        for (let c = r.from; c <= r.to; c++) line[c] = String(types[c - r.from]) === "Empty" ? null : NOT_READ; // a string: Excel.RangeValueType is not a global everywhere
      });
      out.push(line);
    }
    for (const p of parts) bytes += jsonSize(p.values);
    for (const k of kinds) bytes += jsonSize(k.valueTypes);
    perRow = Math.max(perRow, (1.1 * bytes) / count);
    row += count;
  }
  return out;
}

// ---- apply ------------------------------------------------------------------------------------

/** What exists before the plan runs: from the plan's basis, else from a probe sync. Keys are lower case. */
interface Facts {
  sheets: Map<string, string>;
  owners: Map<string, string>;
  names: Set<string>;
  tables: Set<string>;
  charts: Map<string, string[]>;
}

const NEEDS_FACTS = new Set<WorkbookChange["kind"]>(["addSheet", "clearSheet", "defineName", "createTable"]);

function checkPlanShape(plan: WorkbookPlan): void {
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
function factsFromBasis(plan: WorkbookPlan, basis: WorkbookBasis): Facts | null {
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
async function probe(context: Excel.RequestContext, plan: WorkbookPlan): Promise<Facts> {
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
function checkPlanAgainst(plan: WorkbookPlan, facts: Facts): void {
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

/** Queued actions of the current request, and the checks to run once it has been sent. */
class Batch {
  private bytes = 0;
  private checks: (() => Promise<void> | void)[] = [];

  constructor(
    readonly context: Excel.RequestContext,
    readonly budget: number,
  ) {}

  /** Counts an action about to be queued. */
  add(bytes: number): void {
    this.bytes += bytes + ACTION_BYTES;
  }

  /** Room left in this request. */
  get room(): number {
    return this.budget - this.bytes;
  }

  get empty(): boolean {
    return this.bytes === 0;
  }

  afterSync(check: () => Promise<void> | void): void {
    this.checks.push(check);
  }

  /** Sends what is queued (one sync) and runs the checks that waited for it. */
  async flush(): Promise<void> {
    if (this.bytes === 0 && this.checks.length === 0) return;
    await this.context.sync();
    this.bytes = 0;
    const checks = this.checks;
    this.checks = [];
    for (const check of checks) await check();
  }
}

async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, o: Required<OfficeWorkbookOptions>): Promise<void> {
  // With a basis, what existed is known without asking: no probe. (A co-author's change since the read
  // makes the batch fail where it conflicts, as it would a moment after a probe.)
  let facts = plan.basis ? factsFromBasis(plan, plan.basis) : null;
  if (!facts && plan.changes.some((c) => NEEDS_FACTS.has(c.kind))) facts = await probe(context, plan);
  if (facts) checkPlanAgainst(plan, facts);
  const batch = new Batch(context, o.requestBudget);
  for (const change of plan.changes) await queueChange(batch, change, facts);
  await batch.flush();
}

async function queueChange(batch: Batch, c: WorkbookChange, facts: Facts | null): Promise<void> {
  const wb = batch.context.workbook;
  switch (c.kind) {
    case "addSheet": {
      if (facts!.sheets.has(lower(c.sheet))) return; // never claim or touch an existing sheet
      const ws = wb.worksheets.add(c.sheet);
      batch.add(c.sheet.length);
      facts!.sheets.set(lower(c.sheet), c.sheet);
      if (c.owner) {
        const name = `${OWNER_NAME_PREFIX}${c.owner}`;
        if (facts!.names.has(lower(name))) wb.names.getItem(name).delete(); // a stale mark (its sheet was deleted)
        wb.names.add(name, ws.getRange("A1"));
        facts!.names.add(lower(name));
        facts!.owners.set(lower(c.sheet), c.owner);
        batch.add(name.length * 2);
      }
      if (c.activate) ws.activate();
      return;
    }
    case "clearSheet": {
      const ws = wb.worksheets.getItem(c.sheet);
      const all = ws.getRange();
      all.clear("All");
      all.conditionalFormats.clearAll();
      all.dataValidation.clear();
      for (const chart of facts!.charts.get(lower(c.sheet)) ?? []) ws.charts.getItem(chart).delete();
      facts!.charts.set(lower(c.sheet), []);
      batch.add(400);
      return;
    }
    case "setValues": {
      const values = rectangular(c.values);
      return values.length > 0 ? queueSetValues(batch, c.sheet, c.topLeft, values, c.style) : undefined;
    }
    case "setStyle":
      applyStyle(wb.worksheets.getItem(c.sheet).getRange(c.range), c.style);
      batch.add(200);
      return;
    case "setColumnWidths": {
      const ws = wb.worksheets.getItem(c.sheet);
      c.widths.forEach((w, i) => {
        const letter = cellA1(i, 0).replace(/\d+$/, "");
        ws.getRange(`${letter}:${letter}`).format.columnWidth = charactersToPoints(w);
        batch.add(40);
      });
      return;
    }
    case "createTable": {
      const ws = wb.worksheets.getItem(c.sheet);
      const headerRange = ws.getRange(c.topLeft).getResizedRange(0, c.headers.length - 1);
      const bytes = queueCells(headerRange, [c.headers]);
      const table = ws.tables.add(headerRange, true); // Excel adds the one empty body row under the headers
      table.name = c.name;
      facts!.tables.add(lower(c.name));
      batch.add(bytes + c.name.length);
      return;
    }
    case "addTableColumns": {
      const table = wb.tables.getItem(c.table);
      for (const header of c.headers) table.columns.add(undefined, undefined, header);
      batch.add(jsonSize(c.headers));
      return;
    }
    case "appendTableRows":
      return queueAppend(batch, c.table, rectangular(c.rows));
    case "listValidation": {
      const v = wb.worksheets.getItem(c.sheet).getRange(c.range).dataValidation;
      v.clear();
      v.rule = { list: { inCellDropDown: true, source: c.source } };
      v.errorAlert = { showAlert: true, style: "Stop", title: c.errorTitle, message: c.errorMessage };
      batch.add(c.errorMessage.length + c.errorTitle.length + c.source.length);
      return;
    }
    case "conditionalFills": {
      // The fills replace the range's conditional formats, so applying the plan twice adds nothing.
      // Equality on the whole text is a cell-value rule (="RI"): a text rule only has contains/begins/ends,
      // and "contains RI" would colour "G / RI" too.
      const cfs = wb.worksheets.getItem(c.sheet).getRange(c.range).conditionalFormats;
      cfs.clearAll();
      for (const f of c.fills) {
        const cf = cfs.add("CellValue").cellValue;
        cf.format.fill.color = `#${f.fill}`;
        cf.format.font.color = `#${f.fontColour}`;
        cf.rule = { formula1: `="${f.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
        batch.add(120 + f.text.length);
      }
      return;
    }
    case "defineName": {
      if (facts!.names.has(lower(c.name))) wb.names.getItem(c.name).delete();
      wb.names.add(c.name, wb.worksheets.getItem(c.sheet).getRange(c.range));
      facts!.names.add(lower(c.name));
      batch.add(c.name.length * 2 + c.range.length);
      return;
    }
    case "freezeRows": {
      const panes = wb.worksheets.getItem(c.sheet).freezePanes;
      if (c.rows > 0) panes.freezeRows(c.rows);
      else panes.unfreeze();
      batch.add(20);
      return;
    }
    case "addChart": {
      const ws = wb.worksheets.getItem(c.sheet);
      const chart = ws.charts.add("BarStacked", ws.getRange(c.dataRange), "Columns");
      chart.name = c.name;
      chart.title.text = c.title;
      chart.setPosition(c.anchor);
      chart.width = c.width;
      chart.height = c.height;
      c.series.forEach((s, i) => {
        const series = chart.series.getItemAt(i);
        series.name = s.name;
        series.format.fill.setSolidColor(`#${s.colour}`);
      });
      batch.add(200 + jsonSize(c.series));
      return;
    }
    case "select": {
      const ws = wb.worksheets.getItem(c.sheet);
      ws.activate();
      ws.getRange(c.range).select();
      batch.add(60);
      return;
    }
  }
}

/** Queues values (and "@" where text must stay text) into a range of exactly their size. */
function queueCells(range: Excel.Range, values: CellValue[][]): number {
  const cells = excelCells(values);
  if (cells.formats) range.numberFormat = cells.formats;
  range.values = cells.values;
  return jsonSize(cells.values) + (cells.formats ? jsonSize(cells.formats) : 0);
}

/** Rows of values split into parts that each fit the room given (at least one row a part). */
function takeRows(rows: CellValue[][], from: number, room: number): number {
  let bytes = 0;
  let n = 0;
  for (let i = from; i < rows.length; i++) {
    const size = jsonSize(rows[i]) + 8 * rows[i].length + 2;
    if (n > 0 && bytes + size > room) break;
    bytes += size;
    n++;
  }
  return n;
}

async function queueSetValues(batch: Batch, sheet: string, topLeft: string, values: CellValue[][], style?: CellStyle): Promise<void> {
  const width = values[0].length;
  const ws = batch.context.workbook.worksheets.getItem(sheet);
  if (style) {
    // Style first, so "@" for risky text (queued with the values) wins over a style's number format.
    applyStyle(ws.getRange(topLeft).getResizedRange(values.length - 1, width - 1), style);
    batch.add(200);
  }
  for (let from = 0; from < values.length; ) {
    if (batch.room < batch.budget / 4 && !batch.empty) await batch.flush();
    const n = takeRows(values, from, batch.room);
    const part = values.slice(from, from + n);
    const range = ws.getRange(topLeft).getOffsetRange(from, 0).getResizedRange(n - 1, width - 1);
    batch.add(queueCells(range, part));
    from += n;
    if (from < values.length) await batch.flush();
  }
}

/**
 * Rows written directly below the table's last row that holds anything, so Excel grows the table over
 * them; table.rows.add is never used (it causes co-authoring merge conflicts). The anchor is the table's
 * used range (values only), so in a table without data rows the first row goes into the one empty body
 * row Excel keeps, and the rest below it. Once sent, the table's new size is checked.
 */
async function queueAppend(batch: Batch, tableName: string, rows: CellValue[][]): Promise<void> {
  if (rows.length === 0) return;
  for (let from = 0; from < rows.length; ) {
    if (batch.room < batch.budget / 4 && !batch.empty) await batch.flush();
    const n = takeRows(rows, from, batch.room);
    const part = rows.slice(from, from + n);
    queueAppendPart(batch, tableName, part);
    from += n;
    if (from < rows.length) await batch.flush();
  }
}

function queueAppendPart(batch: Batch, tableName: string, rows: CellValue[][]): void {
  const wb = batch.context.workbook;
  const width = rows[0].length;
  const table = wb.tables.getItem(tableName);
  const anchor = table.getRange().getUsedRange(true);
  anchor.load("address");
  const start = anchor.getRowsBelow(1).getCell(0, 0);
  // The first row alone (it may fill the empty body row, inside the table), then the rest, directly below it.
  let bytes = queueCells(start.getResizedRange(0, width - 1), rows.slice(0, 1));
  if (rows.length > 1) bytes += queueCells(start.getOffsetRange(1, 0).getResizedRange(rows.length - 2, width - 1), rows.slice(1));
  const after = wb.tables.getItem(tableName).getRange().load("address");
  batch.add(bytes + 400);
  let lastWithData = rows.length - 1;
  while (lastWithData >= 0 && rowIsBlank(rows[lastWithData])) lastWithData--;
  batch.afterSync(async () => {
    // Runs after Batch.flush's sync, which loaded both addresses.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const anchorBlock = parseAddress(anchor.address).block;
    const tableBlock = parseAddress(after.address).block;
    const wanted = anchorBlock.bottom + 1 + lastWithData;
    if (lastWithData < 0 || tableBlock.bottom >= wanted) return;
    const grown = { ...tableBlock, bottom: wanted };
    if (await resizeTableIfSupported(batch.context, tableName, grown)) return;
    throw new Error(
      `Rows were written below the table "${tableName}" but Excel did not extend the table over them ` +
        `(rows ${tableBlock.bottom + 2} to ${wanted + 1}). Resize the table to include them (Table Design > Resize Table).`,
    );
  });
}

/**
 * Table.resize is ExcelApi 1.13, newer than the manifest's 1.8: called only where the host supports it.
 * (Convention checked by test/officejs/requirementSets.test.ts: members newer than the manifest's
 * minimum are used only inside functions whose name ends in IfSupported and which call isSetSupported.)
 */
async function resizeTableIfSupported(context: Excel.RequestContext, tableName: string, block: Block): Promise<boolean> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.13")) return false;
  context.workbook.tables.getItem(tableName).resize(`${cellA1(block.left, block.top)}:${cellA1(block.right, block.bottom)}`);
  await context.sync();
  return true;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColour !== undefined) f.font.color = `#${style.fontColour}`;
  if (style.fill !== undefined) f.fill.color = `#${style.fill}`;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontalAlignment !== undefined) f.horizontalAlignment = style.horizontalAlignment;
  if (style.verticalAlignment !== undefined) f.verticalAlignment = style.verticalAlignment;
  if (style.numberFormat !== undefined) range.numberFormat = [[style.numberFormat]]; // one value for every cell
  if (style.border) {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
      f.borders.getItem(edge).style = "Continuous";
    }
  }
}
