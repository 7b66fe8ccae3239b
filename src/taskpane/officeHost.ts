import { PaneHost, copyWithBrowser, downloadWithBrowser } from "./host";

/**
 * The pane's host abilities inside Excel. The only Office.js in src/taskpane; everything
 * newer than the manifest's ExcelApi 1.8 (none so far) is guarded by isSetSupported.
 */
export const officeHost: PaneHost = {
  isSetSupported(name: string, version: string): boolean {
    try {
      return Office.context.requirements.isSetSupported(name, version);
    } catch {
      return false;
    }
  },

  async openWorkbookFromBase64(base64: string): Promise<void> {
    if (!officeHost.isSetSupported("ExcelApi", "1.8")) {
      throw new Error("This version of Excel cannot open a new workbook from an add-in. Use Download instead.");
    }
    await Excel.createWorkbook(base64);
  },

  copyToClipboard: copyWithBrowser,
  download: downloadWithBrowser,

  platform(): string | undefined {
    try {
      // https://learn.microsoft.com/en-us/javascript/api/office/office.contextinformation#office-office-contextinformation-platform-member
      const platform = Office.context.diagnostics?.platform;
      return platform ? String(platform) : undefined;
    } catch {
      return undefined;
    }
  },
};
