import * as path from "path";
import { setUpWorkbook } from "../actions/workbookActions";
import { openWorkbookFile, readDiagnostics, writeWorkbookFile } from "../adapters/exceljs/files";
import {
  GroupBy,
  IsoDate,
  Problem,
  Summary,
  SummaryFilter,
  TieRule,
  parseBritishDate,
  rollUp,
  validateTable,
} from "../domain";
import { UserFacingError } from "../errors";
import { summaryPlan } from "../workbook/summaryPlan";
import { runReport } from "./report";
import { problemCount, problemLines, summaryAsText } from "./textTables";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Terminal width for the text tables, when known. */
  columns?: number;
}

export const USAGE = `Team Diagnostics command line

Usage:
  npm run --silent cli -- summary <input.xlsx|input.csv> [options]
  npm run --silent cli -- report <input.xlsx|input.csv> -o <report.docx> [options]
  npm run --silent cli -- validate <input.xlsx|input.csv>
  npm run --silent cli -- template -o <file.xlsx>
  npm run --silent cli -- --help

summary   Rolls the visits up into one table per service (or area) and prints it.
  -o, --output FILE     Also write the summary workbook (Summary and Counts sheets) to FILE.
  --json                Print only a JSON document on stdout.
  --round R             Only visits of round R.
  --from D, --to D      Only visits on or after / on or before D (dd/mm/yyyy or yyyy-mm-dd).
  --tie cautious|split  How a tie for most frequent grade is settled (default: the workbook's setting, else cautious).
  --by service|area     Group by service (default) or by area.
  --strict              Exit with status 1 when there is any problem.
report    Writes a Word report: per service (and per area, when areas are filled in) the same tables,
          an overview with a chart and its numbers, and the base. Takes --round, --from, --to, --tie,
          --by (only that grouping) and --strict as summary does.
validate  Lists every problem, one a line ("Diagnostics!G27: ..."); exit status 1 when there is any.
template  Writes a blank Diagnostics workbook with dropdowns and the Lists sheet.

The input is read from the sheet named Diagnostics, else the first sheet whose header row is
recognised in its first 20 rows, or from a .csv file. The input file is never modified.
Exit status: 0 done, 1 problems found (validate, or summary --strict), 2 the input could not be used.
`;

class UsageError extends UserFacingError {}

interface Options {
  command: string;
  input?: string;
  output?: string;
  json: boolean;
  round?: string;
  from?: IsoDate;
  to?: IsoDate;
  tie?: TieRule;
  strict: boolean;
  by?: GroupBy;
  help: boolean;
}

const WITH_VALUE = new Set(["-o", "--output", "--round", "--from", "--to", "--tie", "--by"]);

function parseDateOption(name: string, text: string): IsoDate {
  const date = parseBritishDate(text);
  if (!date) throw new UsageError(`${name} "${text}" is not a date: write it as dd/mm/yyyy, for example 07/08/2017.`);
  return date;
}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = { command: "", json: false, strict: false, help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    if (eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (WITH_VALUE.has(arg) && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value; see --help.`);
    }
    switch (arg) {
      case "-h":
      case "--help":
      case "help":
        if (arg !== "help" || positional.length === 0) options.help = true;
        else positional.push(arg);
        break;
      case "--json":
        options.json = true;
        break;
      case "--strict":
        options.strict = true;
        break;
      case "-o":
      case "--output":
        options.output = value;
        break;
      case "--round":
        options.round = value;
        break;
      case "--from":
        options.from = parseDateOption("--from", value!);
        break;
      case "--to":
        options.to = parseDateOption("--to", value!);
        break;
      case "--tie":
        if (value !== "cautious" && value !== "split") throw new UsageError(`--tie must be "cautious" or "split", not "${value}".`);
        options.tie = value;
        break;
      case "--by":
        if (value !== "service" && value !== "area") throw new UsageError(`--by must be "service" or "area", not "${value}".`);
        options.by = value;
        break;
      default:
        if (arg.startsWith("-") && arg !== "-") throw new UsageError(`Unknown option ${arg}; see --help.`);
        positional.push(arg);
    }
  }
  options.command = positional[0] ?? "";
  options.input = positional[1];
  if (positional.length > 2) throw new UsageError(`Unexpected argument "${positional[2]}"; see --help.`);
  if (options.from && options.to && options.from > options.to) throw new UsageError("--from is later than --to.");
  return options;
}

/** The JSON document of `summary --json`. Keys and shapes are a published interface: add, never rename. */
export function summaryJson(summary: Summary, problems: readonly Problem[]): unknown {
  const groupKey = summary.by === "service" ? "service" : "area";
  const { base } = summary;
  return {
    base: {
      visits: base.visits,
      drafts: base.drafts,
      excluded: base.excluded.map((e) => ({ sheet: e.sheet, row: e.row, reasons: e.reasons })),
      round: base.filter.round ?? null,
      from: base.filter.from ?? null,
      to: base.filter.to ?? null,
      rounds: base.rounds,
      firstVisit: base.firstVisit,
      lastVisit: base.lastVisit,
      filteredOut: base.filteredOut,
      ...(summary.by === "area" ? { withoutArea: base.ungrouped } : {}),
    },
    [summary.by === "service" ? "services" : "areas"]: summary.groups.map((g) => ({
      [groupKey]: g.name,
      visits: g.visits,
      rows: g.rows.map((r) => ({
        domain: r.domain,
        headline: r.headline,
        tie: r.tie,
        counts: Object.fromEntries(r.counts.map((c) => [c.grade, c.count])),
        text: r.text,
      })),
    })),
    problems: problems.map((p) => ({ sheet: p.sheet, row: p.row, column: p.column, cell: p.cell, message: p.message })),
  };
}

/** ExcelJS takes 0.4 s to load: only commands that write a workbook pay for it. */
async function newWorkbook() {
  const { ExcelJsWorkbook } = await import("../adapters/exceljs/excelJsWorkbook");
  return ExcelJsWorkbook.create();
}

function requireInput(options: Options): string {
  if (!options.input) throw new UsageError(`${options.command} needs an input file: ${options.command} <input.xlsx|input.csv>.`);
  return options.input;
}

/** Reads and validates the input for summary and report, telling stderr of any problem. */
async function readValidated(options: Options, io: CliIO) {
  const input = requireInput(options);
  if (options.output && path.resolve(options.output) === path.resolve(input)) {
    throw new UsageError("The output file must not be the input file: the input is never modified.");
  }
  const data = await readDiagnostics(await openWorkbookFile(input));
  const config = options.tie ? { ...data.config, tieRule: options.tie } : data.config;
  const validation = validateTable(data.table, config, data.compiled);
  const filter: SummaryFilter = {};
  if (options.round !== undefined) filter.round = options.round;
  if (options.from !== undefined) filter.from = options.from;
  if (options.to !== undefined) filter.to = options.to;
  if (validation.problems.length > 0) {
    io.stderr(problemLines(validation.problems));
    io.stderr(`${problemCount(validation.problems)[0].toUpperCase()}${problemCount(validation.problems).slice(1)} in ${path.basename(input)}.\n`);
  }
  return { input, data, config, validation, filter };
}

async function summaryCommand(options: Options, io: CliIO): Promise<number> {
  const { data, config, validation, filter } = await readValidated(options, io);
  const summary = rollUp(validation, config, { by: options.by ?? "service", filter, compiled: data.compiled });
  if (options.output) {
    const workbook = await newWorkbook();
    await workbook.apply(summaryPlan(summary, config, []).plan);
    await writeWorkbookFile(workbook, options.output);
  }
  if (options.json) io.stdout(`${JSON.stringify(summaryJson(summary, validation.problems), null, 2)}\n`);
  else {
    io.stdout(summaryAsText(summary, { width: io.columns }));
    if (options.output) io.stdout(`\nSummary workbook written to ${options.output}\n`);
  }
  return options.strict && validation.problems.length > 0 ? 1 : 0;
}

async function reportCommand(options: Options, io: CliIO): Promise<number> {
  if (!options.output) throw new UsageError("report needs an output file: report <input> -o report.docx.");
  const { input, config, validation, filter } = await readValidated(options, io);
  const { byService } = await runReport(validation, config, { input, output: options.output, by: options.by, filter });
  const visits = byService.base.visits;
  io.stdout(`Word report (${visits} ${visits === 1 ? "visit" : "visits"} counted) written to ${options.output}\n`);
  return options.strict && validation.problems.length > 0 ? 1 : 0;
}

async function validateCommand(options: Options, io: CliIO): Promise<number> {
  const input = requireInput(options);
  const data = await readDiagnostics(await openWorkbookFile(input));
  const validation = validateTable(data.table, data.config, data.compiled);
  io.stdout(problemLines(validation.problems));
  const counted = validation.visits.length;
  io.stderr(
    `${path.basename(input)}: ${problemCount(validation.problems)}; ${counted} ${counted === 1 ? "visit" : "visits"} counted, ` +
      `${validation.drafts.length} ${validation.drafts.length === 1 ? "draft" : "drafts"}, ${validation.excluded.length} left out.\n`,
  );
  return validation.problems.length > 0 ? 1 : 0;
}

async function templateCommand(options: Options, io: CliIO): Promise<number> {
  if (!options.output) throw new UsageError("template needs an output file: template -o diagnostics.xlsx.");
  if (options.input) throw new UsageError(`template takes no input file; did you mean -o ${options.input}?`);
  const workbook = await newWorkbook();
  await setUpWorkbook(workbook);
  await writeWorkbookFile(workbook, options.output);
  io.stdout(`Blank diagnostics workbook written to ${options.output}\n`);
  return 0;
}

/** Runs one command; returns the exit status. Never throws: every failure becomes a message. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const options = parseArgs(argv);
    if (options.help || options.command === "") {
      (options.help ? io.stdout : io.stderr)(USAGE);
      return options.help ? 0 : 2;
    }
    switch (options.command) {
      case "summary":
        return await summaryCommand(options, io);
      case "validate":
        return await validateCommand(options, io);
      case "template":
        return await templateCommand(options, io);
      case "report":
        return await reportCommand(options, io);
      default:
        throw new UsageError(`Unknown command "${options.command}": use summary, report, validate or template (see --help).`);
    }
  } catch (error) {
    if (error instanceof UserFacingError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    io.stderr(`Unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    if (process.env.TD_DEBUG) io.stderr(`${(error as Error)?.stack ?? ""}\n`);
    return 3;
  }
}

if (require.main === module) {
  run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  }).then((code) => {
    process.exitCode = code;
  });
}
