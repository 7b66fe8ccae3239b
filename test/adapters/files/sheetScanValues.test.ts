/**
 * The scanner's own readings of a value (sheetScan.ts: digits read by hand, short ASCII text made by hand, the one-run
 * inline string read from the bytes) give what the general readings give: Number() on the text as the scanner read
 * numbers before, and textRuns on the decoded <is> fragment. Whole and in pieces of every size from 1 to 9 bytes.
 */
import { scanSheet } from "../../../src/adapters/files/sheetGrid";
import { CellValue } from "../../../src/workbook/plan";
import { decodeXml, textRuns } from "../../../src/adapters/files/xmlText";

const OPTIONS = { strings: [], date1904: false, isDate: [] };
const bytes = (xml: string) => new TextEncoder().encode(xml);

/** Every way the scanner may be fed the same part. */
function readings(xml: string): CellValue[][][] {
  const part = bytes(xml);
  const out = [scanSheet(part, OPTIONS)];
  for (let piece = 1; piece <= 9; piece++) out.push(scanSheet(part, OPTIONS, piece));
  return out;
}

/** How a number cell's text was read before the digits were read by hand. */
function general(text: string): CellValue {
  const number = Number(text);
  return Number.isFinite(number) && text.trim() !== "" ? number : decodeXml(text);
}

describe("the scanner's readings of values", () => {
  it("reads a number cell as Number() reads its text, to the last bit (and -0)", () => {
    const texts = [
      "0", "-0", "7", "42954", "44142.5", "-1.5", "0.1", "0.30000000000000004", ".5", "-.5", "5.", "007", "123456789012345",
      "1234567890123456", "12345678901234567890", "999999999999999.9", "0.000000000000001", "3.141592653589793", "-1.5e2", "1E-7",
      " 5", "5 ", "+5", "0x10", "Infinity", "-", ".", "1.2.3", "1e400", "12a", "£5", "1&amp;2", "--1",
    ];
    const xml = `<worksheet><sheetData><row r="1">${texts.map((t) => `<c><v>${t}</v></c>`).join("")}</row></sheetData></worksheet>`;
    // An empty value is no cell.
    const want = texts.map((t) => (general(t) === "" ? undefined : general(t)));
    for (const grid of readings(xml)) texts.forEach((t, c) => expect([t, Object.is(grid[0][c], want[c])]).toEqual([t, true]));
  });

  it("reads inline strings as textRuns reads their fragment: one run, rich runs, phonetic runs, prefixes, entities", () => {
    const fragments: [string, string][] = [
      ["", "<t>Assessment</t>"],
      ["", "<t>RI / I</t>"],
      ["", "<t>a &amp; b &lt;c&gt; &#233; &#x263A;</t>"],
      ["", '<t xml:space="preserve">  spaced  </t>'],
      ["", "<t>_x000D_ line</t>"],
      ["", "<t>Zoë Ó Brien, twelve+ chars é</t>"],
      ["", "<t>\uFEFFbom</t>"],
      ["", "<t></t>"],
      ["", "<t/>"],
      ["", '<t a="1"/>x</t>'],
      ["", "<r><t>Te</t></r><r><t>am</t></r>"],
      ["", "<t>Team</t><rPh><t>ignored</t></rPh>"],
      ["", "<t>one</t> <t>two</t>"],
      ["x:", "<x:t>Prefixed</x:t>"],
      ["x:", "<y:t>Other prefix</y:t>"],
      ["x:", "<x:t>Mixed</t>"],
      ["s.m-1:", "<s.m-1:t>Dotted prefix</s.m-1:t>"],
      ["é:", "<é:t>Prefix textRuns does not read</é:t>"],
    ];
    for (const [p, fragment] of fragments) {
      const xml = `<${p}worksheet><${p}sheetData><${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is>${fragment}</${p}is></${p}c></${p}row></${p}sheetData></${p}worksheet>`;
      const text = textRuns(fragment);
      for (const grid of readings(xml)) expect([fragment, grid[0]?.[0]]).toEqual([fragment, text === "" ? undefined : text]);
    }
  });

  it("decodes UTF-8 text cells, short and long, as UTF-8", () => {
    const texts = ["abc", "é", "ab€", "exactly12chr", "thirteen char", "a longer run of plain text", "ünïcödé all through", "😀 astral"];
    const xml = `<worksheet><sheetData><row r="1">${texts.map((t) => `<c t="str"><v>${t}</v></c>`).join("")}</row></sheetData></worksheet>`;
    for (const grid of readings(xml)) expect(grid[0]).toEqual(texts);
  });
});

describe("the usual cell, <v>…</v></c>, read straight through", () => {
  it("gives what the general loop gives, next to cells that are not in that form, whole and cut anywhere", () => {
    const cells = [
      `<c r="A1"><v>5</v></c>`,
      `<c r="B1" t="s"><v>1</v></c>`,
      `<c r="C1"><f>A1*2</f><v>10</v></c>`,
      `<c r="D1"><v>7</v> </c>`,
      `<c r="E1"><v></v></c>`,
      `<c r="F1"><v/></c>`,
      `<c r="G1" t="str"><v>a&amp;b</v></c>`,
      `<c r="H1"><v>8</v><extLst/></c>`,
      `<c r="I1"><v>9</v></c>`,
    ];
    const xml = `<worksheet><sheetData><row r="1">${cells.join("")}</row><row r="2"><c r="A2"><v>3</v></c></row></sheetData></worksheet>`;
    const options = { strings: ["zero", "one"], date1904: false, isDate: [] };
    const part = bytes(xml);
    const want = [[5, "one", 10, 7, undefined, undefined, "a&b", 8, 9], [3]];
    expect(scanSheet(part, options)).toEqual(want);
    for (let piece = 1; piece <= 40; piece++) expect(scanSheet(part, options, piece)).toEqual(want);
  });
});
