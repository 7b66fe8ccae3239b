import { Summary, rangeAddress } from "../domain";
import { NO_THEMES_RECORDED, THEMES_TITLE, THEME_HEADINGS, themeGroups, themeRows, themesIntro } from "../presentation/themes";
import { CellValue, WorkbookChange } from "./plan";

/**
 * The Summary sheet's recurring-themes section (issue 12), starting at sheet row `top`, below what `values` already holds: per service (or area)
 * a small table of theme, teams as a strength and teams as an area for improvement, most frequent first. Adds blank
 * rows to `values` to keep its place (the section is three columns wide, the sheet's first block two) and returns
 * the changes that write and dress it. Nothing when the workbook has no theme column. Counts only, never text.
 */
export function themesSection(summary: Summary, sheet: string, values: CellValue[][], top: number): WorkbookChange[] {
  const groups = themeGroups(summary);
  if (!groups) return [];
  const block: CellValue[][] = [[THEMES_TITLE], [themesIntro(summary.by)]];
  const styles: WorkbookChange[] = [
    { kind: "setStyle", sheet, range: `A${top}`, style: { bold: true, fontSize: 12 } },
    { kind: "setStyle", sheet, range: `A${top + 1}`, style: { italic: true } },
  ];
  for (const group of groups) {
    const heading = top + block.length;
    const rows = themeRows(group);
    block.push([group.service], [...THEME_HEADINGS], ...(rows.length > 0 ? rows : [[NO_THEMES_RECORDED]]), []);
    const height = 1 + Math.max(1, rows.length);
    styles.push(
      { kind: "setStyle", sheet, range: `A${heading}`, style: { bold: true } },
      { kind: "setStyle", sheet, range: rangeAddress(0, heading + 1, THEME_HEADINGS.length, height), style: { border: true, wrap: true, verticalAlignment: "Top" } },
      { kind: "setStyle", sheet, range: rangeAddress(0, heading + 1, THEME_HEADINGS.length, 1), style: { bold: true, fill: "DDE7EE" } },
    );
  }
  const width = THEME_HEADINGS.length;
  const grid = block.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
  for (let i = 0; i < grid.length; i++) values.push([null, null]);
  return [{ kind: "setValues", sheet, topLeft: `A${top}`, values: grid }, ...styles];
}
