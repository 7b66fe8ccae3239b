/**
 * The .xlsx reader over inflated parts and plain bytes (no Node Buffer, no zlib), so the task pane reads a chosen
 * workbook the same way the command line does: the workbook's structure (relationships, sheets, tables, names,
 * shared strings, date styles) through xlsxStructure.ts and each sheet through the command line's own scanner
 * (sheetScan.ts), the part scanned whole where it lies. test/adapters/files/xlsxParts.test.ts checks that both
 * readers give the same book. The parts come from zipBytes.ts (inflated through inflate.ts).
 */
import { SourceBook, SourceSheet } from "../exceljs/snapshot";
import { partMissing } from "./sheetScan";
import { scanSheet } from "./sheetGrid";
import { XlsxFormatError, sheetFormatError, workbookParts } from "./xlsxStructure";

const utf8 = new TextDecoder("utf-8");

/** A workbook part missing or unreadable: the same error the command line's reader gives. */
export { XlsxFormatError as XlsxPartsError };

/**
 * The book from a workbook's inflated XML parts (path → bytes): the shared structure, then the shared byte scan of
 * each sheet when its grid is asked for. A sheet the scan refuses (a cell beyond Excel's last row or column) is
 * named in the error, as the command line names it.
 */
export function readXlsxParts(parts: ReadonlyMap<string, Uint8Array>): SourceBook {
  const bytesOf = (path: string) => parts.get(path) ?? null;
  const structure = workbookParts((path) => {
    const b = bytesOf(path);
    return b ? utf8.decode(b) : null;
  });
  const sheets: SourceSheet[] = structure.sheets.map(({ name, tables, part }) => ({
    name,
    tables,
    grid: () => {
      const b = bytesOf(part);
      try {
        if (!b) throw partMissing(part);
        return scanSheet(b, structure.scan);
      } catch (error) {
        if (error instanceof XlsxFormatError) throw sheetFormatError(name, error);
        throw error;
      }
    },
  }));
  return { sheets, names: structure.names };
}
