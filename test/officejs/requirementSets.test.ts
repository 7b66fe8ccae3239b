/**
 * Every Excel JavaScript API member used under src/ must be in a requirement set no newer than the
 * manifest's ExcelApi MinVersion, unless the use is guarded (see requirementScanner.ts for the
 * convention: a function named …IfSupported that checks isSetSupported for that set).
 */
import * as path from "path";
import {
  ApiUse,
  compareVersions,
  createProgram,
  manifestExcelApiVersion,
  scanExcelApiUses,
  sourceFiles,
} from "./requirementScanner";

const ROOT = path.resolve(__dirname, "..", "..");
const SRC = sourceFiles(path.join(ROOT, "src"));
const SNIPPET = path.join(ROOT, "src", "__requirement_snippet__.ts"); // in memory only, never written

// A use of each kind the scanner must report, next to uses it must let through.
const SNIPPET_TEXT = `
export async function newer(context: Excel.RequestContext) {
  const range = context.workbook.worksheets.getItem("S").getRange("A1:B2");
  range.getRangeEdge("Down");                        // ExcelApi 1.13: reported
  range.format.autofitColumns();                     // ExcelApi 1.2: fine
  range.load("values, hasSpill");                    // hasSpill is ExcelApi 1.12: reported
  const alias = range;
  alias.getUsedRange(true);                          // valuesOnly is ExcelApi 1.2: fine
  await context.sync();
}

export async function resizeIfSupported(table: Excel.Table) {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.13")) return;
  table.resize("A1:B9");                             // ExcelApi 1.13, guarded: fine
}

export function resizeTooIfSupported(table: Excel.Table) {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return;
  table.resize("A1:B9");                             // checks 1.9 only: reported
}

export function unguarded(table: Excel.Table) {
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) table.resize("A1:B9"); // name lacks IfSupported: reported
}
`;

let program: ReturnType<typeof createProgram>;
let srcUses: ApiUse[];
const minimum = manifestExcelApiVersion(path.join(ROOT, "manifest.xml"));
const tooNew = (u: ApiUse) => compareVersions(u.version, minimum) > 0 && !u.guarded;
const where = (u: ApiUse) => `${path.relative(ROOT, u.file)}:${u.line} ${u.member} (ExcelApi ${u.version})`;

beforeAll(() => {
  program = createProgram(ROOT, SRC, { [SNIPPET]: SNIPPET_TEXT });
  srcUses = scanExcelApiUses(program, SRC);
}, 120_000);

describe("ExcelApi requirement sets", () => {
  it("reads the manifest's minimum (1.8)", () => {
    expect(minimum).toBe("1.8");
  });

  it("finds the Office.js adapter's uses of the API (so the check below is not vacuous)", () => {
    const members = new Set(srcUses.map((u) => u.member));
    for (const m of [
      "Range.getRowsBelow",
      "Worksheet.getUsedRangeOrNullObject",
      "Range.getUsedRange",
      "TableCollection.getItemOrNullObject",
      "NamedItemCollection.add",
      "Range.dataValidation",
      "DataValidation.errorAlert",
      "Range.conditionalFormats",
      "WorksheetFreezePanes.freezeRows",
      "Workbook.getActiveCell",
      "NamedItem.formula",
      "Table.resize",
    ]) {
      expect(members).toContain(m);
    }
    expect(srcUses.length).toBeGreaterThan(80);
  });

  it(`uses nothing newer than ExcelApi ${minimum} under src/ outside a guarded IfSupported function`, () => {
    expect(srcUses.filter(tooNew).map(where)).toEqual([]);
    // The one newer member in use is guarded.
    expect(srcUses.filter((u) => u.member === "Table.resize").every((u) => u.guarded && u.version === "1.13")).toBe(true);
  });

  it("reports newer members, through aliases and load() paths, and honours only a matching guard", () => {
    const snippet = scanExcelApiUses(program, [SNIPPET]);
    const reported = snippet.filter(tooNew).map((u) => `${u.member} ${u.version}`);
    expect(reported).toEqual(["Range.getRangeEdge 1.13", "Range.hasSpill 1.12", "Table.resize 1.13", "Table.resize 1.13"]);
    const fine = snippet.filter((u) => !tooNew(u)).map((u) => u.member);
    expect(fine).toEqual(expect.arrayContaining(["RangeFormat.autofitColumns", "Range.getUsedRange", "Range.values", "Table.resize"]));
    expect(snippet.find((u) => u.member === "Range.getUsedRange")?.version).toBe("1.2");
  });
});
