/**
 * Summaries for the command line (and anything else holding a port it reads only): one read, validated,
 * rolled up with the options the user gave. The pane's actions are in workbookActions.ts; both start from
 * readContext, so the pane and the command line see a workbook the same way.
 */
import { todayIso } from "./today";
import {
  CheckOptions,
  ModerationCount,
  DiagnosticsConfig,
  GroupBy,
  MissingColumnsError,
  Problem,
  RawTable,
  Summary,
  SummaryFilter,
  TieRule,
  compileScale,
  ValidationResult,
  rollUp,
  validateTable,
} from "../domain";
import { UserFacingError } from "../errors";
import { SummaryOpening, summaryPlan } from "../workbook/summaryPlan";
import { SheetInfo, WorkbookPort } from "../workbook/port";
import { NoDiagnosticsTableError, optionalOverall, readContext } from "./context";
import { checkActionsIn } from "./actionActions";
import { ModerationLog, driftProblems, moderationLogOf, moderationOf } from "./moderationActions";

/** What the user chose: the command line's --by, --round, --from, --to and --tie. */
export interface SummaryActionOptions {
  by?: GroupBy;
  filter?: SummaryFilter;
  /** Overrides the workbook's own tie rule. */
  tie?: TieRule;
  /** Overrides the workbook's own scale, domains and tie rule (consolidation's --settings; see consolidate.ts). */
  settings?: Partial<DiagnosticsConfig>;
}

/**
 * A port that is a file (the file adapter's OpenedWorkbook): its name goes into the messages, and a CSV file
 * holds text only, so a date typed as text there is no problem.
 */
export interface SourcePort extends WorkbookPort {
  readonly file?: string;
  readonly textOnly?: boolean;
}

export interface Checked {
  config: DiagnosticsConfig;
  validation: ValidationResult;
  problems: Problem[];
  /** The sheets as read (with their owner tags), so a plan for an owned sheet needs no second read. */
  sheets?: SheetInfo[];
  /** The table read, for a caller that needs its cells' addresses (consolidate.ts); not kept by the command line. */
  table?: RawTable;
  /** The Actions table's problems (issue 11 §2), naming their cells; [] when there is no Actions table. */
  actionProblems?: Problem[];
  /** Final visits typed over since they were made final (issue 15), naming their cells; [] without a Change log. */
  moderationProblems?: Problem[];
  /** Per service, the grades moderation changed (counts only); null without a Change log holding changes. */
  moderation?: ModerationCount[] | null;
  /** The Change log's entries and a way to count any of them, for consolidate.ts; null without a Change log. */
  moderationLog?: ModerationLog | null;
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function listed(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The file has no table to read: one sentence naming it. */
export function noTableError(where: string): UserFacingError {
  return new UserFacingError(`${where} has no Diagnostics table: no sheet has a header row with at least "Service" and "Team" in its first 20 rows.`);
}

/** The table lacks required columns: one sentence naming the sheet, the file and the columns. */
export function missingColumnsError(sheet: string, where: string, missing: readonly { header: string }[]): UserFacingError {
  const names = missing.map((d) => `"${d.header}"`);
  return new UserFacingError(
    `Sheet "${sheet}" in ${where} has no ${names.length === 1 ? "column" : "columns"} headed ${listed(names)} (looked for the header row in the first 20 rows).`,
  );
}

/** One read of every row (no narrative), validated under the chosen tie rule. */
export async function checkSource(port: SourcePort, options: Pick<SummaryActionOptions, "tie" | "settings"> & CheckOptions = {}): Promise<Checked> {
  const context = await readContext(port, { rows: true, narrative: false, lists: true, selection: false, actions: true, changeLog: true });
  const where = port.file === undefined ? undefined : baseName(port.file);
  if (!context.table) {
    if (where === undefined) throw new NoDiagnosticsTableError();
    throw noTableError(where);
  }
  const table: RawTable = port.textOnly ? { ...context.table, textOnly: true } : context.table;
  const own = optionalOverall(context.config, context.snapshot);
  const read = options.settings ? { ...own, ...options.settings } : own;
  const config = options.tie ? { ...read, tieRule: options.tie } : read;
  try {
    // Settings from another workbook (--settings) may bring their own scale.
    // A Final visit dated after today is left out (a typing slip, 01/01/2099), as Check sheet says: every table
    // counts the visits Check sheet counts. The day is the caller's (--today) or the user's clock.
    const validation = validateTable(table, config, options.settings ? compileScale(config.scale) : context.compiled, {
      today: options.today ?? todayIso(),
      spelling: options.spelling,
      duplicates: options.duplicates,
      // Read without the overall conclusion for lacking its column: a header close to it is warned of.
      absentOverall: !options.settings && own.overall === null ? context.config.overall : null,
    });
    return {
      config,
      validation,
      problems: validation.problems,
      sheets: context.snapshot.sheets,
      table,
      actionProblems: checkActionsIn(context),
      moderationProblems: driftProblems(context),
      moderation: moderationOf(context),
      moderationLog: moderationLogOf(context),
    };
  } catch (error) {
    if (!(error instanceof MissingColumnsError) || where === undefined) throw error;
    throw missingColumnsError(error.sheet, where, error.missing);
  }
}

/** The per-service (or per-area) summary of a source, with every problem found on the way. */
export async function summariseSource(
  port: SourcePort,
  options: SummaryActionOptions = {},
): Promise<Checked & { summary: Summary }> {
  const checked = await checkSource(port, options);
  const summary = rollUp(checked.validation, checked.config, { by: options.by ?? "service", filter: options.filter ?? {} });
  return { ...checked, summary };
}

/** Writes the Summary and Counts sheets of a summary into a new workbook (one plan, applied once). */
export async function writeSummarySheets(
  target: WorkbookPort,
  summary: Summary,
  config: DiagnosticsConfig,
  actions: Parameters<typeof summaryPlan>[3] = null,
  /** The key findings and the picture at a glance at the top of the Summary sheet (issue 12). */
  opening: SummaryOpening | null = null,
  moderation: readonly ModerationCount[] | null = null,
): Promise<void> {
  await target.apply(summaryPlan(summary, config, [], actions, undefined, opening, moderation).plan);
}

/** The summaries a report needs: always by service (the overview counts every service), by area when asked or available. */
export function reportSummaries(
  validation: ValidationResult,
  config: DiagnosticsConfig,
  options: { by?: GroupBy; filter?: SummaryFilter } = {},
): { byService: Summary; byArea: Summary | null } {
  const filter = options.filter ?? {};
  const byService = rollUp(validation, config, { by: "service", filter });
  if (options.by === "service") return { byService, byArea: null };
  const byArea = rollUp(validation, config, { by: "area", filter });
  if (options.by === undefined && byArea.groups.length === 0) return { byService, byArea: null };
  return { byService, byArea };
}

/** Both groupings a Word report needs from one read of the source. */
export async function reportSource(
  port: SourcePort,
  options: SummaryActionOptions = {},
): Promise<Checked & { byService: Summary; byArea: Summary | null }> {
  const checked = await checkSource(port, options);
  return { ...checked, ...reportSummaries(checked.validation, checked.config, options) };
}
