/**
 * The base's list of files when several inputs are counted as one (issue 14, consolidation): one wording for the
 * text summary (src/cli/textTables.ts) and the Word report (src/report/wordReport.ts).
 */
import { forModerationCount } from "./wording";

/** What the base says of one file: its visits counted under the selection, its rows left out and its drafts. */
export interface FileCounts {
  file: string;
  visits: number;
  drafts: number;
  excluded: number;
  /** Its visits For moderation (issue 15), when any. */
  forModeration?: number;
  /** Its rows an earlier file already holds with the same values, and those files (src/actions/sameVisit.ts), when any. */
  alreadyIn?: { rows: number; files: readonly string[] };
}

/** "Files (2):" */
export function filesHeading(count: number): string {
  return `Files (${count}):`;
}

/**
 * "east.xlsx: 14 visits counted, 1 left out, 1 draft, 1 visit for moderation.", and for a copy of an earlier file
 * "… (16 rows already in east.xlsx, not counted again)."
 */
export function fileLine(f: FileCounts): string {
  const visits = `${f.visits} ${f.visits === 1 ? "visit" : "visits"}`;
  const moderation = f.forModeration ? `, ${forModerationCount(f.forModeration)}` : "";
  return `${f.file}: ${visits} counted, ${f.excluded} left out${f.drafts ? `, ${f.drafts} ${f.drafts === 1 ? "draft" : "drafts"}` : ""}${moderation}${alreadyIn(f)}.`;
}

/** " (5 rows already in a.xlsx, not counted again)", or "" when an earlier file holds none of the file's rows. */
export function alreadyIn(f: Pick<FileCounts, "alreadyIn">): string {
  if (!f.alreadyIn || f.alreadyIn.rows === 0) return "";
  const { rows, files } = f.alreadyIn;
  const named = files.length === 1 ? files[0] : `${files.slice(0, -1).join(", ")} and ${files[files.length - 1]}`;
  return ` (${rows} ${rows === 1 ? "row" : "rows"} already in ${named}, not counted again)`;
}

/**
 * A row left out, named with its file when there is one: "east.xlsx: Diagnostics row 4"; a CSV's one sheet is named
 * for its file, so "west.csv row 4" names it once (it said "west.csv: west.csv row 4").
 */
export function inFile(item: { file?: string; sheet?: string }, text: string): string {
  return item.file === undefined || item.sheet === item.file ? text : `${item.file}: ${text}`;
}
