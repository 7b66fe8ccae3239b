/**
 * The personal-data guard over a whole workbook (issue 15): a test workbook with planted items and ordinary
 * findings, through `validate` (and --strict-privacy) and the action the pane's Check sheet calls.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { checkPersonalData, formPersonalData } from "../../src/actions/privacyActions";
import { openWorkbookFile } from "../../src/adapters/exceljs/files";
import { defaultConfig, emptyVisitForm } from "../../src/domain";
import { cli, tempDir, visit, writeXlsx } from "./fixtures";

let dir: string;
let file: string;

/** Seven planted items, one per cell, each of a different kind, in the narrative and the plain columns. */
const PLANTED: { cell: string; text: string; message: string }[] = [
  { cell: "N2", text: "Case of the child with NHS 943 476 5919 was reviewed.", message: "looks like an NHS number" },
  { cell: "O3", text: "Child DOB 12/03/2015 had no plan.", message: "looks like a date of birth" },
  { cell: "P4", text: "A child born 01/02/2014 moved school.", message: "looks like a date of birth" },
  { cell: "N5", text: "School record UPN H801200001001 missing.", message: "looks like a Unique Pupil Number" },
  { cell: "G6", text: "Visited family at LS1 4AB", message: "looks like a home postcode" },
  { cell: "O7", text: "Mother emailed jo.bloggs@example.com", message: "looks like an email address" },
  { cell: "P8", text: "See case CR-123456 for detail.", message: 'matches the council\'s pattern "Case record number"' },
];

/** Ordinary findings that must not trip the guard. */
const ORDINARY = [
  "Visit on 07/08/2017 and meeting on 14/09/2017.",
  "25 cases allocated, 3 over 20 working days.",
  "Safeguarding Team 2 works well with the MASH.",
  "s.47 enquiries were timely.",
  "Office phone 0113 222 4444.",
  "Strategy meeting 3 March 2018; audit of 12 files.",
  "Team manager in post since 01/09/2016.",
  "Caseloads average 18.5.",
];

const HEADER_LETTER: Record<string, string> = { G: "Team manager", N: "Strengths", O: "Areas for improvement", P: "Recommendations" };

beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, "privacy.xlsx");
  const rows = [];
  for (let i = 0; i < 10; i++) {
    const ordinary = { Strengths: ORDINARY[i % ORDINARY.length], "Areas for improvement": ORDINARY[(i + 3) % ORDINARY.length], Recommendations: ORDINARY[(i + 5) % ORDINARY.length] };
    rows.push(visit("Safeguarding", ["RI", "G", "RI", "G", "RI"], ordinary));
  }
  for (const p of PLANTED) {
    const row = Number(p.cell.slice(1)) - 2;
    (rows[row] as Record<string, unknown>)[HEADER_LETTER[p.cell[0]]] = p.text;
  }
  await writeXlsx(file, [
    { rows, table: "Diagnostics" },
    { name: "Lists", headers: ["Personal data pattern name", "Personal data pattern"], rows: [{ "Personal data pattern name": "Case record number", "Personal data pattern": "CR-\\d{6}" }] },
  ]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("the check finds every planted item, in its cell, and nothing in the ordinary findings", async () => {
  const result = await checkPersonalData(await openWorkbookFile(file));
  expect(result.problems).toEqual([]);
  expect(result.warnings.map((w) => `${w.column}${w.row}: ${w.message}`)).toEqual(PLANTED.map((p) => `${p.cell}: ${p.message}`));
  // 10 rows of text cells: ID, round, service, team, area, manager, diagnostic team, the grades, 3 findings, status.
  expect(result.cellsChecked).toBeGreaterThanOrEqual(100);
});

test("validate lists each as a line naming the cell and the kind, never what it holds; --strict-privacy exits 1", async () => {
  const plain = await cli("validate", file);
  const lines = plain.stdout.split("\n").filter(Boolean);
  expect(lines).toEqual(PLANTED.map((p) => `Diagnostics!${p.cell}: ${p.message} (personal data about a child must not be recorded here)`));
  expect(plain.code).toBe(0);
  expect(plain.stderr).toContain("7 cells look like personal data about a child");
  for (const secret of ["943 476 5919", "12/03/2015", "01/02/2014", "H801200001001", "LS1 4AB", "jo.bloggs", "CR-123456"]) {
    expect(plain.stdout + plain.stderr).not.toContain(secret);
  }
  const strict = await cli("validate", file, "--strict-privacy");
  expect(strict.code).toBe(1);
  expect(strict.stdout).toBe(plain.stdout);
});

test("--strict-privacy exits 0 on a workbook with ordinary findings only", async () => {
  const clean = path.join(dir, "clean.xlsx");
  await writeXlsx(clean, [{ rows: ORDINARY.map((text) => visit("Assessment", ["G", "G", "G", "G", "G"], { Strengths: text })) }]);
  const result = await cli("validate", clean, "--strict-privacy");
  expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 0, stdout: "" });
});

test("the form's text is checked before saving, by field, with the council's patterns", () => {
  const config = { ...defaultConfig(), privacyPatterns: [{ name: "Case record number", regex: "CR-\\d{6}" }] };
  const form = { ...emptyVisitForm(config), team: "Safeguarding Team 1", strengths: "25 cases, s.47 timely", recommendations: "Remove CR-123456 and DOB 01/02/2014" };
  expect(formPersonalData(form, config)).toEqual([
    { field: "recommendations", message: 'matches the council\'s pattern "Case record number"' },
    { field: "recommendations", message: "looks like a date of birth" },
  ]);
  expect(formPersonalData({ ...form, recommendations: "" }, config)).toEqual([]);
});
