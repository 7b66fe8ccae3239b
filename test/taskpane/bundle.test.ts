import * as fs from "node:fs";
import * as path from "node:path";
import { bytesToBase64 } from "../../src/taskpane/host";
import { readableText } from "../../src/taskpane/gradeStyle";
import { compileScale, contrastRatio, OFSTED_SCALE } from "../../src/domain";

const ROOT = path.resolve(__dirname, "..", "..");

/** Every file and package the pane's entry reaches through static imports (dynamic import() is not followed). */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = fs.readFileSync(file, "utf8");
    // `import … from "x"`, `import "x"` and `export … from "x"`; type-only imports vanish when compiled.
    const pattern = /^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm;
    for (const match of source.matchAll(pattern)) {
      const spec = match[1];
      if (!spec.startsWith(".")) {
        packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const found = [".ts", ".tsx", "/index.ts", "/index.tsx"].map((ext) => base + ext).find((f) => fs.existsSync(f));
      if (found) queue.push(found);
    }
  }
  return { files, packages };
}

test("ExcelJS, docx and the report builders are reached only through import(), never from the pane's first bundle", () => {
  const { files, packages } = staticGraph(path.join(ROOT, "src/taskpane/index.tsx"));
  const relative = [...files].map((f) => path.relative(ROOT, f).split(path.sep).join("/"));
  expect(relative).toContain("src/taskpane/App.tsx");
  expect(relative).toContain("src/taskpane/lazy.ts");
  expect(packages).not.toContain("exceljs");
  expect(packages).not.toContain("docx");
  expect(relative.filter((f) => f.startsWith("src/adapters/exceljs/") || f === "src/report/wordReport.ts" || f === "src/taskpane/summaryWorkbook.ts")).toEqual([]);
  // Nothing in the pane talks to Office except the host adapter (and the entry that hands it over).
  const code = (f: string) => fs.readFileSync(path.join(ROOT, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  const officeUsers = relative.filter((f) => f.startsWith("src/taskpane/") && /\b(Excel|Office)\.\w/.test(code(f)));
  expect(officeUsers.sort()).toEqual(["src/taskpane/index.tsx", "src/taskpane/officeHost.ts"]);
});

test("grade colours keep their text readable (WCAG contrast of at least 4.5:1 where black or white can give it)", () => {
  for (const category of compileScale(OFSTED_SCALE).categories) {
    const text = readableText(category.colour).slice(1);
    expect({ code: category.code, ratio: contrastRatio(category.colour, text) >= 4.5 }).toEqual({ code: category.code, ratio: true });
  }
  expect(readableText("469B3E")).toBe("#000000"); // the O / G blend: black reads better than white
  expect(readableText("00703C")).toBe("#FFFFFF");
});

test("bytesToBase64 handles files larger than one chunk", () => {
  const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
  expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
});
