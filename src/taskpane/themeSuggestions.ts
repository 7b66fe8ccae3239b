import { Theme, VisitThemeNames, foldLabel, suggestThemes } from "../domain";

/** The two sides a theme is raised on, named as VisitThemeNames names them. */
export type ThemeSide = keyof VisitThemeNames;

export const NO_THEMES: VisitThemeNames = { strengths: [], areasForImprovement: [] };

/** What a reviewer has decided: "side|folded theme name" for every theme they ticked or unticked themselves. */
export const touchKey = (side: ThemeSide, name: string) => `${side}|${foldLabel(name)}`;

/**
 * The form suggests, the reviewer confirms (issue 12): a theme the reviewer has not touched is ticked exactly when
 * the visit's text suggests it; one they ticked or unticked stays as they left it. Names on the visit but not on the
 * list (typed by hand in the sheet) are kept. The list's order, then any such names.
 */
export function withSuggestions(
  current: VisitThemeNames | undefined,
  text: { strengths: string; areasForImprovement: string },
  themes: readonly Theme[],
  touched: ReadonlySet<string>,
): VisitThemeNames {
  const suggested = suggestThemes(text.strengths, text.areasForImprovement, themes);
  const side = (which: ThemeSide): string[] => {
    const ticked = new Set((current?.[which] ?? []).map(foldLabel));
    const hinted = new Set(suggested[which].map(foldLabel));
    const listed = themes
      .filter((t) => (touched.has(touchKey(which, t.name)) ? ticked.has(foldLabel(t.name)) : hinted.has(foldLabel(t.name))))
      .map((t) => t.name);
    const onList = new Set(themes.map((t) => foldLabel(t.name)));
    return [...listed, ...(current?.[which] ?? []).filter((n) => !onList.has(foldLabel(n)))];
  };
  const next = { strengths: side("strengths"), areasForImprovement: side("areasForImprovement") };
  // The same object when nothing changed, so the picker (memoised) is not drawn again on every key typed.
  return current && JSON.stringify(current) === JSON.stringify(next) ? current : next;
}

/** The visit's themes with one theme ticked or unticked on one side. */
export function toggled(current: VisitThemeNames | undefined, which: ThemeSide, name: string, checked: boolean, themes: readonly Theme[]): VisitThemeNames {
  const base = current ?? NO_THEMES;
  const others = base[which].filter((n) => foldLabel(n) !== foldLabel(name));
  const names = checked ? [...others, name] : others;
  // Kept in the list's order, so the cell reads the same however the boxes were ticked.
  const position = (n: string) => {
    const i = themes.findIndex((t) => foldLabel(t.name) === foldLabel(n));
    return i < 0 ? themes.length : i;
  };
  return { ...base, [which]: [...names].sort((a, b) => position(a) - position(b)) };
}
