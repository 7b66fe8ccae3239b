import { DiagnosticsConfig, KeyFinding, compileScale, rangeAddress, readableTextColour } from "../domain";
import type { TrendsJson } from "../domain";
import { GLANCE_TITLE, KEY_FINDINGS_TITLE, atAGlance, findingSource, glanceNote, glanceText } from "../presentation/glance";
import { ownedSheetName } from "./ownedSheets";
import { CellValue, WorkbookChange } from "./plan";
import { SheetInfo } from "./port";

export const OVERVIEW_OWNER = "overview";

/**
 * The Overview sheet (issue 12), the add-in's own: key findings in words first, each with the table it comes from,
 * then the picture at a glance: services (or areas) by domains, the headline grade in the scale's colour with the
 * number of visits, the overall conclusion last, for the latest round with an arrow for the change since the one
 * before. Figures only; a sheet of its own so the Summary sheet's layout stays as it is.
 */
export function overviewChanges(
  trends: TrendsJson,
  config: DiagnosticsConfig,
  sheets: readonly SheetInfo[],
  findings: readonly KeyFinding[],
): { changes: WorkbookChange[]; sheet: string; glanceRow: number } {
  const compiled = compileScale(config.scale);
  const target = ownedSheetName(sheets, OVERVIEW_OWNER, "Overview");
  const sheet = target.name;
  const groupWord = "areas" in trends ? "area" : "service";
  const glance = atAGlance(trends, config, compiled);
  const width = 1 + glance.columns.length;
  const pad = (row: CellValue[]): CellValue[] => [...row, ...Array(Math.max(0, width - row.length)).fill(null)];
  const values: CellValue[][] = [pad([KEY_FINDINGS_TITLE])];
  const styles: WorkbookChange[] = [{ kind: "setStyle", sheet, range: "A1", style: { bold: true, fontSize: 14 } }];
  if (findings.length === 0) values.push(pad(["Nothing to say yet: no visits counted."]));
  // One sentence a row, its source in the next column: "traceable to a table beside it".
  for (const f of findings) values.push(pad([f.text, `See ${findingSource(f, groupWord)}`]));
  styles.push({ kind: "setStyle", sheet, range: rangeAddress(0, 2, 1, values.length - 1), style: { wrap: true, verticalAlignment: "Top" } });
  styles.push({ kind: "setStyle", sheet, range: rangeAddress(1, 2, 1, values.length - 1), style: { italic: true, wrap: true, verticalAlignment: "Top" } });
  values.push(pad([]));
  const title = values.length + 1;
  values.push(pad([GLANCE_TITLE]), pad([glanceNote(glance, groupWord)]));
  styles.push({ kind: "setStyle", sheet, range: `A${title}`, style: { bold: true, fontSize: 14 } }, { kind: "setStyle", sheet, range: `A${title + 1}`, style: { italic: true } });
  const glanceRow = values.length + 1;
  values.push(pad([groupWord === "area" ? "Area" : "Service", ...glance.columns]));
  glance.rows.forEach((r) => {
    const at = values.length + 1;
    values.push(pad([r.name, ...r.cells.map(glanceText)]));
    r.cells.forEach((c, i) => {
      const colour = c.headline ? compiled.byCode.get(c.headline)?.colour : undefined;
      if (colour && c.visits > 0) styles.push({ kind: "setStyle", sheet, range: rangeAddress(1 + i, at, 1, 1), style: { fill: colour, fontColour: readableTextColour(colour), horizontalAlignment: "Center" } });
    });
  });
  styles.push(
    { kind: "setStyle", sheet, range: rangeAddress(0, glanceRow, width, 1), style: { bold: true, fill: "DDE7EE", wrap: true, verticalAlignment: "Top" } },
    { kind: "setStyle", sheet, range: rangeAddress(0, glanceRow, width, glance.rows.length + 1), style: { border: true } },
  );
  if (config.overall) styles.push({ kind: "setStyle", sheet, range: rangeAddress(width - 1, glanceRow, 1, glance.rows.length + 1), style: { bold: true } });
  return {
    sheet,
    glanceRow,
    changes: [
      target.exists ? { kind: "clearSheet", sheet } : { kind: "addSheet", sheet, owner: OVERVIEW_OWNER },
      { kind: "setValues", sheet, topLeft: "A1", values },
      { kind: "setColumnWidths", sheet, widths: [70, ...glance.columns.map(() => 18)] },
      ...styles,
    ],
  };
}
