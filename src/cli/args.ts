import { parseArgs as parseNodeArgs } from "node:util";
import type { GroupBy, IsoDate, TieRule } from "../domain";
// Only the date parser: --help should not load the whole core.
import { parseBritishDate } from "../domain/dates";
import { UserFacingError } from "../errors";

export class UsageError extends UserFacingError {}

export const COMMANDS = ["summary", "report", "validate", "template", "actions", "feedback"] as const;
export type Command = (typeof COMMANDS)[number];

export interface Options {
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
  /** actions: the day RAG is worked out for (default: today, the local calendar date). */
  today?: IsoDate;
  /** feedback: the visit's ID. */
  visit?: string;
}

/** Every option, as util.parseArgs takes them; each command accepts only its own (COMMAND_OPTIONS). */
const OPTIONS = {
  output: { type: "string", short: "o" },
  json: { type: "boolean" },
  round: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  tie: { type: "string" },
  by: { type: "string" },
  strict: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  today: { type: "string" },
  visit: { type: "string" },
} as const;
type OptionName = keyof typeof OPTIONS;
const KNOWN = new Set([...Object.keys(OPTIONS).map((name) => `--${name}`), "-o", "-h"]);

const SELECTION: OptionName[] = ["round", "from", "to", "tie", "by", "strict"];
const COMMAND_OPTIONS: Record<Command | "", OptionName[]> = {
  "": ["help"],
  summary: ["output", "json", ...SELECTION, "help"],
  report: ["output", ...SELECTION, "help"],
  validate: ["help"],
  template: ["output", "help"],
  actions: ["json", "today", "help"],
  feedback: ["visit", "output", "today", "help"],
};

export const USAGE = `Team Diagnostics command line

Usage:
  team-diagnostics summary <input.xlsx|input.csv> [options]
  team-diagnostics report <input.xlsx|input.csv> -o <report.docx> [options]
  team-diagnostics validate <input.xlsx|input.csv>
  team-diagnostics template -o <file.xlsx>
  team-diagnostics actions <input.xlsx> [--json] [--today D]
  team-diagnostics feedback <input.xlsx> --visit ID -o <feedback.docx>
  team-diagnostics <command> --help

(From the project folder: npx team-diagnostics …, or npm run --silent cli -- ….)

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
actions   Per service the actions by RAG (Red, Amber, Green, Complete) and the overdue ones.
  --json                Print only a JSON document on stdout.
  --today D             Work RAG out as on D (default: today).
feedback  Writes the team's feedback report for one visit (Word): grades, findings and its actions.
          For the team and its managers; not for circulation.

The input is read from the sheet named Diagnostics, else the first sheet whose header row is
recognised in its first 20 rows, or from a .csv file. The input file is never modified.
Exit status: 0 done, 1 problems found (validate, or summary --strict), 2 the input could not be used.
`;

const SELECTION_HELP = `  --round R             Only visits of round R.
  --from D, --to D      Only visits on or after / on or before D (dd/mm/yyyy, e.g. 07/08/2017, or yyyy-mm-dd).
  --tie cautious|split  How a tie for most frequent grade is settled (default: the workbook's setting, else cautious).
  --by service|area     Group by service (default) or by area.
  --strict              Exit with status 1 when there is any problem.
`;

export const COMMAND_USAGE: Record<Command, string> = {
  summary: `Usage: team-diagnostics summary <input.xlsx|input.csv> [options]

Checks every row, then prints one table per service (or area): the headline grade and the count of each
grade for each quality domain. Problems go to stderr, one a line.

  -o, --output FILE     Also write the summary workbook (Summary and Counts sheets) to FILE.
  --json                Print only a JSON document on stdout.
${SELECTION_HELP}  -h, --help            Show this help.
`,
  report: `Usage: team-diagnostics report <input.xlsx|input.csv> -o <report.docx> [options]

Writes a Word report: per service (and per area, when areas are filled in) the tables as on the Summary
sheet, an overview with a chart and its numbers, and the base. With --by, only that grouping.

  -o, --output FILE     The .docx file to write (required).
${SELECTION_HELP}  -h, --help            Show this help.
`,
  validate: `Usage: team-diagnostics validate <input.xlsx|input.csv>

Lists every problem, one a line ("Diagnostics!G27: ..."), and a count on stderr.
Exit status 1 when there is any problem.

  -h, --help            Show this help.
`,
  template: `Usage: team-diagnostics template -o <file.xlsx>

Writes a blank Diagnostics workbook: the Diagnostics table, the Lists sheet and dropdowns that
refuse values not on the scale. They work in Excel without the add-in.

  -o, --output FILE     The .xlsx file to write (required).
  -h, --help            Show this help.
`,
  actions: `Usage: team-diagnostics actions <input.xlsx> [--json] [--today D]

Prints per service the number of actions by RAG, worked out from Status and Due date: Complete;
Red when Off track or overdue; Amber when At risk, or Not started and due within 14 days; Green
otherwise. Then lists the overdue actions, earliest due first. Problems go to stderr.

  --json                Print only a JSON document on stdout.
  --today D             Work RAG out as on D (dd/mm/yyyy or yyyy-mm-dd; default: today).
  -h, --help            Show this help.
`,
  feedback: `Usage: team-diagnostics feedback <input.xlsx> --visit ID -o <feedback.docx>

Writes the team's feedback report for one visit: team, service, area, date, diagnostic team, the
grades with their full labels, strengths, areas for improvement, recommendations and the team's
actions. It carries the team's own text: for the team and its managers, not for circulation.

  --visit ID            The visit's ID (required).
  -o, --output FILE     The .docx file to write (required).
  --today D             Work the actions' RAG out as on D (default: today).
  -h, --help            Show this help.
`,
};

function parseDateOption(name: string, text: string): IsoDate {
  const date = parseBritishDate(text);
  if (!date) throw new UsageError(`${name} "${text}" is not a date: write it as dd/mm/yyyy, for example 07/08/2017.`);
  return date;
}

const isCommand = (word: string | undefined): word is Command => (COMMANDS as readonly string[]).includes(word ?? "");

/** The option a util.parseArgs error is about, as the user typed it ("--colour", "-o"). */
function optionInError(error: Error): string {
  const quoted = /'(-[^'\s,]+)(?:, (--[^'\s]+))?/.exec(error.message);
  return quoted ? (quoted[2] ?? quoted[1]) : "an option";
}

/** Node's util.parseArgs, strict, turned into one sentence per mistake (exit status 2). */
export function parseArgs(argv: readonly string[]): Options {
  // The command picks which options are allowed; the first word that is not an option is the command.
  const first = argv.find((a) => !a.startsWith("-"));
  const command = isCommand(first) ? first : "";
  const allowed = Object.fromEntries(COMMAND_OPTIONS[command].map((name) => [name, OPTIONS[name]]));
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseNodeArgs({ args: [...argv], options: allowed, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const option = optionInError(error as Error);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const known = KNOWN.has(option);
      if (known && command !== "") throw new UsageError(`${command} takes no ${option} option; see ${command} --help.`);
      throw new UsageError(`Unknown option ${option}; see --help.`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new UsageError(`${option} needs a value; see --help.`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new UsageError("Unexpected argument; see --help.");
    throw error;
  }
  const v = parsed.values;
  const positional = parsed.positionals[0] === "help" && parsed.positionals.length === 1 ? [] : parsed.positionals;
  const options: Options = {
    command: positional[0] ?? "",
    input: positional[1],
    json: v.json === true,
    strict: v.strict === true,
    help: v.help === true || parsed.positionals[0] === "help",
  };
  if (typeof v.output === "string") options.output = v.output;
  if (typeof v.round === "string") options.round = v.round;
  if (typeof v.from === "string") options.from = parseDateOption("--from", v.from);
  if (typeof v.to === "string") options.to = parseDateOption("--to", v.to);
  if (typeof v.tie === "string") {
    if (v.tie !== "cautious" && v.tie !== "split") throw new UsageError(`--tie must be "cautious" or "split", not "${v.tie}".`);
    options.tie = v.tie;
  }
  if (typeof v.by === "string") {
    if (v.by !== "service" && v.by !== "area") throw new UsageError(`--by must be "service" or "area", not "${v.by}".`);
    options.by = v.by;
  }
  if (typeof v.today === "string") options.today = parseDateOption("--today", v.today);
  if (typeof v.visit === "string") options.visit = v.visit;
  if (positional.length > 2) throw new UsageError(`Unexpected argument "${positional[2]}"; see --help.`);
  if (options.from && options.to && options.from > options.to) throw new UsageError("--from is later than --to.");
  return options;
}

/** The help to print: one command's, or the whole usage. */
export function helpFor(command: string): string {
  return isCommand(command) ? COMMAND_USAGE[command] : USAGE;
}
