/** apply(): the plan checked, then queued change by change into as few syncs as the request budget allows. */
import { OWNER_NAME_PREFIX, CellStyle, CellValue, WorkbookChange, WorkbookPlan } from "../../workbook/plan";
import { Block, cellA1, charactersToPoints, jsonSize, lower, parseAddress, rectangular, rowIsBlank } from "./cells";
import { Batch, queueCells, takeRows } from "./batch";
import { OfficeWorkbookOptions } from "./options";
import { Facts, NEEDS_FACTS, checkPlanAgainst, factsFromBasis, probe } from "./planChecks";

export async function applyPlan(context: Excel.RequestContext, plan: WorkbookPlan, o: Required<OfficeWorkbookOptions>): Promise<void> {
  // With a basis, what existed is known without asking: no probe. (A co-author's change since the read
  // makes the batch fail where it conflicts, as it would a moment after a probe.)
  let facts = plan.basis ? factsFromBasis(plan, plan.basis) : null;
  if (!facts && plan.changes.some((c) => NEEDS_FACTS.has(c.kind))) facts = await probe(context, plan);
  if (facts) checkPlanAgainst(plan, facts);
  const batch = new Batch(context, o.requestBudget);
  for (const change of plan.changes) await queueChange(batch, change, facts);
  await batch.flush();
}

async function queueChange(batch: Batch, c: WorkbookChange, facts: Facts | null): Promise<void> {
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
      return queueAppend(batch, c.table, rectangular(c.rows));
    case "listValidation": {
      const v = wb.worksheets.getItem(c.sheet).getRange(c.range).dataValidation;
      v.clear();
      v.rule = { list: { inCellDropDown: true, source: c.source } };
      v.errorAlert = { showAlert: true, style: "Stop", title: c.errorTitle, message: c.errorMessage };
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
 * Rows written directly below the table's last row that holds anything, so Excel grows the table over
 * them; table.rows.add is never used (it causes co-authoring merge conflicts). The anchor is the table's
 * used range (values only), so in a table without data rows the first row goes into the one empty body
 * row Excel keeps, and the rest below it. Once sent, the table's new size is checked.
 */
async function queueAppend(batch: Batch, tableName: string, rows: CellValue[][]): Promise<void> {
  if (rows.length === 0) return;
  for (let from = 0; from < rows.length; ) {
    if (batch.room < batch.budget / 4 && !batch.empty) await batch.flush();
    const n = takeRows(rows, from, batch.room);
    const part = rows.slice(from, from + n);
    queueAppendPart(batch, tableName, part);
    from += n;
    if (from < rows.length) await batch.flush();
  }
}

function queueAppendPart(batch: Batch, tableName: string, rows: CellValue[][]): void {
  const wb = batch.context.workbook;
  const width = rows[0].length;
  const table = wb.tables.getItem(tableName);
  const anchor = table.getRange().getUsedRange(true);
  anchor.load("address");
  const start = anchor.getRowsBelow(1).getCell(0, 0);
  // The first row alone (it may fill the empty body row, inside the table), then the rest, directly below it.
  let bytes = queueCells(start.getResizedRange(0, width - 1), rows.slice(0, 1));
  if (rows.length > 1) bytes += queueCells(start.getOffsetRange(1, 0).getResizedRange(rows.length - 2, width - 1), rows.slice(1));
  const after = wb.tables.getItem(tableName).getRange().load("address");
  batch.add(bytes + 400);
  let lastWithData = rows.length - 1;
  while (lastWithData >= 0 && rowIsBlank(rows[lastWithData])) lastWithData--;
  batch.afterSync(async () => {
    // Runs after Batch.flush's sync, which loaded both addresses.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const anchorBlock = parseAddress(anchor.address).block;
    const tableBlock = parseAddress(after.address).block;
    const wanted = anchorBlock.bottom + 1 + lastWithData;
    if (lastWithData < 0 || tableBlock.bottom >= wanted) return;
    const grown = { ...tableBlock, bottom: wanted };
    if (await resizeTableIfSupported(batch.context, tableName, grown)) return;
    throw new Error(
      `Rows were written below the table "${tableName}" but Excel did not extend the table over them ` +
        `(rows ${tableBlock.bottom + 2} to ${wanted + 1}). Resize the table to include them (Table Design > Resize Table).`,
    );
  });
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
