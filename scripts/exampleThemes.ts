/**
 * The example visits' themes (issue 12): the two theme columns Set up adds at the end of the Diagnostics table,
 * filled as a reviewer would after confirming the pane's suggestions. In this fictional example every suggestion
 * drawn from the visit's strengths and areas for improvement was confirmed, so the cells are those suggestions.
 */
import { formatThemeList, suggestThemes } from "../src/domain";
import { CellValue } from "../src/workbook/plan";

export function exampleThemeCells(strengths: string | undefined, improve: string | undefined): [CellValue, CellValue] {
  const suggested = suggestThemes(strengths ?? "", improve ?? "");
  return [formatThemeList(suggested.strengths) || null, formatThemeList(suggested.areasForImprovement) || null];
}
