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
 * An output that is a symlink is written through (the file it leads to is replaced, the link kept); one that is a
 * device, pipe or socket is refused, as is a folder that does not exist (never created: it may be a typo).
 * A workbook already there is replaced only when every sheet in it is one this write makes again (last run's summary
 * workbook): one holding any other sheet may hold someone's visits, and is never replaced (template replaces none).
 */

const shown = (file: string) => `"${file}"`;

async function statOrNull(file: string): Promise<Stats | null> {
  try {
    return await fs.stat(file);
  } catch {
    return null;
  }
}

async function lstatOrNull(file: string): Promise<Stats | null> {
  try {
    return await fs.lstat(file);
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
      return "part of its folder path is a file, not a folder";
    case "ENOENT":
      return "its folder does not exist";
    case "ELOOP":
      return "it is a symbolic link that leads round in a circle";
    case "EEXIST":
      return "a file of that name appeared while it was being written";
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
  /**
   * A workbook write: the sheets it makes, so a workbook already there is replaced only when it holds no other sheet;
   * "none" when no workbook already there is ever replaced (template). Absent for other files (a Word report).
   */
  replaces?: readonly string[] | "none";
}

/** Why a workbook already at the target must not be replaced, in words; null when it may be. */
async function keptWorkbook(target: string, replaces: readonly string[] | "none", what: string): Promise<string | null> {
  const there = await statOrNull(target);
  if (!there?.isFile()) return null;
  const moveIt = "give another name with -o, or move that file first";
  if (replaces === "none") return `${shown(target)} already exists: ${what === "workbook" ? "template" : `the ${what}`} never replaces a workbook (it may hold visits); ${moveIt}.`;
  const { xlsxSheetNames } = await import("../adapters/files/xlsxFile");
  const names = xlsxSheetNames(target);
  const made = new Set(replaces.map((n) => n.toLowerCase()));
  if (names === null) return `Cannot write the ${what} to ${shown(target)}: it already exists and is not a workbook that can be read, so it is never replaced; ${moveIt}.`;
  const others = names.filter((n) => !made.has(n.toLowerCase()));
  if (others.length === 0) return null;
  return `Cannot write the ${what} to ${shown(target)}: it already holds sheets the ${what} does not write (${others.join(", ")}), so it is never replaced; ${moveIt}.`;
}

/**
 * The file a path leads to through symlinks (the path itself when it is no link), in its real folder; a circle throws
 * ELOOP. Each step starts from the real folder of the link, as the kernel does: a relative link's ".." is read from
 * where the link really is, not from the path typed to reach it (a/linkdir/.. is not a when linkdir leads elsewhere).
 */
async function throughLinks(file: string): Promise<string> {
  let at = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const folder = await fs.realpath(path.dirname(at)).catch(() => null);
    // A folder not there (yet): the path as it is; the write says the folder is missing.
    if (folder === null) return at;
    at = path.join(folder, path.basename(at));
    let link: string;
    try {
      link = await fs.readlink(at);
    } catch {
      // Not a link (EINVAL), or not there yet: this is the file.
      return at;
    }
    at = path.resolve(path.dirname(at), link);
  }
  throw Object.assign(new Error("symbolic links in a circle"), { code: "ELOOP" });
}

/** What a file that is neither a file nor a folder is, in words. */
function special(stats: Stats): string | null {
  if (stats.isFIFO()) return "a pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return stats.isFile() || stats.isDirectory() ? null : "not an ordinary file";
}

/**
 * Everything that can be known before the output is made: that `output` may be written (not the input, not a folder or
 * a special file, its folder there, a workbook there that may be replaced). Commands call it before reading their
 * inputs, so a -o that cannot be written is said at once, not after the input has been read and checked.
 */
export async function checkWritable(output: string, options: SafeWriteOptions): Promise<void> {
  const target = await writeTarget(output, options);
  if (options.replaces === "none") {
    const kept = await keptWorkbook(target, "none", options.what);
    if (kept) throw new UserFacingError(kept);
  }
}

/** Writes bytes to `output` safely (see the comment at the top). Every failure is one UserFacingError sentence. */
export async function safeWrite(output: string, bytes: Uint8Array | string, options: SafeWriteOptions): Promise<void> {
  const target = await writeTarget(output, options);
  if (options.replaces !== undefined) {
    const kept = await keptWorkbook(target, options.replaces, options.what);
    if (kept) throw new UserFacingError(kept);
  }
  const fail = (why: string) => new UserFacingError(`Cannot write the ${options.what} to ${shown(output)}: ${why}.`);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    // "wx": never reuse a file of that name, even a leftover one.
    await fs.writeFile(temp, bytes, { flag: "wx" });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw fail(reason(error));
  }
}

/** The file a write of `output` replaces, once every check before writing has passed (see safeWrite). */
async function writeTarget(output: string, options: SafeWriteOptions): Promise<string> {
  const fail = (why: string) => new UserFacingError(`Cannot write the ${options.what} to ${shown(output)}: ${why}.`);
  await refuseInput(output, options.inputs ?? []);
  if (output.endsWith("/") || output.endsWith(path.sep)) {
    if ((await statOrNull(output))?.isDirectory()) throw fail("it is a folder; give a file name");
    throw fail(`it ends in "${output.slice(-1)}", so it names a folder, not a file; give a file name`);
  }
  // What the name leads to, followed as the kernel follows it: a link to /dev/stdout is a pipe or a device.
  const followed = await statOrNull(output);
  if (followed?.isDirectory()) throw fail("it is a folder; give a file name");
  const followedKind = followed && special(followed);
  if (followedKind) throw fail(`it is ${followedKind}, not a file; give a file name`);
  let target: string;
  try {
    target = await throughLinks(output);
  } catch (error) {
    throw fail(reason(error));
  }
  // The file the link leads to is the one written: it must not be the input either.
  // (What the target is was looked at above, through the links, with stat: a folder or a special file is refused.)
  if (target !== path.resolve(output)) await refuseInput(target, options.inputs ?? []);
  const dir = path.dirname(target);
  const folder = await folderState(dir);
  if (folder === "missing") {
    // Named as given when no link was followed ("/nonexistent"), else the folder the link leads to.
    const named = (await lstatOrNull(output))?.isSymbolicLink() ? dir : path.dirname(output);
    throw new UserFacingError(`The folder ${shown(named)} does not exist: create it first, or check the name given with -o.`);
  }
  if (folder === "file") throw fail("part of its folder path is a file, not a folder");
  return target;
}

/** Whether a folder is there: "folder", "missing" (it or a folder above it), or "file" (a file in the path). */
async function folderState(dir: string): Promise<"folder" | "missing" | "file" | "unknown"> {
  try {
    return (await fs.stat(dir)).isDirectory() ? "folder" : "file";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? "missing" : code === "ENOTDIR" ? "file" : "unknown";
  }
}
