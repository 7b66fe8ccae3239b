/**
 * What each command's -o writes, so that a file named for another format is refused before anything is read:
 * `summary -o out.csv` would otherwise write a workbook named .csv, and `report -o rep.xlsx` a Word file.
 */
import { statSync } from "fs";
import * as path from "path";
import { UserFacingError } from "../errors";

interface OutputKind {
  extension: ".xlsx" | ".docx";
  /** What is written, as the write's sentences name it ("Cannot write the summary workbook to …"). */
  writes: string;
  /** What the command writes, as the sentence names it. */
  what: string;
  /** Said after the name to give, when a user may have meant something else. */
  more?: string;
}

const OUTPUTS: Record<string, OutputKind> = {
  // The CLI writes no counts CSV: the pane's Summary tab offers it (SummaryPanel's "Download counts (CSV)").
  summary: { extension: ".xlsx", writes: "summary workbook", what: "the summary workbook", more: "the counts as CSV come from the pane's Summary tab (Download counts (CSV))" },
  trends: { extension: ".xlsx", writes: "trends workbook", what: "the trends workbook" },
  template: { extension: ".xlsx", writes: "workbook", what: "a blank Diagnostics workbook" },
  report: { extension: ".docx", writes: "report", what: "a Word report" },
  feedback: { extension: ".docx", writes: "feedback report", what: "the team's feedback report (Word)" },
};

/**
 * Whether the write itself would be refused, whatever the name (the output is a folder or names one with a final "/",
 * is not a regular file (a pipe, a socket, a device), is one of the inputs, or its folder is missing or is a file):
 * the write then says so in its own words (safeWrite.ts), the more useful sentence.
 */
function writeRefusedAnyway(output: string, inputs: readonly string[]): boolean {
  try {
    // As the write reads it: "/" ends a folder's name everywhere, "\\" only on Windows.
    if (output.endsWith("/") || output.endsWith(path.sep)) return true;
    const stat = statSync(output, { throwIfNoEntry: false });
    if (stat && !stat.isFile()) return true;
    const same = (input: string) => {
      const other = statSync(input, { throwIfNoEntry: false });
      return other !== undefined && stat !== undefined && other.dev === stat.dev && other.ino === stat.ino;
    };
    if (stat && inputs.some(same)) return true;
    // The folder it goes in: the write refuses one that is missing or is a file.
    const folder = statSync(path.dirname(path.resolve(output)), { throwIfNoEntry: false });
    return !folder?.isDirectory();
  } catch {
    return true; // ENOTDIR and the like: the write says it cannot write there.
  }
}

/** Refuses an -o whose extension (in any case) is not the one the command writes: one sentence, exit 2. */
export function checkOutputName(command: string, output: string | undefined, inputs: readonly string[] = []): void {
  const kind = OUTPUTS[command];
  if (!kind || output === undefined) return;
  const ext = path.extname(output);
  if (ext.toLowerCase() === kind.extension) return;
  if (writeRefusedAnyway(output, inputs)) return;
  const named = `${ext ? output.slice(0, -ext.length) : output}${kind.extension}`;
  const article = kind.extension === ".xlsx" ? "an" : "a";
  throw new UserFacingError(`${command} -o writes ${kind.what}, ${article} ${kind.extension} file, so name it ${named}${kind.more ? `; ${kind.more}` : ""}.`);
}

/**
 * Before any input is read: whether the -o can be written at all (safeWrite's checks), so that the sentence comes at
 * once, not after the input's problems. The write itself checks again, with the files the folders held.
 */
export async function checkOutputEarly(command: string, output: string | undefined, inputs: readonly string[] = []): Promise<void> {
  const kind = OUTPUTS[command];
  if (!kind || output === undefined) return;
  const { checkWritable } = await import("./safeWrite");
  await checkWritable(output, { what: kind.writes, inputs, replaces: command === "template" ? "none" : undefined });
}
