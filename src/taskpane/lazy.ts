/**
 * Everything heavy is reached only through these dynamic imports, so ExcelJS and docx stay out of
 * the pane's first download and load when a button needs them. Tests replace this module.
 */
export const loadSummaryWorkbook = () => import(/* webpackChunkName: "summary-workbook" */ "./summaryWorkbook");
export const loadWordReport = () => import(/* webpackChunkName: "word-report" */ "../report/wordReport");
export const loadClipboard = () => import(/* webpackChunkName: "clipboard" */ "../report/clipboard");
export const loadCsv = () => import(/* webpackChunkName: "counts-csv" */ "../report/csv");
export const loadFeedbackReport = () => import(/* webpackChunkName: "feedback-report" */ "../report/feedbackReport");
