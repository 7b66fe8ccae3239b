/**
 * The header row's checks, once per table (not per row): a header meant for a column the table lacks, and a column
 * headed twice. Shared by Check sheet, validate and every summary, through validateTable.
 */
import { OVERALL_KEY, QualityDomain } from "../config";
import { cellAddress } from "../cells";
import { RecordColumn, VISIT_THEME_COLUMNS, VISIT_TYPE_COLUMN, checkHeaders, gradeKey } from "../records";
import { cellText } from "../text";
import type { Problem, RawTable } from "../visits";

/** What a table without the column reads as, by column key: a column not named here is read as blank. */
const WITHOUT_COLUMN: Record<string, string> = {
  status: "every row counts as Final",
  round:
    "no visit has a round: trends work each visit's round out from its visit date (April to March), and a summary of one round counts none",
  area: "no visit has an area",
  visitId: "no visit has a Visit ID",
  [VISIT_TYPE_COLUMN.key]: "every row counts as a team diagnostic",
};

/**
 * The header row's warnings, once per table: a header that matches no column but looks meant for one the table
 * lacks ("Satus": every row then counts as Final, silently), and a column headed twice. Warnings only: the rows
 * are read as they always were.
 */
export function headerProblems(table: RawTable, kindColumns: readonly RecordColumn[], absentOverall: QualityDomain | null): Problem[] {
  // The table's own columns, the optional theme columns, and an overall conclusion the settings dropped because the
  // file has no column for it (so a slip in its header is said too).
  const overall: RecordColumn[] = absentOverall
    ? [{ key: gradeKey(absentOverall.key), header: absentOverall.shortLabel, alternatives: [absentOverall.fullLabel], kind: "grade", required: false, narrative: false }]
    : [];
  const { slips, repeated } = checkHeaders(table.headers, [...kindColumns, ...VISIT_THEME_COLUMNS, ...overall]);
  const cell = (at: number) => cellAddress(table.firstColumn + at, table.headerRow);
  const typed = (at: number) => cellText(table.headers[at]).trim();
  const warning = (at: number, message: string, brief: string): Problem => ({
    sheet: table.sheet,
    row: table.headerRow,
    column: typed(at),
    cell: cell(at),
    message,
    severity: "warning",
    brief: `${cell(at)}: ${brief}`,
  });
  const problems: Problem[] = [];
  for (const { column, at } of slips) {
    const without =
      column.key === gradeKey(OVERALL_KEY) ? `the tables have no ${column.header} row` : (WITHOUT_COLUMN[column.key] ?? "the column is read as blank on every row");
    const missing = `there is no "${column.header}" column`;
    problems.push(
      warning(
        at,
        `Column "${typed(at)}" is not a column Team Diagnostics reads, and ${missing}: did you mean "${column.header}"? Without it ${without}.`,
        `Header is not a column Team Diagnostics reads, and ${missing}.`,
      ),
    );
  }
  for (const { column, read, ignored } of repeated) {
    const [first, second] = read < ignored ? [read, ignored] : [ignored, read];
    const both =
      typed(first) === typed(second)
        ? `Columns ${cell(first)} and ${cell(second)} are both headed "${typed(first)}"`
        : `Columns ${cell(first)} ("${typed(first)}") and ${cell(second)} ("${typed(second)}") are both the ${column.header} column`;
    const message = `${both}: Team Diagnostics reads ${cell(read)} and ignores ${cell(ignored)}.`;
    problems.push(warning(ignored, message, `${column.header} is headed twice: ${cell(read)} is read.`));
  }
  return problems;
}
