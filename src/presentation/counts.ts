import { CompiledScale, Summary } from "../domain";
import { groupColumn } from "./wording";

/**
 * The Counts data, built once for the Counts sheet and the CSV: a header, then one row per group, domain and
 * grade of the scale (zeros included), plain numbers ready for pivot tables.
 */
export function countsRows(summary: Summary, compiled: CompiledScale): (string | number)[][] {
  const rows: (string | number)[][] = [[groupColumn(summary.by), "Quality domain", "Grade", "Visits"]];
  for (const group of summary.groups) {
    for (const row of group.rows) {
      const byGrade = new Map(row.counts.map((c) => [c.grade, c.count]));
      for (const category of compiled.categories) rows.push([group.name, row.domain, category.code, byGrade.get(category.code) ?? 0]);
    }
  }
  return rows;
}
