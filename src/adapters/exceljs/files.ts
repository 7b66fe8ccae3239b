import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { UserFacingError } from "../../errors";
import { WorkbookPlan } from "../../workbook/plan";
import { ReadRequest, WorkbookPort, WorkbookSnapshot } from "../../workbook/port";
import { CsvFormatError } from "../files/csv";
import { csvCollector } from "../files/csvBook";
import { parseCsvFile } from "../files/csvFile";
import type { ExcelJsWorkbook } from "./excelJsWorkbook";
import { XlsxFileBook, openXlsxFile } from "../files/xlsxFile";
import { XlsxFormatError, tableHeaderFlags } from "../files/xlsxReader";
import { NO_WORKBOOK_PART } from "../files/xlsxStructure";
import { SourceBook, snapshotFrom } from "./snapshot";

export { UserFacingError };

export type FileFormat = "xlsx" | "csv";

/** A workbook file opened for reading. The file on disk is never written: apply() refuses. */
export class OpenedWorkbook implements WorkbookPort {
  constructor(
    readonly file: string,
    readonly format: FileFormat,
    /** The book, or (a CSV file) how to read it for a request, streaming: see csvBook.ts. */
    private readonly book: SourceBook | ((request: ReadRequest) => Promise<SourceBook>),
  ) {}

  /** CSV holds text only, so a date typed as text there is no problem. */
  get textOnly(): boolean {
    return this.format === "csv";
  }

  async read(request: ReadRequest): Promise<WorkbookSnapshot> {
    return snapshotFrom(typeof this.book === "function" ? await this.book(request) : this.book, request);
  }

  async apply(_plan: WorkbookPlan): Promise<void> {
    throw new Error(`${path.basename(this.file)} is open read-only: the input file is never modified.`);
  }
}

const shown = (file: string) => `"${file}"`;

async function readBytes(file: string, first?: number): Promise<Buffer> {
  try {
    if (first === undefined) return await fs.readFile(file);
    const handle = await fs.open(file, "r");
    try {
      const head = Buffer.alloc(first);
      const { bytesRead } = await handle.read(head, 0, first, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserFacingError(`Cannot find ${shown(file)}: check the file name and folder.`);
    if (code === "EISDIR") throw new UserFacingError(`${shown(file)} is a folder, not a workbook file.`);
    if (code === "EACCES" || code === "EPERM") throw new UserFacingError(`Cannot open ${shown(file)}: permission denied.`);
    throw new UserFacingError(`Cannot read ${shown(file)}: ${(error as Error).message}.`);
  }
}

const isZip = (bytes: Buffer) => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
const isOle = (bytes: Buffer) => bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;

/** The sheet a CSV file becomes: its file name, shortened to Excel's limit. */
function csvSheetName(file: string): string {
  const base = path.basename(file).replace(/[\\/?*[\]:]/g, "_");
  return base.length > 31 ? base.slice(0, 31) : base || "CSV";
}

/**
 * The book with each sheet's grid() turning a reader's format error into one sentence: the fast reader inflates
 * and scans a sheet only when it is read, after openWorkbookFile has returned.
 */
function guarded(file: string, book: SourceBook): SourceBook {
  const sentence = (sheet: string, error: unknown): never => {
    if (error instanceof XlsxFormatError || error instanceof CsvFormatError) {
      throw new UserFacingError(`${shown(file)} could not be read: sheet "${sheet}" ${error.message}.`);
    }
    throw error;
  };
  return {
    ...book,
    sheets: book.sheets.map((s) => ({
      ...s,
      grid: () => {
        try {
          return s.grid();
        } catch (error) {
          return sentence(s.name, error);
        }
      },
    })),
  };
}

/** Opens an .xlsx or .csv file for reading. Unreadable files and other formats become a UserFacingError. */
export async function openWorkbookFile(file: string): Promise<OpenedWorkbook> {
  const ext = path.extname(file).toLowerCase();
  // Both formats are read from disk as streams when they are read (csvFile.ts, xlsxFile.ts): here only the
  // first bytes, to tell them apart.
  const bytes = await readBytes(file, 8);
  if (isOle(bytes)) {
    throw new UserFacingError(
      ext === ".xls"
        ? `${shown(file)} is an old-style .xls workbook: open it in Excel and save it as an Excel Workbook (.xlsx).`
        : `${shown(file)} is password-protected or in an old Excel format: save an unprotected copy as .xlsx.`,
    );
  }
  if (isZip(bytes) && ext !== ".csv") {
    // Streamed from disk for each read (xlsxFile.ts): here only the small parts, so a format problem shows now.
    let streamed: XlsxFileBook | null = null;
    try {
      streamed = openXlsxFile(file);
    } catch (error) {
      // A zip with no workbook part is no workbook: ExcelJS would read it as one with no sheets ("no Diagnostics table").
      if (error instanceof XlsxFormatError && error.message === NO_WORKBOOK_PART) throw new UserFacingError(`${shown(file)} could not be read: ${error.message}.`);
      // Not a layout the fast reader knows: ExcelJS tries below.
    }
    if (streamed) {
      const opened = streamed;
      return new OpenedWorkbook(file, "xlsx", async (request) => {
        try {
          return await opened.read(request);
        } catch (error) {
          if (error instanceof XlsxFormatError) throw new UserFacingError(`${shown(file)} could not be read: ${error.message}.`);
          if ((error as NodeJS.ErrnoException).code) throw new UserFacingError(`Cannot read ${shown(file)}: ${(error as Error).message}.`);
          throw error;
        }
      });
    }
    let book: SourceBook;
    try {
      const { sourceBook } = await import("./excelJsWorkbook");
      book = sourceBook((await loadWorkbookForEditing(await readBytes(file))).workbook);
    } catch {
      throw new UserFacingError(`${shown(file)} could not be read as an Excel workbook (.xlsx): it may be damaged or in another format.`);
    }
    return new OpenedWorkbook(file, "xlsx", guarded(file, book));
  }
  if (ext === ".csv" || ext === ".txt") {
    const name = csvSheetName(file);
    const gridFor = async (request: ReadRequest) => {
      let collect = csvCollector(request);
      try {
        await parseCsvFile(file, () => (collect = csvCollector(request)).row);
        return collect.finish();
      } catch (thrown) {
        const error = collect.named(thrown);
        if (error instanceof CsvFormatError) throw new UserFacingError(`${shown(file)} could not be read as CSV: ${error.message}.`);
        if ((error as NodeJS.ErrnoException).code) throw new UserFacingError(`Cannot read ${shown(file)}: ${(error as Error).message}.`);
        throw error;
      }
    };
    // Parsed when read, as a stream from disk, with the request's narrative columns left out (csvBook.ts).
    return new OpenedWorkbook(file, "csv", async (request) => {
      const grid = await gridFor(request);
      return { sheets: [{ name, tables: [], grid: () => grid }], names: [] };
    });
  }
  if (ext === ".xlsx" || ext === ".xlsm") {
    throw new UserFacingError(`${shown(file)} is not a valid .xlsx workbook: it may be damaged or only renamed.`);
  }
  throw new UserFacingError(`${shown(file)} is not an .xlsx or .csv file.`);
}


/* ExcelJS expands a loaded validation range into one entry per cell: a template's whole-column dropdowns
   (a million cells each) would take gigabytes. Keep each range as one entry; ExcelJS's writer accepts ranges.
   Node only: the browser build of ExcelJS is a single bundle, and the task pane never loads workbooks with it. */
let validationPatchInstalled = false;
function installValidationPatch(): void {
  if (validationPatchInstalled) return;
  validationPatchInstalled = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const DataValidationsXform = require("exceljs/lib/xlsx/xform/sheet/data-validations-xform");
  const original = DataValidationsXform.prototype.parseClose;
  DataValidationsXform.prototype.parseClose = function parseClose(
    this: { _address: string; _dataValidation: Record<string, unknown>; model: Record<string, unknown> },
    name: string,
  ) {
    if (name !== "dataValidation") return original.call(this, name);
    const dv = this._dataValidation;
    if (!Array.isArray(dv.formulae) || dv.formulae.length === 0) {
      delete dv.formulae;
      delete dv.operator;
    }
    for (const address of this._address.split(/\s+/).filter(Boolean)) this.model[address] = dv;
    return true;
  };
}

/** Loads .xlsx bytes or a file into ExcelJS for editing, working around two ExcelJS reading faults. */
export async function loadWorkbookForEditing(source: string | Buffer): Promise<ExcelJsWorkbook> {
  const bytes = typeof source === "string" ? await readBytes(source) : source;
  // Loaded on demand: ExcelJS takes 0.4 s to load, and reading for a summary does not need it.
  const { default: ExcelJSModule } = await import("exceljs");
  const { ExcelJsWorkbook, tablesOf } = await import("./excelJsWorkbook");
  installValidationPatch();
  const wb = new ExcelJSModule.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  // ExcelJS reads a table without headerRowCount (Excel leaves out the default, 1) as having no header row.
  const flags = tableHeaderFlags(bytes);
  for (const ws of wb.worksheets) {
    for (const t of tablesOf(ws)) {
      const flag = flags.get(t.name.toLowerCase());
      if (flag !== undefined) t.headerRow = flag;
    }
  }
  return new ExcelJsWorkbook(wb);
}

/** Writes the workbook as .xlsx through a temporary file, so a failed write never leaves half a file. */
export async function writeWorkbookFile(workbook: ExcelJsWorkbook, file: string): Promise<void> {
  const data = await workbook.writeBuffer();
  const dir = path.dirname(path.resolve(file));
  try {
    await fs.mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EBUSY" || code === "EPERM" || code === "EACCES") {
      throw new UserFacingError(`Cannot write ${shown(file)}: it is open in another program or the folder is read-only.`);
    }
    throw new UserFacingError(`Cannot write ${shown(file)}: ${(error as Error).message}.`);
  }
}

