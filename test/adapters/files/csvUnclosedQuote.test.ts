/**
 * A quoted field still open at the end of the file is refused (it used to take every later row as part of itself,
 * silently), with the row and column where it opened: by the parser in one piece or many, and by the pane's
 * "Import visits…" reader, which names the column's header as the command line does.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { previewImport } from "../../../src/actions/importVisits";
import { openFileBytes } from "../../../src/adapters/files/bytesWorkbook";
import { CsvFormatError, CsvRowParser, parseCsv } from "../../../src/adapters/files/csv";
import { csvGrid } from "../../../src/adapters/files/csvBook";
import { HEADERS, csvText, tempDir, visit, writeXlsx } from "../../cli/fixtures";
import { diagnosticsRequest } from "./diagnosticsRequest";

const UNCLOSED = "Service,Team,Strengths,Status\r\nAssessment,Team 1,Fine,Final\r\nAssessment,Team 2,\"oops they said,Final\r\nAssessment,Team 3,Good,Final\r\n";
const SENTENCE = "a quoted field starts there and is never closed, so every row after it would be read as part of it; add the closing quote and try again";

const request = diagnosticsRequest;

function inPieces(text: string, size: number): () => void {
  return () => {
    const parser = new CsvRowParser(",", () => undefined);
    for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
    parser.end();
  };
}

describe("a quote never closed", () => {
  it("parseCsv refuses it, naming the row and the column letter where it opened", () => {
    expect(() => parseCsv(UNCLOSED)).toThrow(CsvFormatError);
    expect(() => parseCsv(UNCLOSED)).toThrow(`row 3, column C: ${SENTENCE}`);
    expect(() => parseCsv('a,"b""')).toThrow(`row 1, column B: ${SENTENCE}`);
    expect(() => parseCsv('"')).toThrow(`row 1, column A: ${SENTENCE}`);
  });

  it("the streaming parser refuses it whatever the pieces, even one character at a time", () => {
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(inPieces(UNCLOSED, size)).toThrow(`row 3, column C: ${SENTENCE}`);
      expect(inPieces('a,"b""', size)).toThrow(`row 1, column B: ${SENTENCE}`);
    }
  });

  it("a closed quote at the very end, or an escaped quote then the closing one, is still fine", () => {
    expect(parseCsv('a,"b"')).toEqual([["a", "b"]]);
    expect(parseCsv('a,"b"""')).toEqual([["a", 'b"']]);
    for (const size of [1, 2, 3]) {
      const rows: unknown[] = [];
      const parser = new CsvRowParser(",", (row) => rows.push(row));
      const text = 'a,"b""",c\r\nd,"e\r\nf"';
      for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
      parser.end();
      expect(rows).toEqual([["a", 'b"', "c"], ["d", "e\r\nf"]]);
    }
  });

  it("csvGrid names the column's header, with or without the narrative left out", () => {
    for (const skip of [[], ["Strengths"]]) {
      expect(() => csvGrid(Buffer.from(UNCLOSED), request(skip))).toThrow(`row 3, column C ("Strengths"): ${SENTENCE}`);
    }
  });

  it("the pane's Import visits… reader says the same sentence for the chosen file", async () => {
    const book = await openFileBytes("visits.csv", new Uint8Array(Buffer.from(UNCLOSED)));
    await expect(book.read(request([]))).rejects.toThrow(`"visits.csv" could not be read as CSV: row 3, column C ("Strengths"): ${SENTENCE}.`);
  });

  it("previewImport (the pane's Import visits…) refuses the file with that sentence, the header its own", async () => {
    const dir = await tempDir();
    try {
      const workbook = path.join(dir, "book.xlsx");
      await writeXlsx(workbook, [{ rows: [] }]);
      const port = await openFileBytes("book.xlsx", new Uint8Array(await fs.readFile(workbook)));
      const one = { "Diagnostic team": "B. Reviewer" };
      const lines = csvText([visit("Assessment", ["G", "G", "G", "G", "G"], one), visit("Assessment", ["RI", "RI", "RI", "RI", "RI"], one)]).split("\r\n");
      lines[2] = lines[2].replace("Narrative that must never reach the summary.", '"oops they said');
      const source = await openFileBytes("visits.csv", new Uint8Array(Buffer.from(lines.join("\r\n"))));
      const column = String.fromCharCode(65 + HEADERS.indexOf("Strengths"));
      await expect(previewImport(port, source, "visits.csv")).rejects.toThrow(`"visits.csv" could not be read as CSV: row 3, column ${column} ("Strengths"): ${SENTENCE}.`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
