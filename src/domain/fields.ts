import { DiagnosticsConfig } from "./config";
import { RecordColumn, findKindHeaderRow, matchColumns, requiredScore, visitRecord } from "./records";

export { gradeKey } from "./records";
export type { RecordField } from "./records";

/** A column of the Diagnostics table: the visit kind's columns (see records/visitRecord.ts). */
export type ColumnDefinition = RecordColumn;

/** The Diagnostics table's columns in their default order. */
export function columnDefinitions(config: DiagnosticsConfig): ColumnDefinition[] {
  return visitRecord(config).columns;
}

/** Where each known column sits in a header row (0-based), and what is missing. */
export interface HeaderMatch {
  columns: Map<string, number>;
  missingRequired: ColumnDefinition[];
  missingOptional: ColumnDefinition[];
}

/** Matches headers ignoring case, spacing and punctuation; extra columns are ignored. */
export function matchHeaders(headers: readonly unknown[], config: DiagnosticsConfig): HeaderMatch {
  return matchColumns(headers, columnDefinitions(config));
}

/** How many required columns a row supplies: used to find a header row below title rows. */
export function headerScore(row: readonly unknown[], config: DiagnosticsConfig): number {
  return requiredScore(row, visitRecord(config));
}

/** Index of the header row among the first rows, or -1: the row matching most required columns, at least the service and team. */
export function findHeaderRow(rows: readonly (readonly unknown[])[], config: DiagnosticsConfig, lookIn = 20): number {
  return findKindHeaderRow(rows, visitRecord(config), lookIn);
}
