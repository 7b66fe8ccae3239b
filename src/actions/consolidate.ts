/**
 * Consolidation: many workbooks (one per manager, per service or per year), one answer. Each file is read and
 * checked on its own, one at a time (only its counted visits are kept, not its rows), then the results are put
 * together: problems and rows left out name their file, a Visit ID found in two files is counted once when the
 * two agree and left out of the second file otherwise, and files whose settings differ are refused unless the
 * caller names the workbook whose settings win.
 *
 * Any command that checks a source plugs in here: checkSources() gives the same Checked as checkSource(), so a
 * command written for one file takes many. With one source it is exactly checkSource() (files: null), so the
 * one-file output stays as it was.
 */
import {
  DiagnosticsConfig,
  DraftRow,
  ExcludedRow,
  GroupBy,
  Problem,
  Summary,
  SummaryFilter,
  ValidationResult,
  Visit,
  cellAddress,
  matchHeaders,
  rollUp,
} from "../domain";
import { UserFacingError } from "../errors";
import { CheckOptions, ModerationCount, mergeModerationCounts } from "../domain";
import { Checked, SourcePort, SummaryActionOptions, checkSource, reportSummaries } from "./summaryActions";

/** One input: the name used in messages (its file name) and how to open it, opened only when its turn comes. */
export interface Source {
  name: string;
  open(): Promise<SourcePort>;
}

/** A problem, or a row left out, with the file it is in (only when there is more than one file). */
export type FileProblem = Problem & { file?: string };
export type FileExcludedRow = ExcludedRow & { file?: string };

/** What the base says of each file: its visits counted (after the selection) and its rows left out. */
export interface FileBase {
  file: string;
  visits: number;
  drafts: number;
  excluded: number;
  problems: number;
  /** Its visits For moderation (issue 15): absent when none, so the base of a file without them is unchanged. */
  forModeration?: number;
}

export interface Consolidated extends Checked {
  problems: FileProblem[];
  /** Per file, in the order given; null for a single source (so its output is unchanged). */
  files: FileBase[] | null;
  /** Each file's own counted visits, drafts and rows left out, for the per-file counts under a selection. */
  perFile?: Pick<ValidationResult, "visits" | "drafts" | "excluded" | "forModeration">[];
}

/** The settings that must agree between files for their grades to be counted together. */
export const SHARED_SETTINGS = ["scale", "domains", "overall", "tieRule"] as const;
type SharedSettings = Pick<DiagnosticsConfig, (typeof SHARED_SETTINGS)[number]>;

const WORDS: Record<(typeof SHARED_SETTINGS)[number], string> = {
  scale: "grading scale",
  domains: "quality domains",
  overall: "overall conclusion",
  tieRule: "tie rule",
};

function shared(config: DiagnosticsConfig): SharedSettings {
  return { scale: config.scale, domains: config.domains, overall: config.overall, tieRule: config.tieRule };
}

function listed(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The fields that make two rows the same visit for counting. */
function countedKey(visit: Visit): string {
  const grades = Object.keys(visit.grades)
    .sort()
    .map((key) => `${key}=${visit.grades[key]}`);
  return JSON.stringify([visit.visitDate, visit.round.trim().toLowerCase(), visit.service, visit.team, visit.area, grades]);
}

interface Seen {
  file: string;
  cell: string;
  sheet: string;
  key: string;
}

export interface ConsolidateOptions extends Pick<SummaryActionOptions, "tie">, CheckOptions {
  /** The workbook whose settings win when the files' settings differ (--settings FILE). */
  settings?: Source;
}

/** Reads the winning settings: the named workbook's Lists sheet (its Diagnostics table need not be there). */
async function settingsOf(source: Source): Promise<SharedSettings> {
  const { readContext, optionalOverall } = await import("./context");
  const port = await source.open();
  const context = await readContext(port, { rows: false, narrative: false, lists: true, selection: false });
  return shared(optionalOverall(context.config, context.snapshot));
}

/** Checks every source and puts the results together (see the file's comment). */
export async function checkSources(sources: readonly Source[], options: ConsolidateOptions = {}): Promise<Consolidated> {
  if (sources.length === 0) throw new UserFacingError("No input files were given.");
  const winner = options.settings ? await settingsOf(options.settings) : undefined;
  const { today, spelling, duplicates } = options;
  const check = async (source: Source) => checkSource(await source.open(), { tie: options.tie, settings: winner, today, spelling, duplicates });
  if (sources.length === 1 && !winner) {
    const one = await check(sources[0]);
    delete one.table;
    return { ...one, files: null };
  }

  const visits: Visit[] = [];
  const drafts: DraftRow[] = [];
  // Rows each file's validation holds besides its visits: carried so the combined base says what the files add up to.
  const forModeration: DraftRow[] = [];
  const deepDives: NonNullable<ValidationResult["deepDives"]> = [];
  const planned: NonNullable<ValidationResult["planned"]> = [];
  const excluded: FileExcludedRow[] = [];
  const problems: FileProblem[] = [];
  const actionProblems: FileProblem[] = [];
  const moderationProblems: FileProblem[] = [];
  const moderation: ModerationCount[][] = [];
  const files: FileBase[] = [];
  const perFile: NonNullable<Consolidated["perFile"]> = [];
  const seen = new Map<string, Seen>();
  let first: { name: string; config: DiagnosticsConfig } | undefined;
  const services: string[] = [];
  const teams = new Map<string, DiagnosticsConfig["teams"][number]>();
  const areas: string[] = [];
  // Issue 12: themes are counted when any input has the theme columns.
  let themeColumns = false;

  for (const source of sources) {
    const checked = await check(source);
    if (checked.validation.themeColumns) themeColumns = true;
    const file = source.name;
    if (!first) first = { name: file, config: checked.config };
    else if (!winner) refuseDifferentSettings(first, { name: file, config: checked.config });
    for (const s of checked.config.services) if (!services.includes(s)) services.push(s);
    for (const t of checked.config.teams) if (!teams.has(t.name)) teams.set(t.name, t);
    for (const a of checked.config.areas) if (!areas.includes(a)) areas.push(a);

    const table = checked.table!;
    const idColumn = matchHeaders(table.headers, checked.config).columns.get("visitId");
    const idCell = (row: number) => (idColumn === undefined ? `row ${row}` : cellAddress(table.firstColumn + idColumn, row));
    const own: Visit[] = [];
    const ownExcluded: ExcludedRow[] = [...checked.validation.excluded];
    const ownProblems: Problem[] = [...checked.problems];
    for (const visit of checked.validation.visits) {
      const id = visit.visitId.trim().toLowerCase();
      const key = countedKey(visit);
      const before = id === "" ? undefined : seen.get(id);
      if (!before) {
        if (id !== "") seen.set(id, { file, cell: idCell(visit.row), sheet: table.sheet, key });
        own.push(visit);
        continue;
      }
      const cell = idCell(visit.row);
      const there = `${before.file} (${before.sheet}!${before.cell})`;
      const base = { sheet: table.sheet, row: visit.row, column: String(table.headers[idColumn ?? 0] ?? "Visit ID"), cell };
      if (before.key === key) {
        const brief = `Visit ID is also in ${there} with the same values: counted once.`;
        ownProblems.push({ ...base, message: `Visit ID "${visit.visitId}" is also in ${there} with the same values: counted once.`, severity: "warning", brief: `${cell}: ${brief}` });
      } else {
        const brief = `Visit ID is also in ${there} with different values.`;
        ownProblems.push({ ...base, message: `Visit ID "${visit.visitId}" is also in ${there} with different values: this row is left out.`, severity: "error", brief: `${cell}: ${brief}` });
        ownExcluded.push({ sheet: table.sheet, row: visit.row, reasons: [`${cell}: ${brief}`], round: visit.round, visitDate: visit.visitDate });
      }
    }
    visits.push(...own);
    drafts.push(...checked.validation.drafts);
    const ownForModeration = checked.validation.forModeration ?? [];
    forModeration.push(...ownForModeration);
    deepDives.push(...(checked.validation.deepDives ?? []));
    planned.push(...(checked.validation.planned ?? []));
    excluded.push(...ownExcluded.map((e) => ({ file, ...e })));
    problems.push(...ownProblems.map((p) => ({ file, ...p })));
    actionProblems.push(...(checked.actionProblems ?? []).map((p) => ({ file, ...p })));
    moderationProblems.push(...(checked.moderationProblems ?? []).map((p) => ({ file, ...p })));
    if (checked.moderation) moderation.push(checked.moderation);
    perFile.push({ visits: own, drafts: checked.validation.drafts, excluded: ownExcluded, forModeration: ownForModeration });
    files.push({
      file,
      visits: own.length,
      drafts: checked.validation.drafts.length,
      excluded: ownExcluded.length,
      problems: ownProblems.length,
      ...(ownForModeration.length ? { forModeration: ownForModeration.length } : {}),
    });
  }
  const config: DiagnosticsConfig = { ...first!.config, ...(winner ?? {}), services, teams: [...teams.values()], areas };
  if (options.tie) config.tieRule = options.tie;
  const validation: ValidationResult = { visits, drafts, excluded, problems, planned, deepDives, forModeration, ...(themeColumns ? { themeColumns } : {}) };
  // One file with --settings: the same output as one file without it, but checked under the settings named.
  const moderated = moderation.length > 0 ? mergeModerationCounts(moderation, config.services) : null;
  return { config, validation, problems, actionProblems, files: sources.length > 1 ? files : null, perFile, moderationProblems, moderation: moderated };
}

function refuseDifferentSettings(a: { name: string; config: DiagnosticsConfig }, b: { name: string; config: DiagnosticsConfig }): void {
  const left = shared(a.config);
  const right = shared(b.config);
  const differ = SHARED_SETTINGS.filter((k) => JSON.stringify(left[k]) !== JSON.stringify(right[k])).map((k) => WORDS[k]);
  if (differ.length === 0) return;
  throw new UserFacingError(
    `${a.name} and ${b.name} have different settings (${listed(differ)}), so their grades cannot be counted together: ` +
      `name the workbook whose settings win with --settings FILE.`,
  );
}

/** Per-file counts under the selection: what the base lists for each file. */
function filesUnder(checked: Consolidated, config: DiagnosticsConfig, filter: SummaryFilter): FileBase[] | null {
  const perFile = checked.perFile;
  if (!checked.files || !perFile) return checked.files;
  return checked.files.map((f, i) => {
    const base = rollUp({ ...perFile[i], problems: [] }, config, { by: "service", filter }).base;
    const { forModeration: _all, ...rest } = f;
    return { ...rest, visits: base.visits, drafts: base.drafts, excluded: base.excluded.length, ...(base.forModeration ? { forModeration: base.forModeration } : {}) };
  });
}

/** summariseSource for many sources. */
export async function summariseSources(
  sources: readonly Source[],
  options: SummaryActionOptions & ConsolidateOptions = {},
): Promise<Consolidated & { summary: Summary }> {
  const checked = await checkSources(sources, options);
  const filter = options.filter ?? {};
  const summary = rollUp(checked.validation, checked.config, { by: options.by ?? "service", filter });
  return { ...checked, files: filesUnder(checked, checked.config, filter), summary };
}

/** reportSource for many sources. */
export async function reportSources(
  sources: readonly Source[],
  options: { by?: GroupBy; filter?: SummaryFilter } & ConsolidateOptions = {},
): Promise<Consolidated & { byService: Summary; byArea: Summary | null }> {
  const checked = await checkSources(sources, options);
  return { ...checked, files: filesUnder(checked, checked.config, options.filter ?? {}), ...reportSummaries(checked.validation, checked.config, options) };
}
