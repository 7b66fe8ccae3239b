import { DiagnosticsConfig, KeyFinding, compileScale, rangeAddress, readableTextColour } from "../domain";
import type { TrendsJson } from "../domain";
import { GLANCE_TITLE, KEY_FINDINGS_TITLE, atAGlance, findingSource, glanceNote, glanceText } from "../presentation/glance";
import { atOrAboveHeading, ofVisits, trendGroups } from "../presentation/trendsWording";
import { ownedSheetName } from "./ownedSheets";
import { CellValue, WorkbookChange } from "./plan";
import { SheetInfo } from "./port";

export const OVERVIEW_OWNER = "overview";

/** Key findings and the picture at a glance as a block of cells, for a sheet that places it at a row of its choosing. */
export interface GlanceBlock {
  /** Rows from the block's top row, all of the block's width; written with one setValues at `A<top>`. */
  values: CellValue[][];
  /** The block's styles, at the sheet's own addresses. */
  styles: WorkbookChange[];
  /** 1-based sheet rows: the matrix's header row, and the table of visits at or above the threshold (when asked). */
  glanceRow: number;
  atOrAboveRow: number | null;
  /** Columns the block spans (the group column and one per domain). */
  width: number;
}

export interface GlanceBlockOptions {
  /** Where a finding's figures are, as the sheet names them ("See …" follows). Defaults to findingSource. */
  source?: (finding: KeyFinding, groupWord: string) => string;
  /** Adds a table of visits at or above this grade per group and round below the matrix. */
  threshold?: string;
}

/**
 * Key findings in words first, each with the table it comes from, then the picture at a glance: services (or areas)
 * by domains, the headline grade in the scale's colour with the number of visits, the overall conclusion last, for
 * the latest round with an arrow for the change since the one before; with a threshold, then the visits at or above
 * it per round. Figures only. The block starts at sheet row `top` (1-based); used by the Overview and Summary sheets.
 */
export function glanceBlock(
  trends: TrendsJson,
  config: DiagnosticsConfig,
  findings: readonly KeyFinding[],
  sheet: string,
  top = 1,
  options: GlanceBlockOptions = {},
): GlanceBlock {
  const compiled = compileScale(config.scale);
  const groupWord = "areas" in trends ? "area" : "service";
  const groupHeader = groupWord === "area" ? "Area" : "Service";
  const source = options.source ?? findingSource;
  const glance = atAGlance(trends, config, compiled);
  const rounds = trends.rounds;
  const width = Math.max(1 + glance.columns.length, options.threshold ? 1 + rounds.length : 0, 2);
  const pad = (row: CellValue[]): CellValue[] => [...row, ...Array(Math.max(0, width - row.length)).fill(null)];
  /** The sheet row the next pushed row lands on. */
  const next = () => top + values.length;
  const values: CellValue[][] = [];
  const styles: WorkbookChange[] = [{ kind: "setStyle", sheet, range: `A${top}`, style: { bold: true, fontSize: 14 } }];
  values.push(pad([KEY_FINDINGS_TITLE]));
  if (findings.length === 0) values.push(pad(["Nothing to say yet: no visits counted."]));
  // One sentence a row, its source in the next column: "traceable to a table beside it".
  for (const f of findings) values.push(pad([f.text, `See ${source(f, groupWord)}`]));
  styles.push({ kind: "setStyle", sheet, range: rangeAddress(0, top + 1, 1, values.length - 1), style: { wrap: true, verticalAlignment: "Top" } });
  styles.push({ kind: "setStyle", sheet, range: rangeAddress(1, top + 1, 1, values.length - 1), style: { italic: true, wrap: true, verticalAlignment: "Top" } });
  values.push(pad([]));
  const title = next();
  values.push(pad([GLANCE_TITLE]), pad([glanceNote(glance, groupWord)]));
  styles.push({ kind: "setStyle", sheet, range: `A${title}`, style: { bold: true, fontSize: 14 } }, { kind: "setStyle", sheet, range: `A${title + 1}`, style: { italic: true } });
  const glanceRow = next();
  const matrixWidth = 1 + glance.columns.length;
  values.push(pad([groupHeader, ...glance.columns]));
  glance.rows.forEach((r) => {
    const at = next();
    values.push(pad([r.name, ...r.cells.map(glanceText)]));
    r.cells.forEach((c, i) => {
      const colour = c.headline ? compiled.byCode.get(c.headline)?.colour : undefined;
      if (colour && c.visits > 0) styles.push({ kind: "setStyle", sheet, range: rangeAddress(1 + i, at, 1, 1), style: { fill: colour, fontColour: readableTextColour(colour), horizontalAlignment: "Center" } });
    });
  });
  styles.push(
    { kind: "setStyle", sheet, range: rangeAddress(0, glanceRow, matrixWidth, 1), style: { bold: true, fill: "DDE7EE", wrap: true, verticalAlignment: "Top" } },
    { kind: "setStyle", sheet, range: rangeAddress(0, glanceRow, matrixWidth, glance.rows.length + 1), style: { border: true } },
  );
  if (config.overall) styles.push({ kind: "setStyle", sheet, range: rangeAddress(matrixWidth - 1, glanceRow, 1, glance.rows.length + 1), style: { bold: true } });

  // The figures behind "stands out" and "the largest change": visits at or above the threshold, per group and round.
  let atOrAboveRow: number | null = null;
  const groups = trendGroups(trends);
  if (options.threshold && groups.length > 0) {
    values.push(pad([]));
    const heading = next();
    values.push(pad([`${atOrAboveHeading(config, options.threshold)}, per round`]));
    atOrAboveRow = next();
    values.push(pad([groupHeader, ...rounds]));
    for (const g of groups) values.push(pad([g.name, ...rounds.map((round) => {
      const r = g.rounds.find((x) => x.round === round);
      return r ? ofVisits(r.atOrAboveThreshold, r.visits) : null;
    })]));
    styles.push(
      { kind: "setStyle", sheet, range: `A${heading}`, style: { bold: true, fontSize: 12 } },
      { kind: "setStyle", sheet, range: rangeAddress(0, atOrAboveRow, 1 + rounds.length, 1), style: { bold: true, fill: "DDE7EE" } },
      { kind: "setStyle", sheet, range: rangeAddress(0, atOrAboveRow, 1 + rounds.length, groups.length + 1), style: { border: true } },
      { kind: "setStyle", sheet, range: rangeAddress(1, atOrAboveRow, rounds.length, groups.length + 1), style: { horizontalAlignment: "Center" } },
    );
  }
  return { values, styles, glanceRow, atOrAboveRow, width };
}

/**
 * The Overview sheet (issue 12), the add-in's own, written with the Trends sheet: the glance block from A1. Its
 * findings point at the Trends sheet written in the same plan.
 */
export function overviewChanges(
  trends: TrendsJson,
  config: DiagnosticsConfig,
  sheets: readonly SheetInfo[],
  findings: readonly KeyFinding[],
): { changes: WorkbookChange[]; sheet: string; glanceRow: number } {
  const target = ownedSheetName(sheets, OVERVIEW_OWNER, "Overview");
  const sheet = target.name;
  const block = glanceBlock(trends, config, findings, sheet, 1);
  return {
    sheet,
    glanceRow: block.glanceRow,
    changes: [
      target.exists ? { kind: "clearSheet", sheet } : { kind: "addSheet", sheet, owner: OVERVIEW_OWNER },
      { kind: "setValues", sheet, topLeft: "A1", values: block.values },
      { kind: "setColumnWidths", sheet, widths: [70, ...Array(block.width - 1).fill(18)] },
      ...block.styles,
    ],
  };
}

/**
 * Where a finding's figures are on a sheet that carries the block but not the Trends sheet (the Summary sheet, the
 * summary workbook): the share at or above the threshold is in the block's own table of it.
 */
export function sheetFindingSource(config: DiagnosticsConfig, threshold: string): (finding: KeyFinding, groupWord: string) => string {
  return (finding, groupWord) => {
    const s = finding.source;
    if (s.table !== "groups" && s.table !== "trends") return findingSource(finding, groupWord);
    return `${atOrAboveHeading(config, threshold)}, per round: ${s.group ?? groupWord} row`;
  };
}
