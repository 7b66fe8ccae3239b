/**
 * A CSV file as the file adapter's one-sheet book, read as a stream for each request: the bytes are decoded and
 * parsed in pieces (parseCsvBytes), and as soon as the header row is found among the first rows, the request's
 * skipped columns (the narrative: strengths, areas for improvement, recommendations, names) are dropped from
 * every row as it ends, keeping only NOT_READ where they held anything, as the Office.js reader does. The narrative
 * is most of a diagnostics file, so a 300,000-row file keeps a fraction of its text in memory.
 */
import { columnsLabelled, findHeaderRowBy } from "../../workbook/headerSearch";
import { CellValue } from "../../workbook/plan";
import { NOT_READ, ReadRequest } from "../../workbook/port";
import { CsvUnclosedQuoteError, parseCsvBytes } from "./csv";

const isEmptyCell = (v: CellValue) => v === null || (typeof v === "string" && v.trim() === "");

/**
 * Repeated values (grades, services, dates, rounds: most cells) are kept once, and flat: V8 keeps a whole piece of
 * text alive for any slice of 13 characters or more, so a longer value is copied out of its piece.
 */
const SLICE_MIN = 13;
const INTERN_CAP = 200_000;

function interner(): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let flat = seen.get(text);
    if (flat === undefined) {
      flat = text.length < SLICE_MIN ? text : (JSON.parse(JSON.stringify(text)) as string);
      if (seen.size < INTERN_CAP) seen.set(flat, flat);
    }
    return flat;
  };
}

/** The grid of a CSV file's bytes for one read request (see the file's comment). */
export function csvGrid(bytes: Uint8Array, request: ReadRequest): CellValue[][] {
  const collect = csvCollector(request);
  try {
    parseCsvBytes(bytes, collect.row);
  } catch (error) {
    throw collect.named(error);
  }
  return collect.finish();
}

/**
 * Keeps the rows a request needs as the parser gives them (see the file's comment); finish() gives the grid;
 * named(error) gives a parser's error with the header of its column, where the parser could only give a letter.
 */
export function csvCollector(request: ReadRequest): { row(row: CellValue[]): void; finish(): CellValue[][]; named(error: unknown): unknown } {
  const wanted = request.tables.find((t) => t.fallback && t.skipHeaders && t.skipHeaders.length > 0);
  const search = wanted?.fallback?.header;
  const labels = wanted?.skipHeaders;
  const rows: CellValue[][] = [];
  const flat = interner();
  const EMPTY: CellValue[] = [];
  // Undecided until the header row is found (or the first rows are all read): null.
  let skip: number[] | null = search && labels ? null : [];

  const keep = (row: CellValue[], columns: number[]): CellValue[] => {
    for (const c of columns) if (c < row.length) row[c] = isEmptyCell(row[c]) ? null : NOT_READ;
    let blank = true;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string") {
        row[c] = flat(v);
        if (blank && v.trim() !== "") blank = false;
      } else if (v !== null) blank = false;
    }
    return blank ? EMPTY : row;
  };
  const decide = (): number[] => {
    const at = findHeaderRowBy(rows, search!);
    const columns = at < 0 ? [] : [...columnsLabelled(rows[at], labels)];
    for (let r = at + 1; r < rows.length; r++) rows[r] = keep(rows[r], columns);
    return columns;
  };

  return {
    row(row) {
      if (skip === null) {
        rows.push(row);
        if (rows.length >= search!.rows) skip = decide();
        return;
      }
      rows.push(keep(row, skip));
    },
    named(error) {
      // The header row, as the request finds it, among the rows read so far (the header row is kept as read).
      const lookup = request.tables.find((t) => t.fallback)?.fallback?.header;
      if (!(error instanceof CsvUnclosedQuoteError) || error.header || !lookup) return error;
      const at = findHeaderRowBy(rows, lookup);
      // rows[at] is row at + 1 of the file: only a field below it is under a header.
      const label = at >= 0 && error.row > at + 1 ? rows[at][error.column] : null;
      return typeof label === "string" && label.trim() !== "" ? new CsvUnclosedQuoteError(error.row, error.column, label.trim()) : error;
    },
    finish() {
      if (skip === null) decide();
      // Trailing blank rows hold nothing.
      while (rows.length > 0 && rows[rows.length - 1] === EMPTY) rows.pop();
      return rows;
    },
  };
}
