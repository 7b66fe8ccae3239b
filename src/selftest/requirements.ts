/** The ExcelApi requirement set manifest.xml declares (test/selftest/manifestConstant.test.ts holds the two together). */
export const MANIFEST_EXCEL_API = "1.8";
