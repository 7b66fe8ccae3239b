/**
 * The moderation trail (issue 15), pure: which edits of a visit need a reason and what the Change log records of
 * them, the graded values logged when a visit becomes Final, Final visits changed outside the pane since, and how
 * many grades moderation moved up or down the scale per service (counts only: no names, no reasons).
 */
import { DiagnosticsConfig, STATUS_FINAL, STATUS_FOR_MODERATION, gradedColumns } from "./config";
import { formatBritishDate } from "./dates";
import { ChangeLogEntry, MADE_FINAL_REASON } from "./records/changeLogRecord";
import { VisitForm } from "./records/visitRecord";
import { CompiledScale, parseGrade } from "./scale";
import { foldLabel } from "./text";

/** A visit at this status may only be changed with a reason, and each change is logged. */
export function needsReason(status: string): boolean {
  const s = foldLabel(status);
  return s === foldLabel(STATUS_FOR_MODERATION) || s === foldLabel(STATUS_FINAL);
}

/** One tracked field of a visit: its Change log name (the Diagnostics header) and its value as text. */
interface Tracked {
  field: string;
  value: (form: VisitForm) => string;
  graded: boolean;
}

function tracked(config: DiagnosticsConfig): Tracked[] {
  return [
    { field: "Service", value: (f) => f.service.trim(), graded: false },
    { field: "Team", value: (f) => f.team.trim(), graded: false },
    { field: "Visit date", value: (f) => (f.visitDate ? formatBritishDate(f.visitDate) : ""), graded: false },
    ...gradedColumns(config).map((d) => ({ field: d.shortLabel, value: (f: VisitForm) => (f.grades[d.key] ?? "").trim(), graded: true })),
    { field: "Status", value: (f) => f.status.trim(), graded: false },
  ];
}

export interface Who {
  when: string;
  who: string;
}

/**
 * The Change log rows for an edit: every tracked field that changed, when the visit was For moderation or Final
 * before the edit (so Final → Draft is logged too). When the edit makes the visit Final, its graded values follow,
 * marked "Made final", so Check sheet can later tell a change typed into the sheet.
 */
export function changeEntries(before: VisitForm, after: VisitForm, config: DiagnosticsConfig, who: Who, reason: string): ChangeLogEntry[] {
  const entries: ChangeLogEntry[] = [];
  const visitId = after.visitId || before.visitId;
  const fields = tracked(config);
  if (needsReason(before.status)) {
    for (const t of fields) {
      const from = t.value(before);
      const to = t.value(after);
      if (from !== to) entries.push({ ...who, visitId, field: t.field, from, to, reason });
    }
  }
  if (foldLabel(after.status) === foldLabel(STATUS_FINAL) && foldLabel(before.status) !== foldLabel(STATUS_FINAL)) entries.push(...finalEntries(after, config, who));
  return entries;
}

/** The graded values of a visit as it becomes Final (From blank, To the value). */
export function finalEntries(visit: VisitForm, config: DiagnosticsConfig, who: Who): ChangeLogEntry[] {
  return tracked(config)
    .filter((t) => t.graded)
    .map((t) => ({ ...who, visitId: visit.visitId, field: t.field, from: "", to: t.value(visit), reason: MADE_FINAL_REASON }));
}

/** The tracked fields (Change log names) whose values differ between two readings of a visit. */
export function changedFields(before: VisitForm, after: VisitForm, config: DiagnosticsConfig): string[] {
  return tracked(config)
    .filter((t) => t.value(before) !== t.value(after))
    .map((t) => t.field);
}

/** A change that needs a reason and has none: the message to show by the Reason box, or null. */
export function reasonProblem(before: VisitForm, after: VisitForm, config: DiagnosticsConfig, reason: string): string | null {
  if (!needsReason(before.status) || reason.trim() !== "") return null;
  const changed = tracked(config).filter((t) => t.value(before) !== t.value(after));
  if (changed.length === 0) return null;
  return `This visit is ${before.status}: give a reason for changing ${changed.map((t) => t.field).join(", ")}.`;
}

export interface Drift {
  visitId: string;
  /** The fields whose value differs from the last logged one, with both values. */
  fields: { field: string; logged: string; now: string }[];
}

/**
 * Final visits whose values differ from their last logged ones: changed outside the pane since they were made
 * final. Only fields the log holds are compared; a visit the log has never seen is not reported.
 */
export function driftFromLog(visits: readonly VisitForm[], log: readonly ChangeLogEntry[], config: DiagnosticsConfig): Drift[] {
  const last = new Map<string, Map<string, string>>();
  for (const e of log) {
    const id = foldLabel(e.visitId);
    if (!last.has(id)) last.set(id, new Map());
    last.get(id)!.set(foldLabel(e.field), e.to);
  }
  const drifts: Drift[] = [];
  for (const v of visits) {
    if (foldLabel(v.status) !== foldLabel(STATUS_FINAL)) continue;
    const logged = last.get(foldLabel(v.visitId));
    if (!logged) continue;
    const fields = tracked(config)
      .filter((t) => logged.has(foldLabel(t.field)) && foldLabel(logged.get(foldLabel(t.field))!) !== foldLabel(t.value(v)))
      .map((t) => ({ field: t.field, logged: logged.get(foldLabel(t.field))!, now: t.value(v) }));
    if (fields.length > 0) drifts.push({ visitId: v.visitId, fields });
  }
  return drifts;
}

export interface ModerationCount {
  service: string;
  /** Grades moderation moved to a better grade, a worse one, or between a grade and none. */
  up: number;
  down: number;
  other: number;
}

/**
 * Per service, how many grades moderation changed and in which direction: the log's grade changes with a reason
 * other than "Made final" (counts only). `serviceOf` gives a visit's service now.
 */
export function moderationCounts(
  log: readonly ChangeLogEntry[],
  config: DiagnosticsConfig,
  compiled: CompiledScale,
  serviceOf: (visitId: string) => string | undefined,
): ModerationCount[] {
  const graded = new Set(gradedColumns(config).map((d) => foldLabel(d.shortLabel)));
  const counts = new Map<string, ModerationCount>();
  for (const e of log) {
    if (!graded.has(foldLabel(e.field)) || e.reason === MADE_FINAL_REASON || e.from === e.to) continue;
    const service = serviceOf(e.visitId) ?? "";
    if (!counts.has(service)) counts.set(service, { service, up: 0, down: 0, other: 0 });
    const c = counts.get(service)!;
    const a = parseGrade(e.from, compiled);
    const b = parseGrade(e.to, compiled);
    if (a.kind === "grade" && b.kind === "grade" && a.category.graded && b.category.graded) {
      if (b.category.rank < a.category.rank) c.up++;
      else if (b.category.rank > a.category.rank) c.down++;
      else c.other++;
    } else c.other++;
  }
  const order = config.services.map(foldLabel);
  const at = (s: string) => (order.indexOf(foldLabel(s)) + 1 || order.length + 1);
  return [...counts.values()].sort((x, y) => at(x.service) - at(y.service) || x.service.localeCompare(y.service));
}

/** Several files' counts as one: summed per service, in the services' order. */
export function mergeModerationCounts(lists: readonly (readonly ModerationCount[])[], services: readonly string[]): ModerationCount[] {
  const counts = new Map<string, ModerationCount>();
  for (const c of lists.flat()) {
    const key = foldLabel(c.service);
    const into = counts.get(key) ?? { service: c.service, up: 0, down: 0, other: 0 };
    counts.set(key, { ...into, up: into.up + c.up, down: into.down + c.down, other: into.other + c.other });
  }
  const order = services.map(foldLabel);
  const at = (s: string) => order.indexOf(foldLabel(s)) + 1 || order.length + 1;
  return [...counts.values()].sort((x, y) => at(x.service) - at(y.service) || x.service.localeCompare(y.service));
}

/** "2 up, 1 down" — the wording the summary uses. */
export function moderationText(c: ModerationCount): string {
  const parts = [`${c.up} up`, `${c.down} down`];
  if (c.other > 0) parts.push(`${c.other} to or from no judgement`);
  return `${c.up + c.down + c.other} ${c.up + c.down + c.other === 1 ? "grade" : "grades"} changed by moderation (${parts.join(", ")})`;
}
