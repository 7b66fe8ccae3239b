import type { DiagnosticsConfig } from "../config";
import { THEME_AREAS_KEY, THEME_STRENGTHS_KEY, VISIT_THEME_COLUMNS, VisitThemeNames, matchColumns, parseThemeList } from "../records";
import { foldLabel } from "../text";
import { themesOf } from "../trendSettings";

/** Where a Diagnostics table keeps the visit's themes (visitThemes.ts); null when it has neither column. */
export interface ThemeColumns {
  strengths?: number;
  areas?: number;
}

export function themeColumnsIn(headers: readonly unknown[]): ThemeColumns | null {
  const { columns } = matchColumns(headers, VISIT_THEME_COLUMNS);
  if (columns.size === 0) return null;
  return { strengths: columns.get(THEME_STRENGTHS_KEY), areas: columns.get(THEME_AREAS_KEY) };
}

/** Folded theme name → the Lists sheet's own spelling. */
export function themeLookup(config: DiagnosticsConfig): Map<string, string> {
  return new Map(themesOf(config).map((t) => [foldLabel(t.name), t.name]));
}

/** One cell's theme names, in the list's spelling where known, and the names typed that are not on the list. */
export function readThemeCell(text: string, known: ReadonlyMap<string, string>): { names: string[]; unknown: string[] } {
  const names: string[] = [];
  const unknown: string[] = [];
  for (const name of parseThemeList(text)) {
    const listed = known.get(foldLabel(name));
    if (listed === undefined) unknown.push(name);
    names.push(listed ?? name);
  }
  return { names, unknown };
}

export const unknownThemeMessage = (name: string) => `Theme "${name}" is not on the list of themes on the Lists sheet.`;
export const UNKNOWN_THEME_BRIEF = "Theme is not on the list of themes.";

/** The keys of the two theme columns, for naming a cell in a problem. */
export const THEME_KEYS = { strengths: THEME_STRENGTHS_KEY, areas: THEME_AREAS_KEY } as const;

export type { VisitThemeNames };
