/** read()'s second sync: the rest of a long table, in as few responses as fit Excel's limit. */
import { CellValue } from "../../workbook/plan";
import { NOT_READ } from "../../workbook/port";
import { Block, cellA1, jsonSize } from "./cells";
import { errorCode } from "./options";

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
export async function readRows(
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
