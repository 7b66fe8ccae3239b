import { CsvRowParser, parseCsv, parseCsvBytes } from "../../../src/adapters/files/csv";
import { CellValue } from "../../../src/workbook/plan";

function inPieces(text: string, cuts: number[]): CellValue[][] {
  const rows: CellValue[][] = [];
  const parser = new CsvRowParser(",", (row) => rows.push(row));
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    parser.push(text.slice(at, cut));
    at = cut;
  }
  parser.end();
  return rows;
}

const TRICKY = [
  '\ufeffVisit ID,Strengths\r\nTD-1,"said ""yes"", then\r\nleft"\r\nTD-2,plain\r\n',
  'a,"b""",c\rd,,"e"\n"",x"y\r\n\r\n',
  '"unterminated,quote\nstill',
  'a,b\r',
  '""',
];

/** The rows, or the sentence a refused text gives (a quote never closed is refused: csvUnclosedQuote.test.ts). */
function outcome(read: () => CellValue[][]): CellValue[][] | string {
  try {
    return read();
  } catch (error) {
    return (error as Error).message;
  }
}

describe("CsvRowParser: the stream gives what the whole text gives", () => {
  it("cut at every point, and at every pair of points, of texts with quotes, CRLF and BOM", () => {
    for (const text of TRICKY) {
      const whole = outcome(() => parseCsv(text, ","));
      for (let i = 0; i <= text.length; i++) {
        expect(outcome(() => inPieces(text, [i]))).toEqual(whole);
        for (let j = i; j <= text.length; j++) expect(outcome(() => inPieces(text, [i, j]))).toEqual(whole);
      }
    }
  });

  it("gives each row as it ends, with its index", () => {
    const seen: [CellValue[], number][] = [];
    const parser = new CsvRowParser(";", (row, index) => seen.push([row, index]));
    parser.push("a;b\nc");
    expect(seen).toEqual([[["a", "b"], 0]]);
    parser.push(";d\n");
    parser.end();
    expect(seen).toEqual([
      [["a", "b"], 0],
      [["c", "d"], 1],
    ]);
  });
});

describe("parseCsvBytes", () => {
  const collect = (bytes: Uint8Array) => {
    const rows: CellValue[][] = [];
    parseCsvBytes(bytes, (row) => rows.push(row));
    return rows;
  };

  it("reads UTF-8 with a character split between 1 MB pieces, and detects the separator", () => {
    const head = "Team;Note\r\n";
    const before = (1 << 20) - 4 - head.length; // "Caf" ends one byte before the piece ends: "é" straddles it.
    const lines = "x;y\r\n".repeat(Math.floor(before / 5) - 1);
    const pad = `${"z".repeat(before - lines.length - 3)};\r\n`;
    const text = `${head}${lines}${pad}Café;1\r\nÉcole;“quoted”\r\n`;
    const bytes = Buffer.from(text, "utf8");
    expect(bytes.subarray((1 << 20) - 4, (1 << 20) + 1).toString("utf8")).toBe("Café");
    const rows = collect(bytes);
    expect(rows).toEqual(parseCsv(text));
    expect(rows.slice(-2)).toEqual([
      ["Café", "1"],
      ["École", "“quoted”"],
    ]);
  });

  it("reads Windows-1252 when the bytes are not UTF-8", () => {
    expect(collect(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x2c, 0x93, 0x51, 0x94, 0x0a]))).toEqual([["Café", "\u201cQ\u201d"]]);
  });

  it("an empty file has no rows", () => {
    expect(collect(new Uint8Array(0))).toEqual([]);
  });
});
