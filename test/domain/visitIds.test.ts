import fc from "fast-check";
import { FirstRowOfId } from "../../src/domain/visitIds";

/** What FirstRowOfId must answer: the plain Map of lower-cased IDs it replaces. */
function naive(ids: readonly string[]): (number | undefined)[] {
  const first = new Map<string, number>();
  return ids.map((id, i) => {
    const key = id.toLowerCase();
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i + 2);
    return seen;
  });
}

function fast(ids: readonly string[]): (number | undefined)[] {
  const first = new FirstRowOfId();
  return ids.map((id, i) => first.firstRow(id, i + 2));
}

describe("the first row of each Visit ID", () => {
  it("answers as a Map of lower-cased IDs does, on random IDs of every shape", () => {
    const prefix = fc.constantFrom("TD-", "td-", "Td-", "", "2024/", "A", "a", "ΑΣ", "İ", "x1-", "TD-0");
    const digits = fc.stringMatching(/^[0-9]{0,10}$/);
    const tail = fc.constantFrom("", "", "", "a", " ", "B");
    const id = fc.tuple(prefix, digits, tail).map(([p, d, t]) => `${p}${d}${t}`).filter((s) => s !== "");
    fc.assert(
      fc.property(fc.array(id, { maxLength: 80 }), (ids) => {
        // Repeat some IDs, in another case, so there are duplicates to find.
        const withRepeats = [...ids, ...ids.filter((_, i) => i % 3 === 0).map((s) => s.toUpperCase())];
        expect(fast(withRepeats)).toEqual(naive(withRepeats));
      }),
      { numRuns: 400 },
    );
  });

  it("answers as the Map does when a prefix's numbers move into a typed array, in any order, with numbers past its end", () => {
    fc.assert(
      fc.property(
        // Dense enough to move into the array (over 256 numbers of one prefix, the largest under 4 times their count).
        fc.array(fc.tuple(fc.constantFrom("TD-", "td-", "X/"), fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 20 })), { minLength: 800, maxLength: 3000 }),
        (picks) => {
          // Numbers padded to 4 digits, so most IDs of a prefix share one digit count; some far past the rest.
          const ids = picks.map(([p, n, far]) => `${p}${String(far === 0 ? n + 1600 : n).padStart(4, "0")}`);
          const withRepeats = [...ids, ...ids.filter((_, i) => i % 5 === 0).map((s) => s.toUpperCase())];
          expect(fast(withRepeats)).toEqual(naive(withRepeats));
        },
      ),
      { numRuns: 40, endOnFailure: true },
    );
  });

  it("tells TD-01 from TD-001, finds td-7 as TD-7, and keeps the first row of each", () => {
    expect(fast(["TD-01", "TD-001", "td-01", "TD-1", "TD-001", "X"])).toEqual([undefined, undefined, 2, undefined, 3, undefined]);
  });

  it("handles numbers past the indexed range and IDs far apart", () => {
    const ids = ["TD-9999999", "TD-2097151", "TD-2097152", "TD-5", "td-2097151", "TD-99999999", "td-9999999", "TD-99999999"];
    expect(fast(ids)).toEqual(naive(ids));
    expect(fast(ids)).toEqual([undefined, undefined, undefined, undefined, 3, undefined, 2, 7]);
  });

  it("finds a repeat among 100,000 sequential IDs in shuffled order", () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `TD-${String(i + 1).padStart(6, "0")}`);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    ids.push(ids[500].toLowerCase());
    const answers = fast(ids);
    expect(answers.filter((a) => a !== undefined)).toEqual([502]);
    expect(answers[answers.length - 1]).toBe(502);
  });

  it("keeps memory in proportion to the IDs when each prefix is new (GUIDs, a number per school)", () => {
    const next = (() => {
      let seed = 7;
      return () => (seed = (seed * 1103515245 + 12345) >>> 0);
    })();
    const hex = (n: number) => next().toString(16).padStart(8, "0").slice(0, n);
    const guids = Array.from({ length: 20_000 }, () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(8)}${String(next() % 1000).padStart(3, "0")}`);
    const schools = Array.from({ length: 1_000 }, (_, i) => `S${i}-${1_000_000 + i}`);
    const ids = [...guids, ...schools, guids[17].toUpperCase(), schools[3].toLowerCase()];
    const before = process.memoryUsage().arrayBuffers;
    const answers = fast(ids);
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(answers).toEqual(naive(ids));
    expect(answers.slice(-2)).toEqual([19, 20_005]);
    // Before: an array of at least 1,024 numbers per new prefix, up to 8 MB each: about 6 GB for these 21,002 IDs.
    expect(grown).toBeLessThan(16 * 1024 * 1024);
  });
});

