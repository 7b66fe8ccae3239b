import { RawTable, columnDefinitions, compileScale, defaultConfig } from "../../src/domain";
import { OUT_OF_DATE_TEXT, STALE_CELLS, checksumColumns, checksumOf, staleCheckChanges, staleFormula } from "../../src/workbook/summaryStaleness";
import { WorkbookChange } from "../../src/workbook/plan";
import { evaluate } from "./formulaEval";

const config = defaultConfig();
const compiled = compileScale(config.scale);
const HEADERS = columnDefinitions(config).map((d) => d.header);

type Row = (string | number | boolean)[];
function row(id: string, date: number, team: string, grades: string[], more: Partial<Record<string, string>> = {}): Row {
  const cells: Record<string, string | number> = { "Visit ID": id, "Visit date": date, Round: 1, Service: "Safeguarding", Team: team, Status: "Final", ...more };
  HEADERS.slice(8, 13).forEach((h, i) => (cells[h] = grades[i]));
  return HEADERS.map((h) => cells[h] ?? "");
}

const ROWS: Row[] = [
  row("TD-0001", 42954, "Safeguarding Team 1", ["RI", "I", "RI", "G", "RI"], { Strengths: "Narrative" }),
  row("TD-0002", 42992, "Safeguarding Team 2", ["G", "RI", "RI / I", "G", "G"]),
  row("TD-0003", 43010, "Assessment Team 1", ["I", "RI", "RI / I", "No judgement", "I"]),
];

function table(rows: Row[]): RawTable {
  return { sheet: "Diagnostics", headerRow: 1, firstColumn: 0, headers: HEADERS, rows };
}

/** The Summary sheet's D2 as Excel would calculate it, over these rows, with the stored checksum from `made`. */
function sheetSays(made: Row[], now: Row[]): string {
  const changes = staleCheckChanges("Summary", "Diagnostics", table(made), config, compiled);
  const formula = (changes.find((c) => c.kind === "setFormula") as Extract<WorkbookChange, { kind: "setFormula" }>).formula;
  const stored = (changes.find((c) => c.kind === "setValues") as Extract<WorkbookChange, { kind: "setValues" }>).values[0][0] as number;
  return String(
    evaluate(formula, {
      column: (t, header) => {
        expect(t).toBe("Diagnostics");
        const at = HEADERS.indexOf(header);
        if (at < 0) throw new Error(`no column ${header}`);
        return now.map((r) => r[at]);
      },
      cell: (address) => {
        expect(address).toBe(STALE_CELLS.stored);
        return stored;
      },
    }),
  );
}

const swap = (rows: Row[], r: number, header: string, value: string | number): Row[] =>
  rows.map((x, i) => (i === r ? x.map((v, k) => (HEADERS[k] === header ? value : v)) : x));

describe("the Summary sheet's own out-of-date line", () => {
  test("the formula: structured references to the counted columns, the stored cell, the sentence; narrative and ID columns left out", () => {
    const cols = checksumColumns(table(ROWS), config, compiled);
    expect(cols.headers).toEqual(["Visit date", "Round", "Service", "Team", "Area", ...HEADERS.slice(8, 13), "Status", "Visit type"]);
    const f = staleFormula("Diagnostics", cols.headers, "Team");
    expect(f.startsWith("=IFERROR(IF(ABS(")).toBe(true);
    expect(f).toContain("-$D$3)<0.5");
    expect(f).toContain(`"${OUT_OF_DATE_TEXT}"`);
    for (const h of cols.headers) expect(f).toContain(`Diagnostics[[${h}]]`);
    for (const h of ["Visit ID", "Team manager", "Diagnostic team", "Strengths", "Recommendations"]) expect(f).not.toContain(`[[${h}]]`);
    expect(f.length).toBeLessThan(8192); // Excel's limit on a formula's length
    // Special characters in a header are escaped with '.
    expect(staleFormula("T", ["Grade [#1]"], "Team")).toContain("T[[Grade '['#1']]]");
  });

  test("blank while the table is as it was, in any order; the sentence once a counted cell changes", () => {
    expect(sheetSays(ROWS, ROWS)).toBe("");
    expect(sheetSays(ROWS, [ROWS[2], ROWS[0], ROWS[1]])).toBe(""); // sorted
    expect(sheetSays(ROWS, swap(ROWS, 0, "Strengths", "Other narrative"))).toBe(""); // narrative is not counted
    expect(sheetSays(ROWS, [...ROWS, HEADERS.map(() => "")])).toBe(""); // a blank row
    expect(sheetSays(ROWS, swap(ROWS, 1, "Overall conclusion", "I"))).toBe(OUT_OF_DATE_TEXT); // G to I
    expect(sheetSays(ROWS, swap(ROWS, 0, "Visit date", 42955))).toBe(OUT_OF_DATE_TEXT); // a day later
    expect(sheetSays(ROWS, swap(ROWS, 0, "Visit date", "07/08/2017"))).toBe(OUT_OF_DATE_TEXT); // the date typed as text
    expect(sheetSays(ROWS, swap(ROWS, 2, "Team", "Assessment Team 2"))).toBe(OUT_OF_DATE_TEXT);
    expect(sheetSays(ROWS, [...ROWS, ROWS[0]])).toBe(OUT_OF_DATE_TEXT); // a row added
    expect(sheetSays(ROWS, ROWS.slice(1))).toBe(OUT_OF_DATE_TEXT); // a row deleted
    // Two teams' overall grades swapped: the same grades in the column, but not for the same teams.
    const swapped = swap(swap(ROWS, 0, "Overall conclusion", "G"), 1, "Overall conclusion", "RI");
    expect(sheetSays(ROWS, swapped)).toBe(OUT_OF_DATE_TEXT);
    expect(sheetSays(ROWS, swap(ROWS, 0, "Status", "Draft"))).toBe(OUT_OF_DATE_TEXT);
  });

  test("the checksum stored is the one the formula computes over the same cells (numbers, text, booleans, blanks)", () => {
    const odd = [...ROWS, row("TD-0004", 43100.5, "Team é–1", ["G", "", "", "", "G"], { Round: "2024-25", Area: "North" })];
    odd[3][HEADERS.indexOf("Area")] = true;
    expect(sheetSays(odd, odd)).toBe("");
    const cols = checksumColumns(table(odd), config, compiled);
    expect(checksumOf(odd, cols.positions, cols.teamPosition!)).toBeGreaterThan(0);
  });

  test("the plan: the stored number in D3 in grey, the formula in D2 in bold, a red fill on row 2 while it shows; nothing for a plain range", () => {
    const changes = staleCheckChanges("Summary", "Diagnostics", table(ROWS), config, compiled);
    expect(changes.map((c) => `${c.kind} ${"cell" in c ? c.cell : "range" in c ? c.range : "topLeft" in c ? c.topLeft : ""}`)).toEqual([
      "setValues D3",
      "setStyle D3",
      "setFormula D2",
      "setStyle D2",
      "formulaFills D2:N2",
    ]);
    expect(changes[4]).toMatchObject({ rules: [{ formula: "=LEN($D$2)>0", fill: "FDE7E9", fontColour: "A80000" }] });
    expect(staleCheckChanges("Summary", null, table(ROWS), config, compiled)).toEqual([]);
  });
});

describe("the Summary sheet's machine cells are out of sight (a new user read D1 and D3 as stray codes)", () => {
  const styleOf = (changes: WorkbookChange[], address: string) =>
    Object.assign({}, ...changes.filter((c): c is Extract<WorkbookChange, { kind: "setStyle" }> => c.kind === "setStyle" && c.range === address).map((c) => c.style));

  test("the stored checksum (D3) shows nothing: number format ;;; keeps its value for the formula", () => {
    const changes = staleCheckChanges("Summary", "Diagnostics", table(ROWS), config, compiled);
    expect(styleOf(changes, STALE_CELLS.stored).numberFormat).toBe(";;;");
  });

  test("the inputs' fingerprint (D1) shows nothing either, and is still read back", async () => {
    const { summaryPlan, storedFingerprint, FINGERPRINT_CELL } = await import("../../src/workbook/summaryPlan");
    const { rollUp, validateTable } = await import("../../src/domain");
    const summary = rollUp(validateTable(table(ROWS), config, compiled), config, { by: "service" });
    const { plan } = summaryPlan(summary, config, [], null, "abc123");
    expect(styleOf(plan.changes, FINGERPRINT_CELL.address).numberFormat).toBe(";;;");
    const written = plan.changes.find((c) => c.kind === "setValues" && c.topLeft === FINGERPRINT_CELL.address) as Extract<WorkbookChange, { kind: "setValues" }>;
    const grid: unknown[][] = [[null, null, null, written.values[0][0]]];
    expect(storedFingerprint(grid as never)).toBe("abc123");
  });
});
