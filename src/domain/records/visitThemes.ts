import { foldLabel } from "../text";
import { RecordColumn } from "./kind";

/**
 * The themes confirmed on a visit (issue 12, "Recurring themes"), kept in two columns at the end of the
 * Diagnostics table rather than one column with a marker on each name:
 *
 *   Themes (strengths)                 Themes (areas for improvement)
 *   Direct work and the child's voice  Planning; Management oversight and supervision
 *
 * Two columns are simpler to type by hand (no "(strength)" or "(area)" to spell right after every name) and to
 * check (each cell is just theme names from the Lists sheet separated by "; "). A theme name may itself hold a
 * comma ("Recording, chronologies and genograms"), so names are separated by ";" (or a new line), never ",".
 *
 * Theme names are not narrative: they come from the council's list, and their counts go into every summary.
 * Optional like Visit type: a table without these columns is read as before, and its summaries do not mention
 * themes; Set up adds them at the end of the table.
 */
export const THEME_SEPARATOR = "; ";

export const THEME_STRENGTHS_KEY = "themeStrengths";
export const THEME_AREAS_KEY = "themeAreas";

export const VISIT_THEME_COLUMNS: readonly RecordColumn[] = [
  {
    key: THEME_STRENGTHS_KEY,
    header: "Themes (strengths)",
    alternatives: ["Strength themes", "Themes as strengths"],
    kind: "text",
    required: false,
    narrative: false,
  },
  {
    key: THEME_AREAS_KEY,
    header: "Themes (areas for improvement)",
    alternatives: ["Improvement themes", "Themes (areas)", "Themes as areas for improvement"],
    kind: "text",
    required: false,
    narrative: false,
  },
];

/** The themes confirmed on one visit, by theme name, on each side. */
export interface VisitThemeNames {
  strengths: string[];
  areasForImprovement: string[];
}

/** "Planning; Timeliness" → ["Planning", "Timeliness"]: trimmed, blanks dropped, the first of two alike kept. */
export function parseThemeList(text: string): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const part of text.split(/[;\r\n]+/)) {
    const name = part.trim().replace(/\s+/g, " ");
    const key = foldLabel(name);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** The cell text of a list of theme names. */
export function formatThemeList(names: readonly string[]): string {
  return parseThemeList(names.join(";")).join(THEME_SEPARATOR);
}
