import { DiagnosticsConfig, STATUSES, STATUS_FINAL, gradedColumns } from "./config";
import { IsoDate, fromExcelSerial, parseVisitDate, toExcelSerial } from "./dates";
import { RecordField, gradeKey, matchHeaders } from "./fields";
import { CompiledScale, compileScale, parseGrade } from "./scale";
import { EARLIEST_VISIT } from "./visits";
import { cellText, foldLabel } from "./text";

/** Everything a manager enters for one visit, as the pane's form holds it. */
export interface VisitForm {
  visitId: string;
  /** "YYYY-MM-DD", or "" when not chosen. */
  visitDate: IsoDate;
  round: string;
  service: string;
  team: string;
  area: string;
  teamManager: string;
  diagnosticTeam: string;
  /** Canonical grade code per domain key; "" when not chosen. */
  grades: Record<string, string>;
  strengths: string;
  areasForImprovement: string;
  recommendations: string;
  status: string;
}

export interface FieldError {
  /** A RecordField, or "grade:<domain key>". */
  field: string;
  message: string;
}

export function emptyVisitForm(config: DiagnosticsConfig): VisitForm {
  return {
    visitId: "",
    visitDate: "",
    round: "",
    service: "",
    team: "",
    area: "",
    teamManager: "",
    diagnosticTeam: "",
    grades: Object.fromEntries(gradedColumns(config).map((d) => [d.key, ""])),
    strengths: "",
    areasForImprovement: "",
    recommendations: "",
    status: STATUS_FINAL,
  };
}

/** Checks a form before anything is written. A draft may leave grades blank; a final visit may not. */
export function validateVisitForm(
  form: VisitForm,
  config: DiagnosticsConfig,
  otherVisitIds: readonly string[],
  compiled: CompiledScale = compileScale(config.scale),
): FieldError[] {
  const errors: FieldError[] = [];
  const isDraft = form.status === "Draft";
  if (!STATUSES.includes(form.status)) errors.push({ field: "status", message: "Choose Draft or Final." });
  if (form.service.trim() === "") errors.push({ field: "service", message: "Choose a service." });
  else if (config.services.length > 0 && !config.services.some((s) => foldLabel(s) === foldLabel(form.service))) {
    errors.push({ field: "service", message: `"${form.service}" is not on the list of services.` });
  }
  if (form.team.trim() === "") errors.push({ field: "team", message: "Choose or add a team." });
  if (form.visitDate === "") errors.push({ field: "visitDate", message: "Enter the visit date." });
  else {
    const date = parseVisitDate(form.visitDate);
    if (date.kind !== "date") errors.push({ field: "visitDate", message: "Enter the visit date as dd/mm/yyyy." });
    else if (date.date < EARLIEST_VISIT) errors.push({ field: "visitDate", message: "The visit date is before 2000: enter the date of the visit." });
  }
  const id = foldLabel(form.visitId);
  if (id !== "" && otherVisitIds.some((other) => foldLabel(other) === id)) {
    errors.push({ field: "visitId", message: `Visit ID "${form.visitId}" is already used.` });
  }
  for (const domain of gradedColumns(config)) {
    const value = form.grades[domain.key] ?? "";
    const parsed = parseGrade(value, compiled);
    if (parsed.kind === "blank" && !isDraft) {
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

function formValue(form: VisitForm, key: string): string | number | null {
  if (key.startsWith("grade:")) return form.grades[key.slice(6)] || null;
  if (key === "visitDate") return form.visitDate ? toExcelSerial(form.visitDate) : null;
  const value = form[key as RecordField];
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * The cells a form fills, by 0-based column of the given header row.
 * Columns the add-in does not know are absent, so an edit never touches them.
 */
export function formCells(form: VisitForm, headers: readonly unknown[], config: DiagnosticsConfig): Map<number, string | number | null> {
  const { columns } = matchHeaders(headers, config);
  const cells = new Map<number, string | number | null>();
  for (const [key, column] of columns) cells.set(column, formValue(form, key));
  return cells;
}

/** A full new row in header order, blank under columns the add-in does not know. */
export function formRow(form: VisitForm, headers: readonly unknown[], config: DiagnosticsConfig): (string | number | null)[] {
  const cells = formCells(form, headers, config);
  return headers.map((_, i) => cells.get(i) ?? null);
}

/** Loads a row into the form; grades typed the messy way come back canonical where recognised. */
export function formFromRow(cells: readonly unknown[], headers: readonly unknown[], config: DiagnosticsConfig): VisitForm {
  const compiled = compileScale(config.scale);
  const { columns } = matchHeaders(headers, config);
  const form = emptyVisitForm(config);
  const text = (key: string) => {
    const at = columns.get(key);
    return at === undefined ? "" : cellText(cells[at]).trim();
  };
  for (const key of ["visitId", "round", "service", "team", "area", "teamManager", "diagnosticTeam", "strengths", "areasForImprovement", "recommendations"] as const) {
    form[key] = text(key);
  }
  const statusText = text("status");
  form.status = STATUSES.find((s) => foldLabel(s) === foldLabel(statusText)) ?? (statusText === "" ? STATUS_FINAL : statusText);
  const dateAt = columns.get("visitDate");
  const raw = dateAt === undefined ? null : cells[dateAt];
  const date = typeof raw === "number" ? fromExcelSerial(raw) : null;
  const parsed = date ? null : parseVisitDate(raw);
  form.visitDate = date ?? (parsed && parsed.kind === "date" ? parsed.date : "");
  for (const domain of gradedColumns(config)) {
    const value = text(gradeKey(domain.key));
    const parsedGrade = parseGrade(value, compiled);
    form.grades[domain.key] = parsedGrade.kind === "grade" ? parsedGrade.category.code : value;
  }
  return form;
}
