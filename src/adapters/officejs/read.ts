/** read(): the first sync (everything queued up front) and the snapshot made from it. See officeWorkbook.ts for the round trips. */
import { columnsLabelled, findHeaderRowBy } from "../../workbook/headerSearch";
import { CellValue, OWNER_NAME_PREFIX } from "../../workbook/plan";
import { NOT_READ, ReadRequest, SelectionSnapshot, SheetInfo, TableRequest, TableSnapshot, WorkbookSnapshot } from "../../workbook/port";
import { Block, blockRows, lower, ownersOf, parseAddress, rowIsBlank } from "./cells";
import { OfficeWorkbookOptions, isPayloadTooLarge } from "./options";
import { readRows } from "./readRows";

/**
 * Puts NOT_READ in place of the text of non-empty cells in `columns`, and null in empty ones (spaces only count as
 * empty, as the core's blank-row check has it; below the first block only valueTypes are read, which see a space).
 */
function hideColumns(rows: CellValue[][], columns: ReadonlySet<number>): void {
  if (columns.size === 0) return;
  for (const row of rows) for (const c of columns) if (c < row.length) row[c] = isEmptyCell(row[c]) ? null : NOT_READ;
}

const isEmptyCell = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** One requested table queued: the Excel table of that name, and in case there is none its fallback sheet's used range. */
function queueTable(wb: Excel.Workbook, request: TableRequest, first: number) {
  // The table, wherever it is. If it does not exist every object below is a null object.
  const table = wb.tables.getItemOrNullObject(request.name).load("name,showTotals");
  const tableSheet = table.worksheet.load("name");
  const header = table.getHeaderRowRange().load("values,address");
  const body = table.getDataBodyRange().load("address");
  const bodyHead = request.rows ? body.getRow(0).getResizedRange(first - 1, 0).load("values") : null;
  // For an append (issue 10): whether the row under the table holds anything (values only).
  const under = table.getRange().getRowsBelow(1).getUsedRangeOrNullObject(true).load("address");

  // Else the fallback sheet's used range, first row as headers (title rows are found later, in rawTableFrom).
  const plain = request.fallback ? wb.worksheets.getItemOrNullObject(request.fallback.sheet).getUsedRangeOrNullObject(true).load("address") : null;
  const plainHead = plain ? plain.getRow(0).getResizedRange(request.rows ? first : 0, 0).load("values") : null;
  return { request, table, tableSheet, header, body, bodyHead, plain, plainHead, under };
}

/** DATE(2000, 1, 1) in each date system (support, "Date systems in Excel": the 1900 serial is 1,462 days more). */
const Y2000_1900 = 36526;
const Y2000_1904 = 35064;

/** Everything read()'s first sync asks for, queued. */
function queueFirstRead(context: Excel.RequestContext, request: ReadRequest, first: number, withCharts: boolean, withDate = true) {
  const wb = context.workbook;
  // The date system, from the serial Excel's DATE gives (ExcelApi 1.2, Workbook.functions: "year Is a number from
  // 1900 or 1904 (depending on the workbook's date system)"); Office.js has no property for it. Left out only of the
  // last try below, so a host that refused it would still be read (as the 1900 system, as before).
  const dateProbe = withDate ? wb.functions.date(2000, 1, 1).load("value") : null;
  // Every sheet with the names of its charts: one nested load, no request per sheet.
  const sheets = wb.worksheets.load(withCharts ? "items/name,items/charts/items/name" : "items/name");
  const names = wb.names.load("items/name,items/formula");
  const tables = wb.tables.load("items/name");
  const wanted = request.tables.map((t) => queueTable(wb, t, first));

  // Each owned sheet: the one marked with its owner's name (even if renamed), else the sheet of that name.
  const owned = (request.sheets ?? []).map((s) => ({
    owner: s.owner,
    marked: wb.names
      .getItemOrNullObject(`${OWNER_NAME_PREFIX}${s.owner}`)
      .getRangeOrNullObject()
      .worksheet.getUsedRangeOrNullObject(true)
      .load("values,address"),
    named: wb.worksheets.getItemOrNullObject(s.sheet).getUsedRangeOrNullObject(true).load("values,address"),
  }));

  const active = request.selection ? wb.getActiveCell().load("address") : null;
  return { withCharts, sheets, names, tables, wanted, owned, active, dateProbe };
}

type QueuedTable = ReturnType<typeof queueTable>;

/** A queued table once the first sync has run: its snapshot, reading the rest of a long one (sync 2). */
async function tableFrom(context: Excel.RequestContext, q: QueuedTable, o: Required<OfficeWorkbookOptions>): Promise<TableSnapshot | null> {
  const { request, table, tableSheet, header, body, bodyHead, plain, plainHead, under } = q;
  const first = o.firstReadRows;
  if (!table.isNullObject) {
    const h = parseAddress(header.address);
    const b = parseAddress(body.address).block;
    const headers = (header.values[0] ?? []) as CellValue[];
    const count = blockRows(b);
    let rows: CellValue[][] = [];
    if (bodyHead) {
      const skip = columnsLabelled(headers, request.skipHeaders);
      rows = (bodyHead.values as CellValue[][]).slice(0, count);
      if (count > first) rows = rows.concat(await readRows(context, tableSheet.name, b, b.top + first, rows, skip, o.responseBudget));
      // Excel keeps one (empty) body row in a table without data: that is no row.
      if (count === 1 && rowIsBlank(rows[0] ?? [])) rows = [];
      hideColumns(rows, skip);
    }
    const below = { totalsShown: table.showTotals === true, dataBelow: !under.isNullObject };
    return { sheet: tableSheet.name, table: table.name, headerRow: h.block.top + 1, firstColumn: h.block.left, headers, rows, below };
  }
  if (!plain || !plainHead || plain.isNullObject || !request.fallback) return null;
  const { sheet, block: u } = parseAddress(plain.address);
  const head = plainHead.values as CellValue[][];
  const count = blockRows(u) - 1;
  let rows: CellValue[][] = [];
  if (request.rows) {
    rows = head.slice(1, 1 + count);
    // The header may sit under title rows: the skipped columns are those of the row the request's search takes as the header.
    const hiding = (request.skipHeaders?.length ?? 0) > 0;
    const at = hiding ? findHeaderRowBy(head, request.fallback.header) : -1;
    const skip = at >= 0 ? columnsLabelled(head[at], request.skipHeaders) : new Set<number>();
    const where = sheet ?? request.fallback.sheet;
    if (count > first) rows = rows.concat(await readRows(context, where, u, u.top + 1 + first, rows, skip, o.responseBudget));
    if (at >= 0) hideColumns(rows.slice(at), skip);
  }
  return { sheet: sheet ?? request.fallback.sheet, table: null, headerRow: u.top + 1, firstColumn: u.left, headers: head[0] ?? [], rows };
}

export async function readWorkbook(context: Excel.RequestContext, request: ReadRequest, o: Required<OfficeWorkbookOptions>): Promise<WorkbookSnapshot> {
  const first = o.firstReadRows;
  let q = queueFirstRead(context, request, first, true);
  try {
    await context.sync();
  } catch (e) {
    if (isPayloadTooLarge(e)) throw e;
    // Should a host refuse the nested chart load, read once more without it: sheets are then reported without their
    // charts, and a plan that clears one looks them up itself (apply's probe). Should it refuse that too, the date
    // probe is the one thing left to leave out.
    q = queueFirstRead(context, request, first, false);
    try {
      await context.sync();
    } catch (again) {
      if (isPayloadTooLarge(again)) throw again;
      q = queueFirstRead(context, request, first, false, false);
      await context.sync();
    }
  }
  const { sheets, names, tables, wanted, owned, active, dateProbe } = q;
  const serial = dateProbe?.value;
  const dateSystem = serial === Y2000_1904 ? 1904 : serial === Y2000_1900 ? 1900 : undefined;

  const owners = ownersOf(names.items.map((n) => ({ name: n.name, formula: n.formula })));
  const sheetInfos: SheetInfo[] = sheets.items.map((s) => {
    const owner = owners.get(lower(s.name)) ?? null;
    // Charts are reported for the add-in's own sheets only: clearing one deletes them.
    return owner === null || !q.withCharts ? { name: s.name, owner } : { name: s.name, owner, charts: s.charts.items.map((c) => c.name) };
  });

  const found: Record<string, TableSnapshot> = {};
  for (const t of wanted) {
    // A long table's rest is its own sync (readRows); one table takes at most one, as before.
    const snapshot = await tableFrom(context, t, o);
    if (snapshot) found[t.request.name] = snapshot;
  }

  const sheetValues: Record<string, CellValue[][]> = {};
  for (const s of owned) {
    const range = !s.marked.isNullObject ? s.marked : !s.named.isNullObject ? s.named : null;
    if (range) sheetValues[s.owner] = fromA1(range.values as CellValue[][], parseAddress(range.address).block);
  }

  let selection: SelectionSnapshot | null = null;
  if (active) {
    const { sheet, block } = parseAddress(active.address);
    if (sheet) selection = { sheet, row: block.top + 1, column: block.left };
  }

  return {
    sheets: sheetInfos,
    names: names.items.map((n) => n.name),
    tables: tables.items.map((t) => t.name),
    found,
    sheetValues,
    selection,
    ...(dateSystem ? { dateSystem } : {}),
  };
}

/** A used range's values placed from A1 (blank cells before it are ""). */
function fromA1(values: CellValue[][], block: Block): CellValue[][] {
  const pad = (n: number) => new Array<CellValue>(n).fill("");
  const rows = values.map((row) => [...pad(block.left), ...row]);
  const width = block.left + (values[0]?.length ?? 0);
  return [...Array.from({ length: block.top }, () => pad(width)), ...rows];
}

