/**
 * The first row of each Visit ID, case ignored, for validateTable's "Visit ID is also used on row N" check.
 *
 * Written by hand because a plain Map of lower-cased IDs, the obvious way, was the largest single cost of
 * validateTable: 100,000 lower-cased ID strings held in a Map that grows while the loop allocates the visits cost
 * about 130 ms of its 300 ms (measured by taking the check out; `npm run bench` prints the total). IDs are nearly
 * always a short prefix and a number (TD-000123, 2024/17): those are kept by number per prefix (NumberRows), so no
 * string is made or kept per row. Any other ID (no number at its end, a long prefix such as a GUID's) goes to one Map
 * of lower-cased IDs, as before. Which way an ID goes depends on the ID alone, so an ID and its repeat always meet.
 * Both give exactly the answer `Map<lower-cased ID, first row>` gives (test/domain/visitIds.test.ts checks that on
 * random IDs), and memory follows the number of IDs whatever their prefixes.
 */

/** A prefix's numbers go from its Map to a typed array once it has this many, if they are dense enough. */
const DENSE_FROM = 256;
/** Dense enough: the largest number under this many times the count (so the array holds at most 4 slots per ID). */
const DENSITY = 4;
/** And under this (an 8 MB array at most). */
const MAX_INDEXED = 1 << 21;

/**
 * One prefix's first rows by number: in a Map at first, and once there are DENSE_FROM of them and they are dense (as
 * sequential IDs are), in a typed array by number, where a look-up is an index rather than a hash (rows start at 1, so
 * 0 is "not seen"). A number past the array's end goes to the Map, which moves into a larger array when dense again.
 * Each number is in exactly one of the two: the array holds every number below its length.
 */
class NumberRows {
  private readonly sparse = new Map<number, number>();
  private dense: Int32Array | null = null;
  private count = 0;
  private max = 0;

  firstRow(number: number, row: number): number | undefined {
    const dense = this.dense;
    if (dense !== null && number < dense.length) {
      const first = dense[number];
      if (first !== 0) return first;
      dense[number] = row;
      this.count++;
      return undefined;
    }
    const first = this.sparse.get(number);
    if (first !== undefined) return first;
    this.sparse.set(number, row);
    this.count++;
    if (number > this.max) this.max = number;
    if (this.sparse.size >= DENSE_FROM && this.max < MAX_INDEXED && this.max < this.count * DENSITY) this.densify();
    return undefined;
  }

  private densify(): void {
    let size = 1024;
    while (size <= this.max) size *= 2;
    const dense = new Int32Array(size);
    if (this.dense) dense.set(this.dense);
    // Every number in the Map is at most max, so under size: all of them move.
    for (const [number, row] of this.sparse) dense[number] = row;
    this.sparse.clear();
    this.dense = dense;
  }
}

/** A trailing number of more digits than this, or a prefix longer than MAX_PREFIX, goes to the Map of texts. */
const MAX_DIGITS = 9;
const MAX_PREFIX = 16;

export class FirstRowOfId {
  /** IDs that are not a short prefix and a number: lower-cased ID → first row. */
  private readonly byText = new Map<string, number>();
  /** Lower-cased prefix and digit count ("td-|6") → first row by number. */
  private readonly byPrefix = new Map<string, NumberRows>();
  /** The last prefix as typed and its rows, so a run of IDs with one prefix makes no string. */
  private lastPrefix: string | null = null;
  private lastDigits = 0;
  private lastRows: NumberRows | null = null;

  /** The earlier row holding `id` (case ignored), or undefined when this is its first row, which is then remembered. */
  firstRow(id: string, row: number): number | undefined {
    let start = id.length;
    let number = 0;
    let place = 1;
    while (start > 0 && id.length - start < MAX_DIGITS) {
      const code = id.charCodeAt(start - 1);
      if (code < 48 || code > 57) break;
      number += (code - 48) * place;
      place *= 10;
      start--;
    }
    const digits = id.length - start;
    const before = start > 0 ? id.charCodeAt(start - 1) : -1;
    // Not a short prefix and a number (no digits, too many, or a long prefix): the Map of texts.
    if (digits === 0 || (before >= 48 && before <= 57) || start > MAX_PREFIX) return this.fromText(id, row);
    let rows = this.lastRows;
    if (rows === null || digits !== this.lastDigits || start !== this.lastPrefix!.length || !id.startsWith(this.lastPrefix!)) {
      const prefix = id.slice(0, start);
      // The digit count is part of the key: TD-01 and TD-001 are different IDs, as their text is.
      const key = `${prefix.toLowerCase()}|${digits}`;
      rows = this.byPrefix.get(key) ?? null;
      if (rows === null) this.byPrefix.set(key, (rows = new NumberRows()));
      this.lastPrefix = prefix;
      this.lastDigits = digits;
      this.lastRows = rows;
    }
    return rows.firstRow(number, row);
  }

  private fromText(id: string, row: number): number | undefined {
    const key = id.toLowerCase();
    const first = this.byText.get(key);
    if (first === undefined) this.byText.set(key, row);
    return first;
  }
}
