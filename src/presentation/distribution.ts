import { CompiledScale, DiagnosticsConfig, GradeCategory, QualityDomain, Summary, compileScale } from "../domain";

/** How many visits in each group were given each grade in one domain: the data behind the charts. */
export interface GradeDistribution {
  domain: QualityDomain;
  /** True when the domain is the overall conclusion; false when the config has none and the first domain stands in. */
  overall: boolean;
  /** Grades given at least once, best first, no judgement last. */
  categories: GradeCategory[];
  groups: { name: string; visits: number; counts: number[] }[];
  /** Per category, across every group. */
  totals: number[];
}

/** The domain charts and overviews describe: the overall conclusion, else the first quality domain. */
export function chartDomain(config: DiagnosticsConfig): { domain: QualityDomain; overall: boolean } | null {
  if (config.overall) return { domain: config.overall, overall: true };
  const first = config.domains[0];
  return first ? { domain: first, overall: false } : null;
}

/** Grade distribution per group for the chart domain; null when there is nothing to draw. */
export function gradeDistribution(
  summary: Summary,
  config: DiagnosticsConfig,
  compiled: CompiledScale = compileScale(config.scale),
): GradeDistribution | null {
  const chosen = chartDomain(config);
  if (!chosen || summary.groups.length === 0) return null;
  const all = compiled.categories;
  const groups = summary.groups.map((group) => {
    const row = group.rows.find((r) => r.domainKey === chosen.domain.key);
    const byGrade = new Map((row?.counts ?? []).map((c) => [c.grade, c.count]));
    return { name: group.name, visits: group.visits, counts: all.map((c) => byGrade.get(c.code) ?? 0) };
  });
  const totals = all.map((_, i) => groups.reduce((n, g) => n + g.counts[i], 0));
  const keep = all.map((_, i) => totals[i] > 0);
  if (!keep.some(Boolean)) return null;
  return {
    domain: chosen.domain,
    overall: chosen.overall,
    categories: all.filter((_, i) => keep[i]),
    groups: groups.map((g) => ({ ...g, counts: g.counts.filter((_, i) => keep[i]) })),
    totals: totals.filter((_, i) => keep[i]),
  };
}

/** "Requires Improvement (RI)", "RI / I", "No judgement": a grade as named in legends and overviews. */
export function gradeName(category: GradeCategory): string {
  return category.label === category.code ? category.label : `${category.label} (${category.code})`;
}
