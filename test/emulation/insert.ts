/**
 * Range.insert(Excel.InsertShiftDirection.down) (ExcelApi 1.1,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-insert-member(1)):
 * blank cells where the range is, the cells at and below it in its columns pushed down. Tables,
 * validations, conditional formats and names below move with their cells; one the inserted rows
 * fall inside grows. A table only partly in the range's columns cannot move, and Excel refuses
 * ("This won't work because it would move cells in a table on your worksheet"). Inserting on the
 * row directly under a table leaves the table as it is. The co-authoring article recommends inserting
 * such a blank row before writing under a table that has data below it
 * (office-js-docs-pr docs/excel/co-authoring-in-excel-add-ins.md). Documented, except how validation and
 * conditional formats spanning the inserted row grow (unverified: modelled as Excel's UI does it).
 */
import { MAX_ROWS, Rect, formatRect } from "./address";
import { EmulationError } from "./model";
import type { EmulatedSheet } from "./sheet";

function moved(rect: Rect, at: Rect, h: number): Rect | null {
  if (rect.c0 < at.c0 || rect.c1 > at.c1) return null; // not wholly in the shifted columns
  if (rect.r0 >= at.r0) return { ...rect, r0: rect.r0 + h, r1: rect.r1 + h };
  if (rect.r1 >= at.r0) return { ...rect, r1: rect.r1 + h };
  return rect;
}

const overlapsColumns = (rect: Rect, at: Rect) => rect.c1 >= at.c0 && rect.c0 <= at.c1;

export function insertDown(sheet: EmulatedSheet, at: Rect): Rect {
  const h = at.r1 - at.r0 + 1;
  if (sheet.usedRect(false, { r0: MAX_ROWS - h, r1: MAX_ROWS - 1, c0: at.c0, c1: at.c1 })) {
    throw new EmulationError("InvalidOperation", "Cells would be pushed off the end of the worksheet.");
  }
  const tables = sheet.workbook.tables.filter((t) => t.sheet === sheet);
  for (const t of tables) {
    if (t.rect.r1 >= at.r0 && overlapsColumns(t.rect, at) && !moved(t.rect, at, h)) {
      throw new EmulationError("InvalidOperation", "This won't work because it would move cells in a table on your worksheet.");
    }
  }
  sheet.shiftCellsDown(at);
  for (const t of tables) t.rect = moved(t.rect, at, h) ?? t.rect;
  for (const v of sheet.validations) {
    const next = moved(v.rect, at, h);
    if (next) {
      v.rect = next;
      v.address = formatRect(next);
    }
  }
  for (const f of sheet.conditionalFormats) f.rect = moved(f.rect, at, h) ?? f.rect;
  for (const n of sheet.workbook.namedItems) if (n.sheet === sheet && n.rect) n.rect = moved(n.rect, at, h) ?? n.rect;
  return at;
}
