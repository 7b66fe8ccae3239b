/**
 * workbench-host.js: the only script of the pane's page that is not the task pane. The workbench server puts it
 * where taskpane.html loads office.js, so it runs first and gives the unmodified pane bundle its Excel, Office and
 * OfficeExtension globals: the in-memory Excel emulation (test/emulation), over a workbook handed over by the
 * workbench page.
 *
 * The emulation lives in the pane's own page, as office.js does in Excel, so the pane's objects and errors are all of
 * its own page (a frame has its own Array and Error). The workbench page reads the workbook through
 * window.__workbenchHost and hands workbooks over as JSON text.
 */
import { EmulatedWorkbook } from "../emulation/workbook";
import { installExcelEmulation } from "../emulation/install";
import { BookData, bookData, workbookFromData } from "./bookData";

/** What the workbench page offers the pane's page (set on the workbench window before the frame loads). */
export interface WorkbenchParent {
  /** The workbook to start with, as BookData JSON; null for a new empty workbook. */
  takeBook(): string | null;
  /** Called whenever the emulated workbook may have changed. */
  changed(): void;
  /** Excel.createWorkbook(base64) was called: the pane opened a new workbook (the summary workbook). */
  workbookCreated(base64: string): void;
}

/** What the pane's page offers the workbench page. */
export interface WorkbenchHost {
  readonly workbook: EmulatedWorkbook;
  syncCount(): number;
  runCount(): number;
  /** Workbooks the pane opened with Excel.createWorkbook, as base64 .xlsx, oldest first. */
  createdWorkbooks(): string[];
  /** The workbook as BookData JSON. */
  bookJson(): string;
  /** Changes made by "the user" (typing in the sheet, choosing a sheet) bump this so the view redraws. */
  touch(): void;
  version(): number;
}

declare global {
  interface Window {
    __workbenchParent?: WorkbenchParent;
    __workbenchHost?: WorkbenchHost;
  }
}

function parentBench(): WorkbenchParent | undefined {
  try {
    return window.parent !== window ? window.parent.__workbenchParent : undefined;
  } catch {
    return undefined; // Another origin: never the case in the workbench.
  }
}

const parent = parentBench();
const handed = parent?.takeBook() ?? null;
const workbook = handed ? workbookFromData(JSON.parse(handed) as BookData) : new EmulatedWorkbook();
// ExcelApi 1.8: what manifest.xml declares, so the pane sees the oldest Excel it supports.
const emulation = installExcelEmulation(workbook, { maxApiVersion: "1.8" });

let ownChanges = 0;

const g = globalThis as unknown as { Excel: Record<string, unknown> };
// Excel.createWorkbook opens a new window in Excel; the emulation records it, and the workbench offers it for download.
const emulatedCreate = g.Excel.createWorkbook as (base64?: string) => Promise<void>;
g.Excel.createWorkbook = async (base64?: string) => {
  await emulatedCreate(base64);
  parent?.workbookCreated(base64 as string);
};

const host: WorkbenchHost = {
  workbook,
  syncCount: () => emulation.syncCount(),
  runCount: () => emulation.runCount(),
  createdWorkbooks: () => emulation.createdWorkbooks(),
  bookJson: () => JSON.stringify(bookData(workbook)),
  touch() {
    ownChanges++;
    parent?.changed();
  },
  version: () => emulation.syncCount() * 1_000_000 + ownChanges,
};
window.__workbenchHost = host;

// Tell the workbench page when a batch has finished, so its view of the sheet follows the pane's writes.
const run = g.Excel.run as (...args: unknown[]) => Promise<unknown>;
g.Excel.run = async (...args: unknown[]) => {
  try {
    return await run(...args);
  } finally {
    parent?.changed();
  }
};
