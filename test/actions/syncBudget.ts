/**
 * Every action of src/actions/workbookActions.ts run against the Office.js adapter on the Excel emulation, with
 * its round trips (context.sync calls that carried anything) and the size of each request and response counted.
 * Shared by test/actions/syncBudget.test.ts, which asserts the counts, and `npm run bench`, which prints them.
 */
import {
  checkSheet,
  computeSummaries,
  computeSummary,
  findVisits,
  loadSelectedVisit,
  loadVisitAt,
  recordVisit,
  refreshSummary,
  saveVisitEdit,
  selectCell,
  setUpWorkbook,
} from "../../src/actions/workbookActions";
import { VisitForm, emptyVisitForm, gradedColumns } from "../../src/domain";
import { DIAGNOSTICS_SHEET } from "../../src/workbook/port";
import { EmulatedWorkbook, ExcelEmulation } from "../emulation";
import { RealisticWorkbook, config, realisticWorkbook } from "./realisticWorkbook";

export interface ActionSyncs {
  action: string;
  /** Round trips. */
  syncs: number;
  /** Excel.run batches. */
  runs: number;
  /** JSON bytes of each round trip's request and response, in order. */
  requests: number[];
  responses: number[];
}

/** What the actions returned, for the test to check that they did their job and not just few round trips. */
export interface ActionOutcomes {
  rows: number;
  /** The workbook after every action (the emulation is uninstalled; the model stays inspectable). */
  workbook: EmulatedWorkbook;
  emptySetupWorkbook: EmulatedWorkbook;
  problems: number;
  visitsCounted: number;
  summaries: Awaited<ReturnType<typeof refreshSummary>>[];
  found: Awaited<ReturnType<typeof findVisits>>;
  recorded: Awaited<ReturnType<typeof recordVisit>>;
  selected: Awaited<ReturnType<typeof loadSelectedVisit>>;
  loaded: Awaited<ReturnType<typeof loadVisitAt>>;
  saved: Awaited<ReturnType<typeof saveVisitEdit>>;
  edited: VisitForm;
}

/** The action names, in the order they run. */
export const ACTIONS = [
  "setUpWorkbook (empty workbook)",
  "setUpWorkbook (set-up workbook)",
  "checkSheet",
  "computeSummary",
  "computeSummaries (Word report: both groupings)",
  "refreshSummary (first)",
  "refreshSummary (again: clears its sheets and chart)",
  "findVisits",
  "recordVisit",
  "selectCell",
  "loadSelectedVisit (narrative)",
  "loadVisitAt (narrative)",
  "saveVisitEdit",
] as const;

function counter(emulation: ExcelEmulation, counts: ActionSyncs[]) {
  return async <T>(action: (typeof ACTIONS)[number], f: () => Promise<T>): Promise<T> => {
    const syncs = emulation.syncCount();
    const runs = emulation.runCount();
    const at = emulation.requestBytes().length;
    const result = await f();
    counts.push({
      action,
      syncs: emulation.syncCount() - syncs,
      runs: emulation.runCount() - runs,
      requests: emulation.requestBytes().slice(at),
      responses: emulation.responseBytes().slice(at),
    });
    return result;
  };
}

/** A visit a manager records through the pane: a known team, every grade chosen, findings written. */
export function newVisitForm(): VisitForm {
  const team = config.teams[1];
  return {
    ...emptyVisitForm(config),
    visitDate: "2018-03-14",
    round: "2017-18",
    service: team.service,
    team: team.name,
    area: team.area,
    teamManager: "D. Manager",
    diagnosticTeam: "E. Reviewer, F. Reviewer",
    grades: Object.fromEntries(gradedColumns(config).map((d) => [d.key, "G"])),
    strengths: "Stable staff group; children seen regularly and their views recorded.",
    areasForImprovement: "Supervision is not always recorded.",
    recommendations: "Monthly supervision for every worker.",
  };
}

/** Runs every action once (refreshSummary twice) on a workbook of `rows` visits, counting round trips. */
export async function measureActionSyncs(rows: number): Promise<{ counts: ActionSyncs[]; outcomes: ActionOutcomes }> {
  const counts: ActionSyncs[] = [];

  let fixture: RealisticWorkbook = await realisticWorkbook(null);
  const emptySetupWorkbook = fixture.workbook;
  try {
    await counter(fixture.emulation, counts)("setUpWorkbook (empty workbook)", () => setUpWorkbook(fixture.port));
  } finally {
    fixture.emulation.uninstall();
  }

  fixture = await realisticWorkbook(rows);
  const { emulation, port, workbook } = fixture;
  const count = counter(emulation, counts);
  try {
    await count("setUpWorkbook (set-up workbook)", () => setUpWorkbook(port));
    const check = await count("checkSheet", () => checkSheet(port));
    await count("computeSummary", () => computeSummary(port));
    await count("computeSummaries (Word report: both groupings)", () => computeSummaries(port));
    const first = await count("refreshSummary (first)", () => refreshSummary(port));
    const again = await count("refreshSummary (again: clears its sheets and chart)", () => refreshSummary(port));
    const lastId = `V-${String(rows).padStart(5, "0")}`;
    const found = await count("findVisits", () => findVisits(port, lastId));
    const recorded = await count("recordVisit", () => recordVisit(port, newVisitForm()));
    // The last visit of the fixture: far below the rows a first read takes.
    const row = rows + 1;
    await count("selectCell", () => selectCell(port, DIAGNOSTICS_SHEET, `A${row}`));
    const selected = await count("loadSelectedVisit (narrative)", () => loadSelectedVisit(port));
    const loaded = await count("loadVisitAt (narrative)", () => loadVisitAt(port, row));
    const original = loaded!.form;
    const edited: VisitForm = {
      ...original,
      strengths: `${original.strengths} Edited after the feedback meeting.`,
      grades: { ...original.grades, "voice-of-the-child": original.grades["voice-of-the-child"] === "G" ? "RI" : "G" },
    };
    // A Final visit changes with a reason and a name (issue 15): its Change log rows go in the same plan.
    const saved = await count("saveVisitEdit", () => saveVisitEdit(port, row, original, edited, { who: "A. Moderator", reason: "Moderated at panel" }));
    return {
      counts,
      outcomes: {
        rows,
        workbook,
        emptySetupWorkbook,
        problems: check.problems.length,
        visitsCounted: check.visitsCounted,
        summaries: [first, again],
        found,
        recorded,
        selected,
        loaded,
        saved,
        edited,
      },
    };
  } finally {
    emulation.uninstall();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** A text table of the counts at each size, one line per action: syncs, largest request and response. */
export function syncTable(bySize: { rows: number; counts: ActionSyncs[] }[]): string {
  const sizes = bySize.map((s) => s.rows.toLocaleString("en-GB"));
  const head = `${"action".padEnd(52)}${sizes.map((s) => `syncs @ ${s}`.padStart(18)).join("")}   largest request / response @ ${sizes[sizes.length - 1]}`;
  const lines = [head];
  for (const action of ACTIONS) {
    const cells = bySize.map((s) => String(s.counts.find((c) => c.action === action)?.syncs ?? "-").padStart(18));
    const last = bySize[bySize.length - 1].counts.find((c) => c.action === action);
    const sizesText = last ? `${mb(Math.max(0, ...last.requests))} / ${mb(Math.max(0, ...last.responses))}` : "";
    lines.push(`${action.padEnd(52)}${cells.join("")}   ${sizesText}`);
  }
  return lines.join("\n");
}

/** The round trips of every action at 10 and at 10,000 visits, as a text table (for `npm run bench`). */
export async function syncCounts(sizes: readonly number[] = [10, 10_000]): Promise<string> {
  const bySize: { rows: number; counts: ActionSyncs[] }[] = [];
  for (const rows of sizes) bySize.push({ rows, counts: (await measureActionSyncs(rows)).counts });
  return syncTable(bySize);
}
