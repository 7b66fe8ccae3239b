/**
 * The four commands. Each calls the same actions as the pane (src/actions/), through the file adapter's
 * read-only port for the input and ExcelJS's port for a workbook it writes; files are written by safeWrite only.
 * Loaded by main.ts only when a command runs, so --help never pays for the adapters.
 */
import * as path from "path";
import { FileBase, FileProblem, Source, checkSources, reportSources, summariseSources } from "../actions/consolidate";
import { writeSummarySheets } from "../actions/summaryActions";
import { todayIso } from "../actions/today";
import { setUpWorkbook } from "../actions/workbookActions";
import { checkPersonalData, personalDataLine } from "../actions/privacyActions";
import { NoActionsTableError, actionsOverview } from "../actions/actionActions";
import { NoActionsTablesError, actionsOverviewOf } from "../actions/actionSources";
import { localToday } from "../presentation/actions";
import type { ExcelJsWorkbook } from "../adapters/exceljs/excelJsWorkbook";
import { IsoDate, Problem, SummaryFilter, sheetChecks } from "../domain";
import { Options, UsageError } from "./args";
import { sourcesFor } from "./inputs";
import { summaryJson } from "./json";
import { Progress } from "./progress";
import { requireAreas, writeWordReport } from "./report";
import { safeWrite } from "./safeWrite";
import { problemCount, problemLines, summaryAsText } from "./textTables";
import { reportTrends, trendsOf, writeTrendsSheet } from "../actions/trendActions";
import { thresholdOf } from "../domain";
import { trendsAsText } from "./trendsText";
import { alreadyIn } from "../presentation/files";
import { forModerationCount } from "../presentation/wording";

export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  columns?: number;
  progress: Progress;
}

/** ExcelJS takes 0.4 s to load: only commands that write a workbook pay for it. */
async function newWorkbook(): Promise<ExcelJsWorkbook> {
  const { ExcelJsWorkbook } = await import("../adapters/exceljs/excelJsWorkbook");
  return ExcelJsWorkbook.create();
}

/** Writes a workbook: over a workbook already there only when it holds no sheet but these (see safeWrite). */
async function writeWorkbook(workbook: ExcelJsWorkbook, output: string, what: string, inputs: string[] = [], replaces: readonly string[] | "none" = workbook.sheetNames()): Promise<void> {
  await safeWrite(output, await workbook.writeBuffer(), { what, inputs, replaces });
}

/** What the user chose to count and how: --by, --tie and the round and date filters. */
/** What to count: the grouping, tie rule and filter, and the day a Final visit after which is left out (--today). */
function selectionOf(options: Options) {
  return { by: options.by, tie: options.tie, filter: filterOf(options), today: options.today };
}

function filterOf(options: Options): SummaryFilter {
  const filter: SummaryFilter = {};
  if (options.round !== undefined) filter.round = options.round;
  if (options.from !== undefined) filter.from = options.from;
  if (options.to !== undefined) filter.to = options.to;
  return filter;
}

/** "east.xlsx", or "3 files". */
function inputsName(files: readonly string[]): string {
  return files.length === 1 ? path.basename(files[0]) : `${files.length} files`;
}

/**
 * The action plans' counts by RAG (issue 11), when the workbook has an Actions table; with several workbooks, the
 * actions of all of them counted as one (src/actions/actionSources.ts), or none when no workbook has the table.
 */
async function actionsOf(sources: readonly Source[], today: IsoDate = localToday()) {
  if (sources.length !== 1) {
    return actionsOverviewOf(sources, today).catch((e) => {
      if (e instanceof NoActionsTablesError) return null;
      throw e;
    });
  }
  return actionsOverview(await sources[0].open(), today).catch((e) => {
    if (e instanceof NoActionsTableError) return null;
    throw e;
  });
}

export function tellProblems(problems: readonly Problem[], files: readonly string[], io: CommandIO): void {
  if (problems.length === 0) return;
  const count = problemCount(problems);
  io.stderr(problemLines(problems));
  io.stderr(`${count[0].toUpperCase()}${count.slice(1)} in ${inputsName(files)}.\n`);
}

export async function summaryCommand(options: Options, io: CommandIO): Promise<number> {
  const { files, sources, settings } = await sourcesFor(options, io.progress);
  const { summary, config, problems, files: perFile, validation, moderation } = await summariseSources(sources, { ...selectionOf(options), settings });
  io.progress.done();
  tellProblems(problems, files, io);
  if (options.output) {
    io.progress.step(`Writing ${path.basename(options.output)}`);
    const workbook = await newWorkbook();
    const actions = await actionsOf(sources, options.today ?? localToday());
    await writeSummarySheets(workbook, summary, config, actions, reportTrends(validation, config, filterOf(options), summary.by), moderation ?? null);
    await writeWorkbook(workbook, options.output, "summary workbook", files);
    io.progress.done();
  }
  if (options.json) io.stdout(`${JSON.stringify(summaryJson(summary, problems, perFile, moderation ?? null), null, 2)}\n`);
  else {
    io.stdout(summaryAsText(summary, { width: io.columns, files: perFile, moderation: moderation ?? null }));
    if (options.output) io.stdout(`\nSummary workbook written to ${options.output}\n`);
  }
  return options.strict && problems.length > 0 ? 1 : 0;
}

export async function reportCommand(options: Options, io: CommandIO): Promise<number> {
  if (!options.output) throw new UsageError("report needs an output file: report <input> -o report.docx.");
  const output = options.output;
  const { files, sources, settings } = await sourcesFor(options, io.progress);
  const { byService, byArea, config, problems, validation, files: perFile, moderation } = await reportSources(sources, { ...selectionOf(options), settings });
  io.progress.done();
  tellProblems(problems, files, io);
  requireAreas(options.by, byArea);
  io.progress.step(`Writing ${path.basename(output)}`);
  const trends = reportTrends(validation, config, filterOf(options), options.by === "area" ? "area" : "service");
  const actions = await actionsOf(sources, options.today ?? localToday());
  await writeWordReport(byService, byArea, config, output, { omitServiceTables: options.by === "area", inputs: files, trends, actions, files: perFile, moderation });
  io.progress.done();
  const visits = byService.base.visits;
  io.stdout(`Word report (${visits} ${visits === 1 ? "visit" : "visits"} counted) written to ${output}\n`);
  return options.strict && problems.length > 0 ? 1 : 0;
}

export async function validateCommand(options: Options, io: CommandIO): Promise<number> {
  const { files, sources, settings } = await sourcesFor(options, io.progress);
  // The same checks as Check sheet in the pane: dates after today, and grades typed another way than their usual spelling.
  const checked = await checkSources(sources, { settings, ...sheetChecks(options.today ?? todayIso()) });
  const { validation, files: perFile } = checked;
  const problems: FileProblem[] = [...checked.problems, ...(checked.actionProblems ?? []), ...(checked.moderationProblems ?? [])];
  // The personal-data guard reads every text cell, narrative included; its lines name the cell and the kind only.
  let found = 0;
  const privacyLines: string[] = [];
  let cellsChecked = 0;
  for (const source of sources) {
    const privacy = await checkPersonalData(await source.open());
    const prefix = sources.length > 1 ? `${source.name}: ` : "";
    for (const w of privacy.warnings) privacyLines.push(`${prefix}${personalDataLine(w)}\n`);
    for (const p of privacy.problems) privacyLines.push(`${prefix}Lists: the personal-data pattern "${p.name}" cannot be used: ${p.message}\n`);
    found += privacy.warnings.length;
    cellsChecked += privacy.cellsChecked;
  }
  io.progress.done();
  io.stdout(problemLines(problems));
  for (const line of privacyLines) io.stdout(line);
  // The visits for moderation and the rows an earlier file holds are said as summary's file lines say them (files.ts).
  const line = (name: string, count: string, f: Omit<FileBase, "file" | "problems">) =>
    `${name}: ${count}; ${f.visits} ${f.visits === 1 ? "visit" : "visits"} counted, ` +
    `${f.drafts} ${f.drafts === 1 ? "draft" : "drafts"}, ${f.excluded} left out` +
    `${f.forModeration ? `, ${forModerationCount(f.forModeration)}` : ""}${alreadyIn(f)}.\n`;
  for (const f of perFile ?? []) io.stderr(line(f.file, problemCount(problems.filter((p) => p.file === f.file)), f));
  const all = { visits: validation.visits.length, drafts: validation.drafts.length, excluded: validation.excluded.length, forModeration: validation.forModeration?.length };
  io.stderr(line(perFile ? `All ${files.length} files` : path.basename(files[0]), problemCount(problems), all));
  if (found > 0) io.stderr(`${found} ${found === 1 ? "cell looks" : "cells look"} like personal data about a child (${cellsChecked} text cells checked).\n`);
  // Exit 1 on a problem (an error); warnings alone only with --strict, as summary, report and trends --strict.
  const failing = options.strict ? problems : problems.filter((p) => p.severity !== "warning");
  return failing.length > 0 || (options.strictPrivacy && found > 0) ? 1 : 0;
}

export async function templateCommand(options: Options, io: CommandIO): Promise<number> {
  if (!options.output) throw new UsageError("template needs an output file: template -o diagnostics.xlsx.");
  if (options.input) throw new UsageError(`template takes no input file; did you mean -o ${options.input}?`);
  const workbook = await newWorkbook();
  await setUpWorkbook(workbook);
  await writeWorkbook(workbook, options.output, "workbook", [], "none");
  io.stdout(`Blank diagnostics workbook written to ${options.output}\n`);
  return 0;
}

export async function trendsCommand(options: Options, io: CommandIO): Promise<number> {
  const { files, sources, settings } = await sourcesFor(options, io.progress);
  const checked = await checkSources(sources, { tie: options.tie, settings, today: options.today });
  const { config, problems } = checked;
  const trends = trendsOf(checked.validation, config, options.by ?? "service");
  io.progress.done();
  tellProblems(problems, files, io);
  if (options.output) {
    io.progress.step(`Writing ${path.basename(options.output)}`);
    const workbook = await newWorkbook();
    await writeTrendsSheet(workbook, trends, checked);
    await writeWorkbook(workbook, options.output, "trends workbook", files);
    io.progress.done();
  }
  if (options.json) io.stdout(`${JSON.stringify(trends, null, 2)}\n`);
  else {
    const threshold = config.scale.levels.find((l) => l.code === thresholdOf(config));
    io.stdout(trendsAsText(trends, { width: io.columns, thresholdLabel: threshold?.label.toLowerCase() }));
    if (options.output) io.stdout(`\nTrends workbook written to ${options.output}\n`);
  }
  return options.strict && problems.length > 0 ? 1 : 0;
}
