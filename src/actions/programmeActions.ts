/**
 * The programme of visits (issue 11 §3): when each team is due again, from one read of the workbook, for the
 * command line (`programme`) and the pane (the Programme view); and adding a planned visit from the pane, a
 * Diagnostics row with Status Planned appended below the table the co-authoring-safe way (recordVisit, which
 * writes through tablePlan's appendRowsChanges).
 */
import {
  DiagnosticsConfig,
  IsoDate,
  OVERALL_KEY,
  ProgrammeJson,
  ProgrammeVisit,
  STATUS_PLANNED,
  ValidationResult,
  compileScale,
  defaultConfig,
  emptyVisitForm,
  programme,
  validateTable,
} from "../domain";
import { NotCounted } from "../presentation/programme";
import { WorkbookPort } from "../workbook/port";
import { readContext, requireTable } from "./context";
import { SourcePort, checkSource } from "./summaryActions";
import { SaveResult, recordVisit } from "./workbookActions";

/** The visits the programme needs: every counted visit, and every planned one. */
export function programmeVisits(validation: ValidationResult, config: DiagnosticsConfig): ProgrammeVisit[] {
  const done: ProgrammeVisit[] = validation.visits.map((v) => ({
    service: v.service,
    team: v.team,
    date: v.visitDate,
    planned: false,
    overall: config.overall ? (v.grades[OVERALL_KEY] ?? null) : null,
    grades: v.grades,
  }));
  const planned: ProgrammeVisit[] = (validation.planned ?? []).map((p) => ({ service: p.service, team: p.team, date: p.visitDate, planned: true }));
  return [...done, ...planned];
}

/** The programme of a checked workbook: teams on the Lists sheet with no visit are listed as never visited. */
export function programmeOf(validation: ValidationResult, config: DiagnosticsConfig, today: IsoDate): ProgrammeJson {
  return programme(programmeVisits(validation, config), {
    today,
    compiled: compileScale(config.scale),
    hasOverall: config.overall !== null,
    intervals: config.intervals,
    teams: config.teams,
    serviceOrder: config.services,
  });
}

/** The command line's programme: the file read once, checked, and the programme worked out for `today`. */
export async function programmeSource(port: SourcePort, today: IsoDate) {
  const checked = await checkSource(port, { today });
  return { ...checked, programme: programmeOf(checked.validation, checked.config, today) };
}

/** The programme as the pane shows it: with the rows it could not count (presentation/programme.ts says them). */
export type ProgrammeView = ProgrammeJson & { notCounted: NotCounted };

/** The pane's programme: one read of every row (no narrative). */
export async function computeProgramme(port: WorkbookPort, today: IsoDate): Promise<ProgrammeView> {
  const context = await readContext(port, { rows: true, narrative: false, lists: true, selection: false });
  // A Final visit dated after today is left out, as Check sheet and the summary leave it out.
  const validation = validateTable(requireTable(context), context.config, context.compiled, { today });
  return { ...programmeOf(validation, context.config, today), notCounted: { excluded: validation.excluded.length, drafts: validation.drafts.length } };
}

export interface PlannedVisitInput {
  service: string;
  team: string;
  /** "YYYY-MM-DD". */
  visitDate: IsoDate;
  area?: string;
}

/**
 * Appends a planned visit (Status Planned, no grades) below the Diagnostics table, with the next free Visit ID,
 * and adds a new team to the Lists sheet, as recording a visit does. Nothing is written if a field is missing.
 */
export async function addPlannedVisit(port: WorkbookPort, input: PlannedVisitInput): Promise<SaveResult> {
  // The grades stay blank whatever the workbook's domains: recordVisit writes null under every grade column.
  const form = { ...emptyVisitForm(defaultConfig()), ...input, area: input.area ?? "", status: STATUS_PLANNED, grades: {} };
  return recordVisit(port, form);
}
