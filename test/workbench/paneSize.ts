/**
 * The task pane's JavaScript size as a browser fetches it: the scripts taskpane.html loads before the pane can draw
 * ("initial"), and the chunks fetched later by import() ("on demand": the xlsx and Word libraries), each gzipped.
 * Measured on a production build folder. Used by `npm run workbench -- --size` and by the benchmark.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";

export interface SizedFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface PaneSize {
  initial: SizedFile[];
  onDemand: SizedFile[];
  initialBytes: number;
  initialGzipBytes: number;
}

/** The pane's initial-load budget, gzipped (issue 5). */
export const INITIAL_GZIP_BUDGET = 300 * 1024;

async function sized(dir: string, file: string): Promise<SizedFile> {
  const body = await fs.readFile(path.join(dir, file));
  return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

/** Local script files a page loads, in order (absolute URLs, such as office.js, are not ours and are skipped). */
export function localScripts(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^[a-z]+:\/\//i.test(src) || src.startsWith("//")) continue;
    found.push(src.replace(/^\.?\//, "").split(/[?#]/)[0]);
  }
  return found;
}

export async function paneSize(buildDir: string, page = "taskpane.html"): Promise<PaneSize> {
  const html = await fs.readFile(path.join(buildDir, page), "utf8");
  const initialNames = localScripts(html);
  const initial = await Promise.all(initialNames.map((f) => sized(buildDir, f)));
  // Other scripts in the folder that belong to the pane: chunks it imports on demand. The workbench's own files are not the pane's.
  const all = (await fs.readdir(buildDir)).filter((f) => f.endsWith(".js") && !initialNames.includes(f) && !/^workbench/.test(f));
  const onDemand = await Promise.all(all.map((f) => sized(buildDir, f)));
  onDemand.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    initial,
    onDemand,
    initialBytes: initial.reduce((n, f) => n + f.bytes, 0),
    initialGzipBytes: initial.reduce((n, f) => n + f.gzipBytes, 0),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function describePaneSize(size: PaneSize): string[] {
  const lines = [
    `Task pane initial JavaScript: ${kb(size.initialGzipBytes)} gzipped (${kb(size.initialBytes)} minified), budget ${kb(INITIAL_GZIP_BUDGET)}: ${
      size.initialGzipBytes <= INITIAL_GZIP_BUDGET ? "within" : "OVER"
    }`,
  ];
  for (const f of size.initial) lines.push(`  initial    ${f.file}: ${kb(f.gzipBytes)} gzipped`);
  for (const f of size.onDemand) lines.push(`  on demand  ${f.file}: ${kb(f.gzipBytes)} gzipped`);
  return lines;
}
