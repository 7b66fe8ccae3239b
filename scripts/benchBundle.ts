/** Bench scripts bundled as build:cli bundles the command line, so a fresh process runs them as the command runs. */
import { buildSync } from "esbuild";
import * as path from "path";

/** scripts/<name>.ts bundled into bench-output/<name>.js; returns the bundle's path. */
export function benchBundle(name: string): string {
  const bundle = path.join(__dirname, "..", "bench-output", `${name}.js`);
  buildSync({ entryPoints: [path.join(__dirname, `${name}.ts`)], bundle: true, platform: "node", target: "node20", packages: "external", outfile: bundle, logLevel: "warning" });
  return bundle;
}
