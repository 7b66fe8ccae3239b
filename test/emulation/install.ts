/**
 * Installs the emulation as the globals an add-in uses (Excel.run, Office.context.requirements,
 * OfficeExtension.Error), so code written against @types/office-js runs unchanged against an
 * EmulatedWorkbook. Works in Node (jest) and in a browser bundle.
 */
import { DEFAULT_PAYLOAD_LIMIT, EmRequestContext, EmulatedOfficeError, EmulationLog, EmulationSettings, versionAtMost } from "./proxies";
import { EmulatedWorkbook } from "./workbook";

export interface InstallOptions {
  /** Highest ExcelApi requirement set the emulated host supports; "1.8" (the manifest's minimum) by default. */
  maxApiVersion?: string;
  /** Request and response size limit per sync, 5 MB by default (Excel on the web). */
  payloadLimit?: number;
  /**
   * Whether load paths through a navigation collection of each item ("items/charts/items/name") are served, as
   * Office.js sends them and Excel documents them (WorksheetCollectionLoadOptions.charts). True by default;
   * false makes such a load fail, to test how the adapter copes with a host that refuses it.
   */
  nestedCollectionLoads?: boolean;
}

export interface ExcelEmulation {
  /** Round trips so far: each sync() that carried actions, Excel.run's closing one included. */
  syncCount(): number;
  /** JSON size of each round trip's request, in order. */
  requestBytes(): number[];
  /** JSON size of each round trip's response (loaded data), in order. */
  responseBytes(): number[];
  /** Excel.run calls so far. */
  runCount(): number;
  /** Workbooks opened with Excel.createWorkbook, as the base64 .xlsx each was given, oldest first. */
  createdWorkbooks(): string[];
  /**
   * Co-authoring, deterministically: the next Excel.run to start pauses after its `afterSyncs`-th sync
   * (its read, say) while `during` runs whole (another user's Excel.run, on the same workbook, through its
   * own RequestContext), then goes on. Resolves with what `during` gave, or rejects with what it threw;
   * the paused batch carries on either way. Excel merges two coauthors' writes to the same cells with
   * the last one winning (office-js-docs-pr docs/excel/co-authoring-in-excel-add-ins.md: a workbook's
   * content is synchronised across coauthors, copies in add-in memory are not).
   */
  pauseNextRun<T>(afterSyncs: number, during: () => Promise<T>): Promise<T>;
  /** Forgets the counts (the workbook is kept). */
  reset(): void;
  readonly workbook: EmulatedWorkbook;
  uninstall(): void;
}

type Batch<T> = (context: EmRequestContext) => Promise<T>;

const GLOBALS = ["Excel", "Office", "OfficeExtension"] as const;

export function installExcelEmulation(workbook: EmulatedWorkbook, options: InstallOptions = {}): ExcelEmulation {
  const settings: EmulationSettings = {
    maxApiVersion: options.maxApiVersion ?? "1.8",
    payloadLimit: options.payloadLimit ?? DEFAULT_PAYLOAD_LIMIT,
    nestedCollectionLoads: options.nestedCollectionLoads ?? true,
  };
  const log: EmulationLog = { syncs: 0, requestBytes: [], responseBytes: [], runs: 0 };
  const created: string[] = [];
  const g = globalThis as Record<string, unknown>;
  const previous = GLOBALS.map((k) => [k, Object.prototype.hasOwnProperty.call(g, k), g[k]] as const);

  let paused: { afterSyncs: number; run(): Promise<void> } | null = null;

  function pauseNextRun<T>(afterSyncs: number, during: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      paused = { afterSyncs, run: () => during().then(resolve, reject) };
    });
  }

  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as Batch<T>;
    if (typeof batch !== "function") throw new EmulatedOfficeError("InvalidArgument", "Excel.run needs a batch function.");
    log.runs++;
    const context = new EmRequestContext(workbook, settings, log);
    const pause = paused;
    paused = null;
    if (pause) {
      let n = 0;
      context.afterSync = async () => {
        if (++n === pause.afterSyncs) await pause.run();
      };
    }
    const result = await batch(context);
    // Excel.run syncs whatever the batch left queued.
    await context.sync();
    return result;
  }

  /** ExcelApi 1.8: Excel opens the file in a new window; here it is recorded for tests and the workbench. */
  async function createWorkbook(base64?: string): Promise<void> {
    if (!versionAtMost("1.8", settings.maxApiVersion)) throw new EmulatedOfficeError("ApiNotFound", "Excel.createWorkbook needs ExcelApi 1.8.");
    if (typeof base64 !== "string" || base64 === "") throw new EmulatedOfficeError("InvalidArgument", "Excel.createWorkbook needs a base64 .xlsx.");
    created.push(base64);
  }

  g.Excel = { run, createWorkbook };
  g.Office = {
    context: {
      // Office.context.diagnostics (https://learn.microsoft.com/javascript/api/office/office.contextinformation).
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "emulation" },
      requirements: {
        isSetSupported(name: string, minVersion?: string): boolean {
          if (name !== "ExcelApi") return false;
          return versionAtMost(minVersion ?? "1.1", settings.maxApiVersion);
        },
      },
    },
    // Like Office.js: calls the callback, if given, and resolves the promise with the same information.
    onReady: async (callback?: (info: { host: string; platform: string }) => unknown) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      if (callback) await callback(info);
      return info;
    },
    HostType: { Excel: "Excel" },
  };
  g.OfficeExtension = { Error: EmulatedOfficeError };

  return {
    workbook,
    syncCount: () => log.syncs,
    requestBytes: () => [...log.requestBytes],
    responseBytes: () => [...log.responseBytes],
    runCount: () => log.runs,
    createdWorkbooks: () => [...created],
    pauseNextRun,
    reset() {
      log.syncs = 0;
      log.runs = 0;
      log.requestBytes.length = 0;
      log.responseBytes.length = 0;
    },
    uninstall() {
      for (const [k, had, v] of previous) {
        if (had) g[k] = v;
        else delete g[k];
      }
    },
  };
}
