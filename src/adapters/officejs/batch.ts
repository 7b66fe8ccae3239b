/** One request's worth of queued writes: its estimated size against the budget, and checks run after its sync. */
import { CellValue } from "../../workbook/plan";
import { excelCells, jsonSize } from "./cells";

/** Estimated JSON bytes of one queued action besides its values. */
const ACTION_BYTES = 300;

/** Queued actions of the current request, and the checks to run once it has been sent. */
export class Batch {
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

/** Queues values (and "@" where text must stay text) into a range of exactly their size. */
export function queueCells(range: Excel.Range, values: CellValue[][]): number {
  const cells = excelCells(values);
  if (cells.formats) range.numberFormat = cells.formats;
  range.values = cells.values;
  return jsonSize(cells.values) + (cells.formats ? jsonSize(cells.formats) : 0);
}

/** Rows of values split into parts that each fit the room given (at least one row a part). */
export function takeRows(rows: CellValue[][], from: number, room: number): number {
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
