/**
 * The Team dropdown that follows its row's service (issue 13) relies on Excel taking a list rule whose source is a
 * formula with a relative reference: the Team column's rule is written once for the column's top-left cell with
 * `$D2`, and each row's dropdown must read its own Service cell. Office.js documents a list source as "a Range object,
 * or a string" (https://learn.microsoft.com/javascript/api/excel/excel.listdatavalidation) and says nothing of formulas
 * or of what a relative reference in one is relative to; DataValidation.valid "Returns true if all cell values are
 * valid ..., or false if all cell values are invalid" (ExcelApi 1.8,
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation#excel-excel-datavalidation-valid-member).
 *
 * So this check builds the add-in's own block and formula (teamLists.ts, with plain references in place of the
 * workbook names, so nothing outlives the temporary sheet), sets the rule on two rows of different services as the
 * add-in sets it (apply.ts: clear, rule, Ignore blank off), puts the same team in both, and reads the rule back and
 * `valid` for each row: allowed under its own service, refused under the other. The emulation runs the same check
 * (test/selftest).
 */
import { dependentTeamSource, teamListValues } from "../workbook/teamLists";
import { CheckArea, CheckResult, SelfCheck } from "./types";

type Verdict = Omit<CheckResult, "id" | "title">;

const TEAMS = [
  { name: "Alpha", service: "North", area: "" },
  { name: "Beta", service: "North", area: "" },
  { name: "Gamma", service: "South", area: "" },
];
/** The rows of the two Service/Team pairs, below the block (which takes rows 1 to 5). */
const FIRST_ROW = 8;

/** Spaces aside, case aside, the leading "=" aside: how Excel may give a formula back. */
const plain = (formula: string) => formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();

export const dependentListCheck: SelfCheck = {
  id: "list-formula-relative",
  title: "A dropdown list whose source is a formula follows each row's own cell",
  async run(context, area: CheckArea): Promise<Verdict> {
    const [service, team] = area.columns;
    const ws = context.workbook.worksheets.getItem(area.sheetName);
    // The block: "(every team)", North, South across columns 2 to 4 of the area; counts in row 2, teams from row 3.
    const block = teamListValues({ services: ["North", "South"], teams: TEAMS });
    const blockLast = area.columns[1 + block[0].length - 1];
    ws.getRange(`${team}1:${blockLast}${block.length}`).values = block.map((row) => row.map((v) => v ?? "")) as (string | number)[][];
    const refs = { anchor: `$${team}$1`, heads: `$${team}$1:$${blockLast}$1`, counts: `$${team}$2:$${blockLast}$2` };
    const source = dependentTeamSource(service, FIRST_ROW, refs);
    const rows = `${team}${FIRST_ROW}:${team}${FIRST_ROW + 1}`;
    ws.getRange(`${service}${FIRST_ROW}:${team}${FIRST_ROW + 1}`).values = [
      ["North", "Beta"],
      ["South", "Beta"],
    ];
    const both = ws.getRange(rows);
    both.dataValidation.clear();
    both.dataValidation.rule = { list: { inCellDropDown: true, source } };
    both.dataValidation.ignoreBlanks = false;
    // Range.values is never refused by validation; DataValidation.valid reports whether each row's value would pass.
    const north = ws.getRange(`${team}${FIRST_ROW}`).dataValidation.load("valid");
    const south = ws.getRange(`${team}${FIRST_ROW + 1}`).dataValidation.load("valid");
    const rule = both.dataValidation.load("rule");
    await context.sync();

    const back = rule.rule?.list?.source;
    if (typeof back !== "string" || back === "") return { status: "fail", detail: "The list rule was not kept: its source reads back empty." };
    const same = plain(back) === plain(source);
    const readBack = same ? "The rule reads back as set" : `The rule reads back as ${back}`;
    if (typeof north.valid !== "boolean" || typeof south.valid !== "boolean") {
      return { status: "info", detail: `${readBack}; this Excel does not say whether the values pass (valid: ${String(north.valid)}, ${String(south.valid)}).` };
    }
    if (north.valid && !south.valid) {
      return { status: "pass", detail: `${readBack}; Beta is allowed on the North row and refused on the South row.` };
    }
    const words = (v: boolean) => (v ? "allowed" : "refused");
    return { status: "fail", detail: `${readBack}; Beta is ${words(north.valid)} on the North row and ${words(south.valid)} on the South row, not allowed then refused.` };
  },
};
