import { foldLabel } from "./text";

/**
 * Recurring themes (issue 12): a list of themes with keywords, suggestions from a visit's
 * strengths and areas for improvement, and per-service counts of teams. Counts carry
 * theme names and numbers only, never the text they came from.
 */

export interface Theme {
  name: string;
  /**
   * Words or phrases, matched whole after folding case and punctuation; a trailing "*"
   * matches any ending ("chronolog*" finds "chronology" and "chronologies").
   */
  keywords: string[];
}

export const DEFAULT_THEMES: readonly Theme[] = [
  { name: "Caseloads and workload", keywords: ["caseload*", "case load*", "workload*", "unallocated", "capacity", "team size", "too large"] },
  { name: "Management oversight and supervision", keywords: ["oversight", "supervis*", "management grip", "reflective", "manager* decision*"] },
  { name: "Recording, chronologies and genograms", keywords: ["record*", "chronolog*", "genogram*", "case note*"] },
  { name: "Planning", keywords: ["plan", "plans", "planning", "smart", "care plan*", "pathway plan*", "contingenc*"] },
  { name: "Direct work and the child's voice", keywords: ["direct work", "voice of the child", "child s voice", "children s voice*", "young person s voice", "wishes and feelings", "life story"] },
  { name: "Early help and thresholds", keywords: ["early help", "threshold*", "step down", "step up", "front door"] },
  { name: "Multi-agency working", keywords: ["multi agency", "multiagency", "partner*", "joint working", "other agencies", "strategy meeting*", "strategy discussion*", "information sharing"] },
  { name: "Workforce and recruitment", keywords: ["recruit*", "retention", "retain*", "agency staff", "agency worker*", "locum*", "vacanc*", "newly qualified", "nqsw*", "asye", "turnover", "morale", "workforce", "stable management", "stable team"] },
  { name: "Audit and learning", keywords: ["audit*", "learning", "quality assurance"] },
  { name: "Timeliness", keywords: ["timescale*", "timeliness", "timely", "delay*", "late", "overdue", "drift", "out of time", "transfer*"] },
];

function keywordPattern(keyword: string): RegExp | null {
  const prefix = keyword.trim().endsWith("*");
  const folded = foldLabel(keyword.replace(/\*+\s*$/, "")).replace(/\//g, " ");
  if (folded === "") return null;
  const body = folded.split(" ").map((w) => w.replace(/[^a-z0-9]/g, "")).join(" ");
  return new RegExp(`(?:^| )${body}${prefix ? "" : "(?= |$)"}`);
}

/** Theme names raised by one piece of text, in the list's order. */
export function themesIn(text: string, themes: readonly Theme[] = DEFAULT_THEMES): string[] {
  const folded = ` ${foldLabel(text).replace(/\//g, " ")} `.replace(/\s+/g, " ");
  return themes
    .filter((t) => t.keywords.some((k) => keywordPattern(k)?.test(folded.trim()) ?? false))
    .map((t) => t.name);
}

export interface ThemeSuggestion {
  strengths: string[];
  areasForImprovement: string[];
}

/** Suggests a visit's themes from its strengths and areas for improvement; the reviewer confirms them. */
export function suggestThemes(strengths: string, areasForImprovement: string, themes: readonly Theme[] = DEFAULT_THEMES): ThemeSuggestion {
  return { strengths: themesIn(strengths, themes), areasForImprovement: themesIn(areasForImprovement, themes) };
}

/** The themes confirmed on one visit. */
export interface VisitThemes {
  service: string;
  team: string;
  strengths: readonly string[];
  areasForImprovement: readonly string[];
}

export interface ThemeCount {
  theme: string;
  /** Teams the theme was raised for as a strength. */
  asStrength: number;
  /** Teams the theme was raised for as an area for improvement. */
  asAreaForImprovement: number;
}

export interface ServiceThemes {
  service: string;
  themes: ThemeCount[];
}

function orderThemeCounts(counts: ThemeCount[], themes: readonly Theme[]): ThemeCount[] {
  const position = (name: string) => {
    const i = themes.findIndex((t) => foldLabel(t.name) === foldLabel(name));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return counts.sort(
    (a, b) =>
      b.asStrength + b.asAreaForImprovement - (a.asStrength + a.asAreaForImprovement) ||
      b.asAreaForImprovement - a.asAreaForImprovement ||
      position(a.theme) - position(b.theme) ||
      a.theme.localeCompare(b.theme, "en-GB"),
  );
}

/**
 * Per service, how many teams each theme was raised for, as a strength and as an area for
 * improvement, most frequent first. A team visited twice counts once per theme and side.
 * Names typed by hand are matched to the list folded; names not on it are counted as typed.
 */
export function themeCounts(
  visits: readonly VisitThemes[],
  themes: readonly Theme[] = DEFAULT_THEMES,
  options: { serviceOrder?: readonly string[]; teamKey?: (service: string, team: string) => string } = {},
): ServiceThemes[] {
  const canonical = new Map(themes.map((t) => [foldLabel(t.name), t.name]));
  const teamKey = options.teamKey ?? ((s: string, t: string) => `${foldLabel(s)}|${foldLabel(t)}`);
  const services = new Map<string, { name: string; seen: Map<string, { theme: string; strength: Set<string>; area: Set<string> }> }>();
  for (const v of visits) {
    const skey = foldLabel(v.service);
    if (skey === "") continue;
    let s = services.get(skey);
    if (!s) services.set(skey, (s = { name: v.service.trim(), seen: new Map() }));
    const team = teamKey(v.service, v.team);
    const add = (name: string, side: "strength" | "area") => {
      const key = foldLabel(name);
      if (key === "") return;
      let entry = s!.seen.get(key);
      if (!entry) s!.seen.set(key, (entry = { theme: canonical.get(key) ?? name.trim(), strength: new Set(), area: new Set() }));
      entry[side].add(team);
    };
    v.strengths.forEach((n) => add(n, "strength"));
    v.areasForImprovement.forEach((n) => add(n, "area"));
  }
  const order = (options.serviceOrder ?? []).map(foldLabel);
  const position = (name: string) => {
    const i = order.indexOf(foldLabel(name));
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...services.values()]
    .sort((a, b) => position(a.name) - position(b.name) || a.name.localeCompare(b.name, "en-GB", { numeric: true }))
    .map((s) => ({
      service: s.name,
      themes: orderThemeCounts(
        [...s.seen.values()].map((e) => ({ theme: e.theme, asStrength: e.strength.size, asAreaForImprovement: e.area.size })),
        themes,
      ),
    }));
}

/** Totals across services (teams belong to one service, so the counts add up). */
export function themeTotals(perService: readonly ServiceThemes[], themes: readonly Theme[] = DEFAULT_THEMES): ThemeCount[] {
  const totals = new Map<string, ThemeCount>();
  for (const s of perService) {
    for (const c of s.themes) {
      const key = foldLabel(c.theme);
      const t = totals.get(key) ?? { theme: c.theme, asStrength: 0, asAreaForImprovement: 0 };
      t.asStrength += c.asStrength;
      t.asAreaForImprovement += c.asAreaForImprovement;
      totals.set(key, t);
    }
  }
  return orderThemeCounts([...totals.values()], themes);
}
