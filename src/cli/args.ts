import { parseArgs as parseNodeArgs } from "node:util";
import type { GroupBy, IsoDate, TieRule } from "../domain";
// Only the date parser: --help should not load the whole core.
import { parseBritishDate } from "../domain/dates";
import { UserFacingError } from "../errors";
import { checkOutputName } from "./outputs";

export class UsageError extends UserFacingError {}

export const COMMANDS = ["summary", "report", "validate", "template", "trends", "programme", "actions", "feedback"] as const;
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
  /** Every input named (files and folders), in order; `input` is the first. */
  inputs: string[];
  /** --settings FILE: the workbook whose settings win when the inputs' settings differ. */
  settings?: string;
  /** validate: exit 1 when anything looks like personal data about a child. */
  strictPrivacy?: boolean;
  /** programme, actions, feedback, report and summary: the date RAG and due dates are worked out for (default: the day the command runs). */
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
  settings: { type: "string" },
  "strict-privacy": { type: "boolean" },
  today: { type: "string" },
  visit: { type: "string" },
} as const;
type OptionName = keyof typeof OPTIONS;
const KNOWN = new Set([...Object.keys(OPTIONS).map((name) => `--${name}`), "-o", "-h"]);

const SELECTION: OptionName[] = ["round", "from", "to", "tie", "by", "strict"];
export const COMMAND_OPTIONS: Record<Command | "", OptionName[]> = {
  "": ["help"],
  summary: ["output", "json", ...SELECTION, "help", "settings", "today"],
  report: ["output", ...SELECTION, "help", "settings", "today"],
  validate: ["help", "settings", "strict-privacy", "strict", "today"],
  template: ["output", "help"],
  trends: ["output", "json", "tie", "by", "strict", "help", "settings", "today"],
  programme: ["json", "today", "help", "settings"],
  actions: ["json", "today", "help"],
  feedback: ["visit", "output", "today", "help"],
};

export const USAGE = `Team Diagnostics command line

Usage:
  team-diagnostics summary <input.xlsx|input.csv> [options]
  team-diagnostics report <input.xlsx|input.csv> -o <report.docx> [options]
  team-diagnostics validate <input.xlsx|input.csv> [--strict] [--strict-privacy] [--today D] [--settings FILE]
  (summary, report, validate, trends, programme and actions take several inputs and folders: see "Several files" below)
  team-diagnostics template -o <file.xlsx>
  team-diagnostics trends <input.xlsx|input.csv> [-o <trends.xlsx>] [--json] [--by service|area]
      [--tie cautious|split] [--strict] [--today D] [--settings FILE]
  team-diagnostics programme <input.xlsx|input.csv> [--json] [--today D] [--settings FILE]
  team-diagnostics actions <input.xlsx>... [--json] [--today D]
  team-diagnostics feedback <input.xlsx> --visit ID -o <feedback.docx> [--today D]
  team-diagnostics <command> --help    (or: team-diagnostics help <command>)

(From the project folder: npx team-diagnostics …, or npm run --silent cli -- ….)

summary   Rolls the visits up into one table per service (or area) and prints it.
  -o, --output FILE     Also write the summary workbook (Summary and Counts sheets) to FILE.
  --json                Print only a JSON document on stdout.
  --round R             Only visits of round R.
  --from D, --to D      Only visits on or after / on or before D (dd/mm/yyyy or yyyy-mm-dd).
  --tie cautious|split  How a tie for most frequent grade is settled (default: the workbook's setting, else cautious).
  --by service|area     Group by service (default) or by area.
  --strict              Exit with status 1 when there is any problem or warning.
  --today D             Count as on D (default: today): a Final visit dated after D is left out, as
                        validate says; with -o, the action plans' RAG and overdue counts too.
report    Writes a Word report: per service (and per area, when areas are filled in) the same tables,
          an overview with a chart and its numbers, and the base. Takes --round, --from, --to, --tie,
          --by (only that grouping), --strict and --today D as summary does.
validate  Lists every problem and warning, one a line ("Diagnostics!G27: ..."); exit status 1 when there is
          any problem (warnings alone exit 0; --strict: 1 on warnings too). --today D checks as on D.
template  Writes a blank Diagnostics workbook with dropdowns and the Lists sheet.
trends    Per service (or area) one Grading column per round, and each team's change since its previous visit.
          --today D as summary does.
programme Per team: the last visit, its overall grade, when it is due again (months by grade, set on the
          Lists sheet), the next planned visit and a status (overdue first in the pane). --json, --today D.
actions   Per service the actions by RAG (Red, Amber, Green, Complete) and the overdue ones.
  --json                Print only a JSON document on stdout.
  --today D             Work RAG out as on D (default: today).
feedback  Writes the team's feedback report for one visit (Word): grades, findings and its actions.
          For the team and its managers; not for circulation.

In an .xlsx file the input is the Excel table named Diagnostics, else the sheet named Diagnostics, else
the first sheet whose header row is recognised in its first 20 rows; or it is a .csv file. The input file
is never modified.
Exit status: 0 done, 1 problems found by validate (warnings alone: 0), or with --strict any problem or warning,
2 the input or the command line could not be used (one sentence on stderr), 3 an unexpected error.

Several files: name several inputs, or a folder (every .xlsx and .csv directly inside it), and they are
counted as one. Problems name the file ("east.xlsx: Diagnostics!G27: ..."); the base lists each file. A Visit ID
in two files is counted once when every counted field matches, else the second row is left out. Files whose
settings differ (scale, quality domains, tie rule) are refused unless --settings FILE names the workbook whose
settings win.
`;

/** The day a command counts as on: a Final visit after it is a typing slip, left out (and the action plans' RAG). */
const COUNT_AS_ON = `  --today D             Count as on D (dd/mm/yyyy or yyyy-mm-dd; default: today): a Final visit dated
                        after D is left out as a typing slip, as validate says`;
/** report: the visits counted and the action plans' section depend on the day (RAG "as on", overdue). */
const TODAY_HELP = `${COUNT_AS_ON}; the action plans' RAG and
                        overdue counts as on D too, so the report is the same whichever day it is made.
`;
const SELECTION_HELP = `  --round R             Only visits of round R.
  --from D, --to D      Only visits on or after / on or before D (dd/mm/yyyy, e.g. 07/08/2017, or yyyy-mm-dd).
  --tie cautious|split  How a tie for most frequent grade is settled (default: the workbook's setting, else cautious).
  --by service|area     Group by service (default) or by area.
  --strict              Exit with status 1 when there is any problem or warning.
`;

const MANY_HELP = `  Several inputs and folders (every .xlsx and .csv directly inside) are counted as one.
  --settings FILE       When the inputs' settings differ, the workbook whose settings win.
`;

export const COMMAND_USAGE: Record<Command, string> = {
  summary: `Usage: team-diagnostics summary <input.xlsx|input.csv> [options]

Checks every row, then prints one table per service (or area): the headline grade and the count of each
grade for each quality domain. Problems go to stderr, one a line.

  -o, --output FILE     Also write the summary workbook (Summary and Counts sheets) to FILE.
  --json                Print only a JSON document on stdout.
${SELECTION_HELP}${COUNT_AS_ON}; with -o, the summary
                        workbook's action-plan RAG and overdue counts as on D too.
${MANY_HELP}  -h, --help            Show this help.
`,
  report: `Usage: team-diagnostics report <input.xlsx|input.csv> -o <report.docx> [options]

Writes a Word report: per service (and per area, when areas are filled in) the tables as on the Summary
sheet, an overview with a chart and its numbers, and the base. With --by, only that grouping: its tables
and its figure. The overview's table of totals counts every visit counted, whatever the grouping.

  -o, --output FILE     The .docx file to write (required).
${SELECTION_HELP}${TODAY_HELP}${MANY_HELP}  -h, --help            Show this help.
`,
  validate: `Usage: team-diagnostics validate <input.xlsx|input.csv> [--strict] [--strict-privacy] [--today D] [--settings FILE]

Lists every problem and warning, one a line ("Diagnostics!G27: ..."), and a count on stderr. A problem
leaves a row (or a draft's cell) uncounted; a warning is counted as it is read.
Exit status 1 when there is any problem; warnings alone exit 0, and 1 with --strict.
Also lists every cell that looks like personal data about a child (an NHS number, a date of
birth, a pupil number, a postcode, an email address, or a pattern on the Lists sheet), naming
the cell and the kind, never what it holds.

      --strict-privacy  Exit status 1 when any cell looks like personal data too (before circulating).
  --strict              Exit status 1 on warnings too.
  --today D             Check as on D (dd/mm/yyyy or yyyy-mm-dd; default: today): a visit dated after D
                        is a problem (a Draft's, a warning).

${MANY_HELP}  -h, --help            Show this help.
`,
  template: `Usage: team-diagnostics template -o <file.xlsx>

Writes a blank Diagnostics workbook: the Diagnostics table, the Lists sheet and dropdowns that
refuse values not on the scale. They work in Excel without the add-in.

  -o, --output FILE     The .xlsx file to write (required).
  -h, --help            Show this help.
`,
  trends: `Usage: team-diagnostics trends <input.xlsx|input.csv> [options]

Per service (or area), the published table with one Grading column per round, the visits in each round and
how many had an overall conclusion at or above the threshold grade (Good unless the Lists sheet says otherwise),
then each team's change since its previous visit: improved, declined, same, new or not comparable.
A visit with a blank Round counts in its financial year (2017-18). Problems go to stderr, one a line.

  -o, --output FILE     Also write the trends workbook (its Trends and Overview sheets) to FILE.
  --json                Print only a JSON document on stdout.
  --tie cautious|split  How a tie for most frequent grade is settled (default: the workbook's setting, else cautious).
  --by service|area     Group by service (default) or by area.
  --strict              Exit with status 1 when there is any problem or warning.
${COUNT_AS_ON}.
${MANY_HELP}  -h, --help            Show this help.
`,
  programme: `Usage: team-diagnostics programme <input.xlsx|input.csv> [--json] [--today D] [--settings FILE]

Per team (every team with a visit, and teams on the Lists sheet with none): the last visit, its overall
grade, the date it is next due, the next planned visit (Status Planned) and a status: overdue, planned,
due soon (within 30 days), not due or never visited. The months until a team is due again follow its
grade, set on the Lists sheet ("Revisit grade", "Revisit months"; defaults O 12, G 12, RI 6, I 3).

  --json                Print only a JSON document on stdout (dates as yyyy-mm-dd).
  --today D             Work the programme out for date D (dd/mm/yyyy or yyyy-mm-dd); default today.
                        A Final visit dated after D is left out as a typing slip, as validate says.
${MANY_HELP}  -h, --help            Show this help.
`,
  actions: `Usage: team-diagnostics actions <input.xlsx>... [--json] [--today D]

Prints per service the number of actions by RAG, worked out from Status and Due date: Complete;
Red when Off track or overdue; Amber when At risk, or Not started and due within 14 days; Green
otherwise. Then lists the overdue actions, earliest due first. Problems go to stderr.

Several inputs and folders (every .xlsx and .csv directly inside) are counted as one, and the files are listed
with their actions counted and left out. An Action ID in two files is counted once when every field
matches, else the second row is left out; problems name the file ("west.xlsx: Actions!A4: ...").

  --json                Print only a JSON document on stdout.
  --today D             Work RAG out as on D (dd/mm/yyyy or yyyy-mm-dd; default: today).
  -h, --help            Show this help.
`,
  feedback: `Usage: team-diagnostics feedback <input.xlsx> --visit ID -o <feedback.docx> [--today D]

Writes the team's feedback report for one visit: team, service, area, date, diagnostic team, the
grades with their full labels, strengths, areas for improvement, recommendations and the team's
actions. It carries the team's own text: for the team and its managers, not for circulation.
It takes one workbook: the one holding the team's visit and its Actions table (a report for one team
should come from that team's own workbook, not from a copy merged with others).

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

/** The commands that take several inputs and folders (consolidation); a command added later joins by name. */
export const MANY_INPUTS = new Set<string>(["summary", "report", "validate", "trends", "programme", "actions"]);

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
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[]; tokens?: { kind: string; name?: string; rawName?: string }[] };
  try {
    parsed = parseNodeArgs({ args: [...argv], options: allowed, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const option = optionInError(error as Error);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const known = KNOWN.has(option);
      if (known && command !== "") throw new UsageError(`${command} takes no ${option} option; see ${command} --help.`);
      throw new UsageError(`Unknown option ${option}; see --help.`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      // The same code for a flag given a value (--json=yes) and an option given none (--round at the end).
      const flag = (OPTIONS as Record<string, { type: string }>)[option.replace(/^--/, "")]?.type === "boolean";
      if (flag) throw new UsageError(`${option} takes no value; write ${option} on its own (see --help).`);
      throw new UsageError(`${option} needs a value; see --help.`);
    }
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") throw new UsageError("Unexpected argument; see --help.");
    throw error;
  }
  // util.parseArgs keeps the last of an option given twice: "--round 2017-18 --round 2018-19" would count one round
  // without a word, so it is said instead.
  const given = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option" || !token.name) continue;
    if (given.has(token.name)) throw new UsageError(`--${token.name} is given twice; give it once (see --help).`);
    given.add(token.name);
  }
  const v = parsed.values;
  // "help" alone is the whole usage; "help summary" is summary's own help, as "summary --help" is.
  const positional = parsed.positionals[0] === "help" ? parsed.positionals.slice(1, 2) : parsed.positionals;
  const options: Options = {
    command: positional[0] ?? "",
    input: positional[1],
    json: v.json === true,
    strict: v.strict === true,
    help: v.help === true || parsed.positionals[0] === "help",
    inputs: positional.slice(1),
  };
  if (typeof v.settings === "string") options.settings = v.settings;
  if (v["strict-privacy"] === true) options.strictPrivacy = true;
  if (typeof v.output === "string") options.output = v.output;
  if (!options.help) checkOutputName(options.command, options.output, options.inputs);
  if (typeof v.round === "string") options.round = v.round;
  if (typeof v.from === "string") options.from = parseDateOption("--from", v.from);
  if (typeof v.to === "string") options.to = parseDateOption("--to", v.to);
  if (typeof v.tie === "string") {
    if (v.tie !== "cautious" && v.tie !== "split") throw new UsageError(`--tie must be "cautious" or "split", not "${v.tie}".`);
    options.tie = v.tie;
  }
  if (typeof v.today === "string") options.today = parseDateOption("--today", v.today);
  if (typeof v.by === "string") {
    if (v.by !== "service" && v.by !== "area") throw new UsageError(`--by must be "service" or "area", not "${v.by}".`);
    options.by = v.by;
  }
  if (typeof v.visit === "string") options.visit = v.visit;
  if (positional.length > 2 && !MANY_INPUTS.has(options.command)) throw new UsageError(`Unexpected argument "${positional[2]}"; see --help.`);
  if (options.from && options.to && options.from > options.to) throw new UsageError("--from is later than --to.");
  return options;
}

/** The help to print: one command's, or the whole usage. */
export function helpFor(command: string): string {
  return isCommand(command) ? COMMAND_USAGE[command] : USAGE;
}
