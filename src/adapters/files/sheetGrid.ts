/**
 * The whole grid of a sheet part held in memory, read by the sheet scanner (sheetScan.ts): the task pane's
 * "Import visits…" (xlsxParts.ts), the reader of a workbook's bytes (xlsxReader.ts) and tests.
 */
import type { ScanOptions } from "./xlsxStructure";
import { CellValue } from "../../workbook/plan";
import { SheetScanner, cutShort } from "./sheetScan";

/**
 * The whole grid of a part held in memory (the pane's "Import visits…", tests): rows without cells are empty
 * arrays. The part is scanned whole where it lies, or fed in pieces of `pieceBytes` (tests cut every element).
 */
export function scanSheet(bytes: Uint8Array, options: ScanOptions, pieceBytes = bytes.length): CellValue[][] {
  const grid: CellValue[][] = [];
  const scanner = new SheetScanner(options, {
    cell(row, column, value) {
      let cells = grid[row];
      if (!cells) {
        cells = [];
        grid[row] = cells;
      }
      cells[column] = value;
    },
  });
  if (pieceBytes >= bytes.length) scanner.whole(bytes);
  else {
    const step = Math.max(1, pieceBytes);
    for (let at = 0; at < bytes.length; at += step) scanner.push(bytes.subarray(at, at + step));
    scanner.end();
  }
  if (!scanner.done) throw cutShort();
  for (let r = 0; r < grid.length; r++) if (!grid[r]) grid[r] = [];
  return grid;
}
