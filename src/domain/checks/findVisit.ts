/** Find a visit by service, team, date (British, whole or in part) or Visit ID: the pane's search. */
import { IsoDate, formatBritishDate } from "../dates";
import { foldLabel } from "../text";

export interface FindableVisit {
  visitId: string;
  team: string;
  service: string;
  visitDate: IsoDate;
}

/** "7/8" → "07/08", "7/8/17" → "07/08/17": a date typed dd/mm/yyyy or in part, as the sheet shows it; null if not date-like. */
function datePart(term: string): string | null {
  if (!/^\d{1,4}(\/\d{1,4}){0,2}$/.test(term)) return null;
  const parts = term.split("/");
  return parts.map((p, i) => (i < parts.length - 1 || parts.length < 3 ? p.padStart(Math.max(2, p.length), "0") : p)).join("/");
}

function termMatches(term: string, visit: FindableVisit): boolean {
  const folded = foldLabel(term);
  if (folded === "") return true;
  if ([visit.visitId, visit.team, visit.service].some((field) => foldLabel(field).includes(folded))) return true;
  const date = datePart(term.trim().replace(/[.-]/g, "/"));
  if (date === null || visit.visitDate === "") return false;
  const british = formatBritishDate(visit.visitDate);
  // A two-digit year: "07/08/17" is 07/08/2017.
  const short = `${british.slice(0, 6)}${british.slice(8)}`;
  return british.includes(date) || (date.split("/").length === 3 && short === date);
}

/** True when every word of the search is found in the visit's ID, team, service or British date. */
export function visitMatches(search: string, visit: FindableVisit): boolean {
  return search
    .trim()
    .split(/\s+/)
    .every((term) => termMatches(term, visit));
}
