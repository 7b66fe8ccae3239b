/**
 * The behaviours the add-in relies on in Excel, each checked on the temporary sheet the runner makes
 * (run.ts). Office.js only; each check is one Excel.run with two or three syncs. The same list runs
 * against the emulation in Jest (test/selftest/selftest.test.ts), so the emulation and real Excel are
 * held to one list; where the emulation models something Microsoft does not document, the check's
 * detail says what this Excel did, so a run in real Excel settles it.
 */
import { MANIFEST_EXCEL_API } from "./requirements";
import { dependentListCheck } from "./dependentList";
import { printTitlesCheck } from "./printTitles";
import { CheckArea, CheckResult, SelfCheck } from "./types";

type Verdict = Omit<CheckResult, "id" | "title">;

const pass = (detail: string): Verdict => ({ status: "pass", detail });
const fail = (detail: string): Verdict => ({ status: "fail", detail });
const info = (detail: string): Verdict => ({ status: "info", detail });

const sheetOf = (context: Excel.RequestContext, area: CheckArea) => context.workbook.worksheets.getItem(area.sheetName);
/** "B2:C3" style address in the area: column i of the area (0-based), rows from..to (1-based). */
const at = (area: CheckArea, c0: number, r0: number, c1 = c0, r1 = r0) => `${area.columns[c0]}${r0}:${area.columns[c1]}${r1}`;
const local = (address: string) => address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
const codeOf = (e: unknown) => String((e as { code?: unknown })?.code ?? (e as Error)?.message ?? e);

/** A two-column table with headers in row 1 of the area and one body row, named uniquely. */
function addTable(context: Excel.RequestContext, area: CheckArea, name: string, body: (string | number)[]): Excel.Table {
  const ws = sheetOf(context, area);
  ws.getRange(at(area, 0, 1, 1, 2)).values = [["Team", "Score"], body];
  const table = ws.tables.add(`${area.sheetName}!${at(area, 0, 1, 1, 2)}`, true);
  table.name = name;
  return table;
}

const tableGrowth: SelfCheck = {
  id: "table-growth",
  title: "A table grows over a row written directly below it",
  async run(context, area) {
    const table = addTable(context, area, "TDSelfTestGrowth", ["A", 1]);
    table.getDataBodyRange().getRowsBelow(1).values = [["B", 2]];
    const range = table.getRange().load("address");
    await context.sync();
    const want = at(area, 0, 1, 1, 3);
    return local(range.address) === want ? pass(`The table now covers ${want}.`) : fail(`The table covers ${local(range.address)}, not ${want}.`);
  },
};

const insertBelow: SelfCheck = {
  id: "insert-below-table",
  title: "Inserting a blank row under a table moves data below it down",
  async run(context, area) {
    const ws = sheetOf(context, area);
    ws.getRange(at(area, 0, 3, 1, 3)).values = [["note", "keep"]];
    const table = addTable(context, area, "TDSelfTestInsert", ["A", 1]);
    ws.getRange(at(area, 0, 3, 1, 3)).insert("Down");
    const moved = ws.getRange(at(area, 0, 4, 1, 4)).load("values");
    const range = table.getRange().load("address");
    await context.sync();
    const ok = moved.values[0][0] === "note" && local(range.address) === at(area, 0, 1, 1, 2);
    return ok
      ? pass(`The note moved to row 4; the table stays ${local(range.address)}.`)
      : fail(`Row 4 holds "${moved.values[0][0]}"; the table covers ${local(range.address)}.`);
  },
};

const LIST = ["North", "South"];

/** A list rule on the area's third column, from a source in its fourth column (rows 1 to sourceRows). */
async function listVerdict(context: Excel.RequestContext, area: CheckArea, sourceRows: number): Promise<boolean | null> {
  const ws = sheetOf(context, area);
  ws.getRange(at(area, 3, 1, 3, 2)).values = LIST.map((v) => [v]);
  const cell = ws.getRange(at(area, 2, 1));
  cell.dataValidation.rule = { list: { inCellDropDown: true, source: `=$${area.columns[3]}$1:$${area.columns[3]}$${sourceRows}` } };
  // Range.values is never refused by validation; DataValidation.valid reports whether the value would pass.
  cell.values = [["Not on the list"]];
  const dv = cell.dataValidation.load("valid,ignoreBlanks");
  await context.sync();
  return dv.valid;
}

const listRefuses: SelfCheck = {
  id: "list-refuses",
  title: "A dropdown list refuses a value not on it",
  async run(context, area) {
    const valid = await listVerdict(context, area, LIST.length);
    return valid === false ? pass("A value not on the list is reported invalid.") : fail(`DataValidation.valid is ${String(valid)} for a value not on the list.`);
  },
};

const listBlankSource: SelfCheck = {
  id: "list-blank-source",
  title: "A dropdown list whose source has blank cells (Ignore blank on)",
  async run(context, area) {
    const valid = await listVerdict(context, area, 300);
    return info(
      valid === true
        ? "This Excel accepts any value: a list source with blank cells enforces nothing while Ignore blank is on."
        : `This Excel still refuses a value not on the list (valid: ${String(valid)}).`,
    );
  },
};

const textFormat: SelfCheck = {
  id: "text-format",
  title: 'Text format "@" keeps =… as text',
  async run(context, area) {
    const cell = sheetOf(context, area).getRange(at(area, 0, 1));
    cell.numberFormat = [["@"]];
    cell.values = [["=1+1"]];
    cell.load("values,formulas");
    await context.sync();
    const ok = cell.values[0][0] === "=1+1";
    return ok ? pass("=1+1 is stored as text.") : fail(`=1+1 became ${JSON.stringify(cell.values[0][0])}.`);
  },
};

const blankVsNull: SelfCheck = {
  id: "blank-vs-null",
  title: 'Writing null leaves a cell alone; "" empties it',
  async run(context, area) {
    const range = sheetOf(context, area).getRange(at(area, 0, 1, 1, 1));
    range.values = [["keep", "clear"]];
    range.values = [[null, ""]] as unknown as string[][];
    range.load("values");
    await context.sync();
    const [a, b] = range.values[0];
    return a === "keep" && b === "" ? pass("null kept the cell, \"\" emptied it.") : fail(`The cells hold ${JSON.stringify([a, b])}.`);
  },
};

const nullChildren: SelfCheck = {
  id: "null-children",
  title: "Loads on children of a null object give null objects",
  async run(context) {
    const missing = context.workbook.worksheets.getItemOrNullObject("TD self-test no such sheet");
    const child = missing.getUsedRangeOrNullObject(true);
    child.load("address");
    await context.sync();
    return missing.isNullObject && child.isNullObject ? pass("Both are null objects.") : fail(`isNullObject: sheet ${missing.isNullObject}, range ${child.isNullObject}.`);
  },
};

const tablesAdd: SelfCheck = {
  id: "tables-add-header-only",
  title: "A table made from a header row alone gets one empty body row",
  async run(context, area) {
    const ws = sheetOf(context, area);
    ws.getRange(at(area, 0, 1, 1, 1)).values = [["Team", "Score"]];
    const table = ws.tables.add(`${area.sheetName}!${at(area, 0, 1, 1, 1)}`, true);
    table.name = "TDSelfTestHeaderOnly";
    const range = table.getRange().load("address");
    const body = table.getDataBodyRange().load("values");
    await context.sync();
    const ok = local(range.address) === at(area, 0, 1, 1, 2) && body.values.length === 1 && body.values[0].every((v) => v === "");
    return ok ? pass(`The table covers ${local(range.address)} with an empty body row.`) : fail(`The table covers ${local(range.address)}.`);
  },
};

const totalsRow: SelfCheck = {
  id: "totals-row",
  title: "With a totals row shown, a row written under the table stays outside it",
  async run(context, area) {
    const table = addTable(context, area, "TDSelfTestTotals", ["A", 1]);
    table.showTotals = true;
    table.getRange().getRowsBelow(1).values = [["B", 2]];
    const range = table.getRange().load("address");
    const body = table.getDataBodyRange().load("address");
    await context.sync();
    const ok = local(range.address) === at(area, 0, 1, 1, 3) && local(body.address) === at(area, 0, 2, 1, 2);
    return ok
      ? pass(`The table stays ${local(range.address)}; the row went under the totals.`)
      : fail(`The table covers ${local(range.address)}, its body ${local(body.address)}.`);
  },
};

const alertLimits: SelfCheck = {
  id: "alert-limits",
  title: "An error alert over 32 / 225 characters",
  async run(context, area) {
    const ws = sheetOf(context, area);
    ws.getRange(at(area, 1, 1)).values = [["North"]];
    const cell = ws.getRange(at(area, 0, 1));
    cell.dataValidation.rule = { list: { inCellDropDown: true, source: `=$${area.columns[1]}$1` } };
    await context.sync();
    cell.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "T".repeat(33), message: "M".repeat(226) };
    try {
      const dv = cell.dataValidation.load("errorAlert");
      await context.sync();
      return info(`This Excel accepted them and kept a title of ${dv.errorAlert.title.length} and a message of ${dv.errorAlert.message.length} characters.`);
    } catch (e) {
      return info(`This Excel refused them (${codeOf(e)}): keep alerts within 32 and 225 characters.`);
    }
  },
};

const payloadLimit: SelfCheck = {
  id: "payload-limit",
  title: "A request over 5 MB",
  async run(context, area) {
    // 300 cells of 20,000 characters: 6 MB in one request, over Excel on the web's 5 MB
    // (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
    const big = "x".repeat(20_000);
    sheetOf(context, area).getRange(at(area, 0, 1, 0, 300)).values = Array.from({ length: 300 }, () => [big]);
    try {
      await context.sync();
      return info("This Excel took a 6 MB request in one go (no 5 MB limit here); the add-in splits its writes anyway.");
    } catch (e) {
      const code = codeOf(e);
      return /PayloadSize|RequestPayload|Limit/i.test(code)
        ? pass(`Refused with ${code}: the add-in's splitting of large writes is needed here.`)
        : fail(`Refused with an unexpected error: ${code}.`);
    }
  },
};

const createWorkbook: SelfCheck = {
  id: "create-workbook",
  title: "Excel.createWorkbook (open the summary as a new workbook)",
  async run() {
    const ok = typeof (Excel as { createWorkbook?: unknown }).createWorkbook === "function";
    return ok ? pass("Available.") : fail("Not available here: use Download to save the summary workbook.");
  },
};

const requirementSet: SelfCheck = {
  id: "requirement-set",
  title: `ExcelApi ${MANIFEST_EXCEL_API}, as the manifest declares`,
  async run() {
    const supported = (v: string) => Office.context.requirements.isSetSupported("ExcelApi", v);
    let highest = "none";
    for (let minor = 1; minor <= 30 && supported(`1.${minor}`); minor++) highest = `1.${minor}`;
    return supported(MANIFEST_EXCEL_API)
      ? pass(`Supported (this Excel has ExcelApi up to ${highest}).`)
      : fail(`Not supported (this Excel has ExcelApi up to ${highest}); the add-in needs ${MANIFEST_EXCEL_API}.`);
  },
};

const dateSystem: SelfCheck = {
  id: "date-system",
  title: "DATE(2000, 1, 1) tells the workbook's date system",
  async run(context) {
    // The add-in's first read asks Excel's DATE for 1 January 2000 (adapters/officejs/read.ts): 36526 in the 1900
    // system, 35064 in the 1904 one, in which the add-in changes nothing (actions/context.ts, DateSystemError).
    const result = context.workbook.functions.date(2000, 1, 1).load("value");
    await context.sync();
    if (result.value === 36526) return pass("36526: this workbook uses the 1900 date system, as Team Diagnostics does.");
    if (result.value === 35064) return pass("35064: this workbook uses the 1904 date system, so Team Diagnostics will change nothing in it.");
    return fail(`DATE gave ${String(result.value)}, neither system's serial: the add-in reads this workbook's dates as the 1900 system's.`);
  },
};

/** In the order they are shown. Each owns four columns of the temporary sheet (run.ts). */
export const SELF_CHECKS: SelfCheck[] = [
  requirementSet,
  tableGrowth,
  insertBelow,
  totalsRow,
  tablesAdd,
  listRefuses,
  listBlankSource,
  alertLimits,
  textFormat,
  blankVsNull,
  nullChildren,
  payloadLimit,
  createWorkbook,
  dateSystem,
  dependentListCheck,
  printTitlesCheck,
];
