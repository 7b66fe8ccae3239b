import { AlignmentType, HeadingLevel, Paragraph, Table } from "docx";
import { Summary } from "../domain";
import { NO_THEMES_RECORDED, THEMES_TITLE, THEME_HEADINGS, themeGroups, themeRows, themesIntro } from "../presentation/themes";
import { fitWidths, heading, para, table, textCell } from "./wordReport";

/**
 * The Word report's "Recurring themes" section (issue 12): per service a table of theme, teams as a strength and
 * teams as an area for improvement, most frequent first. Nothing when the workbook has no theme column. Theme names
 * and counts only, never the text they came from.
 */
export function themesReportSection(summary: Summary): (Paragraph | Table)[] {
  const groups = themeGroups(summary);
  if (!groups) return [];
  // One set of widths for every group's table, so the tables line up down the page.
  const widths = fitWidths([0.6, 0.2, 0.2], THEME_HEADINGS, groups.flatMap((g) => themeRows(g).map((row) => row.map(String))));
  const out: (Paragraph | Table)[] = [heading(THEMES_TITLE, HeadingLevel.HEADING_1), para(themesIntro(summary.by), { keepNext: true })];
  for (const group of groups) {
    out.push(heading(group.service, HeadingLevel.HEADING_2));
    const rows = themeRows(group);
    if (rows.length === 0) {
      out.push(para(NO_THEMES_RECORDED));
      continue;
    }
    const cells = rows.map((row) => row.map((v, i) => textCell(String(v), { width: widths[i], align: i > 0 ? AlignmentType.CENTER : undefined })));
    out.push(table(widths, [...THEME_HEADINGS], cells), new Paragraph({ children: [] }));
  }
  return out;
}
