/**
 * A short fingerprint of what a summary is made from: the counted fields of every row (not narrative, not row
 * order) and the settings that change the result (tie rule, scale, domains, lists). Stored on the Summary sheet when
 * it is refreshed, so a later read can tell the summary is out of date without keeping anything between actions.
 */
import { DiagnosticsConfig } from "../config";
import type { ValidationResult } from "../visits";

/** FNV-1a, 32 bits, as 8 hex digits: not for security, only to notice a change. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export function summaryFingerprint(validation: ValidationResult, config: DiagnosticsConfig): string {
  const rows = [
    // A visit's themes (issue 12) only when the table has theme columns, so other fingerprints are as before.
    ...validation.visits.map((v) => JSON.stringify(["v", v.service, v.team, v.area, v.round, v.visitDate, Object.entries(v.grades).sort(), ...(v.themes ? [v.themes] : [])])),
    ...validation.excluded.map((e) => JSON.stringify(["x", e.row, e.round, e.visitDate, e.reasons])),
    ...validation.drafts.map((d) => JSON.stringify(["d", d.round, d.visitDate])),
  ].sort();
  const settings = JSON.stringify([config.tieRule, config.scale, config.domains, config.overall, config.services, config.areas, config.teams, ...(validation.themeColumns ? [config.themes ?? null] : [])]);
  const text = `${settings}\n${rows.join("\n")}`;
  return `${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01234567)}`;
}

/** The label before the fingerprint in its cell on the Summary sheet. */
export const FINGERPRINT_LABEL = "Inputs ";
