/**
 * Node only: a CSV file parsed straight from disk in 1 MB pieces, so neither its bytes nor its text are ever held
 * whole (a 300,000-row file is about 100 MB). UTF-8 is tried first; at the first byte that is not UTF-8 the file is
 * read again as Windows-1252, as decodeCsvBytes decides for a whole file.
 */
import { createReadStream } from "fs";
import { CellValue } from "../../workbook/plan";
import { CsvRowParser, cp1252, detectSeparator } from "./csv";

const PIECE = 1 << 20;

class NotUtf8 extends Error {}

async function parse(file: string, utf8: boolean, onRow: (row: CellValue[], index: number) => void): Promise<void> {
  const decoder = utf8 ? new TextDecoder("utf-8", { fatal: true }) : null;
  const decode = (piece: Uint8Array, last: boolean): string => {
    if (!decoder) return cp1252(piece);
    try {
      return decoder.decode(piece, { stream: !last });
    } catch {
      throw new NotUtf8();
    }
  };
  let parser: CsvRowParser | null = null;
  const push = (text: string) => {
    parser ??= new CsvRowParser(detectSeparator(text), onRow);
    parser.push(text);
  };
  for await (const piece of createReadStream(file, { highWaterMark: PIECE })) push(decode(piece as Buffer, false));
  push(decode(new Uint8Array(0), true));
  (parser as CsvRowParser | null)?.end();
}

/** Parses the file, giving each row as it ends; start() is called before a second pass (Windows-1252). */
export async function parseCsvFile(file: string, start: () => (row: CellValue[], index: number) => void): Promise<void> {
  try {
    await parse(file, true, start());
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
    await parse(file, false, start());
  }
}
