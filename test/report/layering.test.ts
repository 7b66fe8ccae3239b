import { readdirSync, readFileSync } from "fs";
import * as path from "path";

/** The arrows between src/ folders: each layer may import only the layers listed (and itself). */
const SRC = path.join(__dirname, "..", "..", "src");
const ALLOWED: Record<string, string[]> = {
  domain: [],
  presentation: ["domain"],
  workbook: ["domain", "presentation"],
  report: ["domain", "presentation", "workbook"],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** Every relative module a file imports or re-exports, static or dynamic, as a path under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)["'](\.[^"']+)["']/g)].map((m) => m[1]);
  return specs.map((s) => path.relative(SRC, path.resolve(path.dirname(file), s)));
}

describe("layering of src/", () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    it(`${layer}/ imports only ${allowed.length ? allowed.join(", ") : "itself"}`, () => {
      const wrong = files(path.join(SRC, layer)).flatMap((file) =>
        importsOf(file)
          .filter((target) => {
            const top = target.split(path.sep)[0];
            return top !== layer && !allowed.includes(top);
          })
          .map((target) => `${path.relative(SRC, file)} -> ${target}`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it("the command line reaches validation and roll-up only through the actions", () => {
    const wrong = files(path.join(SRC, "cli")).filter((file) =>
      /\b(validateTable|rollUp|readDiagnostics)\b/.test(readFileSync(file, "utf8")),
    );
    expect(wrong.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});
