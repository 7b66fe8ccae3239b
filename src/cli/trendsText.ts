import type { TrendRoundJson, TrendsJson } from "../domain";
import { wrap } from "./textTables";

/** Change words as printed beside each team. */
const CHANGE_MARK: Record<string, string> = { improved: "improved", declined: "declined", same: "same", new: "new", "not comparable": "not comparable" };

/**
 * `trends` as plain text: per service (or area) a table with one Grading column per round and, under it, the visits
 * and how many were at or above the threshold; then each team's grades in order and the change per domain.
 */
export function trendsAsText(trends: TrendsJson, options: { width?: number; thresholdLabel?: string } = {}): string {
  const width = Math.max(60, Math.min(options.width ?? 100, 160));
  const isArea = "areas" in trends;
  const groups = "areas" in trends ? trends.areas.map((g) => ({ name: g.area, rounds: g.rounds })) : trends.services.map((g) => ({ name: g.service, rounds: g.rounds }));
  const out: string[] = [];
  const rounds = trends.rounds;
  out.push(rounds.length === 0 ? "No visits counted." : `Rounds, earliest first: ${rounds.join(", ")}.`);
  for (const group of groups) {
    const cell = (r: TrendRoundJson | undefined, i: number) => (r ? r.rows[i]?.text ?? "" : "");
    const byRound = rounds.map((name) => group.rounds.find((r) => r.round === name));
    const domains = group.rounds[0]?.rows.map((r) => r.domain) ?? [];
    const colWidth = Math.min(
      32,
      Math.max(12, ...rounds.map((r) => r.length), ...byRound.flatMap((r) => (r ? r.rows.map((x) => x.text.length) : []))),
    );
    const domainWidth = Math.max(20, width - rounds.length * (colWidth + 3) - 4);
    const rule = `+${"-".repeat(domainWidth + 2)}${rounds.map(() => `+${"-".repeat(colWidth + 2)}`).join("")}+`;
    const row = (cells: string[]) => {
      const wrapped = cells.map((c, i) => wrap(c, i === 0 ? domainWidth : colWidth));
      const height = Math.max(...wrapped.map((w) => w.length));
      const lines: string[] = [];
      for (let l = 0; l < height; l++) {
        lines.push(`| ${wrapped.map((w, i) => (w[l] ?? "").padEnd(i === 0 ? domainWidth : colWidth)).join(" | ")} |`);
      }
      return lines;
    };
    out.push("", `${group.name}${isArea ? " (area)" : ""}`, rule, ...row(["Quality domain", ...rounds.map((r) => `Grading ${r}`)]), rule);
    domains.forEach((d, i) => out.push(...row([d, ...byRound.map((r) => cell(r, i))])));
    out.push(rule);
    out.push(...row(["Visits", ...byRound.map((r) => (r ? String(r.visits) : ""))]));
    out.push(...row([`At or above ${options.thresholdLabel ?? "the threshold"}`, ...byRound.map((r) => (r ? `${r.atOrAboveThreshold} of ${r.visits}` : ""))]));
    out.push(rule);
  }
  if (trends.teams.length > 0) {
    out.push("", "Teams: grades of each visit in order, and the change since the previous visit");
    for (const t of trends.teams) {
      out.push("", `${t.service}: ${t.team}`);
      for (const v of t.visits) out.push(`  ${v.round} (${britishDate(v.date)}): ${Object.values(v.grades).join(", ")}`);
      for (const [domain, change] of Object.entries(t.change)) {
        for (const [i, line] of wrap(`${domain}: ${CHANGE_MARK[change] ?? change}`, width - 4).entries()) out.push(`${i === 0 ? "  - " : "    "}${line}`);
      }
    }
  }
  return `${out.join("\n")}\n`;
}

function britishDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
