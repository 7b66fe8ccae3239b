/**
 * The Summary sheet says for itself when the Diagnostics table has changed since it was made, in Excel without the
 * add-in (issue 13). When the summary is written, a cheap checksum of the table's counted columns is computed here
 * from the same cells the summary was made from, and stored in a cell; beside it a formula computes the same
 * checksum live and shows a sentence while the two differ, made to stand out by a conditional format.
 *
 * The formula refers to the table by structured references from another sheet, which Excel allows ("Structured
 * references also appear when you create a formula outside of an Excel table that references table data",
 * https://support.microsoft.com/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e).
 * Every column is written as Table[[Column]], with ' before [ ] # ' in its name (the escape-column-character of
 * the structure-reference grammar, https://learn.microsoft.com/openspecs/office_standards/ms-oe376/bcd72180-31a3-423b-8f83-d224b2286da3).
 *
 * The checksum, over the data rows and order-free (sorting the table changes nothing), for each counted column c
 * with weight w (1, 2, 3, … in the table's order) and the row's key k = LEN(Team) + UNICODE(last character of Team):
 *   w × Σ k × (LEN(c) + [c not blank] × (3 × UNICODE(first character) + 5 × UNICODE(last character)))
 *   + w × Σ k × c   where c is a number (a date's serial; SUMPRODUCT counts text as 0)
 * Blank rows add 0. A grade changed, a date moved, a team renamed, two teams' grades swapped or a row added all
 * change it; a narrative column does not take part. It is a checksum to notice a change, not a proof of none.
 */
import { CompiledScale, DiagnosticsConfig, RawTable, recordTable, visitRecord } from "../domain";
import { WorkbookChange } from "./plan";

/** The sentence the Summary sheet shows while the table differs from what the summary was made from. */
export const OUT_OF_DATE_TEXT =
  "Out of date: the Diagnostics table has changed since this summary was made. Refresh it from the pane (Summary > Refresh summary).";

/**
 * Where the live check and the stored checksum go: under the fingerprint (D1), right of the tables (columns A and B),
 * so the sentence runs on across the empty cells to its right and cuts off none of column A's lines.
 */
/** A number format that shows nothing for a number or a text (its four sections empty); the value is kept. */
export const HIDDEN_VALUE_FORMAT = ";;;";

export const STALE_CELLS = { message: "D2", stored: "D3", highlight: "D2:N2" } as const;

/** The columns the summary counts, in the table's order: the visit kind's non-narrative columns except the ID. */
export function checksumColumns(table: RawTable, config: DiagnosticsConfig, compiled: CompiledScale): { headers: string[]; team: string | null; positions: number[]; teamPosition: number | null } {
  const visits = recordTable(visitRecord(config, compiled), table.headers);
  const counted = visits.kind.columns.filter((c) => !c.narrative && !c.long && c.key !== "visitId");
  const positions = counted
    .map((c) => visits.columns.get(c.key))
    .filter((p): p is number => p !== undefined && typeof table.headers[p] === "string")
    .sort((a, b) => a - b);
  const teamPosition = visits.columns.get("team") ?? null;
  return {
    headers: positions.map((p) => String(table.headers[p])),
    positions,
    team: teamPosition === null ? null : String(table.headers[teamPosition]),
    teamPosition,
  };
}

/** Table[[Column]], escaped. */
function ref(table: string, header: string): string {
  return `${table}[[${header.replace(/['#[\]]/g, "'$&")}]]`;
}

/** The checksum as an Excel formula expression over the table's columns (see the file's comment). */
export function checksumExpression(table: string, headers: readonly string[], team: string): string {
  const t = ref(table, team);
  const key = `(LEN(${t})+UNICODE(RIGHT(" "&${t})))`;
  return headers
    .map((h, i) => {
      const c = ref(table, h);
      const w = i + 1;
      return `${w}*SUMPRODUCT(${key},LEN(${c})+(LEN(${c})>0)*(3*UNICODE(${c}&" ")+5*UNICODE(RIGHT(" "&${c}))))+${w}*SUMPRODUCT(${key},${c})`;
    })
    .join("+");
}

/** The live check's formula: the sentence while the checksum differs from the stored one, else blank. */
export function staleFormula(table: string, headers: readonly string[], team: string, storedCell = STALE_CELLS.stored): string {
  const stored = `$${storedCell.replace(/\d+$/, "")}$${storedCell.replace(/^\D+/, "")}`;
  return `=IFERROR(IF(ABS(${checksumExpression(table, headers, team)}-${stored})<0.5,"","${OUT_OF_DATE_TEXT.replace(/"/g, '""')}"),"")`;
}

/** A cell's text as Excel's & gives it (numbers in General form, up to 15 significant digits; TRUE/FALSE). */
export function excelText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
    return String(Number(v.toPrecision(15))).toUpperCase();
  }
  return String(v);
}

/** UNICODE(): the code point of the first character. */
const unicode = (s: string) => s.codePointAt(0) ?? 0;
/** RIGHT(s): the last character (a UTF-16 unit, as Excel counts them). */
const right = (s: string) => s.slice(-1);

/** The checksum computed from the cells the summary was made from, as the formula computes it in Excel. */
export function checksumOf(rows: readonly (readonly unknown[])[], positions: readonly number[], teamPosition: number): number {
  let sum = 0;
  for (const row of rows) {
    const team = excelText(row[teamPosition]);
    const key = team.length + unicode(right(` ${team}`));
    positions.forEach((p, i) => {
      const w = i + 1;
      const text = excelText(row[p]);
      const measure = text.length + (text.length > 0 ? 3 * unicode(`${text} `) + 5 * unicode(right(` ${text}`)) : 0);
      sum += w * key * measure;
      if (typeof row[p] === "number") sum += w * key * (row[p] as number);
    });
  }
  return sum;
}

/**
 * The Summary sheet's own out-of-date check: the stored checksum (small grey text), the live formula and its
 * highlight. Nothing when the rows are not an Excel table (a plain range has no name to refer to) or have no Team.
 */
export function staleCheckChanges(sheet: string, tableName: string | null, table: RawTable, config: DiagnosticsConfig, compiled: CompiledScale): WorkbookChange[] {
  if (!tableName) return [];
  const cols = checksumColumns(table, config, compiled);
  if (cols.team === null || cols.teamPosition === null || cols.headers.length === 0) return [];
  const stored = checksumOf(table.rows, cols.positions, cols.teamPosition);
  const highlight = `=LEN($${STALE_CELLS.message.replace(/\d+$/, "")}$${STALE_CELLS.message.replace(/^\D+/, "")})>0`;
  return [
    { kind: "setValues", sheet, topLeft: STALE_CELLS.stored, values: [[stored]] },
    // Out of sight, as the fingerprint is (summaryPlan.ts): the formula reads it, a reader has no use for it.
    { kind: "setStyle", sheet, range: STALE_CELLS.stored, style: { fontColour: "767676", numberFormat: HIDDEN_VALUE_FORMAT } },
    { kind: "setFormula", sheet, cell: STALE_CELLS.message, formula: staleFormula(tableName, cols.headers, cols.team) },
    { kind: "setStyle", sheet, range: STALE_CELLS.message, style: { bold: true } },
    { kind: "formulaFills", sheet, range: STALE_CELLS.highlight, rules: [{ formula: highlight, fill: "FDE7E9", fontColour: "A80000" }] },
  ];
}
