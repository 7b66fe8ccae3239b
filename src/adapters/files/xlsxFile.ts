import { SourceBook, SourceSheet, snapshotFrom } from "../exceljs/snapshot";
import { columnsLabelled } from "../../workbook/headerSearch";
import { CellValue } from "../../workbook/plan";
import { NOT_READ, ReadRequest, TableSnapshot } from "../../workbook/port";
import { SheetCells, SheetScanner, WANT_NOTHING, WANT_PRESENCE, WANT_VALUE, cutShort, partMissing } from "./sheetScan";
import { WorkbookParts, workbookParts } from "./xlsxReader";
import { XlsxFormatError, ZipEntry, readLimits } from "./zip";
import { sheetFormatError, sheetNames } from "./xlsxStructure";
import { ZipFile } from "./zipFile";

/**
 * An .xlsx file read from disk for each request, its sheets streamed (zipFile.ts, sheetScan.ts): the sheet XML is
 * never held whole, and only the cells a request needs are kept.
 *
 * One read is two passes. First the head of every sheet (its first rows: enough for any header search and for the
 * header row of each of its tables) is scanned and the inflating stopped; snapshotFrom on those heads tells which
 * sheet holds each requested table, where its header row is and which columns it has. Then only the sheets whose rows
 * are wanted are streamed in full, and below the header row each keeps only the table's columns, with the request's
 * narrative columns (skipHeaders) kept as NOT_READ, as the Office.js reader and the CSV reader do; rows with nothing
 * in them hold no cells. Memory follows the rows kept: at most Excel's 1,048,576 rows (a cell beyond Excel's last
 * row or column is refused, see sheetScan.ts), each as wide as the table. A requested owned sheet (Lists) is kept whole.
 */

/** Rows of a sheet scanned in the first pass when no search asks for more (a request's HeaderSearch.rows). */
const HEAD_ROWS = 20;
/** Bytes of inflated XML handed to the scanner at a time while reading a head. */
const HEAD_SLICE = 16 * 1024;
/** Bytes inflated at a time while reading a head: the first rows are in the first few KB. */
const HEAD_PIECE = 64 * 1024;

const isBlank = (v: CellValue) => v === null || (typeof v === "string" && v.trim() === "");

/** What a full scan of one sheet keeps below its header row; null keeps every cell. */
interface KeepPlan {
  headerIndex: number;
  first: number;
  last: number;
  /** 1 at each narrative column (by sheet column) kept only as NOT_READ: a typed-array look-up per cell, not a Set's. */
  skip: Uint8Array;
}

/** The cells of one sheet as the scanner reads them: a head (rows before `stopAt`) or the whole sheet by `plan`. */
class Kept implements SheetCells {
  readonly grid: CellValue[][] = [];
  /** A cell at or past stopAt has been read: the head is complete. */
  past = false;
  private readonly seen = new Map<string, string>();

  constructor(
    readonly stopAt: number,
    private readonly plan: KeepPlan | null,
  ) {}

  wants(row: number, column: number): number {
    const plan = this.plan;
    if (row >= this.stopAt) {
      this.past = true;
      return WANT_NOTHING;
    }
    if (!plan || row <= plan.headerIndex) return WANT_VALUE;
    if (column < plan.first || column > plan.last) return WANT_NOTHING;
    return plan.skip[column] === 1 ? WANT_PRESENCE : WANT_VALUE;
  }

  cell(row: number, column: number, value: CellValue): void {
    if (row >= this.stopAt) {
      this.past = true;
      return;
    }
    const plan = this.plan;
    if (plan && row > plan.headerIndex) {
      if (column < plan.first || column > plan.last) return;
      if (plan.skip[column] === 1) {
        if (isBlank(value)) return;
        value = NOT_READ;
      }
    }
    let cells = this.grid[row];
    if (!cells) {
      // Made at its length rather than grown from []: the rows of a [] literal share an allocation site, and V8
      // threw the scanner's optimised code away when that site's tenuring changed (a second compile each read).
      // A stray cell far right (up to XFD) still starts a sparse [] rather than a 16,384-slot row.
      // A table's row below its header is made as wide as the table and all null, as the snapshot's block wants it,
      // so the block takes it as it is rather than copying it (snapshot.ts).
      if (plan && row > plan.headerIndex && plan.last < 1024) cells = new Array<CellValue>(plan.last + 1).fill(null);
      else cells = column < 1024 ? new Array<CellValue>(column + 1) : [];
      this.grid[row] = cells;
    }
    cells[column] = value;
  }

  /** Repeated inline texts (grades, services, teams) are kept once. */
  text(text: string): string {
    if (text.length > 64) return text;
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    if (this.seen.size < 100_000) this.seen.set(text, text);
    return text;
  }

  finish(): CellValue[][] {
    const empty: CellValue[] = [];
    for (let r = 0; r < this.grid.length; r++) if (!this.grid[r]) this.grid[r] = empty;
    return this.grid;
  }
}

export interface XlsxFileBook {
  read(request: ReadRequest): Promise<SourceBook>;
}

/** The part inflated early: its bytes, null when it is to be streamed, or the error its inflate met (thrown if read). */
type Early = { name: string; result: Promise<{ bytes: Buffer | null } | { error: unknown }> };

/**
 * The largest worksheet part, when it unpacks to between readLimits.earlyPartBytes and wholePartBytes, starts
 * inflating on zlib's thread (the data sheet, in the workbooks this reads), so that it is inflated while this thread
 * reads the small parts. Only one part, so no more XML is held than a whole read holds. Which parts are worksheets is
 * known only from the relationships, read after this: a part under xl/worksheets that is not one is never read.
 */
function inflateEarly(zip: ZipFile): Early | null {
  let largest: ZipEntry | null = null;
  for (const [name, entry] of zip.entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name) || entry.size < readLimits.earlyPartBytes || entry.size > readLimits.wholePartBytes) continue;
    if (!largest || entry.size > largest.size) largest = entry;
  }
  if (!largest) return null;
  let result: Early["result"];
  try {
    result = zip.wholeLater(largest, readLimits.wholePartBytes).then(
      (bytes) => ({ bytes }),
      (error: unknown) => ({ error }),
    );
  } catch (error) {
    // A damaged local header: said when (and only if) the sheet is read, as the read without this would say it.
    result = Promise.resolve({ error });
  }
  return { name: largest.name, result };
}

/**
 * The names of an .xlsx file's sheets, reading only its zip directory and workbook part; null when it is not a
 * workbook that can be read (so that a caller deciding whether a file may be replaced treats it as unknown).
 */
export function xlsxSheetNames(file: string): string[] | null {
  try {
    const zip = ZipFile.open(file);
    try {
      return sheetNames((path) => {
        const entry = zip.entries.get(path);
        return entry ? zip.data(entry).toString("utf8") : null;
      });
    } finally {
      zip.close();
    }
  } catch {
    return null;
  }
}

/** Opens an .xlsx file's small parts (names, tables, shared strings); a format problem is an XlsxFormatError now. */
export function openXlsxFile(file: string): XlsxFileBook {
  const zip = ZipFile.open(file);
  let parts: WorkbookParts;
  let early: Early | null = null;
  try {
    early = inflateEarly(zip);
    parts = workbookParts((path) => {
      const entry = zip.entries.get(path);
      return entry ? zip.data(entry).toString("utf8") : null;
    });
  } finally {
    zip.close();
  }
  // What was read at opening serves the first read only: a later read opens the file again, small parts and all,
  // so it reads the file as it is then (a file changed in between is never read half old, half new).
  let first = true;
  return {
    read: async (request) => {
      if (!first) return openXlsxFile(file).read(request);
      first = false;
      const taken = early;
      early = null;
      return readBook(file, parts, request, taken);
    },
  };
}

/**
 * A part's bytes if it was inflated early: undefined when it was not, null when it is to be streamed (it unpacks to
 * more than it says); its inflate's error is thrown.
 */
async function earlyBytes(early: Early | null, entry: ZipEntry): Promise<Buffer | null | undefined> {
  if (!early || early.name !== entry.name) return undefined;
  const done = await early.result;
  if ("error" in done) throw done.error;
  return done.bytes;
}

async function scanPart(zip: ZipFile, part: string, parts: WorkbookParts, kept: Kept, inflated?: Buffer | null): Promise<{ whole: boolean }> {
  const entry = zip.entries.get(part);
  if (!entry) throw partMissing(part);
  const scanner = new SheetScanner(parts.scan, kept);
  const head = Number.isFinite(kept.stopAt);
  // A whole read of a part that unpacks to at most readLimits.wholePartBytes: one inflate, one scan.
  const bytes = head ? null : inflated === undefined ? zip.whole(entry, readLimits.wholePartBytes) : inflated;
  if (bytes) {
    scanner.whole(bytes);
    if (!scanner.done) throw cutShort();
    return { whole: true };
  }
  // A head is inflated and fed in small slices, so it stops within a few KB of its last row rather than at a piece's end.
  const slice = head ? HEAD_SLICE : Number.POSITIVE_INFINITY;
  const piece = head ? HEAD_PIECE : readLimits.pieceBytes;
  await zip.stream(
    entry,
    (piece) => {
      for (let at = 0; at < piece.length && !scanner.done && !kept.past; at += slice) scanner.push(piece.subarray(at, at + slice));
      return !scanner.done && !kept.past;
    },
    piece,
  );
  if (!kept.past) {
    scanner.end();
    if (!scanner.done) throw cutShort();
  }
  // A head that met no cell past its last row is the whole sheet.
  return { whole: !kept.past };
}

async function readBook(file: string, parts: WorkbookParts, request: ReadRequest, early: Early | null): Promise<SourceBook> {
  const zip = ZipFile.open(file);
  try {
    const searchRows = Math.max(HEAD_ROWS, ...request.tables.map((t) => t.fallback?.header.rows ?? 0));
    const sheetError = (name: string, error: unknown): never => {
      if (error instanceof XlsxFormatError) throw sheetFormatError(name, error);
      throw error;
    };

    // First pass: each sheet's head.
    const heads = new Map<string, { grid: CellValue[][]; whole: boolean }>();
    for (const sheet of parts.sheets) {
      const tableTops = sheet.tables.map((t) => Number(/\d+/.exec(t.ref)?.[0] ?? 0));
      const kept = new Kept(Math.max(searchRows, ...tableTops), null);
      try {
        // Heads are streamed, even of the part inflated early: a sheet whose rows are not wanted is never waited for,
        // and damage past its head (met by its early inflate) does not stop a read that does not need it.
        const { whole } = await scanPart(zip, sheet.part, parts, kept);
        heads.set(sheet.name, { grid: kept.finish(), whole });
      } catch (error) {
        sheetError(sheet.name, error);
      }
    }
    const book = (grids: Map<string, CellValue[][]>): SourceBook => ({
      names: parts.names,
      sheets: parts.sheets.map((s): SourceSheet => ({ name: s.name, tables: s.tables, grid: () => grids.get(s.name) ?? heads.get(s.name)!.grid })),
    });
    const first = snapshotFrom(book(new Map()), request);

    // Which sheets are wanted whole, and what each keeps.
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const wanted = new Map<string, TableSnapshot[]>();
    const keepAll = new Set<string>();
    for (const t of request.tables) {
      const found = first.found[t.name];
      if (!found) continue;
      wanted.set(found.sheet, [...(wanted.get(found.sheet) ?? []), found]);
    }
    for (const r of request.sheets ?? []) {
      const owned = first.sheets.find((s) => s.owner === r.owner) ?? first.sheets.find((s) => same(s.name, r.sheet));
      if (owned) {
        wanted.set(owned.name, wanted.get(owned.name) ?? []);
        keepAll.add(owned.name);
      }
    }

    // The part inflated early, if no wanted sheet is in it, is let go (its inflate's result, bytes or error, unread).
    const wantedParts = new Set([...wanted.keys()].map((name) => parts.sheets.find((s) => s.name === name)?.part));
    if (early && !wantedParts.has(early.name)) early = null;

    // Second pass: the wanted sheets in full, unless their head was the whole sheet.
    const grids = new Map<string, CellValue[][]>();
    for (const [name, tables] of wanted) {
      const rowsWanted = keepAll.has(name) || request.tables.some((t) => t.rows && first.found[t.name]?.sheet === name);
      if (!rowsWanted) continue;
      const sheet = parts.sheets.find((s) => s.name === name)!;
      const plan = keepAll.has(name) || tables.length !== 1 ? null : keepPlan(tables[0], request.tables.find((t) => first.found[t.name] === tables[0])?.skipHeaders);
      const head = heads.get(name)!;
      if (head.whole && !plan) continue;
      const kept = new Kept(Number.POSITIVE_INFINITY, plan);
      if (head.whole) {
        // The head was the whole sheet: keep from it what a full read keeps, so a small file reads as a large one.
        head.grid.forEach((cells, r) => cells.forEach((v, c) => v !== null && v !== undefined && kept.cell(r, c, v)));
      } else {
        try {
          const entry = zip.entries.get(sheet.part);
          const inflated = entry ? await earlyBytes(early, entry) : undefined;
          if (inflated !== undefined) early = null; // read once: held no longer than its scan
          await scanPart(zip, sheet.part, parts, kept, inflated);
        } catch (error) {
          sheetError(name, error);
        }
      }
      grids.set(name, kept.finish());
    }
    return book(grids);
  } finally {
    zip.close();
  }
}

function keepPlan(table: TableSnapshot, skipHeaders: readonly string[] | undefined): KeepPlan {
  const last = table.firstColumn + table.headers.length - 1;
  const skip = new Uint8Array(Math.max(0, last + 1));
  for (const c of columnsLabelled(table.headers, skipHeaders)) skip[c + table.firstColumn] = 1;
  return { headerIndex: table.headerRow - 1, first: table.firstColumn, last, skip };
}
