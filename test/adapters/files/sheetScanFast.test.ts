/**
 * The scanner's straight pass for the usual cell (sheetScan.ts: <c r="B2" s="1" t="s"><v>5</v></c>, no prefix) reads
 * what its general reading reads. The oracle is the same cell with its attributes in another order, which only the
 * general reading takes: generated cells, whole and cut into pieces, in a 1900 and a 1904 workbook.
 */
import fc from "fast-check";
import { SheetScanner, WANT_NOTHING, WANT_PRESENCE, WANT_VALUE } from "../../../src/adapters/files/sheetScan";
import { scanSheet } from "../../../src/adapters/files/sheetGrid";

const bytes = (xml: string) => new TextEncoder().encode(xml);

const column = (n: number) => {
  let s = "";
  for (let c = n + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

interface Cell {
  column: number;
  row: number;
  style: number | null;
  type: string | null;
  value: string;
  fragment: string;
  close: string;
  lower: boolean;
}

const cell = fc.record({
  column: fc.integer({ min: 0, max: 800 }),
  // Rows up to 2,000: the grid the test reads is as tall as the last row.
  row: fc.integer({ min: 1, max: 2_000 }),
  style: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
  type: fc.option(fc.constantFrom("s", "str", "b", "e", "d", "n", "inlineStr"), { nil: null }),
  // The <is> fragment of an inline string (the value above is used for the other types).
  fragment: fc.constantFrom(
    "<t>text</t>",
    '<t xml:space="preserve"> spaced </t>',
    "<t></t>",
    "<t>a&amp;b</t>",
    "<t>caf\u00e9</t>",
    "<t>   </t>",
    "<r><t>rich</t></r><r><t> runs</t></r>",
    "<rPh><t>ruby</t></rPh><t>base</t>",
    "",
    // Fragments no writer makes: the straight pass must end the cell where the general reading does.
    "<t>a</t></is ><t>b</t>",
    "<t><![CDATA[</c>]]></t>",
    "<t>a</t></c>",
  ),
  // How the <is> ends: as written, not at all, or with a space before its ">".
  close: fc.constantFrom("</is>", "</is>", "</is>", "", "</is >"),
  value: fc.oneof(
    fc.integer({ min: 0, max: 4 }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.constantFrom("", "1", "0", "true", "#N/A", "a&amp;b", "2017-08-07T00:00:00", "caf\u00e9", " 12 ", "1e3"),
  ),
  lower: fc.boolean(),
});

/** The cell with r, s, t in that order (the straight pass), or t, s, r (only the general reading). */
function cellXml(c: Cell, straight: boolean): string {
  const ref = c.lower ? column(c.column).toLowerCase() : column(c.column);
  const r = ` r="${ref}${c.row}"`;
  const s = c.style === null ? "" : ` s="${c.style}"`;
  const t = c.type === null ? "" : ` t="${c.type}"`;
  const body = c.type === "inlineStr" ? `<is>${c.fragment}${c.close}` : `<v>${c.value}</v>`;
  return `<c${straight ? r + s + t : t + s + r}>${body}</c>`;
}

/** One cell per row, rows in order: a sheet Excel could write. */
const oneCellPerRow = (cells: Cell[]) => [...cells].sort((a, b) => a.row - b.row).filter((c, i, all) => i === 0 || all[i - 1].row !== c.row);

function sheet(cells: Cell[], straight: boolean): string {
  const rows = cells.map((c) => `<row r="${c.row}" spans="1:3">${cellXml(c, straight)}</row>`).join("");
  return `<worksheet><sheetData>${rows}</sheetData></worksheet>`;
}

describe("the scanner's straight pass for the usual cell", () => {
  const strings = ["zero", "one", "two", "three", "four"];

  it("reads what the general reading reads, whole and in pieces, in either date system", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.boolean(), fc.integer({ min: 1, max: 40 }), (cells, date1904, piece) => {
        const sorted = oneCellPerRow(cells);
        const options = { strings, date1904, isDate: [false, true, false, true] };
        const want = scanSheet(bytes(sheet(sorted, false)), options);
        const part = bytes(sheet(sorted, true));
        expect(scanSheet(part, options)).toEqual(want);
        expect(scanSheet(part, options, piece)).toEqual(want);
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });

  // The property above compares the two readings, which now share vValue: these values are fixed by hand.
  it("reads each kind of value as before, a date style moved onto the 1900 system in a 1904 workbook", () => {
    const xml = (cells: string) => bytes(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`);
    const cells = [
      `<c r="A1" s="1"><v>42954</v></c>`, // a date style: 1462 days later in the 1900 system
      `<c r="B1" s="0"><v>42954</v></c>`, // not a date style: the number as it is
      `<c r="C1" t="s"><v>2</v></c>`,
      `<c r="D1" t="str"><v>a&amp;b</v></c>`,
      `<c r="E1" t="b"><v>1</v></c>`,
      `<c r="F1" t="e"><v>#N/A</v></c>`,
      `<c r="G1" t="d"><v>2017-08-07T00:00:00</v></c>`,
      `<c r="H1"><v>-1.5</v></c>`,
    ].join("");
    const base = { strings, isDate: [false, true] };
    expect(scanSheet(xml(cells), { ...base, date1904: true })).toEqual([[44416, 42954, "two", "a&b", true, "#N/A", 42954, -1.5]]);
    expect(scanSheet(xml(cells), { ...base, date1904: false })).toEqual([[42954, 42954, "two", "a&b", true, "#N/A", 42954, -1.5]]);
  });

  it("asks the sink what it wants and tells it the same, in the same order, as the general reading does", () => {
    // What a reader's sink sees (xlsxFile.ts Kept): each wants, text and cell call, in order.
    const calls = (part: Uint8Array, piece: number) => {
      const log: unknown[] = [];
      const scanner = new SheetScanner(
        { strings, date1904: false, isDate: [] },
        {
          wants(row, column) {
            const want = column % 3 === 0 ? WANT_PRESENCE : column % 7 === 2 ? WANT_NOTHING : WANT_VALUE;
            log.push(["wants", row, column, want]);
            return want;
          },
          text(text) {
            log.push(["text", text]);
            return text;
          },
          cell(row, column, value) {
            log.push(["cell", row, column, value]);
          },
        },
      );
      for (let at = 0; at < part.length; at += piece) scanner.push(part.subarray(at, at + piece));
      scanner.end();
      log.push(["done", scanner.done]);
      return log;
    };
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 40 }), (cells, piece) => {
        const sorted = oneCellPerRow(cells);
        const general = bytes(sheet(sorted, false));
        const straight = bytes(sheet(sorted, true));
        const want = calls(general, general.length);
        expect(calls(straight, straight.length)).toEqual(want);
        expect(calls(straight, piece)).toEqual(want);
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });

  it("leaves to the general reading what it does not take, and reads the same as before", () => {
    const options = { strings, date1904: false, isDate: [] };
    const cells = [
      `<c r="A1" t="s"><v>1</v></c>`, // straight
      `<c r="B1" t="inlineStr"><is><t>inline</t></is></c>`, // an inline string: its text is in <is>
      `<c r="C1" s="1"/>`, // no value
      `<c r="D1" cm="1"><v>4</v></c>`, // another attribute
      `<c r="E1"><f>D1</f><v>4</v></c>`, // a formula first
      `<c r="F1"><v>6</v><extLst/></c>`, // something after the value
      `<c r="G"><v>7</v></c>`, // a reference without its row: the row it is in
      `<c r="H1" t="s" ><v>2</v></c>`, // a space before ">"
      `<c r="i1"><v>9</v></c>`, // a lower-case reference
      `<c r="J1" t="inlineStr"><is><t>straight</t></is></c>`, // an inline string in the straight pass
      `<c r="K1" t="inlineStr"><is/></c>`, // an empty inline string: nothing
      `<c r="L1" t="inlineStr"><is><t>then</t></is><extLst/></c>`, // something after </is>
    ];
    const xml = `<worksheet><sheetData><row r="1">${cells.join("")}</row></sheetData></worksheet>`;
    const want = [["one", "inline", undefined, 4, 4, 6, 7, "two", 9, "straight", undefined, "then"]];
    const part = bytes(xml);
    expect(scanSheet(part, options)).toEqual(want);
    for (let piece = 1; piece <= 60; piece++) expect(scanSheet(part, options, piece)).toEqual(want);
  });
  it("ends an inline string where the general reading ends it: at its cell's </c> or the first </is, never in a later cell", () => {
    const options = { strings, date1904: false, isDate: [] };
    const read = (cells: string) => bytes(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`);
    const cases: [string, unknown][] = [
      // No </is>: the cell ends at its </c>, with no text; B1 is read on its own.
      [`<c r="A1" t="inlineStr"><is><t>a</t></c><c r="B1" t="inlineStr"><is><t>b</t></is></c>`, [[undefined, "b"]]],
      // </is > (a space before ">"): A1 is "a", and B1 is not swallowed into it.
      [`<c r="A1" t="inlineStr"><is><t>a</t></is ></c><c r="B1" t="inlineStr"><is><t>b</t></is></c>`, [["a", "b"]]],
      // The first </is ends the text, though a </is> comes later in the same cell.
      [`<c r="A1" t="inlineStr"><is><t>a</t></is ><t>b</t></is></c>`, [["a"]]],
      // "</c>" in a CDATA section ends the cell for the general reading.
      [`<c r="A1" t="inlineStr"><is><t><![CDATA[</c>]]></t></is></c>`, []],
    ];
    for (const [cells, want] of cases) {
      const part = read(cells);
      expect(scanSheet(part, options)).toEqual(want);
      for (let piece = 1; piece <= 40; piece++) expect(scanSheet(part, options, piece)).toEqual(want);
    }
    // A cell past Excel's last row after such a cell is still refused, not read as part of the cell before it.
    const beyond = read(`<c r="A1" t="inlineStr"><is><t>a</t></is ></c><c r="B1048577" t="inlineStr"><is><t>b</t></is></c>`);
    expect(() => scanSheet(beyond, options)).toThrow("beyond Excel's limit");
  });
});
