/**
 * Appending rows to an Excel table without writing over anything (issue 10, items 2, 3 and 5).
 *
 * The action's own read (read.ts, in its first sync) learns whether the table's totals row is shown and whether
 * the row under the table holds anything, and the plan says how many blank rows to insert first
 * (appendTableRows.insertFirst). A plan without that knowledge costs one read here (a sync of its own): the
 * data body, the totals row, the last row with data and the rows under the table. When the rows must go past
 * the body and the totals row is shown or something sits under the table, blank rows are inserted first ("insert a blank row before writing", office-js-docs-pr docs/excel/co-authoring-in-excel-add-ins.md;
 * Range.insert, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1)).
 * The insert and the write are placed relative to the table as Excel finds it when the write arrives (the body's
 * last row, the last row with data), not at addresses from the read: a visit another person appended in
 * between is then written after, never over. Rows are written directly below the last row with data, so Excel
 * grows the table over them (table.rows.add is never used: it causes co-authoring merge conflicts).
 *
 * Cells the plan gives as null are sent as null, which leaves a cell as it is (blank-null-values article,
 * office-js-docs-pr docs/excel/excel-add-ins-blank-null-values.md), so a council's calculated column fills its
 * formula into the new rows; "" would clear it.
 *
 * The closing read travels with the write (same sync): where the rows landed. An append reports its 1-based
 * sheet row, and the caller compares it with the row its own read expected (another person's visit in between).
 */
import { CellValue } from "../../workbook/plan";
import { Batch, takeRows } from "./batch";
import { Block, excelCells, jsonSize, parseAddress, rowIsBlank } from "./cells";

/** Where an append's first row landed (1-based sheet row). */
export interface AppendedRows {
  table: string;
  row: number;
  rows: number;
}

interface TableFacts {
  body: Block;
  /** 0-based sheet row of the last row with values in the header and body. */
  lastData: number;
  totals: boolean;
  /** Whether the rows directly under the table (as many as will be written past the body) hold anything. */
  below: boolean;
}

/** The one read: queued, then sent with whatever the batch already holds. */
async function readFacts(batch: Batch, tableName: string, rows: number): Promise<TableFacts> {
  const table = batch.context.workbook.tables.getItem(tableName);
  table.load("showTotals");
  const whole = table.getRange().load("address");
  const body = table.getDataBodyRange().load("address");
  const used = table.getHeaderRowRange().getBoundingRect(body).getUsedRange(true).load("address");
  const under = whole.getRowsBelow(rows).getUsedRangeOrNullObject(true).load("address");
  batch.add(400);
  await batch.flush();
  /* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read -- batch.flush() synced the loads above */
  const facts = {
    body: parseAddress(body.address).block,
    lastData: parseAddress(used.address).block.bottom,
    totals: table.showTotals,
    below: !under.isNullObject,
  };
  /* eslint-enable office-addins/call-sync-after-load, office-addins/call-sync-before-read */
  return facts;
}

/** Values for an append: like excelCells, but null stays null (leave the cell alone). */
export function appendCells(values: CellValue[][]): { values: (string | number | boolean | null)[][]; formats: (string | null)[][] | null } {
  const cells = excelCells(values);
  return { values: cells.values.map((row, i) => row.map((v, j) => (values[i][j] === null || values[i][j] === undefined ? null : v))), formats: cells.formats };
}

function queueRows(range: Excel.Range, values: CellValue[][]): number {
  const cells = appendCells(values);
  if (cells.formats) range.numberFormat = cells.formats;
  range.values = cells.values as (string | number | boolean)[][];
  return jsonSize(cells.values) + (cells.formats ? jsonSize(cells.formats) : 0);
}

export async function queueAppend(
  batch: Batch,
  tableName: string,
  rows: CellValue[][],
  insertFirst: number | undefined,
  landed: (a: AppendedRows) => void,
  resize: (tableName: string, block: Block) => Promise<boolean>,
): Promise<void> {
  if (rows.length === 0) return;
  let insert = insertFirst ?? 0;
  if (insertFirst === undefined) {
    const facts = await readFacts(batch, tableName, rows.length);
    const free = facts.body.bottom - facts.lastData; // blank rows at the end of the body (a new table has one)
    const past = Math.max(0, rows.length - free);
    insert = past > 0 && (facts.totals || facts.below) ? past : 0;
  }
  let first: number | null = null;
  for (let from = 0; from < rows.length; ) {
    if (batch.room < batch.budget / 4 && !batch.empty) await batch.flush();
    const n = takeRows(rows, from, batch.room);
    queuePart(batch, tableName, rows.slice(from, from + n), from === 0 ? insert : 0, (row) => {
      if (first === null) {
        first = row;
        landed({ table: tableName, row, rows: rows.length });
      }
    }, resize);
    from += n;
    if (from < rows.length) await batch.flush();
  }
}

function queuePart(
  batch: Batch,
  tableName: string,
  rows: CellValue[][],
  insert: number,
  landed: (row: number) => void,
  resize: (tableName: string, block: Block) => Promise<boolean>,
): void {
  const table = batch.context.workbook.tables.getItem(tableName);
  const width = rows[0].length;
  // Blank rows where the body ends: above the totals row when it is shown (the table grows), else under the
  // table, pushing what is there down.
  if (insert > 0) table.getDataBodyRange().getRowsBelow(insert).insert("Down");
  const body = table.getDataBodyRange();
  const anchor = table.getHeaderRowRange().getBoundingRect(body).getUsedRange(true);
  anchor.load("address");
  const start = anchor.getRowsBelow(1).getCell(0, 0);
  // The first row alone (it may fill a blank body row, inside the table), then the rest, directly below it.
  let bytes = queueRows(start.getResizedRange(0, width - 1), rows.slice(0, 1));
  if (rows.length > 1) bytes += queueRows(start.getOffsetRange(1, 0).getResizedRange(rows.length - 2, width - 1), rows.slice(1));
  const after = table.getDataBodyRange().load("address");
  batch.add(bytes + 600);
  let lastWithData = rows.length - 1;
  while (lastWithData >= 0 && rowIsBlank(rows[lastWithData])) lastWithData--;
  batch.afterSync(async () => {
    // Runs after Batch.flush's sync, which loaded both addresses.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const anchorBlock = parseAddress(anchor.address).block;
    landed(anchorBlock.bottom + 2);
    const bodyBlock = parseAddress(after.address).block;
    const wanted = anchorBlock.bottom + 1 + lastWithData;
    if (lastWithData < 0 || bodyBlock.bottom >= wanted) return;
    const grown = { ...bodyBlock, top: bodyBlock.top - 1, bottom: wanted };
    if (await resize(tableName, grown)) return;
    throw new Error(
      `Rows were written below the table "${tableName}" but Excel did not extend the table over them ` +
        `(rows ${bodyBlock.bottom + 2} to ${wanted + 1}). Resize the table to include them (Table Design > Resize Table).`,
    );
  });
}
