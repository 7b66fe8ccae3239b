/** read(): the first sync (everything queued up front) and the snapshot made from it. See officeWorkbook.ts for the round trips. */
import { columnDefinitions, defaultConfig, findHeaderRow, matchHeaders } from "../../domain";
import { CellValue, OWNER_NAME_PREFIX } from "../../workbook/plan";
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
  WorkbookSnapshot,
} from "../../workbook/port";
import { Block, blockRows, lower, ownersOf, parseAddress, rowIsBlank } from "./cells";
import { OfficeWorkbookOptions, isPayloadTooLarge } from "./options";
import { readRows } from "./readRows";

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

export async function readWorkbook(context: Excel.RequestContext, request: ReadRequest, o: Required<OfficeWorkbookOptions>): Promise<WorkbookSnapshot> {
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
/** A used range's values placed from A1 (blank cells before it are ""). */
function fromA1(values: CellValue[][], block: Block): CellValue[][] {
  const pad = (n: number) => new Array<CellValue>(n).fill("");
  const rows = values.map((row) => [...pad(block.left), ...row]);
  const width = block.left + (values[0]?.length ?? 0);
  return [...Array.from({ length: block.top }, () => pad(width)), ...rows];
}

