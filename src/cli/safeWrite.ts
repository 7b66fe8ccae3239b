import { randomBytes } from "node:crypto";
import { promises as fs, Stats } from "node:fs";
import * as path from "node:path";
import { UserFacingError } from "../errors";

/*
 * The one way the command line writes a file. Node has no atomic "write file" of its own and the well-kept
 * packages for it (write-file-atomic) neither compare the target with the input nor word their errors for a
 * user, so this is written here: a temporary file in the same folder, renamed over the target only when
 * complete, so a failed write never leaves half a file; and never onto the input, compared by device and
 * inode (or, for a file not there yet, by real path), so no symlinked folder or hard link gets round it.
 */

const shown = (file: string) => `"${file}"`;

async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

/** The real path of a file that may not exist yet: its folder's real path (when that exists) and its name. */
async function realTarget(file: string): Promise<string> {
  const absolute = path.resolve(file);
  try {
    return await fs.realpath(absolute);
  } catch {
    try {
      return path.join(await fs.realpath(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** True when writing `output` would replace `input`: the same file by device and inode, or by real path. */
export async function isSameFile(output: string, input: string): Promise<boolean> {
  const [a, b] = await Promise.all([statOrNull(output), statOrNull(input)]);
  if (a && b) return a.dev === b.dev && a.ino === b.ino;
  return (await realTarget(output)) === (await realTarget(input));
}

/** Refuses, in one sentence, an output that is the input (however it is reached). */
export async function refuseInput(output: string, inputs: readonly string[]): Promise<void> {
  for (const input of inputs) {
    if (await isSameFile(output, input)) {
      throw new UserFacingError(`${shown(output)} is the input file: the input is never modified; choose another name with -o.`);
    }
  }
}

/** Why a write failed, in words: never the errno code, the system's text or the temporary file's name. */
function reason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case "EACCES":
    case "EPERM":
    case "EBUSY":
    case "EROFS":
    case "ETXTBSY":
      return "it is open in another program or the folder is read-only";
    case "ENOSPC":
    case "EDQUOT":
      return "the disk is full";
    case "ENOTDIR":
    case "EEXIST":
      return "part of its folder path is a file, not a folder";
    case "ENAMETOOLONG":
      return "the name is too long";
    case "EISDIR":
      return "it is a folder; give a file name";
    default:
      return "the file could not be written there";
  }
}

export interface SafeWriteOptions {
  /** What is written, for messages: "summary workbook", "report". */
  what: string;
  /** Files that must never be written over (the input). */
  inputs?: readonly string[];
}

/** Writes bytes to `output` safely (see the comment at the top). Every failure is one UserFacingError sentence. */
export async function safeWrite(output: string, bytes: Uint8Array | string, options: SafeWriteOptions): Promise<void> {
  const fail = (why: string) => new UserFacingError(`Cannot write the ${options.what} to ${shown(output)}: ${why}.`);
  await refuseInput(output, options.inputs ?? []);
  const existing = await statOrNull(output);
  if (existing?.isDirectory()) throw fail("it is a folder; give a file name");
  const dir = path.dirname(path.resolve(output));
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    throw fail(reason(error));
  }
  const temp = path.join(dir, `.${path.basename(output)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    // "wx": never reuse a file of that name, even a leftover one.
    await fs.writeFile(temp, bytes, { flag: "wx" });
    await fs.rename(temp, output);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw fail(reason(error));
  }
}
