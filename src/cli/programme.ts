/**
 * `programme <input> [--json] [--today D]` (issue 11 §3): when each team is due again. Calls the same action as
 * the pane's Programme view (src/actions/programmeActions.ts); the input is opened read-only and never written.
 */
import { checkSources } from "../actions/consolidate";
import { programmeOf } from "../actions/programmeActions";
import { IsoDate, ProgrammeJson, formatBritishDate, planLapsed } from "../domain";
import { LAPSED, NotCounted, notInProgramme } from "../presentation/programme";
import { Options } from "./args";
import { CommandIO, tellProblems } from "./commands";
import { sourcesFor } from "./inputs";

/** The local calendar date the command runs on, as "YYYY-MM-DD" (no time zones: the machine's own day). */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const british = (date: IsoDate | null) => (date ? formatBritishDate(date) : "-");

/** A planned date, marked when its day has passed with no Final visit since. */
const plannedText = (date: IsoDate | null, today: IsoDate) => (date ? `${british(date)}${planLapsed(date, today) ? LAPSED : ""}` : "-");

/** The programme as an aligned plain-text table, dates British. */
export function programmeAsText(doc: ProgrammeJson, notCounted?: NotCounted): string {
  const headings = ["Service", "Team", "Last visit", "Overall", "Next due", "Planned", "Status"];
  const rows = doc.teams.map((t) => [t.service, t.team, british(t.lastVisit), t.lastOverall ?? "-", british(t.nextDue), plannedText(t.planned, doc.today), t.status]);
  const widths = headings.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const counts = new Map<string, number>();
  for (const t of doc.teams) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
  const order = ["overdue", "due soon", "planned", "not due", "never visited"];
  const tally = order.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`);
  const teams = doc.teams.length;
  const notIn = notInProgramme(notCounted);
  return [
    `Programme of visits on ${formatBritishDate(doc.today)}: ${teams} ${teams === 1 ? "team" : "teams"}${tally.length ? ` (${tally.join(", ")})` : ""}.`,
    "",
    line(headings),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    ...(notIn ? [notIn, ""] : []),
  ].join("\n");
}

export async function programmeCommand(options: Options, io: CommandIO): Promise<number> {
  const { files, sources, settings } = await sourcesFor(options, io.progress);
  const today = options.today ?? localToday();
  const checked = await checkSources(sources, { settings, today });
  const programme = programmeOf(checked.validation, checked.config, today);
  io.progress.done();
  tellProblems(checked.problems, files, io);
  const notCounted = { excluded: checked.validation.excluded.length, drafts: checked.validation.drafts.length };
  io.stdout(options.json ? `${JSON.stringify(programme, null, 2)}\n` : programmeAsText(programme, notCounted));
  return 0;
}
