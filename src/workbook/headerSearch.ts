/**
 * Header rows found by label, for adapters: no grading rules here, only the labels a request passes
 * (see HeaderSearch in port.ts). Labels match as the core matches headers: foldLabel on both sides.
 */
import { foldLabel } from "../domain/text";
import { HeaderSearch } from "./port";

/** Each folded label of a row and the first 0-based column holding it. */
function positions(row: readonly unknown[]): Map<string, number> {
  const at = new Map<string, number>();
  row.forEach((h, i) => {
    const folded = typeof h === "string" ? foldLabel(h) : "";
    if (folded && !at.has(folded)) at.set(folded, i);
  });
  return at;
}

const has = (at: Map<string, number>, labels: readonly string[]) => labels.some((l) => at.has(foldLabel(l)));

/** 0-based index of the header row among the first `search.rows` rows, or -1 (see HeaderSearch). */
export function findHeaderRowBy(rows: readonly (readonly unknown[] | undefined)[], search: HeaderSearch): number {
  let best = -1;
  let bestScore = 0;
  rows.slice(0, search.rows).forEach((row, i) => {
    const at = positions(row ?? []);
    if (!search.mustHave.every((labels) => has(at, labels))) return;
    const score = search.columns.filter((labels) => has(at, labels)).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** 0-based columns of a header row holding any of `labels` (the first column with each label). */
export function columnsLabelled(headers: readonly unknown[], labels: readonly string[] | undefined): Set<number> {
  if (!labels || labels.length === 0) return new Set();
  const at = positions(headers);
  return new Set(labels.flatMap((l) => (at.has(foldLabel(l)) ? [at.get(foldLabel(l))!] : [])));
}
