/**
 * The first row of each Visit ID, case ignored, for validateTable's "Visit ID is also used on row N" check.
 *
 * Written by hand because no library does this one narrow thing faster than a Map, and a Map was the largest single
 * cost of validateTable: 100,000 lower-cased ID strings held in a Map that grows while the loop allocates the
 * visits cost about 130 ms of the 300 ms (measured by taking the check out; `npm run bench` prints the total).
 * IDs are nearly always a prefix and a number (TD-000123, 2024/17), so those are kept as numbers in a typed array
 * per prefix: no string is made or kept per row. Any other ID goes to the Map as before. Both give exactly the
 * answer `Map<lower-cased ID, first row>` gives (test/domain/visitIds.test.ts checks that on random IDs).
 */

/** Numbers up to this are kept by index (8 MB at most per prefix); a larger one goes to the Map. */
const MAX_INDEXED = 1 << 21;
/** More digits than this and the number is not read (9,999,999 already exceeds MAX_INDEXED). */
const MAX_DIGITS = 7;

export class FirstRowOfId {
  /** IDs that are not prefix-and-number: lower-cased ID → first row. */
  private readonly byText = new Map<string, number>();
  /** Lower-cased prefix and digit count ("td-|6") → first row by number; 0 is "not seen" (rows start at 1). */
  private readonly byPrefix = new Map<string, Int32Array>();
  /** The last prefix as typed, so a run of IDs with one prefix makes no string. */
  private lastPrefix: string | null = null;
  private lastDigits = 0;
  private lastKey = "";

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
    const next = start > 0 ? id.charCodeAt(start - 1) : -1;
    // Not prefix-and-number (no digits, too many, or too large): the Map.
    if (digits === 0 || (next >= 48 && next <= 57) || number >= MAX_INDEXED) return this.fromText(id, row);
    if (this.lastPrefix === null || digits !== this.lastDigits || start !== this.lastPrefix.length || !id.startsWith(this.lastPrefix)) {
      const prefix = id.slice(0, start);
      this.lastPrefix = prefix;
      this.lastDigits = digits;
      // The digit count is part of the key: TD-01 and TD-001 are different IDs, as their text is.
      this.lastKey = `${prefix.toLowerCase()}|${digits}`;
    }
    let rows = this.byPrefix.get(this.lastKey);
    if (rows === undefined || number >= rows.length) rows = this.grow(this.lastKey, rows, number);
    const first = rows[number];
    if (first !== 0) return first;
    rows[number] = row;
    return undefined;
  }

  private fromText(id: string, row: number): number | undefined {
    const key = id.toLowerCase();
    const first = this.byText.get(key);
    if (first === undefined) this.byText.set(key, row);
    return first;
  }

  private grow(key: string, rows: Int32Array | undefined, number: number): Int32Array {
    let size = rows ? rows.length : 1024;
    while (size <= number) size *= 2;
    const bigger = new Int32Array(Math.min(size, MAX_INDEXED));
    if (rows) bigger.set(rows);
    this.byPrefix.set(key, bigger);
    return bigger;
  }
}
