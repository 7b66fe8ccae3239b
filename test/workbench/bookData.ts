/**
 * The emulated workbook as plain JSON ("book data"), and back.
 *
 * - It crosses between the workbench page and the pane's frame as a string, so no object of one page ends up
 *   inside the other (each frame has its own Array and Error).
 * - It is what the end-to-end tests compare: "run Set up twice and nothing changes" means the book data is equal.
 *   So it holds what a user could see or Excel would save (values, formulas, formats, dropdowns, colours, tables,
 *   names, frozen rows, widths, selection), in a canonical order, and none of the emulation's bookkeeping
 *   (sequence numbers, ids, or a format re-applied with the same value).
 */
import { Rect, formatRect, parseRect } from "../emulation/address";
import { ChartModel, DEFAULT_FORMAT, EmulatedSheet, EmulatedWorkbook, FormatProps, Scalar } from "../emulation/workbook";

export type FormatKey = keyof FormatProps;

export interface BookCell {
  /** A1 address. */
  at: string;
  value: Scalar;
  formula?: string;
  /** Formats of this cell that differ from what the column-wide formats (layers) or Excel's defaults give it. */
  format?: Partial<FormatProps>;
}

/** A format set on a large block at once (a whole column), in the order applied. */
export interface BookLayer {
  range: string;
  key: FormatKey;
  value: unknown;
}

export interface BookValidation {
  range: string;
  rule: Record<string, unknown>;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface BookConditionalFormat {
  range: string;
  type: string;
  rule: Record<string, unknown> | null;
  fill: string | null;
  fontColor: string | null;
}

/** A chart as the emulation keeps it, with its source as an address so it travels as JSON. */
export type BookChart = Omit<ChartModel, "id" | "sheet" | "source"> & { source: string };

export interface BookSheet {
  name: string;
  visibility: string;
  frozenRows: number;
  /** [0-based column, width in points]. */
  columnWidths: [number, number][];
  cells: BookCell[];
  layers: BookLayer[];
  validations: BookValidation[];
  conditionalFormats: BookConditionalFormat[];
  charts: BookChart[];
  selection: string;
}

export interface BookData {
  sheets: BookSheet[];
  tables: { name: string; sheet: string; range: string }[];
  names: { name: string; sheet: string | null; range: string | null; comment: string }[];
  activeSheet: string | null;
}

/* The emulation keeps cells and column-wide formats private; the workbench reads them (read-only) to copy the workbook. */
interface StoredCell {
  value: Scalar;
  formula: string | null;
  fmt: Partial<Record<FormatKey, { v: unknown; seq: number }>>;
}
interface SheetInternals {
  rowsMap: Map<number, Map<number, StoredCell>>;
  layers: { rect: Rect; props: Partial<FormatProps>; seq: number }[];
}
/** The private fields, checked: if the emulation renames them, say so rather than copy an empty workbook. */
function internals(sheet: EmulatedSheet): SheetInternals {
  const inside = sheet as unknown as SheetInternals;
  if (!(inside.rowsMap instanceof Map) || !Array.isArray(inside.layers)) {
    throw new Error("The workbench cannot read the emulated sheet's cells (EmulatedSheet.rowsMap and .layers): update test/workbench/bookData.ts.");
  }
  return inside;
}

const FORMAT_KEYS = Object.keys(DEFAULT_FORMAT) as FormatKey[];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Layers with every one that a later layer over the same block and property replaced left out, oldest first. */
function canonicalLayers(sheet: EmulatedSheet): { rect: Rect; key: FormatKey; value: unknown; seq: number }[] {
  const latest = new Map<string, { rect: Rect; key: FormatKey; value: unknown; seq: number }>();
  for (const layer of internals(sheet).layers) {
    for (const key of Object.keys(layer.props) as FormatKey[]) {
      const id = `${formatRect(layer.rect)}|${key}`;
      const previous = latest.get(id);
      if (!previous || layer.seq >= previous.seq) latest.set(id, { rect: layer.rect, key, value: layer.props[key], seq: layer.seq });
    }
  }
  return [...latest.values()].sort((a, b) => a.seq - b.seq);
}

function sheetData(sheet: EmulatedSheet): BookSheet {
  const layers = canonicalLayers(sheet);
  /** What a cell would show for key from the layers alone. */
  const fromLayers = (r: number, c: number, key: FormatKey): unknown => {
    let value: unknown = DEFAULT_FORMAT[key];
    for (const l of layers) if (l.key === key && r >= l.rect.r0 && r <= l.rect.r1 && c >= l.rect.c0 && c <= l.rect.c1) value = l.value;
    return value;
  };
  const cells: BookCell[] = [];
  const rows = [...internals(sheet).rowsMap.entries()].sort((a, b) => a[0] - b[0]);
  for (const [r, row] of rows) {
    for (const [c, stored] of [...row.entries()].sort((a, b) => a[0] - b[0])) {
      const view = sheet.cellView(r, c);
      const format: Partial<FormatProps> = {};
      for (const key of FORMAT_KEYS) {
        if (!same(view[key], fromLayers(r, c, key))) {
          (format as Record<string, unknown>)[key] = view[key];
        }
      }
      if (stored.value === "" && stored.formula === null && Object.keys(format).length === 0) continue;
      const cell: BookCell = { at: view.address, value: stored.value };
      if (stored.formula !== null) cell.formula = stored.formula;
      if (Object.keys(format).length > 0) cell.format = format;
      cells.push(cell);
    }
  }
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    frozenRows: sheet.frozenRows,
    columnWidths: [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    cells,
    layers: layers.map((l) => ({ range: formatRect(l.rect), key: l.key, value: l.value })),
    validations: sheet.validations
      .map((v) => ({ range: formatRect(v.rect), rule: v.rule, errorAlert: v.errorAlert, ignoreBlanks: v.ignoreBlanks }))
      .sort((a, b) => a.range.localeCompare(b.range)),
    conditionalFormats: sheet.conditionalFormats.map((f) => ({
      range: formatRect(f.rect),
      type: f.type,
      rule: f.rule ? { ...f.rule } : null,
      fill: f.fill,
      fontColor: f.fontColor,
    })),
    charts: sheet.charts.map((ch) => ({
      name: ch.name,
      type: ch.type,
      source: formatRect(ch.source),
      seriesBy: ch.seriesBy,
      title: ch.title,
      anchor: ch.anchor,
      width: ch.width,
      height: ch.height,
      series: ch.series.map((s) => ({ ...s })),
    })),
    selection: formatRect(sheet.selection),
  };
}

/** The whole workbook as plain, canonical JSON-able data. */
export function bookData(wb: EmulatedWorkbook): BookData {
  return JSON.parse(
    JSON.stringify({
      sheets: wb.sheetList.map(sheetData),
      tables: wb.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, range: formatRect(t.rect) })),
      names: wb.namedItems.map((n) => ({ name: n.name, sheet: n.sheet?.name ?? null, range: n.rect ? formatRect(n.rect) : null, comment: n.comment })),
      activeSheet: wb.activeSheet?.name ?? null,
    } satisfies BookData),
  );
}

/** A new emulated workbook holding the book data. */
export function workbookFromData(data: BookData): EmulatedWorkbook {
  const wb = new EmulatedWorkbook({ sheets: [] });
  for (const s of data.sheets) {
    const sheet = wb.addSheet(s.name);
    // Values first (a formula is only a formula in a cell not formatted as text), then formats.
    for (const cell of s.cells) {
      const { r0, c0 } = parseRect(cell.at);
      if (cell.formula) sheet.writeValues({ r0, c0, r1: r0, c1: c0 }, [[cell.formula]]);
      else if (typeof cell.value === "string") {
        if (cell.value !== "") sheet.setText(r0, c0, cell.value);
      } else sheet.writeValues({ r0, c0, r1: r0, c1: c0 }, [[cell.value]]);
    }
    for (const layer of s.layers) sheet.setFormat(parseRect(layer.range), layer.key, layer.value);
    for (const cell of s.cells) {
      const rect = parseRect(cell.at);
      for (const [key, value] of Object.entries(cell.format ?? {})) sheet.setFormat(rect, key as FormatKey, value);
    }
    sheet.visibility = s.visibility;
    sheet.frozenRows = s.frozenRows;
    for (const [c, w] of s.columnWidths) sheet.columnWidths.set(c, w);
    for (const v of s.validations) {
      const rect = parseRect(v.range);
      sheet.validations.push({
        rect,
        address: formatRect(rect),
        rule: v.rule as never,
        errorAlert: { ...v.errorAlert },
        ignoreBlanks: v.ignoreBlanks,
      });
    }
    for (const f of s.conditionalFormats) {
      sheet.conditionalFormats.push({
        id: wb.nextId(),
        sheet,
        rect: parseRect(f.range),
        type: f.type as "CellValue" | "ContainsText",
        rule: f.rule as never,
        fill: f.fill,
        fontColor: f.fontColor,
      });
    }
    for (const ch of s.charts ?? []) {
      sheet.charts.push({ ...ch, id: wb.nextId(), sheet, source: parseRect(ch.source), series: ch.series.map((x) => ({ ...x })) });
    }
    sheet.selection = parseRect(s.selection || "A1");
  }
  for (const t of data.tables) wb.createTable(wb.sheet(t.sheet), parseRect(t.range), t.name);
  for (const n of data.names) {
    if (n.sheet && n.range) wb.addName(n.name, wb.sheet(n.sheet), parseRect(n.range), n.comment);
  }
  wb.activeSheet = (data.activeSheet && wb.findSheet(data.activeSheet)) || wb.sheetList[0] || null;
  return wb;
}

/** An empty workbook, as Excel makes one. */
export function emptyBookData(): BookData {
  return bookData(new EmulatedWorkbook());
}
