import type { FileBase, FileProblem } from "../actions/consolidate";
import { ModerationCount, Summary } from "../domain";
import { moderationJson } from "../presentation/moderation";

/** The JSON document of `summary --json`. Keys and shapes are a published interface: add, never rename. */
export function summaryJson(
  summary: Summary,
  problems: readonly FileProblem[],
  files: readonly FileBase[] | null = null,
  moderation: readonly ModerationCount[] | null = null,
): unknown {
  const groupKey = summary.by === "service" ? "service" : "area";
  const { base } = summary;
  return {
    base: {
      visits: base.visits,
      drafts: base.drafts,
      excluded: base.excluded.map((e) => ({ ...fileOf(e), sheet: e.sheet, row: e.row, reasons: e.reasons })),
      round: base.filter.round ?? null,
      from: base.filter.from ?? null,
      to: base.filter.to ?? null,
      rounds: base.rounds,
      firstVisit: base.firstVisit,
      lastVisit: base.lastVisit,
      filteredOut: base.filteredOut,
      ...(summary.by === "area" ? { withoutArea: base.ungrouped } : {}),
      // Only with more than one input, so a single file's document is unchanged.
      // A file's forModeration only when it has any (issue 15), like the base's own.
      ...(files
        ? { files: files.map((f) => ({ file: f.file, visits: f.visits, drafts: f.drafts, excluded: f.excluded, ...(f.forModeration ? { forModeration: f.forModeration } : {}) })) }
        : {}),
      // Only when there are any, so the JSON of a workbook without deep dives is unchanged (issue 11 §4).
      ...(base.deepDives ? { deepDives: base.deepDives } : {}),
      // Only when there are any (issue 15), like deepDives.
      ...(base.forModeration ? { forModeration: base.forModeration } : {}),
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
    // Issue 12: only when the table has a theme column, so the JSON of a workbook without one is unchanged. Theme
    // names and counts of teams only, never the text they came from.
    ...(summary.themes ? { themes: summary.themes.map((g) => ({ [groupKey]: g.service, themes: g.themes.map((t) => ({ ...t })) })) } : {}),
    problems: problems.map((p) => ({ ...fileOf(p), sheet: p.sheet, row: p.row, column: p.column, cell: p.cell, message: p.message })),
    // Only when a Change log holds changes (issue 15), so other workbooks' documents are unchanged: counts only.
    ...(moderation && moderation.length > 0 ? { moderation: moderationJson(moderation) } : {}),
  };
}

/** `{file}` for a problem or row of one of several inputs; nothing for a single input. */
function fileOf(item: object): { file?: string } {
  const file = (item as { file?: string }).file;
  return file === undefined ? {} : { file };
}
