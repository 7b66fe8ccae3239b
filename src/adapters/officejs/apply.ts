/** apply(): the plan checked, then queued change by change into as few syncs as the request budget allows. */
import { AppliedPlan } from "../../workbook/port";
import { OWNER_NAME_PREFIX, CellStyle, CellValue, WorkbookChange, WorkbookPlan } from "../../workbook/plan";
import { ALERT_LIMITS, Block, cellA1, charactersToPoints, jsonSize, lower, rectangular, withinLimit } from "./cells";
import { Batch, queueCells, takeRows } from "./batch";
import { AppendedRows, queueAppend } from "./append";
import { OfficeWorkbookOptions } from "./options";
import { Facts, NEEDS_FACTS, checkPlanAgainst, factsFromBasis, probe } from "./planChecks";

export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, o: Required<OfficeWorkbookOptions>): Promise<AppliedPlan> {
  // With a basis, what existed is known without asking: no probe. (A co-author's change since the read
  // makes the batch fail where it conflicts, as it would a moment after a probe.)
  let facts = plan.basis ? factsFromBasis(plan, plan.basis) : null;
  if (!facts && plan.changes.some((c) => NEEDS_FACTS.has(c.kind))) facts = await probe(context, plan);
  if (facts) checkPlanAgainst(plan, facts);
  const batch = new Batch(context, o.requestBudget);
  const appended: AppendedRows[] = [];
  for (const change of plan.changes) await queueChange(batch, change, facts, appended);
  await batch.flush();
  return { appended };
}

async function queueChange(batch: Batch, c: WorkbookChange, facts: Facts | null, appended: AppendedRows[]): Promise<void> {
  const wb = batch.context.workbook;
  switch (c.kind) {
    case "addSheet": {
      if (facts!.sheets.has(lower(c.sheet))) return; // never claim or touch an existing sheet
      const ws = wb.worksheets.add(c.sheet);
      batch.add(c.sheet.length);
      facts!.sheets.set(lower(c.sheet), c.sheet);
      if (c.owner) {
        const name = `${OWNER_NAME_PREFIX}${c.owner}`;
        if (facts!.names.has(lower(name))) wb.names.getItem(name).delete(); // a stale mark (its sheet was deleted)
        wb.names.add(name, ws.getRange("A1"));
        facts!.names.add(lower(name));
        facts!.owners.set(lower(c.sheet), c.owner);
        batch.add(name.length * 2);
      }
      if (c.activate) ws.activate();
      return;
    }
    case "clearSheet": {
      const ws = wb.worksheets.getItem(c.sheet);
      const all = ws.getRange();
      all.clear("All");
      all.conditionalFormats.clearAll();
      all.dataValidation.clear();
      for (const chart of facts!.charts.get(lower(c.sheet)) ?? []) ws.charts.getItem(chart).delete();
      facts!.charts.set(lower(c.sheet), []);
      batch.add(400);
      return;
    }
    case "setValues": {
      const values = rectangular(c.values);
      return values.length > 0 ? queueSetValues(batch, c.sheet, c.topLeft, values, c.style) : undefined;
    }
    case "setStyle":
      applyStyle(wb.worksheets.getItem(c.sheet).getRange(c.range), c.style);
      batch.add(200);
      return;
    case "setColumnWidths": {
      const ws = wb.worksheets.getItem(c.sheet);
      c.widths.forEach((w, i) => {
        const letter = cellA1(i, 0).replace(/\d+$/, "");
        ws.getRange(`${letter}:${letter}`).format.columnWidth = charactersToPoints(w);
        batch.add(40);
      });
      return;
    }
    case "createTable": {
      const ws = wb.worksheets.getItem(c.sheet);
      const headerRange = ws.getRange(c.topLeft).getResizedRange(0, c.headers.length - 1);
      const bytes = queueCells(headerRange, [c.headers]);
      const table = ws.tables.add(headerRange, true); // Excel adds the one empty body row under the headers
      table.name = c.name;
      facts!.tables.add(lower(c.name));
      batch.add(bytes + c.name.length);
      return;
    }
    case "addTableColumns": {
      const table = wb.tables.getItem(c.table);
      for (const header of c.headers) table.columns.add(undefined, undefined, header);
      batch.add(jsonSize(c.headers));
      return;
    }
    case "appendTableRows":
      return queueAppend(batch, c.table, rectangular(c.rows), c.insertFirst, (a) => appended.push(a), (table, block) => resizeTableIfSupported(batch.context, table, block));
    case "listValidation": {
      const v = wb.worksheets.getItem(c.sheet).getRange(c.range).dataValidation;
      v.clear();
      v.rule = { list: { inCellDropDown: true, source: c.source } };
      // "Ignore blank" off: with it on, a list whose source range holds a blank cell accepts any entry
      // (VBA Validation.IgnoreBlank: valid "if a cell referenced ... is blank",
      // https://learn.microsoft.com/office/vba/api/excel.validation.ignoreblank; DataValidation.ignoreBlanks,
      // https://learn.microsoft.com/javascript/api/excel/excel.datavalidation#excel-excel-datavalidation-ignoreblanks-member).
      // The Lists sheet's named ranges keep room for more entries, so their sources do hold blanks. Deleting
      // a cell's contents is not validated by Excel either way, so users can still empty a cell.
      v.ignoreBlanks = false;
      v.errorAlert = { showAlert: true, style: "Stop", title: withinLimit(c.errorTitle, ALERT_LIMITS.title), message: withinLimit(c.errorMessage, ALERT_LIMITS.message) };
      batch.add(c.errorMessage.length + c.errorTitle.length + c.source.length);
      return;
    }
    case "conditionalFills": {
      // The fills replace the range's conditional formats, so applying the plan twice adds nothing.
      // Equality on the whole text is a cell-value rule (="RI"): a text rule only has contains/begins/ends,
      // and "contains RI" would colour "G / RI" too.
      const cfs = wb.worksheets.getItem(c.sheet).getRange(c.range).conditionalFormats;
      cfs.clearAll();
      for (const f of c.fills) {
        const cf = cfs.add("CellValue").cellValue;
        cf.format.fill.color = `#${f.fill}`;
        cf.format.font.color = `#${f.fontColour}`;
        cf.rule = { formula1: `="${f.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
        batch.add(120 + f.text.length);
      }
      return;
    }
    case "defineName": {
      if (facts!.names.has(lower(c.name))) wb.names.getItem(c.name).delete();
      wb.names.add(c.name, wb.worksheets.getItem(c.sheet).getRange(c.range));
      facts!.names.add(lower(c.name));
      batch.add(c.name.length * 2 + c.range.length);
      return;
    }
    case "freezeRows": {
      const panes = wb.worksheets.getItem(c.sheet).freezePanes;
      if (c.rows > 0) panes.freezeRows(c.rows);
      else panes.unfreeze();
      batch.add(20);
      return;
    }
    case "printTitleRows":
      if (printTitleRowsIfSupported(wb, c.sheet, c.rows)) batch.add(30);
      return;
    case "addChart": {
      const ws = wb.worksheets.getItem(c.sheet);
      const chart = ws.charts.add("BarStacked", ws.getRange(c.dataRange), "Columns");
      chart.name = c.name;
      chart.title.text = c.title;
      chart.setPosition(c.anchor);
      chart.width = c.width;
      chart.height = c.height;
      c.series.forEach((s, i) => {
        const series = chart.series.getItemAt(i);
        series.name = s.name;
        series.format.fill.setSolidColor(`#${s.colour}`);
      });
      batch.add(200 + jsonSize(c.series));
      return;
    }
    case "select": {
      const ws = wb.worksheets.getItem(c.sheet);
      ws.activate();
      ws.getRange(c.range).select();
      batch.add(60);
      return;
    }
    case "formulaFills": {
      // Custom conditional formats (ExcelApi 1.6): each formula is relative to the range's top-left cell, as the
      // example in https://learn.microsoft.com/en-us/javascript/api/excel/excel.customconditionalformat writes it.
      // Cleared first, so applying the plan twice adds nothing.
      const cfs = wb.worksheets.getItem(c.sheet).getRange(c.range).conditionalFormats;
      cfs.clearAll();
      for (const f of c.rules) {
        const custom = cfs.add("Custom").custom;
        custom.rule.formula = f.formula;
        custom.format.fill.color = `#${f.fill}`;
        custom.format.font.color = `#${f.fontColour}`;
        batch.add(120 + f.formula.length);
      }
      return;
    }
    case "setFormula":
      // Range.formulas (ExcelApi 1.1), https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member
      wb.worksheets.getItem(c.sheet).getRange(c.cell).formulas = [[c.formula]];
      batch.add(60 + c.formula.length);
      return;
  }
}

async function queueSetValues(batch: Batch, sheet: string, topLeft: string, values: CellValue[][], style?: CellStyle): Promise<void> {
  const width = values[0].length;
  const ws = batch.context.workbook.worksheets.getItem(sheet);
  if (style) {
    // Style first, so "@" for risky text (queued with the values) wins over a style's number format.
    applyStyle(ws.getRange(topLeft).getResizedRange(values.length - 1, width - 1), style);
    batch.add(200);
  }
  for (let from = 0; from < values.length; ) {
    if (batch.room < batch.budget / 4 && !batch.empty) await batch.flush();
    const n = takeRows(values, from, batch.room);
    const part = values.slice(from, from + n);
    const range = ws.getRange(topLeft).getOffsetRange(from, 0).getResizedRange(n - 1, width - 1);
    batch.add(queueCells(range, part));
    from += n;
    if (from < values.length) await batch.flush();
  }
}

/**
 * Table.resize is ExcelApi 1.13, newer than the manifest's 1.8: called only where the host supports it.
 * (Convention checked by test/officejs/requirementSets.test.ts: members newer than the manifest's
 * minimum are used only inside functions whose name ends in IfSupported and which call isSetSupported.)
 */
async function resizeTableIfSupported(context: Excel.RequestContext, tableName: string, block: Block): Promise<boolean> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.13")) return false;
  context.workbook.tables.getItem(tableName).resize(`${cellA1(block.left, block.top)}:${cellA1(block.right, block.bottom)}`);
  await context.sync();
  return true;
}

/**
 * Worksheet.pageLayout is ExcelApi 1.9, newer than the manifest's 1.8: on an older host the sheet prints without
 * repeated rows, which loses nothing. The rows must span whole rows ("$1:$1"), as setPrintTitleRows asks
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-setprinttitlerows-member(1)).
 * Queued with the rest of the plan: no sync of its own.
 */
function printTitleRowsIfSupported(wb: Excel.Workbook, sheet: string, rows: number): boolean {
  if (rows < 1 || !Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return false;
  wb.worksheets.getItem(sheet).pageLayout.setPrintTitleRows(`$1:$${rows}`);
  return true;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColour !== undefined) f.font.color = `#${style.fontColour}`;
  if (style.fill !== undefined) f.fill.color = `#${style.fill}`;
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.horizontalAlignment !== undefined) f.horizontalAlignment = style.horizontalAlignment;
  if (style.verticalAlignment !== undefined) f.verticalAlignment = style.verticalAlignment;
  if (style.numberFormat !== undefined) range.numberFormat = [[style.numberFormat]]; // one value for every cell
  if (style.border) {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
      f.borders.getItem(edge).style = "Continuous";
    }
  }
}
