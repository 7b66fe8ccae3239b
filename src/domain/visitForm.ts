import { DiagnosticsConfig, STATUSES, STATUS_PLANNED, VISIT_TYPES, VISIT_TYPE_DEEP_DIVE, gradedColumns } from "./config";
import { parseVisitDate, whyNotADate } from "./dates";
import { VisitForm, gradeKey, recordTable, visitRecord } from "./records";
import { CompiledScale, compileScale, parseGrade } from "./scale";
import { EARLIEST_VISIT } from "./visits";
import { foldLabel } from "./text";
import { IsoDate, formatBritishDate } from "./dates";
import { futureDateMessage, teamOutsideService, teamOutsideServiceMessage, teamsByService } from "./checks/rowChecks";

/** What the form is checked against besides the settings: today (the caller's clock) and the other rows' visits. */
export interface FormChecks {
  today?: IsoDate;
  otherVisits?: readonly { row: number; team: string; visitDate: IsoDate }[];
}

export { emptyVisitForm } from "./records";
export type { VisitForm } from "./records";

export interface FieldError {
  /** A RecordField, or "grade:<domain key>". */
  field: string;
  message: string;
}

/** Whether a form is a deep dive into a whole function (Visit type "Deep dive"), not a visit to one team. */
export const isDeepDiveForm = (form: VisitForm): boolean => foldLabel(form.visitType ?? "") === foldLabel(VISIT_TYPE_DEEP_DIVE);

/**
 * Checks a form before anything is written. A draft may leave grades blank; a final visit may not. A deep dive
 * names its function in Service (any name), may have no team, and has no grades (issue 11 §4).
 */
export function validateVisitForm(
  form: VisitForm,
  config: DiagnosticsConfig,
  otherVisitIds: readonly string[],
  compiled: CompiledScale = compileScale(config.scale),
  checks: FormChecks = {},
): FieldError[] {
  const errors: FieldError[] = [];
  const isDraft = form.status === "Draft";
  // A planned visit has not happened yet: service, team and date, but no grades (issue 11 §3).
  const isPlanned = form.status === STATUS_PLANNED;
  const isDeepDive = isDeepDiveForm(form);
  if (!STATUSES.includes(form.status)) errors.push({ field: "status", message: "Choose Draft, For moderation, Final or Planned." });
  const typeText = (form.visitType ?? "").trim();
  if (typeText !== "" && !VISIT_TYPES.some((t) => foldLabel(t) === foldLabel(typeText))) {
    errors.push({ field: "visitType", message: `Choose ${VISIT_TYPES.join(" or ")}.` });
  }
  if (form.service.trim() === "") errors.push({ field: "service", message: isDeepDive ? "Name the function the deep dive looked at." : "Choose a service." });
  else if (!isDeepDive && config.services.length > 0 && !config.services.some((s) => foldLabel(s) === foldLabel(form.service))) {
    errors.push({ field: "service", message: `"${form.service}" is not on the list of services.` });
  }
  if (form.team.trim() === "") {
    if (!isDeepDive) errors.push({ field: "team", message: "Choose or add a team." });
  }
  // A new team (on no list yet) is added under the form's service when saved; a listed team must be that service's.
  else if (!isDeepDive && form.service.trim() !== "" && config.teams.some((t) => foldLabel(t.name) === foldLabel(form.team)) && teamOutsideService(form.team.trim(), form.service.trim(), teamsByService(config))) {
    errors.push({ field: "team", message: teamOutsideServiceMessage(form.team.trim(), form.service.trim()) });
  }
  if (form.visitDate === "") errors.push({ field: "visitDate", message: "Enter the visit date." });
  else {
    const date = parseVisitDate(form.visitDate);
    if (date.kind !== "date") errors.push({ field: "visitDate", message: whyNotADate(form.visitDate) ?? "Enter the visit date as dd/mm/yyyy." });
    else if (date.date < EARLIEST_VISIT) errors.push({ field: "visitDate", message: "The visit date is before 2000: enter the date of the visit." });
    else if (checks.today !== undefined && date.date > checks.today && !isDraft && !isPlanned) {
      errors.push({ field: "visitDate", message: futureDateMessage(date.date, checks.today).replace(": check the cell holds", ": enter") });
    } else {
      const same = checks.otherVisits?.find((v) => v.visitDate === date.date && foldLabel(v.team) === foldLabel(form.team));
      if (same && form.team.trim() !== "") {
        errors.push({ field: "visitDate", message: `Team "${form.team.trim()}" already has a visit on ${formatBritishDate(date.date)} (row ${same.row}).` });
      }
    }
  }
  const id = foldLabel(form.visitId);
  if (id !== "" && otherVisitIds.some((other) => foldLabel(other) === id)) {
    errors.push({ field: "visitId", message: `Visit ID "${form.visitId}" is already used.` });
  }
  for (const domain of gradedColumns(config)) {
    const value = form.grades[domain.key] ?? "";
    const parsed = parseGrade(value, compiled);
    if (isDeepDive && parsed.kind !== "blank") {
      errors.push({ field: gradeKey(domain.key), message: `A deep dive has findings but no grades: clear ${domain.shortLabel}.` });
    } else if (isPlanned && parsed.kind !== "blank") {
      errors.push({ field: gradeKey(domain.key), message: `A planned visit has no grades yet: clear ${domain.shortLabel}, or choose Final.` });
    } else if (parsed.kind === "blank" && !isDraft && !isPlanned && !isDeepDive) {
      errors.push({ field: gradeKey(domain.key), message: `Choose a grade for ${domain.shortLabel}.` });
    } else if (parsed.kind === "unrecognised") {
      errors.push({ field: gradeKey(domain.key), message: parsed.message });
    }
  }
  return errors;
}

/** The next free ID of the form "TD-0001", above every numbered ID in use. */
export function nextVisitId(existing: readonly string[]): string {
  let highest = 0;
  for (const id of existing) {
    const m = /^TD-(\d+)$/i.exec(id.trim());
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  return `TD-${String(highest + 1).padStart(4, "0")}`;
}

/**
 * The cells a form fills, by 0-based column of the given header row.
 * Columns the add-in does not know are absent, so an edit never touches them.
 * An action that reads several rows builds `recordTable(visitRecord(config), headers)` once instead.
 */
export function formCells(form: VisitForm, headers: readonly unknown[], config: DiagnosticsConfig): Map<number, string | number | null> {
  return recordTable(visitRecord(config), headers).cells(form) as Map<number, string | number | null>;
}

/** A full new row in header order, blank under columns the add-in does not know. */
export function formRow(form: VisitForm, headers: readonly unknown[], config: DiagnosticsConfig): (string | number | null)[] {
  return recordTable(visitRecord(config), headers).row(form, headers.length) as (string | number | null)[];
}

/** Loads a row into the form; grades typed the messy way come back canonical where recognised. */
export function formFromRow(cells: readonly unknown[], headers: readonly unknown[], config: DiagnosticsConfig): VisitForm {
  return recordTable(visitRecord(config), headers).read(cells);
}
