import { DiagnosticsConfig, columnDefinitions, defaultConfig, parseCellAddress } from "../../src/domain";
import { listsSheetValues } from "../../src/workbook/listsSheet";
import { CellValue, WorkbookChange, WorkbookPlan } from "../../src/workbook/plan";
import { ReadRequest, SelectionSnapshot, SheetInfo, WorkbookPort, WorkbookSnapshot } from "../../src/workbook/port";
import { PaneHost } from "../../src/taskpane/host";

export const HEADERS = columnDefinitions(defaultConfig()).map((d) => d.header);

/** A row in header order from an object keyed by header. */
export function row(values: Record<string, CellValue>, headers: readonly string[] = HEADERS): CellValue[] {
  for (const key of Object.keys(values)) if (!headers.includes(key)) throw new Error(`No column "${key}"`);
  return headers.map((h) => (h in values ? values[h] : null));
}

/** A complete final visit; every grade `grade` unless overridden. */
export function visitRow(id: string, team: string, grade: string, overrides: Record<string, CellValue> = {}): CellValue[] {
  return row({
    "Visit ID": id,
    "Visit date": 42954, // 7 August 2017
    Round: "1",
    Service: "Safeguarding",
    Team: team,
    Area: "North",
    "Team manager": "Pat Jones",
    "Diagnostic team": "A. Reviewer",
    "Allocation and workload": grade,
    "Practice and direct work": grade,
    "Monitoring and supervision": grade,
    "Joint working": grade,
    "Overall conclusion": grade,
    Status: "Final",
    ...overrides,
  });
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * An in-memory workbook: a Diagnostics table, a Lists sheet and a selection. Records every plan and
 * applies the changes the pane's actions make (rows appended, cells written, a selection).
 */
export class FakeWorkbook implements WorkbookPort {
  readonly plans: WorkbookPlan[] = [];
  readonly reads: ReadRequest[] = [];
  sheets: SheetInfo[];
  headers: string[];
  rows: CellValue[][];
  lists: CellValue[][] | null;
  selection: SelectionSnapshot | null = null;
  hasTable: boolean;

  constructor(options: { config?: DiagnosticsConfig; rows?: CellValue[][]; lists?: boolean; table?: boolean } = {}) {
    const config = options.config ?? defaultConfig({ areas: ["North", "South"], teams: [{ name: "Safeguarding North", service: "Safeguarding", area: "North" }] });
    this.hasTable = options.table ?? true;
    this.headers = columnDefinitions(config).map((d) => d.header);
    this.rows = options.rows ? clone(options.rows) : [];
    this.lists = options.lists === false ? null : listsSheetValues(config);
    this.sheets = [
      ...(this.hasTable ? [{ name: "Diagnostics", owner: null }] : []),
      ...(this.lists ? [{ name: "Lists", owner: "lists" }] : []),
    ];
  }

  async read(request: ReadRequest): Promise<WorkbookSnapshot> {
    this.reads.push(clone(request));
    const table = request.tables.find((t) => t.name === "Diagnostics");
    const lists = request.sheets?.some((s) => s.owner === "lists") && this.lists;
    return clone<WorkbookSnapshot>({
      sheets: this.sheets,
      found:
        this.hasTable && table
          ? { Diagnostics: { sheet: "Diagnostics", table: "Diagnostics", headerRow: 1, firstColumn: 0, headers: this.headers, rows: table.rows ? this.rows : [] } }
          : {},
      sheetValues: lists ? { lists } : {},
      selection: request.selection ? this.selection : null,
    });
  }

  async apply(plan: WorkbookPlan): Promise<void> {
    this.plans.push(clone(plan));
    for (const change of plan.changes) this.applyChange(change);
  }

  /** Every change applied, in order. */
  get changes(): WorkbookChange[] {
    return this.plans.flatMap((p) => p.changes);
  }

  /** The cell under a header on a 1-based sheet row. */
  cell(sheetRow: number, header: string): CellValue {
    return this.rows[sheetRow - 2]?.[this.headers.indexOf(header)] ?? null;
  }

  private applyChange(change: WorkbookChange): void {
    switch (change.kind) {
      case "appendTableRows":
        this.rows.push(...clone(change.rows));
        break;
      case "setValues": {
        const at = parseCellAddress(change.topLeft);
        if (!at) throw new Error(`Bad address ${change.topLeft}`);
        const grid = change.sheet === "Diagnostics" ? this.rows : change.sheet === "Lists" ? this.lists : null;
        if (!grid) break;
        // Diagnostics rows start under the header (sheet row 2); the Lists grid starts at row 1.
        const offset = change.sheet === "Diagnostics" ? 2 : 1;
        change.values.forEach((values, r) => {
          const target = at.row - offset + r;
          while (grid.length <= target) grid.push([]);
          values.forEach((v, c) => {
            grid[target][at.column + c] = v;
          });
        });
        break;
      }
      case "select": {
        const at = parseCellAddress(change.range.split(":")[0]);
        if (at) this.selection = { sheet: change.sheet, row: at.row, column: at.column };
        break;
      }
      case "addSheet":
        if (!this.sheets.some((s) => s.name === change.sheet)) this.sheets.push({ name: change.sheet, owner: change.owner ?? null });
        break;
      default:
        break;
    }
  }
}

/** A host that records what the pane asked of it. */
export class FakeHost implements PaneHost {
  opened: string[] = [];
  copied: { html: string; text: string }[] = [];
  downloads: { filename: string; bytes: Uint8Array; mime: string }[] = [];
  constructor(private readonly supported = true) {}
  isSetSupported(): boolean {
    return this.supported;
  }
  async openWorkbookFromBase64(base64: string): Promise<void> {
    this.opened.push(base64);
  }
  async copyToClipboard(html: string, text: string): Promise<void> {
    this.copied.push({ html, text });
  }
  async download(filename: string, bytes: Uint8Array, mime: string): Promise<void> {
    this.downloads.push({ filename, bytes, mime });
  }
}
