/**
 * Consolidation: many workbooks (one per manager, per service or per year), one answer. Each file is read and
 * checked on its own, one at a time (only its counted visits are kept, not its rows), then the results are put
 * together: problems and rows left out name their file, a Visit ID found in two files is one visit, whatever its
 * kind (counted, for moderation, deep dive, planned, draft, left out): in the base once when the two rows agree
 * and left out of the second file otherwise (sameVisit.ts), a Change log entry two files hold is one change, and
 * files whose settings differ are refused unless the caller names the workbook whose settings win.
 *
 * Any command that checks a source plugs in here: checkSources() gives the same Checked as checkSource(), so a
 * command written for one file takes many. With one source it is exactly checkSource() (files: null), so the
 * one-file output stays as it was.
 */
import {
  DiagnosticsConfig,
  DraftRow,
  ChangeLogEntry,
  ExcludedRow,
  GroupBy,
  Problem,
  Summary,
  SummaryFilter,
  ValidationResult,
  Visit,
  matchHeaders,
  mayBeInFilter,
  rollUp,
} from "../domain";
import { UserFacingError } from "../errors";
import { CheckOptions, ModerationCount, mergeModerationCounts } from "../domain";
import { Checked, SourcePort, SummaryActionOptions, checkSource, reportSummaries } from "./summaryActions";
import { Repeat, SeenRow, sortOutRows } from "./sameVisit";

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
  /** Its rows an earlier file already holds with the same values (sameVisit.ts), and those files; absent when none. */
  alreadyIn?: { rows: number; files: string[] };
}

export interface Consolidated extends Checked {
  problems: FileProblem[];
  /** Per file, in the order given; null for a single source (so its output is unchanged). */
  files: FileBase[] | null;
  /** Each file's own counted visits, drafts and rows left out, for the per-file counts under a selection. */
  perFile?: (Pick<ValidationResult, "visits" | "drafts" | "excluded" | "forModeration"> & { repeats?: Repeat[] })[];
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
    delete one.moderationLog;
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
  const seen = new Map<string, SeenRow>();
  const changes = new Set<string>();
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
    // A Visit ID an earlier file holds is the same visit, whatever its kind (sameVisit.ts).
    const sorted = sortOutRows(file, table, idColumn, checked.validation, seen);
    for (const [id, row] of sorted.seen) seen.set(id, row);
    const { fresh, own } = sorted;
    const ownProblems: Problem[] = [...checked.problems, ...sorted.problems];
    visits.push(...fresh.visits);
    drafts.push(...fresh.drafts);
    forModeration.push(...fresh.forModeration);
    deepDives.push(...fresh.deepDives);
    planned.push(...fresh.planned);
    excluded.push(...fresh.excluded.map((e) => ({ file, ...e })));
    problems.push(...ownProblems.map((p) => ({ file, ...p })));
    actionProblems.push(...(checked.actionProblems ?? []).map((p) => ({ file, ...p })));
    moderationProblems.push(...(checked.moderationProblems ?? []).map((p) => ({ file, ...p })));
    // A Change log entry an earlier file holds too (every field equal: a copied workbook's copied log) is one change.
    const log = checked.moderationLog;
    if (log) {
      const mine = new Set<string>();
      const freshChanges = log.entries().filter((e) => {
        const key = changeKey(e);
        mine.add(key);
        return !changes.has(key);
      });
      for (const key of mine) changes.add(key);
      const counts = log.count(freshChanges);
      if (counts.length > 0) moderation.push(counts);
    }
    const ownForModeration = own.forModeration ?? [];
    perFile.push({ visits: own.visits, drafts: own.drafts, excluded: own.excluded, forModeration: ownForModeration, repeats: sorted.repeats });
    files.push({
      file,
      visits: own.visits.length,
      drafts: own.drafts.length,
      excluded: own.excluded.length,
      problems: ownProblems.length,
      ...(ownForModeration.length ? { forModeration: ownForModeration.length } : {}),
      ...repeatsOf(sorted.repeats),
    });
  }
  const config: DiagnosticsConfig = { ...first!.config, ...(winner ?? {}), services, teams: [...teams.values()], areas };
  if (options.tie) config.tieRule = options.tie;
  const validation: ValidationResult = { visits, drafts, excluded, problems, planned, deepDives, forModeration, ...(themeColumns ? { themeColumns } : {}) };
  // One file with --settings: the same output as one file without it, but checked under the settings named.
  const moderated = moderation.length > 0 ? mergeModerationCounts(moderation, config.services) : null;
  return { config, validation, problems, actionProblems, files: sources.length > 1 ? files : null, perFile, moderationProblems, moderation: moderated };
}

/** A Change log entry, every field: two files holding it hold one change. */
function changeKey(e: ChangeLogEntry): string {
  return JSON.stringify([e.when, e.who, e.visitId, e.field, e.from, e.to, e.reason]);
}

/** `{ alreadyIn }` for a file's line when an earlier file holds some of its rows; nothing when none. */
function repeatsOf(repeats: readonly Repeat[]): Pick<FileBase, "alreadyIn"> {
  if (repeats.length === 0) return {};
  return { alreadyIn: { rows: repeats.length, files: [...new Set(repeats.map((r) => r.file))] } };
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
    const { forModeration: _all, alreadyIn: _repeats, ...rest } = f;
    const repeats = repeatsOf((perFile[i].repeats ?? []).filter((r) => mayBeInFilter(r, filter)));
    return { ...rest, visits: base.visits, drafts: base.drafts, excluded: base.excluded.length, ...(base.forModeration ? { forModeration: base.forModeration } : {}), ...repeats };
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
