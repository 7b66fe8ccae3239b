import type { FileBase, FileExcludedRow, FileProblem } from "../actions/consolidate";
import { ModerationCount, Summary, describeProblem } from "../domain";
import { fileLine, filesHeading, inFile } from "../presentation/files";
import { MODERATION_HEADINGS, MODERATION_INTRO, MODERATION_TITLE, moderationRows } from "../presentation/moderation";
import { ROWS_LEFT_OUT, nothingCounted, TABLE_HEADINGS, describeBase, groupHeading, leftOutLine } from "../presentation/wording";

/** Wraps text into lines of at most `width` characters, breaking at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
    while (line.length > width) {
      lines.push(line.slice(0, width));
      line = line.slice(width);
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The per-service tables as aligned plain text for a terminal: a heading per service, then
 * "Quality domain | Grading" with long labels wrapped inside their column.
 */
export function summaryAsText(
  summary: Summary,
  options: { width?: number; files?: readonly FileBase[] | null; moderation?: readonly ModerationCount[] | null } = {},
): string {
  const width = Math.max(60, Math.min(options.width ?? 100, 120));
  const gradingWidth = Math.min(
    48,
    Math.max(TABLE_HEADINGS[1].length, ...summary.groups.flatMap((g) => g.rows.map((r) => r.text.length))),
  );
  const domainWidth = Math.max(20, width - gradingWidth - 7);
  const out: string[] = [];
  for (const line of describeBase(summary)) out.push(line);
  if (options.files) out.push(...fileLines(options.files));
  const rule = `+${"-".repeat(domainWidth + 2)}+${"-".repeat(gradingWidth + 2)}+`;
  const row = (a: string, b: string) => {
    const left = wrap(a, domainWidth);
    const right = wrap(b, gradingWidth);
    const lines: string[] = [];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      lines.push(`| ${(left[i] ?? "").padEnd(domainWidth)} | ${(right[i] ?? "").padEnd(gradingWidth)} |`);
    }
    return lines;
  };
  for (const group of summary.groups) {
    out.push("", groupHeading(summary, group.name, group.visits), rule, ...row(...TABLE_HEADINGS), rule);
    for (const r of group.rows) out.push(...row(r.domain, r.text));
    out.push(rule);
  }
  if (summary.groups.length === 0) out.push("", nothingCounted(summary.base));
  if (options.moderation && options.moderation.length > 0) out.push("", ...moderationLines(options.moderation, width));
  if (summary.base.excluded.length > 0) {
    out.push("", ROWS_LEFT_OUT);
    for (const row of summary.base.excluded as FileExcludedRow[]) out.push(`  ${inFile(row, leftOutLine(row))}`);
  }
  return `${out.join("\n")}\n`;
}

/**
 * The moderation section (issue 15) as the Summary sheet and the Word report give it: its title, its intro, then per
 * service the grades moderation changed, in columns. Counts only.
 */
export function moderationLines(counts: readonly ModerationCount[], width: number): string[] {
  const header = ["Service", ...MODERATION_HEADINGS];
  const rows = moderationRows(counts).map((r) => r.map(String));
  const widths = moderationWidths(header, rows, width);
  // Like the service tables: a heading or a service name too long for its column wraps inside it.
  const line = (cells: string[]) => {
    const parts = cells.map((c, i) => wrap(c, widths[i]));
    const lines: string[] = [];
    for (let k = 0; k < Math.max(...parts.map((p) => p.length)); k++) {
      lines.push(parts.map((p, i) => (i === 0 ? (p[k] ?? "").padEnd(widths[i]) : (p[k] ?? "").padStart(widths[i]))).join("  ").trimEnd());
    }
    return lines;
  };
  return [MODERATION_TITLE, ...wrap(MODERATION_INTRO, width), ...line(header), ...rows.flatMap(line)];
}

/**
 * The moderation table's column widths within `width`: each column as wide as its longest cell when they fit;
 * else the figures' columns so and the service column the room left (its names wrap), when that is 12 or more;
 * else each figure's column as wide as its heading's longest word (the heading wraps), the service column the
 * room left (at least 12), and any room still left widening the figures' columns, left to right.
 */
function moderationWidths(header: readonly string[], rows: readonly string[][], width: number): number[] {
  const gaps = 2 * (header.length - 1);
  const natural = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  if (natural.reduce((a, b) => a + b, 0) + gaps <= width) return natural;
  // The figures' headings on one row when the service column can still have 12: the names wrap instead.
  const figuresNatural = natural.slice(1).reduce((a, b) => a + b, 0);
  if (figuresNatural + gaps + 12 <= width) return [width - gaps - figuresNatural, ...natural.slice(1)];
  const longestWord = (text: string) => Math.max(...text.split(/\s+/).map((w) => w.length));
  const widths = header.map((h, i) => (i === 0 ? 0 : Math.max(longestWord(h), ...rows.map((r) => r[i].length))));
  const figures = widths.reduce((a, b) => a + b, 0);
  widths[0] = Math.min(natural[0], Math.max(12, width - gaps - figures));
  let spare = width - gaps - figures - widths[0];
  for (let i = 1; i < widths.length && spare > 0; i++) {
    const more = Math.min(spare, natural[i] - widths[i]);
    widths[i] += more;
    spare -= more;
  }
  return widths;
}


/** The base's list of files: "  east.xlsx: 12 visits counted, 1 left out." */
export function fileLines(files: readonly FileBase[]): string[] {
  return [filesHeading(files.length), ...files.map((f) => `  ${fileLine(f)}`)];
}

/** Problems one a line: "Diagnostics!G27: …", or "east.xlsx: Diagnostics!G27: …" when there are several files. */
export function problemLines(problems: readonly FileProblem[]): string {
  return problems.map((p) => `${inFile(p, describeProblem(p))}\n`).join("");
}

/** "2 problems and 1 warning", or "no problems". */
export function problemCount(problems: readonly FileProblem[]): string {
  const errors = problems.filter((p) => p.severity !== "warning").length;
  const warnings = problems.length - errors;
  const parts = [
    errors ? `${errors} ${errors === 1 ? "problem" : "problems"}` : "",
    warnings ? `${warnings} ${warnings === 1 ? "warning" : "warnings"}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join(" and ") : "no problems";
}
