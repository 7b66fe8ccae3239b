/**
 * The four commands. Each calls the same actions as the pane (src/actions/), through the file adapter's
 * read-only port for the input and ExcelJS's port for a workbook it writes; files are written by safeWrite only.
 * Loaded by main.ts only when a command runs, so --help never pays for the adapters.
 */
import * as path from "path";
import { todayIso } from "../actions/today";
import { checkSource, reportSource, summariseSource, writeSummarySheets } from "../actions/summaryActions";
import { setUpWorkbook } from "../actions/workbookActions";
import { openWorkbookFile } from "../adapters/exceljs/files";
import type { ExcelJsWorkbook } from "../adapters/exceljs/excelJsWorkbook";
import { Problem, SummaryFilter, sheetChecks } from "../domain";
import { Options, UsageError } from "./args";
import { summaryJson } from "./json";
import { Progress } from "./progress";
import { requireAreas, writeWordReport } from "./report";
import { refuseInput, safeWrite } from "./safeWrite";
import { problemCount, problemLines, summaryAsText } from "./textTables";

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

async function writeWorkbook(workbook: ExcelJsWorkbook, output: string, what: string, inputs: string[] = []): Promise<void> {
  await safeWrite(output, await workbook.writeBuffer(), { what, inputs });
}

function requireInput(options: Options): string {
  if (!options.input) throw new UsageError(`${options.command} needs an input file: ${options.command} <input.xlsx|input.csv>.`);
  return options.input;
}

function filterOf(options: Options): SummaryFilter {
  const filter: SummaryFilter = {};
  if (options.round !== undefined) filter.round = options.round;
  if (options.from !== undefined) filter.from = options.from;
  if (options.to !== undefined) filter.to = options.to;
  return filter;
}

/** Opens the input read-only, refusing first an output that would be the input. */
async function openInput(options: Options, io: CommandIO) {
  const input = requireInput(options);
  if (options.output) await refuseInput(options.output, [input]);
  io.progress.step(`Reading ${path.basename(input)}`);
  return { input, port: await openWorkbookFile(input) };
}

function tellProblems(problems: readonly Problem[], input: string, io: CommandIO): void {
  if (problems.length === 0) return;
  const count = problemCount(problems);
  io.stderr(problemLines(problems));
  io.stderr(`${count[0].toUpperCase()}${count.slice(1)} in ${path.basename(input)}.\n`);
}

export async function summaryCommand(options: Options, io: CommandIO): Promise<number> {
  const { input, port } = await openInput(options, io);
  io.progress.step(`Checking and summarising ${path.basename(input)}`);
  const { summary, config, problems } = await summariseSource(port, { by: options.by, tie: options.tie, filter: filterOf(options) });
  io.progress.done();
  tellProblems(problems, input, io);
  if (options.output) {
    io.progress.step(`Writing ${path.basename(options.output)}`);
    const workbook = await newWorkbook();
    await writeSummarySheets(workbook, summary, config);
    await writeWorkbook(workbook, options.output, "summary workbook", [input]);
    io.progress.done();
  }
  if (options.json) io.stdout(`${JSON.stringify(summaryJson(summary, problems), null, 2)}\n`);
  else {
    io.stdout(summaryAsText(summary, { width: io.columns }));
    if (options.output) io.stdout(`\nSummary workbook written to ${options.output}\n`);
  }
  return options.strict && problems.length > 0 ? 1 : 0;
}

export async function reportCommand(options: Options, io: CommandIO): Promise<number> {
  if (!options.output) throw new UsageError("report needs an output file: report <input> -o report.docx.");
  const output = options.output;
  const { input, port } = await openInput(options, io);
  io.progress.step(`Checking ${path.basename(input)}`);
  const { byService, byArea, config, problems } = await reportSource(port, { by: options.by, tie: options.tie, filter: filterOf(options) });
  io.progress.done();
  tellProblems(problems, input, io);
  requireAreas(options.by, byArea);
  io.progress.step(`Writing ${path.basename(output)}`);
  await writeWordReport(byService, byArea, config, output, { omitServiceTables: options.by === "area", inputs: [input] });
  io.progress.done();
  const visits = byService.base.visits;
  io.stdout(`Word report (${visits} ${visits === 1 ? "visit" : "visits"} counted) written to ${output}\n`);
  return options.strict && problems.length > 0 ? 1 : 0;
}

export async function validateCommand(options: Options, io: CommandIO): Promise<number> {
  const { input, port } = await openInput(options, io);
  io.progress.step(`Checking ${path.basename(input)}`);
  // The same checks as Check sheet in the pane: dates after today, and grades typed another way than their usual spelling.
  const { validation, problems } = await checkSource(port, sheetChecks(todayIso()));
  io.progress.done();
  io.stdout(problemLines(problems));
  const counted = validation.visits.length;
  io.stderr(
    `${path.basename(input)}: ${problemCount(problems)}; ${counted} ${counted === 1 ? "visit" : "visits"} counted, ` +
      `${validation.drafts.length} ${validation.drafts.length === 1 ? "draft" : "drafts"}, ${validation.excluded.length} left out.\n`,
  );
  return problems.length > 0 ? 1 : 0;
}

export async function templateCommand(options: Options, io: CommandIO): Promise<number> {
  if (!options.output) throw new UsageError("template needs an output file: template -o diagnostics.xlsx.");
  if (options.input) throw new UsageError(`template takes no input file; did you mean -o ${options.input}?`);
  const workbook = await newWorkbook();
  await setUpWorkbook(workbook);
  await writeWorkbook(workbook, options.output, "workbook");
  io.stdout(`Blank diagnostics workbook written to ${options.output}\n`);
  return 0;
}
