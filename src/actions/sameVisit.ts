/**
 * One visit in several files (issue 14): a row whose Visit ID an earlier file already holds is the same visit, of
 * whatever kind either row is (counted, For moderation, a deep dive, planned, a draft or a row left out with
 * problems). When the two rows are of one kind and every field that kind is counted by matches (a copied workbook),
 * the later row is in the combined base once: a warning names both places. Otherwise (other values, or another
 * status: For moderation in one file and Final in the next) the later row is left out with a problem naming both
 * places, so a visit is never both counted and left out for moderation. The earlier file wins: files are read in
 * the order given (a folder's in name order).
 *
 * Each file's own line says what the file holds (its drafts, its visits for moderation, its rows left out, and how
 * many of its rows an earlier file already holds); its counted visits are those counted from it.
 */
import {
  DeepDiveRow,
  DraftRow,
  ExcludedRow,
  IsoDate,
  PlannedRow,
  Problem,
  RawTable,
  ValidationResult,
  Visit,
  cellAddress,
  cellText,
} from "../domain";

export type RowKind = "visit" | "forModeration" | "deepDive" | "planned" | "draft" | "excluded";

/** What a row of each kind is called when the two rows of one Visit ID differ in kind. */
const CALLED: Record<RowKind, string> = {
  visit: "a Final visit",
  forModeration: "a visit for moderation",
  deepDive: "a deep dive",
  planned: "a planned visit",
  draft: "a draft",
  excluded: "a row left out with problems",
};

/** What the combined base holds once when two rows of one kind agree (a counted visit is "counted once"). */
const ONCE: Record<RowKind, string> = {
  visit: "counted once",
  forModeration: "the same visit for moderation, in the base once",
  deepDive: "the same deep dive, in the base once",
  planned: "the same planned visit, in the base once",
  draft: "the same draft, in the base once",
  excluded: "the same row left out, in the base once",
};

/** The first row of a Visit ID: where it is (for messages), its kind and the fields its kind is counted by. */
export interface SeenRow {
  file: string;
  sheet: string;
  cell: string;
  kind: RowKind;
  key: string;
  row: number;
}

/** A row of a later file that an earlier file already holds with the same values: its round and date, for a selection. */
export interface Repeat {
  round: string;
  visitDate: IsoDate | null;
  /** The file that holds it first. */
  file: string;
}

/** One file's rows sorted out against the files before it. */
export interface SortedRows {
  /** The rows new to the combined base (conflicting rows are in `excluded`, with their reason). */
  fresh: Required<Pick<ValidationResult, "visits" | "drafts" | "excluded" | "forModeration" | "deepDives" | "planned">>;
  /** The file's own line: its new counted visits, and every other row it holds (a conflicting row as left out). */
  own: Pick<ValidationResult, "visits" | "drafts" | "excluded" | "forModeration">;
  /** The warnings and problems found, in row order. */
  problems: Problem[];
  repeats: Repeat[];
  /** The Visit IDs this file adds, to remember for the files after it. */
  seen: Map<string, SeenRow>;
}

const fold = (text: string) => text.trim().toLowerCase();

/** The fields that make two rows of a kind the same row for counting. */
export function countedKey(visit: Visit): string {
  const grades = Object.keys(visit.grades)
    .sort()
    .map((key) => `${key}=${visit.grades[key]}`);
  return JSON.stringify([visit.visitDate, fold(visit.round), visit.service, visit.team, visit.area, grades]);
}

/** A draft or a visit for moderation is counted by its round and date only (its grades are not counted). */
function draftKey(row: DraftRow): string {
  return JSON.stringify([row.visitDate, fold(row.round)]);
}

function deepDiveKey(row: DeepDiveRow): string {
  return JSON.stringify([row.visitDate, fold(row.round), row.service]);
}

function plannedKey(row: PlannedRow): string {
  return JSON.stringify([row.visitDate, fold(row.round), row.service, row.team, row.area]);
}

/** A row left out: its round, date and problems (each without its cell, which moves with a title row). */
function excludedKey(row: ExcludedRow): string {
  return JSON.stringify([row.visitDate, fold(row.round), row.reasons.map((r) => r.replace(/^[A-Z]+\d+: /, ""))]);
}

/** Sorts out one file's rows against the Visit IDs of the files before it (`earlier`, not changed). */
export function sortOutRows(file: string, table: RawTable, idColumn: number | undefined, validation: ValidationResult, earlier: ReadonlyMap<string, SeenRow>): SortedRows {
  const idCell = (row: number) => (idColumn === undefined ? `row ${row}` : cellAddress(table.firstColumn + idColumn, row));
  const idAt = (row: number) => (idColumn === undefined ? "" : cellText(table.rows[row - table.headerRow - 1]?.[idColumn]).trim());
  const column = String(table.headers[idColumn ?? 0] ?? "Visit ID");
  const seen = new Map<string, SeenRow>();
  const problems: Problem[] = [];
  const repeats: Repeat[] = [];
  const conflicts: ExcludedRow[] = [];
  /** Reasons added to the file's own rows left out, by row. */
  const alsoLeftOut = new Map<number, string>();

  /** "keep" (new), "repeat" (the same row as an earlier file's) or "conflict" (left out). */
  const sort = (kind: RowKind, row: number, id: string, key: string, place: { round: string; visitDate: IsoDate | null }): "keep" | "repeat" | "conflict" => {
    // A row with no Visit ID is known by its kind and every field that kind is counted by: a copied workbook (or
    // CSV) without IDs is then counted once too. Only a row the same in every counted field is the same visit.
    const folded = id.trim() === "" ? `\u0000${kind}\u0000${key}` : id.toLowerCase();
    const before = earlier.get(folded);
    const cell = idCell(row);
    if (!before) {
      // The file's first row of the ID (a second one is left out by the file's own check).
      if ((seen.get(folded)?.row ?? Infinity) > row) seen.set(folded, { file, sheet: table.sheet, cell, kind, key, row });
      return "keep";
    }
    const there = `${before.file} (${before.sheet}!${before.cell})`;
    const base = { sheet: table.sheet, row, column, cell };
    if (id.trim() === "") {
      const said = `has no Visit ID, and ${there} holds one with the same values: ${ONCE[kind]}.`;
      problems.push({ ...base, message: `This row ${said}`, severity: "warning", brief: `${cell}: This row ${said}` });
      repeats.push({ round: place.round, visitDate: place.visitDate, file: before.file });
      return "repeat";
    }
    if (before.kind === kind && before.key === key) {
      const said = `is also in ${there} with the same values: ${ONCE[kind]}.`;
      problems.push({ ...base, message: `Visit ID "${id}" ${said}`, severity: "warning", brief: `${cell}: Visit ID ${said}` });
      repeats.push({ round: place.round, visitDate: place.visitDate, file: before.file });
      return "repeat";
    }
    const differ = before.kind === kind ? "with different values" : `as ${CALLED[before.kind]}, here ${CALLED[kind]}`;
    const brief = `${cell}: Visit ID is also in ${there} ${differ}.`;
    problems.push({ ...base, message: `Visit ID "${id}" is also in ${there} ${differ}: this row is left out.`, severity: "error", brief });
    if (kind === "excluded") alsoLeftOut.set(row, brief);
    else conflicts.push({ sheet: table.sheet, row, reasons: [brief], round: place.round, visitDate: place.visitDate });
    return "conflict";
  };

  const visits: Visit[] = [];
  for (const v of validation.visits) if (sort("visit", v.row, v.visitId, countedKey(v), v) === "keep") visits.push(v);
  // The other kinds: a repeat stays in the file's own line (the file holds it) but not in the combined base.
  const split = <T extends { row: number }>(rows: readonly T[], kind: RowKind, id: (r: T) => string, key: (r: T) => string, place: (r: T) => { round: string; visitDate: IsoDate | null }) => {
    const fresh: T[] = [];
    const own: T[] = [];
    for (const r of rows) {
      const sorted = sort(kind, r.row, id(r), key(r), place(r));
      if (sorted === "keep") fresh.push(r);
      if (sorted !== "conflict") own.push(r);
    }
    return { fresh, own };
  };
  const byRow = (r: DraftRow) => idAt(r.row);
  const forModeration = split(validation.forModeration ?? [], "forModeration", byRow, draftKey, (r) => r);
  const deepDives = split(validation.deepDives ?? [], "deepDive", (r) => r.visitId, deepDiveKey, (r) => r);
  const planned = split(validation.planned ?? [], "planned", (r) => r.visitId, plannedKey, (r) => ({ round: r.round, visitDate: r.visitDate || null }));
  const drafts = split(validation.drafts, "draft", byRow, draftKey, (r) => r);
  // A row left out that conflicts stays left out (in the base and the file's line), with the conflict among its reasons.
  const freshExcluded: ExcludedRow[] = [...conflicts];
  const ownExcluded: ExcludedRow[] = [...conflicts];
  for (const r of validation.excluded) {
    const sorted = sort("excluded", r.row, idAt(r.row), excludedKey(r), r);
    const row = sorted === "conflict" ? { ...r, reasons: [...r.reasons, alsoLeftOut.get(r.row)!] } : r;
    if (sorted !== "repeat") freshExcluded.push(row);
    ownExcluded.push(row);
  }
  const inRowOrder = (rows: ExcludedRow[]) => rows.sort((x, y) => x.row - y.row);
  return {
    fresh: {
      visits,
      drafts: drafts.fresh,
      forModeration: forModeration.fresh,
      deepDives: deepDives.fresh,
      planned: planned.fresh,
      excluded: inRowOrder(freshExcluded),
    },
    own: { visits, drafts: drafts.own, forModeration: forModeration.own, excluded: inRowOrder(ownExcluded) },
    problems: problems.sort((x, y) => x.row - y.row),
    repeats,
    seen,
  };
}
