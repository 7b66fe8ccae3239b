/** The action-plan commands (issue 11): `actions` and `feedback`, calling the same actions as the pane. */
import * as path from "path";
import { NoActionsTableError, actionsOverview } from "../actions/actionActions";
import { ActionFileBase, actionsOverviewOf } from "../actions/actionSources";
import { UnknownVisitError, feedbackData } from "../actions/feedbackActions";
import { openWorkbookFile } from "../adapters/exceljs/files";
import { ActionsReportJson, RAGS, formatBritishDate, isDeepDiveForm } from "../domain";
import { UserFacingError } from "../errors";
import { localToday } from "../presentation/actions";
import { Options, UsageError } from "./args";
import { CommandIO, tellProblems } from "./commands";
import { sourcesFor } from "./inputs";
import { refuseInput, safeWrite } from "./safeWrite";
import { problemCount, problemLines } from "./textTables";

async function open(options: Options, io: CommandIO) {
  if (!options.input) throw new UsageError(`${options.command} needs an input file: ${options.command} <input.xlsx>.`);
  if (options.output) await refuseInput(options.output, [options.input]);
  io.progress.step(`Reading ${path.basename(options.input)}`);
  return { input: options.input, port: await openWorkbookFile(options.input) };
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
}

/** The report as text: per service the counts by RAG, then the overdue actions (British dates). */
export function actionsAsText(report: Pick<ActionsReportJson, "today" | "services" | "overdue">): string {
  const header = ["Service", "Actions", ...RAGS];
  const rows = report.services.map((s) => [s.service, String(s.actions), ...RAGS.map((r) => String(s.rag[r]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const lines = [`Actions by RAG as on ${formatBritishDate(report.today)}`, "", pad(header, widths), ...rows.map((r) => pad(r, widths))];
  if (report.services.length === 0) lines.push("(no actions)");
  lines.push("", report.overdue.length === 0 ? "No action is overdue." : `Overdue (${report.overdue.length}):`);
  for (const o of report.overdue) lines.push(`  ${o.actionId}  due ${formatBritishDate(o.due)}  ${o.service} / ${o.team}  (visit ${o.visitId}, ${o.status})`);
  return `${lines.join("\n")}\n`;
}

export async function actionsCommand(options: Options, io: CommandIO): Promise<number> {
  // No input: open() says so in actions' own words. One input or more goes through sourcesFor, which expands a folder.
  if (options.inputs.length === 0) return actionsOfOne(options, io);
  // Several inputs and folders (issue 14): the actions counted together, each problem naming its file.
  const { files, sources } = await sourcesFor(options, io.progress);
  if (sources.length === 1) return actionsOfOne({ ...options, input: files[0], inputs: [files[0]] }, io);
  const { cellProblems, withoutActions, ...report } = await actionsOverviewOf(sources, options.today ?? localToday());
  io.progress.done();
  for (const file of withoutActions ?? []) io.stderr(`${file} has no Actions table: none of its rows are actions.\n`);
  tellProblems(cellProblems, files, io);
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${actionsAsText(report)}\n${actionFileLines(report.files ?? []).join("\n")}\n`);
  return 0;
}

/** The base's list of files, worded as the summary's (src/cli/textTables.ts fileLines). */
export function actionFileLines(files: readonly ActionFileBase[]): string[] {
  const actions = (n: number) => `${n} ${n === 1 ? "action" : "actions"}`;
  return [`Files (${files.length}):`, ...files.map((f) => `  ${f.file}: ${actions(f.actions)} counted, ${f.excluded} left out.`)];
}

async function actionsOfOne(options: Options, io: CommandIO): Promise<number> {
  const { input, port } = await open(options, io);
  const today = options.today ?? localToday();
  let overview;
  try {
    overview = await actionsOverview(port, today);
  } catch (error) {
    if (error instanceof NoActionsTableError) throw new UserFacingError(`${path.basename(input)} has no Actions table: set the workbook up in the add-in first.`);
    throw error;
  }
  io.progress.done();
  const { cellProblems, ...report } = overview;
  if (cellProblems.length > 0) {
    io.stderr(problemLines(cellProblems));
    const count = problemCount(cellProblems);
    io.stderr(`${count[0].toUpperCase()}${count.slice(1)} in ${path.basename(input)}.\n`);
  }
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : actionsAsText(report));
  return 0;
}

export async function feedbackCommand(options: Options, io: CommandIO): Promise<number> {
  if (!options.visit) throw new UsageError("feedback needs the visit: feedback <input> --visit ID -o feedback.docx.");
  if (!options.output) throw new UsageError("feedback needs an output file: feedback <input> --visit ID -o feedback.docx.");
  const output = options.output;
  const { input, port } = await open(options, io);
  const today = options.today ?? localToday();
  let data;
  try {
    data = await feedbackData(port, options.visit, today);
  } catch (error) {
    if (error instanceof UnknownVisitError) throw new UserFacingError(error.message);
    throw error;
  }
  io.progress.step(`Writing ${path.basename(output)}`);
  const { buildFeedbackReport } = await import("../report/feedbackReport");
  const bytes = await buildFeedbackReport({ ...data, today });
  await safeWrite(output, bytes, { what: "feedback report", inputs: [input] });
  io.progress.done();
  io.stdout(`Feedback report for visit ${data.visit.visitId} (${isDeepDiveForm(data.visit) ? `deep dive: ${data.visit.service}` : data.visit.team}) written to ${output}. For the team and its managers; not for circulation.\n`);
  return 0;
}
