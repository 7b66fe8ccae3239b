/**
 * The workbench page's state: the pane's frame, the workbook handed to it, what the user types into the sheet, and
 * window.workbench, which the end-to-end tests (and a curious developer's console) use to read the emulated workbook.
 */
import { formatRect, parseRect } from "../../emulation/address";
import { isFormulaSource } from "../../emulation/listFormula";
import { listSource } from "../../emulation/validity";
import type { CellView, EmulatedSheet, EmulatedWorkbook, Scalar, ValidationView } from "../../emulation/workbook";
import type { BookData } from "../bookData";
import type { WorkbenchHost, WorkbenchParent } from "../host";

export interface CreatedWorkbook {
  base64: string;
  at: Date;
}

export type TypeResult = { ok: true } | { ok: false; title: string; message: string };

/**
 * The values a list dropdown allows at a cell, from its source: a name (=TD_Grades), a reference (=Lists!$A$2:$A$9),
 * "a,b,c", or a formula such as the Team column's dependent list, evaluated for the cell `at` (A1).
 */
export function allowedValues(wb: EmulatedWorkbook, sheet: EmulatedSheet, validation: ValidationView, at?: string): string[] | null {
  const source = validation.rule.list?.source;
  if (source === undefined) return null;
  if (isFormulaSource(source)) {
    const { r0, c0 } = at ? parseRect(at) : validation.rect;
    return listSource(sheet, source, { rows: r0 - validation.rect.r0, columns: c0 - validation.rect.c0 }).entries;
  }
  if (!source.startsWith("=")) return source.split(",").map((s) => s.trim()).filter(Boolean);
  const reference = source.slice(1).trim();
  try {
    const name = wb.findName(reference);
    const target = name ? (name.sheet && name.rect ? { sheet: name.sheet, rect: name.rect } : null) : wb.resolveReference(reference, sheet);
    if (!target) return [];
    return target.sheet
      .readValues(target.rect)
      .flat()
      .filter((v) => v !== "")
      .map(String);
  } catch {
    return [];
  }
}

const fold = (s: string) => s.trim().toLowerCase();

export class WorkbenchController implements WorkbenchParent {
  frame: HTMLIFrameElement | null = null;
  created: CreatedWorkbook[] = [];
  /** Typing into a cell with a stop-style dropdown is refused for other values, as in Excel; off = like a paste. */
  obeyDropdowns = true;
  private pendingBook: string | null = null;
  private listeners = new Set<() => void>();
  private loadWaiters: (() => void)[] = [];
  private version = 0;
  private paneLoads = 0;

  // ---- WorkbenchParent (called by workbench-host.js in the pane's page) ----

  takeBook(): string | null {
    const book = this.pendingBook;
    this.pendingBook = null;
    return book;
  }

  changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  workbookCreated(base64: string): void {
    this.created = [...this.created, { base64, at: new Date() }];
    this.changed();
  }

  // ---- for the view ----

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  snapshotVersion(): number {
    return this.version;
  }

  host(): WorkbenchHost | undefined {
    try {
      return this.frame?.contentWindow?.__workbenchHost;
    } catch {
      return undefined;
    }
  }

  workbook(): EmulatedWorkbook | undefined {
    return this.host()?.workbook;
  }

  attach(frame: HTMLIFrameElement | null): void {
    this.frame = frame;
  }

  /** The frame finished loading the pane's page. */
  paneLoaded(): void {
    this.paneLoads++;
    const waiters = this.loadWaiters;
    this.loadWaiters = [];
    for (const w of waiters) w();
    this.changed();
  }

  paneLoadCount(): number {
    return this.paneLoads;
  }

  /** Starts the pane again on this workbook (JSON), or on the current one, or (null) on a new empty workbook. */
  reloadPane(book: string | null | "keep" = "keep"): Promise<void> {
    const host = this.host();
    this.pendingBook = book === "keep" ? (host ? host.bookJson() : null) : book;
    const loaded = new Promise<void>((resolve) => this.loadWaiters.push(resolve));
    const frame = this.frame;
    if (frame?.contentWindow) frame.contentWindow.location.reload();
    return loaded;
  }

  select(sheet: EmulatedSheet, r0: number, c0: number, r1 = r0, c1 = c0): void {
    const wb = sheet.workbook;
    wb.activeSheet = sheet;
    sheet.selection = { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
    this.host()?.touch();
  }

  activateSheet(sheet: EmulatedSheet): void {
    sheet.workbook.activeSheet = sheet;
    this.host()?.touch();
  }

  /**
   * Text typed into a cell, as Excel takes it: numbers, dd/mm/yyyy dates and TRUE/FALSE are parsed, "=…" is a formula,
   * a leading apostrophe keeps the rest as text, and an empty entry clears the value.
   */
  typeInto(sheet: EmulatedSheet, r: number, c: number, text: string, obey = this.obeyDropdowns): TypeResult {
    const address = formatRect({ r0: r, c0: c, r1: r, c1: c });
    const validation = sheet.validationAt(address);
    if (obey && validation && validation.errorAlert.showAlert && validation.errorAlert.style === "Stop" && text.trim() !== "") {
      const allowed = allowedValues(sheet.workbook, sheet, validation, address);
      const typed = text.startsWith("'") ? text.slice(1) : text;
      if (allowed && !allowed.some((a) => fold(a) === fold(typed))) {
        return {
          ok: false,
          title: validation.errorAlert.title || "Not allowed",
          message: validation.errorAlert.message || "This value doesn't match the data validation restrictions defined for this cell.",
        };
      }
    }
    const rect = { r0: r, c0: c, r1: r, c1: c };
    if (text === "") sheet.writeValues(rect, [[""]]);
    else if (text.startsWith("'")) {
      if (text.length === 1) sheet.writeValues(rect, [[""]]);
      else sheet.setText(r, c, text.slice(1));
    } else sheet.writeValues(rect, [[text]]);
    this.host()?.touch();
    return { ok: true };
  }

  // ---- window.workbench ----

  api() {
    const need = (): EmulatedWorkbook => {
      const wb = this.workbook();
      if (!wb) throw new Error("The pane has not loaded yet.");
      return wb;
    };
    const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
    return {
      /** True once the pane's page has the emulation. */
      ready: (): boolean => this.host() !== undefined,
      /** The whole emulated workbook as plain data. */
      book: (): BookData => JSON.parse(this.host()!.bookJson()),
      sheetNames: (): string[] => need().sheetNames(),
      values: (sheet: string, range: string): Scalar[][] => clone(need().sheet(sheet).values(range)),
      formulas: (sheet: string, range: string): Scalar[][] => clone(need().sheet(sheet).readFormulas(parseRect(range))),
      cell: (sheet: string, address: string): CellView & { shownFill: string | null; shownFontColor: string } => {
        const s = need().sheet(sheet);
        return clone({ ...s.cell(address), shownFill: s.fillAt(address), shownFontColor: s.fontColorAt(address) });
      },
      /** The active sheet, its selection and active cell. */
      selection: () => {
        const wb = need();
        const s = wb.activeSheet;
        return s ? { sheet: s.name, address: formatRect(s.selection), activeCell: formatRect({ ...s.selection, r1: s.selection.r0, c1: s.selection.c0 }) } : null;
      },
      dropdown: (sheet: string, address: string): string[] | null => {
        const wb = need();
        const s = wb.sheet(sheet);
        const v = s.validationAt(address);
        return v ? allowedValues(wb, s, v, address) : null;
      },
      tables: () => need().tables.map((t) => ({ name: t.name, sheet: t.sheet.name, range: formatRect(t.rect) })),
      names: () => clone(need().names()),
      createdWorkbooks: (): string[] => this.created.map((c) => c.base64),
      syncCount: (): number => this.host()?.syncCount() ?? 0,
      runCount: (): number => this.host()?.runCount() ?? 0,
      /** Types text into a cell as the sheet view does (obey: refuse values a stop-style dropdown does not allow). */
      type: (sheet: string, address: string, text: string, obey = false): TypeResult => {
        const s = need().sheet(sheet);
        const { r0, c0 } = parseRect(address);
        return this.typeInto(s, r0, c0, text, obey);
      },
      /** Starts the pane again on this workbook (null: a new empty one); resolves when the pane's page has loaded. */
      load: (book: BookData | null): Promise<void> => this.reloadPane(book === null ? null : JSON.stringify(book)),
      paneLoads: (): number => this.paneLoads,
    };
  }
}

export type WorkbenchApi = ReturnType<WorkbenchController["api"]>;

declare global {
  interface Window {
    workbench?: WorkbenchApi;
  }
}
