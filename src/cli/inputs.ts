/**
 * The inputs a command names: files and folders (every .xlsx and .csv directly inside a folder, in name order),
 * turned into the Sources of src/actions/consolidate.ts. Each file is opened only when its turn comes, so a
 * folder of workbooks is never all in memory at once. Any command taking several inputs uses sourcesFor().
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Source } from "../actions/consolidate";
import { openWorkbookFile } from "../adapters/exceljs/files";
import { Options, UsageError } from "./args";
import { Progress } from "./progress";
import { refuseInput } from "./safeWrite";

const READABLE = /\.(xlsx|csv)$/i;
/** Excel's lock files ("~$east.xlsx") and hidden files are not workbooks. */
const NOT_A_WORKBOOK = /^(~\$|\.)/;

/** Files and folders to files: a folder gives the .xlsx and .csv files directly inside it. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const real = new Set<string>();
  const add = async (file: string) => {
    // The same file named twice (or through a link) is read once.
    const key = await fs.realpath(file).catch(() => path.resolve(file));
    if (real.has(key)) return;
    real.add(key);
    files.push(file);
  };
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat?.isDirectory()) {
      await add(input);
      continue;
    }
    const names = (await fs.readdir(input, { withFileTypes: true }))
      .filter((e) => !e.isDirectory() && READABLE.test(e.name) && !NOT_A_WORKBOOK.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, "en-GB"));
    if (names.length === 0) throw new UsageError(`The folder "${input}" holds no .xlsx or .csv files.`);
    for (const name of names) await add(path.join(input, name));
  }
  return files;
}

/** The name each file goes by in messages: its file name, or its path as given when two share a name. */
export function namesFor(files: readonly string[]): string[] {
  const base = files.map((f) => path.basename(f));
  return files.map((f, i) => (base.filter((b) => b === base[i]).length > 1 ? f : base[i]));
}

export interface Inputs {
  files: string[];
  sources: Source[];
  settings?: Source;
}

/** The command's inputs as Sources, refusing first an output that would be one of them. */
export async function sourcesFor(options: Options, progress: Progress): Promise<Inputs> {
  const named = options.inputs.length ? options.inputs : options.input ? [options.input] : [];
  if (named.length === 0) throw new UsageError(`${options.command} needs an input file: ${options.command} <input.xlsx|input.csv>.`);
  const files = await expandInputs(named);
  if (options.output) await refuseInput(options.output, files);
  const names = namesFor(files);
  const sources = files.map((file, i) => ({
    name: names[i],
    open: () => {
      progress.step(files.length > 1 ? `Reading ${names[i]} (${i + 1} of ${files.length})` : `Reading ${names[i]}`);
      return openWorkbookFile(file);
    },
  }));
  const settingsFile = options.settings;
  const settings = settingsFile ? { name: path.basename(settingsFile), open: () => openWorkbookFile(settingsFile) } : undefined;
  return { files, sources, settings };
}
