/**
 * Whether a cell's value satisfies the list data validation over it, as Excel judges it, and what a
 * user typing into the cell meets. Excel checks validation only when a user enters a value: values
 * written through Range.values are never refused, but DataValidation.valid reports them
 * (https://learn.microsoft.com/javascript/api/excel/excel.datavalidation#excel-excel-datavalidation-valid-member).
 *
 * "Ignore blank" (DataValidation.ignoreBlanks, true by default) makes a blank cell valid, and, documented
 * for Excel's own validation: "If the IgnoreBlank property is True, cell data is considered valid if the
 * cell is blank, or if a cell referenced by either the MinVal or MaxVal property is blank"
 * (https://learn.microsoft.com/office/vba/api/excel.validation.ignoreblank); for a list whose source
 * range holds a blank cell, Microsoft's "Apply data validation to cells" (support.microsoft.com) says
 * selecting Ignore blank allows any value to be entered. The emulation does both: documented.
 */
import { Rect, splitSheet, parseRect } from "./address";
import { Scalar, ValidationView } from "./model";
import type { EmulatedSheet } from "./sheet";
import { evaluateListFormula, isFormulaSource } from "./listFormula";

/** The source list of a list rule: its entries, and whether a source range holds a blank cell. */
export function listSource(sheet: EmulatedSheet, source: string, shift = { rows: 0, columns: 0 }): { entries: string[]; hasBlank: boolean } {
  if (!source.startsWith("=")) {
    const entries = source.split(",").map((s) => s.trim());
    return { entries: entries.filter((e) => e !== ""), hasBlank: false };
  }
  const ref = source.slice(1).trim();
  const wb = sheet.workbook;
  let target: { sheet: EmulatedSheet; rect: Rect } | null = null;
  if (isFormulaSource(source)) {
    // A formula (a dependent list): its range for this cell; an error offers nothing (listFormula.ts).
    const result = evaluateListFormula(sheet, source, shift);
    if ("error" in result) return { entries: [], hasBlank: false };
    const values = result.sheet.readValues(result.rect).flat();
    return { entries: values.filter((v) => v !== "").map(String), hasBlank: values.some((v) => v === "") };
  }
  const named = wb.findName(ref);
  if (named?.sheet && named.rect) target = { sheet: named.sheet, rect: named.rect };
  else {
    const { sheet: sheetName, local } = splitSheet(ref);
    const s = sheetName ? wb.findSheet(sheetName) : sheet;
    try {
      if (s) target = { sheet: s, rect: parseRect(local) };
    } catch {
      target = null;
    }
  }
  // A source that does not resolve (#REF!) offers nothing: every non-blank entry is refused.
  if (!target) return { entries: [], hasBlank: false };
  const values = target.sheet.readValues(target.rect).flat();
  return { entries: values.filter((v) => v !== "").map(String), hasBlank: values.some((v) => v === "") };
}

/** True when value passes the rule (Excel compares list entries without regard to case); `at` is the cell (0-based). */
export function passes(sheet: EmulatedSheet, v: ValidationView, value: Scalar, at?: { r: number; c: number }): boolean {
  if (value === "") return v.ignoreBlanks;
  if (!v.rule.list) return true;
  const shift = at && !sheet.workbook.faults.listFormulasAbsolute ? { rows: at.r - v.rect.r0, columns: at.c - v.rect.c0 } : { rows: 0, columns: 0 };
  const { entries, hasBlank } = listSource(sheet, v.rule.list.source, shift);
  if (hasBlank && v.ignoreBlanks) return true;
  const text = String(value).toLowerCase();
  return entries.some((e) => e.toLowerCase() === text);
}

/** DataValidation.valid over a range: true if every cell is valid, false if none is, null when mixed. */
export function validity(sheet: EmulatedSheet, rect: Rect): boolean | null {
  let valid = 0;
  let invalid = 0;
  const values = sheet.readValues(rect);
  for (let i = 0; i < values.length; i++) {
    for (let j = 0; j < values[i].length; j++) {
      const r = rect.r0 + i;
      const c = rect.c0 + j;
      const v = sheet.validations.find((x) => r >= x.rect.r0 && r <= x.rect.r1 && c >= x.rect.c0 && c <= x.rect.c1);
      if (!v || passes(sheet, v, values[i][j], { r, c })) valid++;
      else invalid++;
      if (valid > 0 && invalid > 0) return null;
    }
  }
  return invalid === 0;
}

/** The entries the in-cell dropdown offers at a cell (0-based), or null when no list rule covers it. */
export function dropdownEntries(sheet: EmulatedSheet, r: number, c: number): string[] | null {
  const v = sheet.validations.find((x) => r >= x.rect.r0 && r <= x.rect.r1 && c >= x.rect.c0 && c <= x.rect.c1);
  if (!v?.rule.list) return null;
  return listSource(sheet, v.rule.list.source, { rows: r - v.rect.r0, columns: c - v.rect.c0 }).entries;
}
