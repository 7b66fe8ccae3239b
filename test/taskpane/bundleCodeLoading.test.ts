/**
 * No dependency in the pane's bundle loads code from elsewhere or makes code from strings at run time (issue 15):
 * the pane's Content Security Policy would refuse it. The scanner (test/e2e/bundleScan.ts) is tested here on made-up
 * bundles, and run on the production build: dist/ (npm run build) or the end-to-end tests' build (.tmp/e2e-build,
 * whichever is newer). The end-to-end run (test/e2e/run.ts, "8b") scans the build it has just made, so CI always
 * scans one; without any build this file says so and scans nothing real.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { codeLoads } from "../e2e/bundleScan";

const ROOT = path.resolve(__dirname, "..", "..");

describe("the scanner", () => {
  it("finds each way of loading code", () => {
    const bundle = [
      'a=eval("1+1");',
      'b=new Function("x","return x");',
      'c=Function("alert(1)")();',
      'importScripts("https://cdn.example.com/w.js");',
      'import("https://cdn.example.com/m.js");',
      's.src="https://cdn.example.com/chunk.js";',
      'r.p="https://cdn.example.com/";',
    ].join("\n");
    expect(codeLoads("x.js", bundle).map((f) => f.what)).toEqual([
      "eval()",
      "new Function()",
      "Function() with code",
      "importScripts()",
      "import() of a URL",
      "script src from another origin",
      "webpack public path elsewhere",
    ]);
  });

  it("passes the known idioms and mere mentions", () => {
    const bundle = [
      'try{return this||new Function("return this")()}catch(e){}',
      'o=i||s||Function("return this")()',
      'e=new Function(""+e)',
      'Function("r","regeneratorRuntime = r")(n)',
      "r.g.importScripts&&(e=r.g.location+'')",
      'x.evaluate(y); ns="http://www.w3.org/2000/svg"; s.src=r.p+"chunk.js"',
    ].join("\n");
    expect(codeLoads("y.js", bundle)).toEqual([]);
  });
});

function newestBuild(): string | null {
  const dirs = [path.join(ROOT, "dist"), path.join(ROOT, ".tmp", "e2e-build")].filter((d) => existsSync(path.join(d, "taskpane.html")));
  dirs.sort((a, b) => statSync(path.join(b, "taskpane.html")).mtimeMs - statSync(path.join(a, "taskpane.html")).mtimeMs);
  return dirs[0] ?? null;
}

const build = newestBuild();
(build ? it : it.skip)(`the production build (${build ? path.relative(ROOT, build) : "none yet"}) loads no code from elsewhere`, () => {
  const dir = build as string;
  const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  expect(files.some((f) => f.startsWith("taskpane."))).toBe(true);
  const found = files.flatMap((f) => codeLoads(f, readFileSync(path.join(dir, f), "utf8")));
  expect(found).toEqual([]);
  // The page itself: scripts by src only, from itself or office.js.
  const html = readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(body.trim()).toBe("");
    const src = /\bsrc=["']?([^"'\s>]+)/.exec(attributes)?.[1] ?? "";
    expect(/^https:\/\/appsforoffice\.microsoft\.com\//.test(src) || !/^[a-z]+:|^\/\//i.test(src)).toBe(true);
  }
});
