/**
 * Does a built bundle load code from elsewhere, or make code from strings, at run time? The pane's Content Security
 * Policy would refuse it in Excel (src/taskpane/taskpane.html), so the build must not contain it. Scanned on the
 * minified output rather than the sources because that is what runs, dependencies included.
 *
 * What is looked for (each a call, not a mention):
 *  - eval(...), new Function(...) / Function(...) with code: strings made into code ('unsafe-eval');
 *  - importScripts(...) and import("http…"): a worker's or a module's code fetched at run time;
 *  - a script's src, or webpack's public path, set to an absolute http(s) URL: chunks or code from another origin.
 * Known idioms that never make code when they run in the pane are allowed by their exact text (IDIOMS).
 */

export interface CodeLoad {
  file: string;
  what: string;
  /** The text around it, to find the dependency. */
  context: string;
}

/** Exact texts that are not code loading, and why. */
export const IDIOMS: { text: string; why: string }[] = [
  // webpack's and lodash's global-object lookup: reached only where globalThis is missing (never in Excel's
  // browsers: Edge WebView2, Safari, Chrome), and then caught.
  { text: 'Function("return this")', why: "global object lookup, behind globalThis" },
  // setImmediate's polyfill (in ExcelJS's chunk) turns a string argument into a function; the add-in never passes one.
  { text: 'new Function(""+e)', why: "setImmediate(string) polyfill, never called with a string" },
  // regenerator-runtime (in ExcelJS's chunk) sets its global this way only when globalThis is missing.
  { text: 'Function("r","regeneratorRuntime = r")', why: "regenerator-runtime's global, behind globalThis" },
];

const PATTERNS: { what: string; re: RegExp }[] = [
  { what: "eval()", re: /(?<![\w$.])eval\s*\(/g },
  { what: "new Function()", re: /\bnew\s+Function\s*\([^)]*\)/g },
  { what: "Function() with code", re: /(?<!new\s+)(?<![\w$.])Function\s*\(\s*["'`][^)]*\)/g },
  { what: "importScripts()", re: /(?<![\w$])importScripts\s*\(/g },
  { what: "import() of a URL", re: /\bimport\s*\(\s*["'`]https?:/g },
  { what: "script src from another origin", re: /\.src\s*=\s*["'`]https?:\/\//g },
  { what: "webpack public path elsewhere", re: /\.p\s*=\s*["'`]https?:\/\//g },
];

/** Every code load in one file's text, idioms left out. */
export function codeLoads(file: string, text: string): CodeLoad[] {
  const found: CodeLoad[] = [];
  for (const { what, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const at = m.index ?? 0;
      const around = text.slice(Math.max(0, at - 20), at + m[0].length + 20);
      if (IDIOMS.some((i) => m[0].includes(i.text) || i.text.includes(m[0]))) continue;
      found.push({ file, what, context: around });
    }
  }
  return found;
}
