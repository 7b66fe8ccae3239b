import { DiagnosticsConfig } from "./config";
import { TeamLink } from "./rounds";
import { GradeScale } from "./scale";
import { DEFAULT_THEMES, Theme } from "./themes";
import { foldLabel } from "./text";

/** The settings trends and themes read from a configuration (issue 12), each with its default. */

/** The scale's second level (Good on the Ofsted scale), or its only one. */
export function defaultThreshold(scale: GradeScale): string {
  return scale.levels[Math.min(1, scale.levels.length - 1)]?.code ?? "";
}

/** The threshold grade code: the Lists sheet's, when it names a level of the scale, else the default. */
export function thresholdOf(config: DiagnosticsConfig): string {
  const typed = foldLabel(config.threshold ?? "");
  const level = typed === "" ? undefined : config.scale.levels.find((l) => [l.code, l.label, ...l.aliases].some((s) => foldLabel(s) === typed));
  return level ? level.code : defaultThreshold(config.scale);
}

export function themesOf(config: DiagnosticsConfig): readonly Theme[] {
  return config.themes ?? DEFAULT_THEMES;
}

/** The teams' "Previously called" names, as teamIdentity takes them. */
export function teamLinksOf(config: DiagnosticsConfig): TeamLink[] {
  return config.teams
    .filter((t) => (t.previouslyCalled ?? []).length > 0)
    .map((t) => ({ service: t.service, team: t.name, previouslyCalled: t.previouslyCalled ?? [] }));
}
