#!/usr/bin/env node
/**
 * The command line's entry point (the `team-diagnostics` bin, built by `npm run build:cli` into build/cli/main.js).
 * It loads only the option parser: the commands, the adapters, ExcelJS and docx load when a command runs, so
 * `--help` starts fast.
 */
import { UserFacingError } from "../errors";
import { USAGE, UsageError, helpFor, parseArgs } from "./args";
import { progressLine } from "./progress";

export { USAGE, parseArgs };
export { summaryJson } from "./json";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Terminal width for the text tables, when known. */
  columns?: number;
  /** Where a progress line may go (stderr, when it is a terminal); none when absent. */
  progress?: (text: string) => void;
}

/** Runs one command; returns the exit status. Never throws: every failure becomes a message. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let progress = progressLine(undefined);
  try {
    const options = parseArgs(argv);
    if (options.help || options.command === "") {
      (options.help ? io.stdout : io.stderr)(options.help ? helpFor(options.command) : USAGE);
      return options.help ? 0 : 2;
    }
    progress = progressLine(options.json ? undefined : io.progress);
    await (await import("./outputs")).checkOutputEarly(options.command, options.output, options.inputs);
    const commands = await import("./commands");
    const commandIO = { stdout: io.stdout, stderr: io.stderr, columns: io.columns, progress };
    switch (options.command) {
      case "summary":
        return await commands.summaryCommand(options, commandIO);
      case "validate":
        return await commands.validateCommand(options, commandIO);
      case "template":
        return await commands.templateCommand(options, commandIO);
      case "report":
        return await commands.reportCommand(options, commandIO);
      case "trends":
        return await commands.trendsCommand(options, commandIO);
      case "programme":
        return await (await import("./programme")).programmeCommand(options, commandIO);
      case "actions":
        return await (await import("./actionCommands")).actionsCommand(options, commandIO);
      case "feedback":
        return await (await import("./actionCommands")).feedbackCommand(options, commandIO);
      default:
        throw new UsageError(`Unknown command "${options.command}": use summary, report, validate, template, trends, programme, actions or feedback (see --help).`);
    }
  } catch (error) {
    progress.done();
    if (error instanceof UserFacingError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    io.stderr(`Unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    if (process.env.TD_DEBUG) io.stderr(`${(error as Error)?.stack ?? ""}\n`);
    return 3;
  } finally {
    progress.done();
  }
}

/**
 * Writes to stdout or stderr, dropped once the stream's reader has gone (EPIPE: `summary … | head -1`), where
 * Node would throw the error with its stack trace and exit 1: the command runs to its end, any -o file is
 * written whole, and the exit status is the command's own.
 */
export function writerTo(stream: NodeJS.WritableStream): (text: string) => void {
  let gone = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
    gone = true;
  });
  return (text) => {
    if (!gone) stream.write(text);
  };
}

if (require.main === module) {
  const stdout = writerTo(process.stdout);
  const stderr = writerTo(process.stderr);
  run(process.argv.slice(2), {
    stdout,
    stderr,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    progress: process.stderr.isTTY ? stderr : undefined,
  }).then((code) => {
    process.exitCode = code;
  });
}
