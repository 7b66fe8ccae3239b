/**
 * The floor of the file readers' bench (benchFiles.ts): inflate the sheet XML of a 100,000-row .xlsx and scan it once.
 * `npx tsx scripts/floor.ts --once file.xlsx` (or its bundle) prints the floor measured in that fresh process, in
 * seconds: its code starts cold, as the command line's does.
 */
import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { entryData, zipEntries } from "../src/adapters/files/xlsxReader";
import { benchBundle } from "./benchBundle";

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

/** This file bundled, for fresh processes to run with --once. */
export const buildFloorBundle = () => benchBundle("floor");

/** The floor of `file` measured once in a fresh process, in seconds (the process's own start is not counted). */
export function floorColdSeconds(bundle: string, file: string): number {
  return Number(execFileSync(process.execPath, [bundle, "--once", file], { encoding: "utf8" }).trim());
}

if (process.argv[2] === "--once") process.stdout.write(`${floorSeconds(readFileSync(process.argv[3])).seconds}\n`);
