/**
 * What Export report says once the Word report is offered (walk-through 8): Excel for Mac does not let an add-in
 * download a file, so its advice is given on a Mac, left out on Windows and the web, and worded for Mac users only
 * where the pane cannot tell the platform (Office.context.diagnostics.platform, via PaneHost.platform).
 */
export function wordReportDownloaded(platform: string | undefined): string {
  const said = "The Word report is offered as a download. It holds grades and counts only.";
  if (platform === "Mac") return `${said} Excel for Mac does not allow downloads from add-ins: if nothing was saved, export the report from Excel on the web or with the command line.`;
  if (platform) return said;
  return `${said} On Excel for Mac, which does not allow downloads from add-ins, export the report from Excel on the web or with the command line.`;
}
