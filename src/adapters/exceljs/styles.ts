/** Plan styles, conditional fills and wrapped-row heights in ExcelJS terms. */
import ExcelJS from "exceljs";
import { CellStyle, ConditionalFill, FormulaFill } from "../../workbook/plan";
import { plainValue } from "./source";

const DEFAULT_FONT = "Calibri";
const DEFAULT_FONT_SIZE = 11;
/** Points per line of 11-point text, as Excel lays out a row. */
const LINE_HEIGHT = 15;
/** Excel's default column width in characters. */
const DEFAULT_WIDTH = 8.43;

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** Merges a plan style into an ExcelJS style, returning a new object. */
export function mergedStyle(old: Partial<ExcelJS.Style>, style: CellStyle): Partial<ExcelJS.Style> {
  const next: Partial<ExcelJS.Style> = { ...old };
  if (style.bold !== undefined || style.italic !== undefined || style.fontSize !== undefined || style.fontColour !== undefined) {
    // A font with no name reads as the application's fallback (a serif in LibreOffice): name the workbook default.
    const font: Partial<ExcelJS.Font> = { name: DEFAULT_FONT, family: 2, ...(old.font ?? {}) };
    if (style.bold !== undefined) font.bold = style.bold;
    if (style.italic !== undefined) font.italic = style.italic;
    if (style.fontSize !== undefined) font.size = style.fontSize;
    if (style.fontColour !== undefined) font.color = { argb: argb(style.fontColour) };
    next.font = font;
  }
  if (style.fill !== undefined) next.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.wrap !== undefined || style.horizontalAlignment !== undefined || style.verticalAlignment !== undefined) {
    const alignment: Partial<ExcelJS.Alignment> = { ...(old.alignment ?? {}) };
    if (style.wrap !== undefined) alignment.wrapText = style.wrap;
    if (style.horizontalAlignment !== undefined) {
      alignment.horizontal = ({ Left: "left", Center: "center", Right: "right" } as const)[style.horizontalAlignment];
    }
    if (style.verticalAlignment !== undefined) {
      alignment.vertical = ({ Top: "top", Center: "middle", Bottom: "bottom" } as const)[style.verticalAlignment];
    }
    next.alignment = alignment;
  }
  if (style.numberFormat !== undefined) next.numFmt = style.numberFormat;
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8A8A8A" } };
    next.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return next;
}

/** Applies one style to many cells, sharing one ExcelJS style object per distinct starting style. */
export class StyleApplier {
  private readonly cache = new Map<unknown, Partial<ExcelJS.Style>>();
  private readonly byShape = new Map<string, Partial<ExcelJS.Style>>();
  constructor(private readonly style: CellStyle) {}

  apply(cell: ExcelJS.Cell): void {
    const old = cell.style ?? {};
    let next = this.cache.get(old);
    if (!next) {
      // New cells each get a fresh (usually empty) style object: group them by shape, not identity.
      const shape = JSON.stringify(old);
      next = this.byShape.get(shape);
      if (!next) {
        next = mergedStyle(old, this.style);
        this.byShape.set(shape, next);
      }
      this.cache.set(old, next);
    }
    cell.style = next;
  }
}

export function conditionalRule(fill: ConditionalFill, topLeft: string, priority: number): ExcelJS.ConditionalFormattingRule {
  const text = fill.text.replace(/"/g, '""');
  return {
    type: "expression",
    priority,
    // The whole cell equals the text, ignoring case and stray spaces as Excel's "=" does.
    formulae: [`TRIM(${topLeft})="${text}"`],
    style: {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill.fill) }, fgColor: { argb: argb(fill.fill) } },
      font: { color: { argb: argb(fill.fontColour) } },
    },
  };
}

/** A formula rule (an "expression" rule in the file): the formula as for the range's top-left cell, without its "=". */
export function formulaRule(rule: FormulaFill, priority: number): ExcelJS.ConditionalFormattingRule {
  return {
    type: "expression",
    priority,
    formulae: [rule.formula.replace(/^=/, "")],
    style: {
      fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) }, fgColor: { argb: argb(rule.fill) } },
      font: { color: { argb: argb(rule.fontColour) } },
    },
  };
}

/**
 * Row heights for wrapped text. Excel and LibreOffice keep a file's row heights as saved, and a row saved
 * without one shows a single line: so estimate the lines each wrapped cell needs from its column's width.
 */
export function fitWrappedRows(ws: ExcelJS.Worksheet): void {
  const widths: number[] = [];
  const widthOf = (col: number) => (widths[col] ??= ws.getColumn(col).width ?? DEFAULT_WIDTH);
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.height !== undefined && (row as unknown as { _fitted?: boolean })._fitted !== true) return; // set on purpose: keep
    let lines = 1;
    let size = DEFAULT_FONT_SIZE;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const fontSize = cell.style?.font?.size ?? DEFAULT_FONT_SIZE;
      size = Math.max(size, fontSize);
      if (!cell.style?.alignment?.wrapText) return;
      const text = typeof cell.value === "string" ? cell.value : String(plainValue(cell.value) ?? "");
      // Characters per line: a column's width counts digit widths; text averages a little narrower, bold a little wider.
      const perLine = Math.max(1, Math.floor((widthOf(col) * 1.15 * DEFAULT_FONT_SIZE) / fontSize / (cell.style?.font?.bold ? 1.1 : 1)));
      const needed = text.split("\n").reduce((sum, part) => sum + Math.max(1, wrappedLines(part, perLine)), 0);
      lines = Math.max(lines, needed);
    });
    if (lines > 1) {
      row.height = lines * LINE_HEIGHT * (size / DEFAULT_FONT_SIZE);
      (row as unknown as { _fitted?: boolean })._fitted = true;
    }
  });
}

/** Lines a text needs when wrapped at spaces to `perLine` characters. */
function wrappedLines(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const length = word.length;
    if (used === 0) used = length;
    else if (used + 1 + length <= perLine) used += 1 + length;
    else {
      lines++;
      used = length;
    }
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

