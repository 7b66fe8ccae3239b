/**
 * The floor of the file readers' bench (benchFiles.ts): inflate the sheet XML of a 100,000-row .xlsx and scan it once.
 * `node <its bundle> --once file.xlsx` (bundled by benchFiles.ts) runs it in a fresh process and prints the seconds of
 * the inflate and scan timed inside it, and the MB of XML. It imports nothing the bench uses (esbuild, say): the
 * bench also times that process from start to end, which only the reading should fill.
 */
import { readFileSync } from "fs";
import { entryData, zipEntries } from "../src/adapters/files/xlsxReader";

/** Inflates the first worksheet part and counts its "<" bytes: no reader can do less. */
export function floorSeconds(bytes: Buffer): { seconds: number; xmlMb: number } {
  const entries = zipEntries(bytes);
  const name = [...entries.keys()].find((k) => /^xl\/worksheets\/[^/]+\.xml$/.test(k));
  if (!name) throw new Error("no worksheet part");
  const t0 = performance.now();
  const xml = entryData(bytes, entries.get(name)!);
  let tags = 0;
  for (let i = 0; i < xml.length; i++) if (xml[i] === 60) tags++;
  const seconds = (performance.now() - t0) / 1000;
  if (tags === 0) throw new Error("empty sheet");
  return { seconds, xmlMb: xml.length / 1048576 };
}

/** The arguments that run the floor of `file` once in a fresh process (`node <bundle> --once <file>`). */
export const floorArgs = (bundle: string, file: string) => [bundle, "--once", file];

/** What that process prints: the seconds timed inside it (no start, no file read) and the MB of sheet XML. */
export function floorPrinted(stdout: string): { inside: number; xmlMb: number } {
  const [inside, xmlMb] = stdout.trim().split(" ").map(Number);
  if (!(inside > 0) || !(xmlMb > 0)) throw new Error(`the floor printed "${stdout.trim()}"`);
  return { inside, xmlMb };
}

if (process.argv[2] === "--once") {
  const { seconds, xmlMb } = floorSeconds(readFileSync(process.argv[3]));
  process.stdout.write(`${seconds} ${xmlMb}\n`);
}
