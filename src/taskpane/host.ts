/**
 * What the pane needs from the application hosting it, beyond the workbook itself.
 * Office supplies one (officeHost.ts); tests and a browser workbench supply their own.
 * No component calls Office directly.
 */
export interface PaneHost {
  /** Office's requirement-set check, e.g. ("ExcelApi", "1.8"). */
  isSetSupported(name: string, version: string): boolean;
  /** Opens a new workbook from a base64 .xlsx (Excel.createWorkbook, ExcelApi 1.8). */
  openWorkbookFromBase64(base64: string): Promise<void>;
  /** Puts a table on the clipboard as HTML (for Word and Outlook) and as tab-separated text. */
  copyToClipboard(html: string, text: string): Promise<void>;
  /** Offers a file to save. */
  download(filename: string, bytes: Uint8Array, mime: string): Promise<void>;
  /**
   * Office.context.diagnostics.platform ("PC", "Mac", "OfficeOnline", …), or undefined where it cannot be told
   * (https://learn.microsoft.com/en-us/javascript/api/office/office.platformtype).
   */
  platform?(): string | undefined;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const CSV_MIME = "text/csv;charset=utf-8";

/** Base64 of bytes, in chunks so a large file does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** Browser ways to copy and download, shared by the Office host and a workbench. */
export async function copyWithBrowser(html: string, text: string): Promise<void> {
  const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
  if (clipboard && typeof ClipboardItem !== "undefined" && typeof clipboard.write === "function") {
    try {
      await clipboard.write([
        new ClipboardItem({
          "text/html": new Blob([html], { type: "text/html" }),
          "text/plain": new Blob([text], { type: "text/plain" }),
        }),
      ]);
      return;
    } catch {
      // Excel on the web may not grant clipboard-write to the pane's frame: fall back to a copy event.
    }
  }
  // A copy event lets us set both formats without putting HTML into the page.
  let copied = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData("text/html", html);
    event.clipboardData.setData("text/plain", text);
    event.preventDefault();
    copied = true;
  };
  document.addEventListener("copy", onCopy);
  try {
    document.execCommand("copy");
  } finally {
    document.removeEventListener("copy", onCopy);
  }
  if (!copied) throw new Error("The clipboard is not available here. Select the table in the pane and copy it with Ctrl+C.");
}

export async function downloadWithBrowser(filename: string, bytes: Uint8Array, mime: string): Promise<void> {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.rel = "noopener";
    link.style.display = "none";
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser time to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
