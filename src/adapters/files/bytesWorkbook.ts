/**
 * A workbook file's bytes (a file chosen in the task pane's "Import visits…") as a read-only WorkbookPort, read by
 * the same parsers as the command line: .xlsx through xlsxParts.ts (inflated by an InflateRaw, inflate.ts) and
 * .csv through csv.ts and csvBook.ts (the request's narrative columns left out as the file adapter does). No Node
 * built-in is imported on this path, so the pane's bundle can carry it.
 */
import { WorkbookPlan } from "../../workbook/plan";
import { ReadRequest, WorkbookPort, WorkbookSnapshot } from "../../workbook/port";
import { SourceBook, snapshotFrom } from "../exceljs/snapshot";
import { CsvFormatError } from "./csv";
import { csvGrid } from "./csvBook";
import { InflateError, InflateRaw, streamInflate } from "./inflate";
import { XlsxPartsError, readXlsxParts } from "./xlsxParts";
import { ZipFormatError, isZipBytes, xmlParts } from "./zipBytes";

/** A file that could not be used: one sentence for the pane to show beside the file input. */
export class FileReadError extends Error {}

export class BytesWorkbook implements WorkbookPort {
  constructor(
    readonly file: string,
    readonly textOnly: boolean,
    private readonly book: (request: ReadRequest) => SourceBook,
  ) {}

  async read(request: ReadRequest): Promise<WorkbookSnapshot> {
    try {
      return snapshotFrom(this.book(request), request);
    } catch (error) {
      // A sheet is scanned when first read: one it refuses (a cell past Excel's last row) is said here.
      if (error instanceof XlsxPartsError) throw new FileReadError(`"${this.file}" could not be read as an Excel workbook (.xlsx): ${error.message}.`);
      throw error;
    }
  }

  async apply(_plan: WorkbookPlan): Promise<void> {
    throw new Error(`${this.file} is open read-only.`);
  }
}

const isOle = (b: Uint8Array) => b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** The sheet a CSV file becomes: its file name, shortened to Excel's limit (as the command line names it). */
function csvSheetName(file: string): string {
  const base = file.replace(/[\\/?*[\]:]/g, "_");
  return base.length > 31 ? base.slice(0, 31) : base || "CSV";
}

/** Opens a chosen file's bytes: .xlsx or .csv by name and content; anything else is a FileReadError. */
export async function openFileBytes(file: string, bytes: Uint8Array, inflate: InflateRaw = streamInflate): Promise<BytesWorkbook> {
  const shown = `"${file}"`;
  const ext = (/\.[^.]+$/.exec(file)?.[0] ?? "").toLowerCase();
  if (isOle(bytes)) throw new FileReadError(`${shown} is an old-style or password-protected workbook: save an unprotected copy as an Excel Workbook (.xlsx).`);
  if (ext !== ".csv" && isZipBytes(bytes)) {
    let book: SourceBook;
    try {
      book = readXlsxParts(await xmlParts(bytes, inflate));
    } catch (error) {
      if (error instanceof InflateError && error.kind === "unsupported") throw new FileReadError(`${shown} cannot be read here: ${error.message}. Save it as CSV and choose that instead.`);
      const why = error instanceof ZipFormatError || error instanceof XlsxPartsError ? `: ${error.message}` : "";
      throw new FileReadError(`${shown} could not be read as an Excel workbook (.xlsx)${why}.`);
    }
    // Each sheet is parsed when read, once per request at most (SourceSheet.grid).
    return new BytesWorkbook(file, false, () => book);
  }
  if (ext === ".csv") {
    const name = csvSheetName(file);
    return new BytesWorkbook(file, true, (request) => {
      let grid;
      try {
        grid = csvGrid(bytes, request);
      } catch (error) {
        if (error instanceof CsvFormatError) throw new FileReadError(`${shown} could not be read as CSV: ${error.message}.`);
        throw error;
      }
      return { sheets: [{ name, tables: [], grid: () => grid }], names: [] };
    });
  }
  if (ext === ".xlsx") throw new FileReadError(`${shown} is not a valid .xlsx workbook: it may be damaged or only renamed.`);
  throw new FileReadError(`${shown} is not an .xlsx or .csv file.`);
}
