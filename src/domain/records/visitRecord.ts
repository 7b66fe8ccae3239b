import { DiagnosticsConfig, STATUSES, STATUS_FINAL, VISIT_TYPES, VISIT_TYPE_TEAM, gradedColumns } from "../config";
import { IsoDate } from "../dates";
import { CompiledScale, compileScale, parseGrade } from "../scale";
import { foldLabel } from "../text";
import { RecordColumn, RecordKind, RecordValue } from "./kind";
import { THEME_AREAS_KEY, THEME_STRENGTHS_KEY, VISIT_THEME_COLUMNS, VisitThemeNames, formatThemeList, parseThemeList } from "./visitThemes";

/** A column of the Diagnostics table that is not a grade. */
export type RecordField =
  | "visitId"
  | "visitDate"
  | "round"
  | "service"
  | "team"
  | "area"
  | "teamManager"
  | "diagnosticTeam"
  | "strengths"
  | "areasForImprovement"
  | "recommendations"
  | "status";

/** What identifies a visit and places it: shared by the form and by a counted visit (visits.ts). */
export interface VisitPlace {
  visitId: string;
  /** "YYYY-MM-DD" ("" in a form when not chosen). */
  visitDate: IsoDate;
  round: string;
  service: string;
  team: string;
  area: string;
  /** Canonical grade code per domain key ("" in a form when not chosen). */
  grades: Record<string, string>;
}

/** Everything a manager enters for one visit, as the pane's form holds it. */
export interface VisitForm extends VisitPlace {
  teamManager: string;
  diagnosticTeam: string;
  strengths: string;
  areasForImprovement: string;
  recommendations: string;
  status: string;
  /** The confirmed themes (issue 12): only when the kind was asked for them (visitRecord's `themes` option). */
  themes?: VisitThemeNames;
  /**
   * "Team diagnostic" or "Deep dive" as the Visit type column holds it; "" when the row's cell is blank (a team
   * diagnostic). Absent when a form is built without one, and then the column is not written.
   */
  visitType?: string;
}

export const gradeKey = (domainKey: string) => `grade:${domainKey}`;

/** The workbook names of the Lists sheet's lists that the visit columns' dropdowns offer. */
export const VISIT_LISTS = {
  grades: "TD_Grades",
  services: "TD_Services",
  teams: "TD_Teams",
  areas: "TD_Areas",
  statuses: "TD_Statuses",
  visitTypes: "TD_VisitTypes",
} as const;

type FieldOptions = Partial<Pick<RecordColumn, "kind" | "required" | "narrative" | "long" | "list" | "listError">>;

const field = (key: RecordField, header: string, options: FieldOptions = {}): RecordColumn => ({
  key,
  header,
  alternatives: [],
  kind: options.kind ?? "text",
  required: options.required ?? false,
  narrative: options.narrative ?? false,
  ...(options.long ? { long: true } : {}),
  ...(options.list ? { list: options.list, listError: options.listError } : {}),
});

/** The Service column, with its dropdown: every kind that belongs to a service shares it. */
export function serviceColumn(required: boolean): RecordColumn {
  return field("service", "Service", {
    kind: "list",
    required,
    list: VISIT_LISTS.services,
    listError: { title: "Service not on the list", message: "Choose a service from the list, or add it on the Lists sheet first." },
  });
}

/** The Team column, with its dropdown: every kind that belongs to a team shares it. */
export function teamColumn(): RecordColumn {
  return field("team", "Team", {
    kind: "list",
    required: true,
    list: VISIT_LISTS.teams,
    listError: { title: "Team not on the list", message: "Choose a team from the list, or add it on the Lists sheet (or in the task pane) first." },
  });
}

/** The Diagnostics table's columns before the grades, in their default order. */
const BEFORE_GRADES: RecordColumn[] = [
  field("visitId", "Visit ID"),
  field("visitDate", "Visit date", { kind: "date", required: true }),
  field("round", "Round"),
  serviceColumn(true),
  teamColumn(),
  field("area", "Area"),
  field("teamManager", "Team manager", { narrative: true }),
  field("diagnosticTeam", "Diagnostic team", { narrative: true }),
];

/** The columns after the grades. */
const AFTER_GRADES: RecordColumn[] = [
  field("strengths", "Strengths", { narrative: true, long: true }),
  field("areasForImprovement", "Areas for improvement", { narrative: true, long: true }),
  field("recommendations", "Recommendations", { narrative: true, long: true }),
  field("status", "Status", {
    kind: "list",
    list: VISIT_LISTS.statuses,
    listError: { title: "Status", message: "Choose Draft, For moderation, Final or Planned." },
  }),
];

/**
 * The optional Visit type column (issue 11 §4): "Team diagnostic" (the default when blank) or "Deep dive".
 * The kind's last column, so Set up adds it at the right of a table made before it, with its dropdown; a
 * workbook without it reads every row as a team diagnostic.
 */
export const VISIT_TYPE_COLUMN: RecordColumn = {
  key: "visitType",
  header: "Visit type",
  alternatives: ["Type of visit"],
  kind: "list",
  required: false,
  narrative: false,
  list: VISIT_LISTS.visitTypes,
  listError: { title: "Visit type", message: `Choose ${VISIT_TYPES.join(" or ")}.` },
};

/** The visit's fields held as plain text in the form: every field but the date, the status and the grades. */
export const VISIT_TEXT_FIELDS = [...BEFORE_GRADES, ...AFTER_GRADES]
  .filter((c) => c.kind !== "date" && c.key !== "status")
  .map((c) => c.key as Exclude<RecordField, "visitDate" | "status">);

/** The fields that tell one visit from another: every one but the narrative ones and the grades. */
export const VISIT_IDENTITY_FIELDS = [...BEFORE_GRADES, ...AFTER_GRADES].filter((c) => !c.narrative).map((c) => c.key as RecordField);

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
    visitType: VISIT_TYPE_TEAM,
  };
}

/**
 * The visit kind: the Diagnostics table. Its graded columns come from the configuration (a council's own
 * domains, the overall conclusion or none), so the kind is a function of it.
 */
export function visitRecord(
  config: DiagnosticsConfig,
  compiled: CompiledScale = compileScale(config.scale),
  /** With the two optional theme columns at the end (visitThemes.ts): for Set up and the visit form. */
  options: { themes?: boolean } = {},
): RecordKind<VisitForm> {
  const graded = gradedColumns(config);
  const gradeList = compiled.categories.map((c) => c.code).join(", ");
  const gradeColumns: RecordColumn[] = graded.map((d) => ({
    key: gradeKey(d.key),
    header: d.shortLabel,
    alternatives: [d.fullLabel],
    kind: "grade",
    required: true,
    narrative: false,
    list: VISIT_LISTS.grades,
    listError: { title: "Grade not on the scale", message: `Choose a grade from the list: ${gradeList}.` },
  }));
  return {
    name: "visit",
    table: "Diagnostics",
    sheet: "Diagnostics",
    columns: [...BEFORE_GRADES, ...gradeColumns, ...AFTER_GRADES, VISIT_TYPE_COLUMN, ...(options.themes ? VISIT_THEME_COLUMNS : [])],
    identifying: ["service", "team"],
    // Grades typed the messy way come back canonical where recognised.
    read(row) {
      const form = emptyVisitForm(config);
      for (const key of VISIT_TEXT_FIELDS) form[key] = row.text(key);
      const statusText = row.text("status");
      form.status = STATUSES.find((s) => foldLabel(s) === foldLabel(statusText)) ?? (statusText === "" ? STATUS_FINAL : statusText);
      form.visitDate = row.date("visitDate");
      for (const domain of graded) {
        const value = row.text(gradeKey(domain.key));
        const parsed = parseGrade(value, compiled);
        form.grades[domain.key] = parsed.kind === "grade" ? parsed.category.code : value;
      }
      if (options.themes) form.themes = { strengths: parseThemeList(row.text(THEME_STRENGTHS_KEY)), areasForImprovement: parseThemeList(row.text(THEME_AREAS_KEY)) };
      // As typed, canonical when recognised: a blank cell stays blank, so an edit does not fill it in.
      const typeText = row.text("visitType");
      form.visitType = VISIT_TYPES.find((t) => foldLabel(t) === foldLabel(typeText)) ?? typeText;
      return form;
    },
    write(form) {
      const values: Record<string, RecordValue> = {};
      for (const key of VISIT_TEXT_FIELDS) values[key] = form[key];
      values.visitDate = form.visitDate;
      values.status = form.status;
      for (const domain of graded) values[gradeKey(domain.key)] = form.grades[domain.key] || null;
      if (options.themes && form.themes) {
        values[THEME_STRENGTHS_KEY] = formatThemeList(form.themes.strengths) || null;
        values[THEME_AREAS_KEY] = formatThemeList(form.themes.areasForImprovement) || null;
      }
      if (form.visitType !== undefined) values.visitType = form.visitType;
      return values;
    },
  };
}
