import { IsoDate, fromExcelSerial, parseVisitDate, toExcelSerial } from "../dates";
import { cellText, editDistance, foldHeader, foldLabel } from "../text";

/**
 * A record kind is data: the table it lives in, its columns, and how a row reads into a typed record and a record
 * writes back. Visits are the first kind (visitRecord.ts), actions from a team's action plan the next
 * (actionRecord.ts). Everything that matches headers, reads rows or writes them goes through `recordTable`.
 */

/** What a column holds: decides its dropdown, its number format and how its cells are read and written. */
export type ColumnKind = "text" | "date" | "grade" | "list" | "number";

/** A value written to a cell (the same shape as the workbook plan's CellValue, which src/domain cannot import). */
export type RecordValue = string | number | boolean | null;

export interface RecordColumn {
  /** A field of the kind's record; for visits "grade:<domain key>" for a graded column. */
  key: string;
  header: string;
  /** Other headers accepted for this column (a domain's full label, say). */
  alternatives: string[];
  kind: ColumnKind;
  /** The table cannot be used without this column. */
  required: boolean;
  /** Narrative text (names and findings): never copied into summaries or exports, and not read unless needed. */
  narrative: boolean;
  /** Paragraphs rather than a line: the pane shows a multi-line box. */
  long?: boolean;
  /** For list and grade columns: the workbook name of the list the column's dropdown offers, e.g. "TD_Services". */
  list?: string;
  /** For list and grade columns: what the dropdown says when a typed value is refused. */
  listError?: { title: string; message: string };
}

/** A column of a kind: text, optional and not narrative unless `more` says otherwise. */
export function column(key: string, header: string, more: Partial<RecordColumn> = {}): RecordColumn {
  return { key, header, alternatives: [], kind: "text", required: false, narrative: false, ...more };
}

/** One row's cells seen through the kind's columns: built by `recordTable`, handed to `RecordKind.read`. */
export interface RowReader {
  has(key: string): boolean;
  /** The cell as read, or undefined when the table has no such column. */
  raw(key: string): unknown;
  /** The cell as trimmed text; "" when blank or when the table has no such column. */
  text(key: string): string;
  /** An Excel date serial or a typed British date as "YYYY-MM-DD"; "" when blank or not a date. */
  date(key: string): IsoDate;
}

export interface RecordKind<R> {
  /** What one record is called in messages, e.g. "visit". */
  name: string;
  /** The Excel table's name and the sheet it is created on. */
  table: string;
  sheet: string;
  /** In the table's default order. */
  columns: RecordColumn[];
  /** A header row naming all of these is taken for this kind's table (title rows above it are skipped). */
  identifying: string[];
  read(row: RowReader): R;
  /**
   * The record's cells by column key. Date columns take "YYYY-MM-DD" (written as an Excel serial); "" and null
   * empty the cell. A key left out is not written.
   */
  write(record: R): Record<string, RecordValue | undefined>;
}

/** Where each of a kind's columns sits in one header row, and how that table's rows read and write. */
export interface RecordTable<R> {
  kind: RecordKind<R>;
  /** 0-based position of each column found. */
  columns: Map<string, number>;
  missingRequired: RecordColumn[];
  missingOptional: RecordColumn[];
  read(cells: readonly unknown[]): R;
  text(cells: readonly unknown[], key: string): string;
  /** The cells a record fills, by 0-based column. Columns the kind does not know are absent, so an edit never touches them. */
  cells(record: R): Map<number, RecordValue>;
  /** A whole new row, `width` cells long: null (leave the cell alone) under columns the kind does not know. */
  row(record: R, width: number): RecordValue[];
}

/** Matches headers ignoring case, spacing and punctuation (foldHeader: "VisitDate" is "Visit date"); extra columns are ignored, the first of two alike wins (checkHeaders warns of a slip and of a second one). */
export function matchColumns(
  headers: readonly unknown[],
  columns: readonly RecordColumn[],
): { columns: Map<string, number>; missingRequired: RecordColumn[]; missingOptional: RecordColumn[] } {
  const position = new Map<string, number>();
  headers.forEach((h, i) => {
    const folded = typeof h === "string" ? foldHeader(h) : "";
    if (folded && !position.has(folded)) position.set(folded, i);
  });
  const found = new Map<string, number>();
  const missingRequired: RecordColumn[] = [];
  const missingOptional: RecordColumn[] = [];
  for (const def of columns) {
    const at = [def.header, ...def.alternatives].map((h) => position.get(foldHeader(h))).find((i) => i !== undefined);
    if (at !== undefined) found.set(def.key, at);
    else (def.required ? missingRequired : missingOptional).push(def);
  }
  return { columns: found, missingRequired, missingOptional };
}

/** A header that is no column's but looks meant for a column the table lacks ("Satus" for Status). */
export interface HeaderSlip {
  column: RecordColumn;
  /** 0-based position of the header. */
  at: number;
}

/** A column headed twice (or by two of its spellings): only `read` is read. */
export interface RepeatedHeader {
  column: RecordColumn;
  read: number;
  ignored: number;
}

/**
 * Looks once at a header row for headers a person meant as one of `columns` (every column the table reads) but
 * that match none, and for columns headed twice. A header is taken for a column the row lacks when, folded as
 * matchColumns folds them, it is a letter or two from one of the column's spellings (one for a spelling of four
 * letters or fewer): a slip, a plural, "Rnd"; or when it differs from a spelling of two words or more in its last
 * word only, and the first word is in no other column's header ("Overall judgement" for "Overall conclusion", not
 * "Team leader" for "Team manager": teams are in other headers too). Each header answers for one column at most.
 */
export function checkHeaders(headers: readonly unknown[], columns: readonly RecordColumn[]): { slips: HeaderSlip[]; repeated: RepeatedHeader[] } {
  const found = matchColumns(headers, columns).columns;
  const owner = new Map<string, RecordColumn>();
  for (const c of columns) for (const h of [c.header, ...c.alternatives]) owner.set(foldHeader(h), c);
  const repeated: RepeatedHeader[] = [];
  const unknown: { at: number; folded: string; words: string[] }[] = [];
  headers.forEach((h, i) => {
    const folded = typeof h === "string" ? foldHeader(h) : "";
    if (folded === "") return;
    const column = owner.get(folded);
    if (!column) unknown.push({ at: i, folded, words: foldLabel(h as string).split(" ") });
    else if (found.get(column.key) !== i) repeated.push({ column, read: found.get(column.key)!, ignored: i });
  });
  const slips: HeaderSlip[] = [];
  if (unknown.length === 0) return { slips, repeated };
  // How many columns use each word in a header: a word only one column uses points to that column.
  const usedBy = new Map<string, Set<string>>();
  for (const c of columns) {
    for (const h of [c.header, ...c.alternatives]) {
      for (const word of foldLabel(h).split(" ")) usedBy.set(word, (usedBy.get(word) ?? new Set()).add(c.key));
    }
  }
  const taken = new Set<number>();
  for (const column of columns) {
    if (found.has(column.key)) continue;
    const spellings = [column.header, ...column.alternatives].map((h) => ({ folded: foldHeader(h), words: foldLabel(h).split(" ") }));
    const close = (header: (typeof unknown)[number]) =>
      spellings.some(({ folded, words }) => {
        if (editDistance(header.folded, folded, folded.length > 4 ? 2 : 1) !== Infinity) return true;
        const n = words.length;
        return (
          n > 1 &&
          header.words.length === n &&
          usedBy.get(words[0])?.size === 1 &&
          words.slice(0, -1).every((w, i) => header.words[i] === w)
        );
      });
    const slip = unknown.find((header) => !taken.has(header.at) && close(header));
    if (slip) {
      taken.add(slip.at);
      slips.push({ column, at: slip.at });
    }
  }
  return { slips, repeated };
}

function readDate(raw: unknown): IsoDate {
  const serial = typeof raw === "number" ? fromExcelSerial(raw) : null;
  if (serial) return serial;
  const parsed = parseVisitDate(raw);
  return parsed.kind === "date" ? parsed.date : "";
}

/**
 * Matches one header row once; the answer reads and writes every row under it. Build it once per read of a
 * table, never once per row.
 */
export function recordTable<R>(kind: RecordKind<R>, headers: readonly unknown[]): RecordTable<R> {
  const match = matchColumns(headers, kind.columns);
  const at = match.columns;
  const kindOf = new Map(kind.columns.map((c) => [c.key, c.kind]));
  const text = (cells: readonly unknown[], key: string) => {
    const i = at.get(key);
    return i === undefined ? "" : cellText(cells[i]).trim();
  };
  const read = (cells: readonly unknown[]): R =>
    kind.read({
      has: (key) => at.has(key),
      raw: (key) => {
        const i = at.get(key);
        return i === undefined ? undefined : cells[i];
      },
      text: (key) => text(cells, key),
      date: (key) => {
        const i = at.get(key);
        return i === undefined ? "" : readDate(cells[i]);
      },
    });
  const cells = (record: R): Map<number, RecordValue> => {
    const values = kind.write(record);
    const out = new Map<number, RecordValue>();
    for (const [key, column] of at) {
      if (!(key in values) || values[key] === undefined) continue;
      const value = values[key] as RecordValue;
      if (value === "" || value === null) out.set(column, null);
      else if (kindOf.get(key) === "date" && typeof value === "string") out.set(column, toExcelSerial(value));
      else out.set(column, value);
    }
    return out;
  };
  return {
    kind,
    columns: at,
    missingRequired: match.missingRequired,
    missingOptional: match.missingOptional,
    read,
    text,
    cells,
    row: (record, width) => {
      const filled = cells(record);
      return Array.from({ length: width }, (_, i) => filled.get(i) ?? null);
    },
  };
}

/** How many of a kind's required columns a row names: used to find a header row below title rows. */
export function requiredScore(row: readonly unknown[], kind: RecordKind<unknown>): number {
  const { missingRequired } = matchColumns(row, kind.columns);
  return kind.columns.filter((c) => c.required).length - missingRequired.length;
}

/** Index of the kind's header row among the first rows, or -1: the row naming most required columns, and every identifying one. */
export function findKindHeaderRow(rows: readonly (readonly unknown[])[], kind: RecordKind<unknown>, lookIn = 20): number {
  let best = -1;
  let bestScore = 0;
  rows.slice(0, lookIn).forEach((row, i) => {
    const match = matchColumns(row, kind.columns);
    if (!kind.identifying.every((key) => match.columns.has(key))) return;
    const score = kind.columns.filter((c) => c.required).length - match.missingRequired.length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
