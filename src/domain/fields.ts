import { DiagnosticsConfig, gradedColumns } from "./config";
import { foldHeader } from "./text";

/** A column of the Diagnostics table that is not a grade. */
export type RecordField =
  | "visitId"
  | "visitDate"
  | "round"
  | "service"
  | "team"
  | "area"
  | "teamManager"
  | "diagnosticTeam"
  | "strengths"
  | "areasForImprovement"
  | "recommendations"
  | "status";

export interface ColumnDefinition {
  /** A RecordField, or "grade:<domain key>" for a graded column. */
  key: string;
  header: string;
  /** Other headers accepted for this column (a domain's full label, say). */
  alternatives: string[];
  /** The summary cannot be built without this column. */
  required: boolean;
  /** Narrative text: never copied into summaries or exports. */
  narrative: boolean;
}

export const gradeKey = (domainKey: string) => `grade:${domainKey}`;

const field = (key: RecordField, header: string, required = false, narrative = false): ColumnDefinition => ({
  key,
  header,
  alternatives: [],
  required,
  narrative,
});

/** The Diagnostics table's columns in their default order. */
export function columnDefinitions(config: DiagnosticsConfig): ColumnDefinition[] {
  return [
    field("visitId", "Visit ID"),
    field("visitDate", "Visit date", true),
    field("round", "Round"),
    field("service", "Service", true),
    field("team", "Team", true),
    field("area", "Area"),
    field("teamManager", "Team manager", false, true),
    field("diagnosticTeam", "Diagnostic team", false, true),
    ...gradedColumns(config).map((d) => ({
      key: gradeKey(d.key),
      header: d.shortLabel,
      alternatives: [d.fullLabel],
      required: true,
      narrative: false,
    })),
    field("strengths", "Strengths", false, true),
    field("areasForImprovement", "Areas for improvement", false, true),
    field("recommendations", "Recommendations", false, true),
    field("status", "Status"),
  ];
}

/** Where each known column sits in a header row (0-based), and what is missing. */
export interface HeaderMatch {
  columns: Map<string, number>;
  missingRequired: ColumnDefinition[];
  missingOptional: ColumnDefinition[];
}

/** Matches headers ignoring case, spacing and punctuation; extra columns are ignored. */
export function matchHeaders(headers: readonly unknown[], config: DiagnosticsConfig): HeaderMatch {
  const position = new Map<string, number>();
  headers.forEach((h, i) => {
    const folded = typeof h === "string" ? foldHeader(h) : "";
    if (folded && !position.has(folded)) position.set(folded, i);
  });
  const columns = new Map<string, number>();
  const missingRequired: ColumnDefinition[] = [];
  const missingOptional: ColumnDefinition[] = [];
  for (const def of columnDefinitions(config)) {
    const at = [def.header, ...def.alternatives].map((h) => position.get(foldHeader(h))).find((i) => i !== undefined);
    if (at !== undefined) columns.set(def.key, at);
    else (def.required ? missingRequired : missingOptional).push(def);
  }
  return { columns, missingRequired, missingOptional };
}

/** How many required columns a row supplies: used to find a header row below title rows. */
export function headerScore(row: readonly unknown[], config: DiagnosticsConfig): number {
  const match = matchHeaders(row, config);
  return columnDefinitions(config).filter((d) => d.required).length - match.missingRequired.length;
}

/** Index of the header row among the first rows, or -1: the row matching most required columns, at least the service and team. */
export function findHeaderRow(rows: readonly (readonly unknown[])[], config: DiagnosticsConfig, lookIn = 20): number {
  let best = -1;
  let bestScore = 0;
  rows.slice(0, lookIn).forEach((row, i) => {
    const match = matchHeaders(row, config);
    if (!match.columns.has("service") || !match.columns.has("team")) return;
    const score = headerScore(row, config);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
