/**
 * "Import visits…" (issue 14): which of a file's visits the Diagnostics table already holds. Pure: the action
 * (src/actions/importVisits.ts) reads both sides and writes only the new ones.
 *
 * A file's visit is already in the table when the table has its Visit ID for the same team and date, or, when its
 * ID is blank or not in the table, a visit of the same team on the same date (a copy whose IDs were renumbered).
 * The same Visit ID for another team or date is a clash: neither is overwritten, the file's row is a problem. A
 * visit the file holds twice is imported once.
 */
import { Team } from "./config";
import { IsoDate } from "./dates";
import { foldLabel } from "./text";

export interface ImportVisitKey {
  /** The sheet row (the table's or the file's). */
  row: number;
  visitId: string;
  team: string;
  /** "YYYY-MM-DD", or "" when the row has no date. */
  visitDate: IsoDate | "";
}

export type ImportVerdict =
  | { kind: "new" }
  | { kind: "already"; row: number; by: "visitId" | "teamAndDate" }
  | { kind: "clash"; row: number; message: string }
  | { kind: "repeated"; row: number; message: string };

const teamDate = (v: ImportVisitKey) => (v.visitDate === "" || foldLabel(v.team) === "" ? null : `${foldLabel(v.team)}|${v.visitDate}`);

/** One verdict per incoming visit, in order (see the file's comment). */
export function compareImport(existing: readonly ImportVisitKey[], incoming: readonly ImportVisitKey[]): ImportVerdict[] {
  const byId = new Map<string, ImportVisitKey>();
  const byTeamDate = new Map<string, ImportVisitKey>();
  for (const v of existing) {
    const id = foldLabel(v.visitId);
    if (id !== "" && !byId.has(id)) byId.set(id, v);
    const key = teamDate(v);
    if (key && !byTeamDate.has(key)) byTeamDate.set(key, v);
  }
  const seenId = new Map<string, ImportVisitKey>();
  const seenTeamDate = new Map<string, ImportVisitKey>();
  return incoming.map((v): ImportVerdict => {
    const id = foldLabel(v.visitId);
    const key = teamDate(v);
    const there = id === "" ? undefined : byId.get(id);
    if (there) {
      if (key !== null && key === teamDate(there)) return { kind: "already", row: there.row, by: "visitId" };
      return { kind: "clash", row: there.row, message: `Visit ID "${v.visitId.trim()}" is already in the table for another visit (row ${there.row}): give this visit another ID.` };
    }
    const same = key === null ? undefined : byTeamDate.get(key);
    if (same) return { kind: "already", row: same.row, by: "teamAndDate" };
    const earlier = (id === "" ? undefined : seenId.get(id)) ?? (key === null ? undefined : seenTeamDate.get(key));
    if (earlier) return { kind: "repeated", row: earlier.row, message: `The same visit is in row ${earlier.row} of the file: it is imported once.` };
    if (id !== "") seenId.set(id, v);
    if (key !== null) seenTeamDate.set(key, v);
    return { kind: "new" };
  });
}

/** "3 new, 1 already in the table, 1 with problems" */
export function importCountsLine(counts: { fresh: number; already: number; problems: number }): string {
  return `${counts.fresh} new, ${counts.already} already in the table, ${counts.problems} with problems`;
}

/**
 * The teams of the visits to import that the Lists sheet lacks, each once (first spelling and its row's service
 * and area), in the file's order: Import adds them to the Lists sheet, as saving a visit with a new team does.
 */
export function newTeamsIn(known: readonly Pick<Team, "name">[], visits: readonly { team: string; service: string; area: string }[]): Team[] {
  const seen = new Set(known.map((t) => foldLabel(t.name)));
  const teams: Team[] = [];
  for (const v of visits) {
    const key = foldLabel(v.team);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    teams.push({ name: v.team.trim(), service: v.service.trim(), area: v.area.trim() });
  }
  return teams;
}
