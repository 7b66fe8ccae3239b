/**
 * The personal-data guard (issue 15) over a workbook: every text cell of the Diagnostics table (narrative columns
 * included: this is the one check that reads them all) and of the Actions and Change log tables when present.
 * Warnings name the cell and the kind of data only, never what was found, so they are safe in any output.
 */
import {
  DiagnosticsConfig,
  PatternProblem,
  PersonalDataWarning,
  TextCell,
  VisitForm,
  actionRecord,
  changeLogRecord,
  columnLetter,
  defaultConfig,
  personalDataWarnings,
} from "../domain";
import { configFromLists } from "../workbook/listsSheet";
import { diagnosticsRequest, diagnosticsView } from "../workbook/diagnosticsRead";
import { TableSnapshot, WorkbookPort } from "../workbook/port";
import { rawTableFrom } from "../workbook/tableRows";

export interface PersonalDataCheck {
  warnings: PersonalDataWarning[];
  /** Council patterns on the Lists sheet that could not be used. */
  problems: PatternProblem[];
  cellsChecked: number;
}

/** The text cells of a table's rows (numbers, dates and blanks are not text), named by sheet, row and column. */
export function textCells(sheet: string, headerRow: number, firstColumn: number, rows: readonly (readonly unknown[])[]): TextCell[] {
  const cells: TextCell[] = [];
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value === "string" && value.trim() !== "") cells.push({ sheet, row: headerRow + 1 + r, column: columnLetter(firstColumn + c), text: value });
    }),
  );
  return cells;
}

const ofTable = (t: TableSnapshot | undefined) => (t ? textCells(t.sheet, t.headerRow, t.firstColumn, t.rows) : []);

/** One read (narrative columns included), every text cell looked at once. */
export async function checkPersonalData(port: WorkbookPort, defaults?: DiagnosticsConfig): Promise<PersonalDataCheck> {
  const base = defaults ?? defaultConfig({ services: [] });
  const request = diagnosticsRequest({ rows: true, narrative: true, lists: true, selection: false }, base);
  const snapshot = await port.read({
    ...request,
    tables: [...request.tables, { name: actionRecord.table, rows: true }, { name: changeLogRecord.table, rows: true }],
  });
  const view = diagnosticsView(snapshot);
  const config = configFromLists(view.lists, base);
  const cells: TextCell[] = [];
  if (view.diagnostics) {
    const raw = rawTableFrom(view.diagnostics, config);
    cells.push(...textCells(raw.sheet, raw.headerRow, raw.firstColumn, raw.rows));
  }
  cells.push(...ofTable(snapshot.found[actionRecord.table]), ...ofTable(snapshot.found[changeLogRecord.table]));
  const { warnings, problems } = personalDataWarnings(cells, config.privacyPatterns ?? []);
  return { warnings, problems, cellsChecked: cells.length };
}

/** The visit form's text, before saving: warnings keyed by the form's field ("strengths", "team"…). */
export function formPersonalData(form: VisitForm, config: DiagnosticsConfig): { field: string; message: string }[] {
  const fields = Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].trim() !== "" && e[0] !== "visitDate");
  const cells: TextCell[] = fields.map(([field, text], i) => ({ sheet: "form", row: i, column: field, text }));
  return personalDataWarnings(cells, config.privacyPatterns ?? []).warnings.map((w) => ({ field: w.column, message: w.message }));
}

/** "Diagnostics!L5: looks like an NHS number" — the line `validate` prints and the Check sheet lists. */
export function personalDataLine(w: PersonalDataWarning): string {
  return `${w.sheet}!${w.column}${w.row}: ${w.message} (personal data about a child must not be recorded here)`;
}
