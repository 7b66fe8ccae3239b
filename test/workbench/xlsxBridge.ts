/**
 * .xlsx files in and out of the workbench, through the project's file adapter (src/adapters/exceljs), on the
 * workbench server (Node): the browser build of ExcelJS cannot be patched for the fault that makes it expand a
 * whole-column dropdown into a million cells, and the file adapter's loader (loadWorkbookForEditing) works around it.
 *
 *   open:     .xlsx bytes → loadWorkbookForEditing → ExcelJS model → BookData (the emulated workbook)
 *   download: BookData → a WorkbookPlan → ExcelJsWorkbook.apply (the adapter's own writers) → .xlsx bytes
 *
 * What the emulation models is kept: values, formulas, number formats, fills, fonts, alignment, borders, tables,
 * names, list dropdowns, colour rules on a cell's text, frozen rows, column widths and the selection.
 * Charts are not (ExcelJS cannot write them), nor anything else the emulation has no notion of.
 */
import type ExcelJS from "exceljs";
import { loadWorkbookForEditing } from "../../src/adapters/exceljs/files";
import { ExcelJsWorkbook, plainValue, tablesOf } from "../../src/adapters/exceljs/excelJsWorkbook";
import { sheetOfReference } from "../../src/adapters/exceljs/snapshot";
import { CellStyle, ConditionalFill, WorkbookChange, WorkbookPlan } from "../../src/workbook/plan";
import { MAX_COLUMNS, MAX_ROWS, Rect, columnLetters, formatRect, parseRect, splitSheet } from "../emulation/address";
import { FormatProps } from "../emulation/workbook";
import { BookCell, BookConditionalFormat, BookData, BookLayer, BookSheet, BookValidation } from "./bookData";

// ---- widths: Excel's column width is in characters of the default font; the emulation keeps points (Office.js) ----

/** Points for a width in characters (Calibri 11: 7 pixels a character plus 5 of padding; 0.75 points a pixel). */
export const charsToPoints = (chars: number) => Math.round(((chars * 7 + 5) * 0.75) * 100) / 100;
export const pointsToChars = (points: number) => Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);

const hex = (argb: string | undefined): string | null => {
  if (!argb) return null;
  const h = argb.replace(/^#/, "");
  return h.length === 8 ? `#${h.slice(2).toUpperCase()}` : h.length === 6 ? `#${h.toUpperCase()}` : null;
};

const HORIZONTAL: Record<string, string> = { left: "Left", center: "Center", right: "Right", fill: "Fill", justify: "Justify", centerContinuous: "CenterAcrossSelection", distributed: "Distributed" };
const VERTICAL: Record<string, string> = { top: "Top", middle: "Center", bottom: "Bottom", justify: "Justify", distributed: "Distributed" };
const EDGES: [keyof ExcelJS.Borders, string][] = [
  ["top", "EdgeTop"],
  ["bottom", "EdgeBottom"],
  ["left", "EdgeLeft"],
  ["right", "EdgeRight"],
];

/** The emulation's format properties for an ExcelJS style (only what the style sets). */
function formatOf(style: Partial<ExcelJS.Style> | undefined): Partial<FormatProps> {
  const f: Partial<FormatProps> = {};
  if (!style) return f;
  if (style.numFmt) f.numberFormat = style.numFmt;
  const fill = style.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const colour = hex(fill.fgColor?.argb);
    if (colour) f.fill = colour;
  }
  if (style.font) {
    if (style.font.bold !== undefined) f.bold = !!style.font.bold;
    if (style.font.italic !== undefined) f.italic = !!style.font.italic;
    if (style.font.size !== undefined) f.fontSize = style.font.size;
    const colour = hex(style.font.color?.argb);
    if (colour) f.fontColor = colour;
  }
  if (style.alignment) {
    if (style.alignment.wrapText !== undefined) f.wrap = !!style.alignment.wrapText;
    if (style.alignment.horizontal) f.horizontalAlignment = HORIZONTAL[style.alignment.horizontal] ?? "General";
    if (style.alignment.vertical) f.verticalAlignment = VERTICAL[style.alignment.vertical] ?? "Bottom";
  }
  if (style.border) {
    const borders: Record<string, string> = {};
    for (const [side, edge] of EDGES) if (style.border[side]?.style) borders[edge] = "Continuous";
    if (Object.keys(borders).length > 0) f.borders = borders;
  }
  return f;
}

function cellValueOf(cell: ExcelJS.Cell): { value: BookCell["value"]; formula?: string } {
  const v = cell.value as unknown;
  if (v && typeof v === "object" && ("formula" in (v as object) || "sharedFormula" in (v as object))) {
    const formula = (v as { formula?: string }).formula ?? cell.formula;
    if (formula) return { value: "", formula: `=${formula}` };
  }
  const plain = plainValue(cell.value);
  return { value: plain === null ? "" : plain };
}

/** ExcelJS's list validation → the emulation's (source formulas keep their leading "="; a literal list stays text). */
function validationOf(range: string, dv: ExcelJS.DataValidation): BookValidation | null {
  if (dv.type !== "list" || !dv.formulae || dv.formulae.length === 0) return null;
  const raw = String(dv.formulae[0]);
  const source = raw.startsWith('"') ? raw.replace(/^"|"$/g, "") : `=${raw.replace(/^=/, "")}`;
  const style = dv.errorStyle === "warning" ? "Warning" : dv.errorStyle === "information" ? "Information" : "Stop";
  return {
    range,
    rule: { list: { source, inCellDropDown: true } },
    errorAlert: { showAlert: dv.showErrorMessage !== false, style, title: dv.errorTitle ?? "", message: dv.error ?? "" },
    ignoreBlanks: dv.allowBlank !== false,
  };
}

/** "Equal to this text" colour rules, as Excel writes them (cellIs) and as the file adapter does (TRIM(A1)="x"). */
function conditionalOf(cf: ExcelJS.ConditionalFormattingOptions): BookConditionalFormat[] {
  const out: BookConditionalFormat[] = [];
  for (const rule of cf.rules as (ExcelJS.ConditionalFormattingRule & { formulae?: string[]; operator?: string; text?: string })[]) {
    const style = rule.style ?? {};
    const fill = style.fill as ExcelJS.FillPattern | undefined;
    const colour = hex(fill?.bgColor?.argb) ?? hex(fill?.fgColor?.argb);
    const font = hex(style.font?.color?.argb);
    let text: string | null = null;
    if (rule.type === "cellIs" && rule.operator === "equal" && rule.formulae?.[0]) {
      const m = /^"((?:[^"]|"")*)"$/.exec(String(rule.formulae[0]));
      if (m) text = m[1].replace(/""/g, '"');
    }
    if (rule.type === "expression" && rule.formulae?.[0]) {
      const m = /^(?:TRIM\()?\$?[A-Z]{1,3}\$?\d+\)?\s*=\s*"((?:[^"]|"")*)"$/i.exec(String(rule.formulae[0]));
      if (m) text = m[1].replace(/""/g, '"');
    }
    if (text !== null) {
      out.push({ range: cf.ref, type: "CellValue", rule: { formula1: `="${text.replace(/"/g, '""')}"`, operator: "EqualTo" }, fill: colour, fontColor: font });
    } else if (rule.type === "containsText" && rule.text !== undefined) {
      const operators: Record<string, string> = { containsText: "Contains", notContains: "NotContains", beginsWith: "BeginsWith", endsWith: "EndsWith" };
      const operator = operators[String(rule.operator ?? "containsText")] ?? "Contains";
      out.push({ range: cf.ref, type: "ContainsText", rule: { text: rule.text, operator }, fill: colour, fontColor: font });
    }
  }
  return out;
}

interface SheetInternals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}

function sheetFromExcelJs(ws: ExcelJS.Worksheet): BookSheet {
  const cells: BookCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === 1 /* ValueType.Merge */) return;
      const { value, formula } = cellValueOf(cell);
      const format = formatOf(cell.style);
      if (value === "" && !formula && Object.keys(format).length === 0) return;
      const out: BookCell = { at: cell.address, value };
      if (formula) out.formula = formula;
      if (Object.keys(format).length > 0) out.format = format;
      cells.push(out);
    });
  });
  const layers: BookLayer[] = [];
  const columnWidths: [number, number][] = [];
  // The columns the file defines (width or style), not a column object for every letter.
  const defined = ((ws.columns ?? []) as Partial<ExcelJS.Column>[]).slice(0, 1000);
  for (let c = 1; c <= defined.length; c++) {
    const { width, style } = defined[c - 1] ?? {};
    if (width !== undefined) columnWidths.push([c - 1, charsToPoints(width)]);
    const format = formatOf(style);
    const range = `${columnLetters(c - 1)}:${columnLetters(c - 1)}`;
    for (const [key, value] of Object.entries(format)) layers.push({ range, key: key as keyof FormatProps, value });
  }
  const internals = ws as unknown as SheetInternals;
  const validations: BookValidation[] = [];
  for (const [address, dv] of Object.entries(internals.dataValidations?.model ?? {})) {
    if (!dv) continue;
    for (const part of address.replace(/^range:/, "").split(/\s+/).filter(Boolean)) {
      const v = validationOf(formatRect(parseRect(part.replace(/\$/g, ""))), dv);
      if (v) validations.push(v);
    }
  }
  const conditionalFormats = (internals.conditionalFormattings ?? []).flatMap(conditionalOf);
  const view = (ws.views?.[0] ?? {}) as Partial<ExcelJS.WorksheetViewFrozen> & { activeCell?: string };
  return {
    name: ws.name,
    visibility: ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible",
    frozenRows: view.state === "frozen" ? Number(view.ySplit ?? 0) : 0,
    columnWidths,
    cells,
    layers,
    validations,
    conditionalFormats,
    charts: [],
    selection: view.activeCell && /^[A-Z]{1,3}\d+$/i.test(view.activeCell) ? view.activeCell.toUpperCase() : "A1",
  };
}

/** An .xlsx file as the workbench's emulated workbook. */
export async function bookFromXlsx(bytes: Buffer): Promise<BookData> {
  const adapter = await loadWorkbookForEditing(bytes);
  const wb = adapter.workbook;
  if (wb.worksheets.length === 0) throw new Error("The file has no sheets.");
  const sheets = wb.worksheets.map(sheetFromExcelJs);
  const tables = wb.worksheets.flatMap((ws) =>
    tablesOf(ws).map((t) => {
      const rect = parseRect(t.tableRef);
      // The emulation's tables always have a header row and at least one body row, as Excel's do.
      if (rect.r1 === rect.r0) rect.r1 = rect.r0 + 1;
      return { name: t.displayName || t.name, sheet: ws.name, range: formatRect(rect) };
    }),
  );
  const names: BookData["names"] = [];
  for (const n of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    const reference = n.ranges[0];
    const sheet = reference ? sheetOfReference(reference) : null;
    if (!reference || !sheet || !wb.worksheets.some((ws) => ws.name === sheet)) continue;
    try {
      names.push({ name: n.name, sheet, range: formatRect(parseRect(splitSheet(reference).local.replace(/\$/g, ""))), comment: "" });
    } catch {
      // A name that is not a plain range (a constant or a formula): the emulation has no notion of it.
    }
  }
  const active = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  return { sheets, tables, names, activeSheet: wb.worksheets[active]?.name ?? wb.worksheets[0].name };
}

// ---- download -------------------------------------------------------------------------------------------------

function styleOf(format: Partial<FormatProps>): CellStyle | null {
  const s: CellStyle = {};
  if (format.bold !== undefined) s.bold = format.bold;
  if (format.italic !== undefined) s.italic = format.italic;
  if (format.fontSize !== undefined) s.fontSize = format.fontSize;
  if (format.fill) s.fill = format.fill.replace(/^#/, "");
  if (format.fontColor && format.fontColor.toUpperCase() !== "#000000") s.fontColour = format.fontColor.replace(/^#/, "");
  if (format.wrap !== undefined) s.wrap = format.wrap;
  if (format.numberFormat !== undefined && format.numberFormat !== "General") s.numberFormat = format.numberFormat;
  const h = format.horizontalAlignment;
  if (h === "Left" || h === "Center" || h === "Right") s.horizontalAlignment = h;
  const v = format.verticalAlignment;
  if (v === "Top" || v === "Center") s.verticalAlignment = v;
  if (format.borders && Object.values(format.borders).some((b) => b && b !== "None")) s.border = true;
  return Object.keys(s).length > 0 ? s : null;
}

/** A1 range for the adapter, which wants bounded ranges: whole columns run to Excel's last row. */
function bounded(range: string): string {
  const r: Rect = parseRect(range);
  const a = `${columnLetters(r.c0)}${r.r0 + 1}`;
  const b = `${columnLetters(Math.min(r.c1, MAX_COLUMNS - 1))}${Math.min(r.r1, MAX_ROWS - 1) + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** The plan that makes a new file hold the book data. */
export function planForBook(data: BookData): { plan: WorkbookPlan; formulas: { sheet: string; at: string; formula: string }[] } {
  const changes: WorkbookChange[] = [];
  const formulas: { sheet: string; at: string; formula: string }[] = [];
  for (const s of data.sheets) changes.push({ kind: "addSheet", sheet: s.name });
  // Tables first (the adapter writes their headers and a blank row), then every value over them.
  for (const t of data.tables) {
    const r = parseRect(t.range);
    const sheet = data.sheets.find((s) => s.name === t.sheet);
    const headerAt = (c: number) => sheet?.cells.find((cell) => cell.at === `${columnLetters(c)}${r.r0 + 1}`)?.value ?? "";
    const headers = Array.from({ length: r.c1 - r.c0 + 1 }, (_, i) => String(headerAt(r.c0 + i) || `Column${i + 1}`));
    changes.push({ kind: "createTable", sheet: t.sheet, name: t.name, topLeft: `${columnLetters(r.c0)}${r.r0 + 1}`, headers });
    const valueAt = (row: number, c: number) => {
      const cell = sheet?.cells.find((x) => x.at === `${columnLetters(c)}${row + 1}`);
      return cell && !cell.formula ? cell.value : null;
    };
    const rows = [];
    for (let row = r.r0 + 1; row <= r.r1; row++) rows.push(headers.map((_, i) => valueAt(row, r.c0 + i)));
    changes.push({ kind: "appendTableRows", table: t.name, rows });
  }
  for (const s of data.sheets) {
    for (const cell of s.cells) {
      if (cell.formula) formulas.push({ sheet: s.name, at: cell.at, formula: cell.formula });
      else if (cell.value !== "") changes.push({ kind: "setValues", sheet: s.name, topLeft: cell.at, values: [[cell.value]] });
    }
    for (const layer of s.layers) {
      const style = styleOf({ [layer.key]: layer.value } as Partial<FormatProps>);
      if (style) changes.push({ kind: "setStyle", sheet: s.name, range: bounded(layer.range), style });
    }
    for (const cell of s.cells) {
      const style = cell.format ? styleOf(cell.format) : null;
      if (style) changes.push({ kind: "setStyle", sheet: s.name, range: cell.at, style });
    }
    if (s.columnWidths.length > 0) {
      const widths: number[] = [];
      const last = Math.max(...s.columnWidths.map(([c]) => c));
      for (let c = 0; c <= last; c++) widths.push(pointsToChars(s.columnWidths.find(([x]) => x === c)?.[1] ?? 48));
      changes.push({ kind: "setColumnWidths", sheet: s.name, widths });
    }
    for (const v of s.validations) {
      const list = (v.rule as { list?: { source?: string } }).list;
      if (!list?.source) continue;
      changes.push({
        kind: "listValidation",
        sheet: s.name,
        range: bounded(v.range),
        source: list.source.startsWith("=") ? list.source : `"${list.source}"`,
        errorTitle: v.errorAlert.title,
        errorMessage: v.errorAlert.message,
      });
    }
    const fills = new Map<string, ConditionalFill[]>();
    for (const f of s.conditionalFormats) {
      const m = f.type === "CellValue" && f.rule?.operator === "EqualTo" ? /^="((?:[^"]|"")*)"$/.exec(String(f.rule.formula1 ?? "")) : null;
      if (!m || !f.fill) continue;
      const list = fills.get(f.range) ?? [];
      list.push({ text: m[1].replace(/""/g, '"'), fill: f.fill.replace(/^#/, ""), fontColour: (f.fontColor ?? "#000000").replace(/^#/, "") });
      fills.set(f.range, list);
    }
    for (const [range, list] of fills) changes.push({ kind: "conditionalFills", sheet: s.name, range: bounded(range), fills: list });
    if (s.frozenRows > 0) changes.push({ kind: "freezeRows", sheet: s.name, rows: s.frozenRows });
  }
  for (const n of data.names) {
    if (n.sheet && n.range) changes.push({ kind: "defineName", name: n.name, sheet: n.sheet, range: bounded(n.range) });
  }
  const active = data.sheets.find((s) => s.name === data.activeSheet) ?? data.sheets[0];
  if (active) changes.push({ kind: "select", sheet: active.name, range: active.selection.split(":")[0] });
  return { plan: { action: "Download from the workbench", changes }, formulas };
}

/** The book data as .xlsx bytes, written by the file adapter. */
export async function xlsxFromBook(data: BookData): Promise<Uint8Array> {
  const adapter = ExcelJsWorkbook.create();
  const { plan, formulas } = planForBook(data);
  await adapter.apply(plan);
  // The adapter fills blank rows at the end of a table before growing it; the file keeps the table's exact size.
  for (const t of data.tables) {
    const ws = adapter.workbook.getWorksheet(t.sheet);
    const model = ws ? tablesOf(ws).find((m) => m.name === t.name) : undefined;
    if (model && t.range.includes(":")) {
      model.tableRef = t.range;
      model.autoFilterRef = t.range;
    }
  }
  // The adapter writes text, never formulas (a plan's "=…" is data); formulas typed into the workbench stay formulas.
  for (const f of formulas) adapter.workbook.getWorksheet(f.sheet)!.getCell(f.at).value = { formula: f.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  return adapter.writeBuffer();
}
