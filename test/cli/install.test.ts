import { readFileSync } from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
const packages: Record<string, { optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string> }> = lock.packages;

/** Where npm would find `name` from the package at `from`: its own node_modules, then each parent's. */
function resolves(from: string, name: string): boolean {
  let base = from;
  for (;;) {
    if (`${base ? `${base}/` : ""}node_modules/${name}` in packages) return true;
    const up = base.lastIndexOf("/node_modules/");
    if (base === "") return false;
    base = up < 0 ? "" : base.slice(0, up);
  }
}

describe("package-lock.json, as npm ci needs it", () => {
  it("lists every optional dependency for every platform, so npm install leaves it as it is", () => {
    const missing = Object.entries(packages).flatMap(([at, p]) =>
      Object.keys(p.optionalDependencies ?? {})
        .filter((name) => !resolves(at, name))
        .map((name) => `${at || "(root)"} -> ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it("holds no telemetry client: the M365 Agents Toolkit peer is left out on purpose (.npmrc legacy-peer-deps)", () => {
    const names = Object.keys(packages).map((at) => at.replace(/^.*node_modules\//, ""));
    expect(names.filter((n) => /applicationinsights|m365agentstoolkit/i.test(n))).toEqual([]);
    expect(readFileSync(path.join(ROOT, ".npmrc"), "utf8")).toMatch(/^legacy-peer-deps=true$/m);
  });
});
