/** The team's feedback report (issue 11 §1): one visit, its own text only, and its actions. */
import { ActionItem, CompiledScale, DiagnosticsConfig, VisitForm, foldLabel, recordTable, visitRecord } from "../domain";
import { WorkbookPort } from "../workbook/port";
import { actionsTable } from "./actionActions";
import { readContext, requireTable } from "./context";

export interface FeedbackData {
  visit: VisitForm;
  config: DiagnosticsConfig;
  compiled: CompiledScale;
  /** The actions of this visit's plan (same Visit ID and team), in table order. */
  actions: ActionItem[];
}

export class UnknownVisitError extends Error {
  constructor(
    readonly visitId: string,
    readonly nearest: string[],
  ) {
    super(
      nearest.length === 0
        ? `No visit has the ID "${visitId}": the workbook has no Visit IDs.`
        : `No visit has the ID "${visitId}"; the nearest found ${nearest.length === 1 ? "is" : "are"} ${nearest.map((n) => `"${n}"`).join(", ")}.`,
    );
  }
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** Up to three IDs closest to the one asked for (edit distance on folded text), closest first. */
export function nearestIds(wanted: string, ids: readonly string[], count = 3): string[] {
  const key = foldLabel(wanted);
  return [...new Set(ids)]
    .map((id) => ({ id, d: distance(key, foldLabel(id)) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id, "en-GB", { numeric: true }))
    .slice(0, count)
    .map((x) => x.id);
}

/** The visit with that ID, in full, with its actions. Throws UnknownVisitError naming the nearest IDs. */
export async function feedbackData(port: WorkbookPort, visitId: string): Promise<FeedbackData> {
  const context = await readContext(port, { rows: true, narrative: true, lists: true, selection: false, actions: true });
  const table = requireTable(context);
  const visits = recordTable(visitRecord(context.config, context.compiled), table.headers);
  const key = foldLabel(visitId);
  const ids: string[] = [];
  let visit: VisitForm | null = null;
  for (const cells of table.rows) {
    const id = visits.text(cells, "visitId");
    if (id === "") continue;
    ids.push(id);
    if (!visit && foldLabel(id) === key) visit = visits.read(cells);
  }
  if (!visit || key === "") throw new UnknownVisitError(visitId.trim(), nearestIds(visitId, ids));
  const found = visit;
  const t = actionsTable(context);
  const actions = t
    ? t.table.rows
        .map((cells) => t.records.read(cells))
        .filter((a) => foldLabel(a.visitId) === foldLabel(found.visitId) && foldLabel(a.team) === foldLabel(found.team))
    : [];
  return { visit: found, config: context.config, compiled: context.compiled, actions };
}
