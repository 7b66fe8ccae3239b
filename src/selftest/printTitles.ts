/**
 * The Counts sheet repeats its header row at the top of every printed page (summaryPlan's printTitleRows change,
 * applied in adapters/officejs/apply.ts). PageLayout.setPrintTitleRows is ExcelApi 1.9, newer than the manifest's 1.8,
 * and "The range must span the entire row to be valid"; getPrintTitleRowsOrNullObject gives the rows back, or a null
 * object when there are none (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout). This check sets row 1
 * of the temporary sheet as the add-in sets it ("$1:$1") and reads it back. On an older Excel the add-in skips it, and
 * so does the check, saying so (info): the sheet then prints its header row on the first page only.
 */
import { CheckArea, CheckResult, SelfCheck } from "./types";

type Verdict = Omit<CheckResult, "id" | "title">;

/** Whole rows as Excel may give them back: with or without the sheet's name and the dollar signs. */
const rowsOf = (address: string) => address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");

async function printTitlesIfSupported(context: Excel.RequestContext, area: CheckArea): Promise<Verdict | null> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return null;
  const layout = context.workbook.worksheets.getItem(area.sheetName).pageLayout;
  layout.setPrintTitleRows("$1:$1");
  const rows = layout.getPrintTitleRowsOrNullObject().load("address");
  await context.sync();
  if (rows.isNullObject) return { status: "fail", detail: 'setPrintTitleRows("$1:$1") left no rows to repeat: the Counts sheet will print its header row on the first page only.' };
  const got = rowsOf(rows.address);
  return got === "1:1"
    ? { status: "pass", detail: "Row 1 repeats on every page, as the Counts sheet's header row will." }
    : { status: "fail", detail: `Asked for row 1 to repeat, Excel repeats ${got}.` };
}

export const printTitlesCheck: SelfCheck = {
  id: "print-titles",
  title: "Rows to repeat at the top of each printed page",
  async run(context, area) {
    return (
      (await printTitlesIfSupported(context, area)) ?? {
        status: "info",
        detail: "This Excel has no ExcelApi 1.9, so the Counts sheet prints its header row on the first page only.",
      }
    );
  },
};
