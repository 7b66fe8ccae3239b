import { dependentTeamSource } from "../../src/workbook/teamLists";
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { VISIT_THEME_COLUMNS } from "../../src/domain";
import { readDocx } from "../report/docxText";
import { HEADERS, cli, knownRows, tempDir, visit, writeXlsx } from "./fixtures";
import { canonicalGrades } from "./canonical";

let dir: string;
let known: string;

beforeAll(async () => {
  dir = await tempDir();
  known = path.join(dir, "known.xlsx");
  await writeXlsx(known, [{ rows: knownRows() }]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("validate", () => {
  it("prints every problem one a line and exits 1", async () => {
    const file = path.join(dir, "problems.xlsx");
    await writeXlsx(file, [
      {
        rows: [
          visit("Assessment", ["G", "x", "G", "G", "G"]),
          visit("Assessment", ["G", "G", "G", "G", "G"], { Team: "", "Visit date": "32/01/2018" }),
          visit("Assessment", ["G", "G", "G", "G", "G"], { Status: "Draft", "Joint working": "Requires Imprvement" }),
        ],
      },
    ]);
    const result = await cli("validate", file);
    expect(result.code).toBe(1);
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      'Diagnostics!J2: "x" is not a grade on the Ofsted four-point scale (O, O / G, G, G / RI, RI, RI / I, I, No judgement).',
      "Diagnostics!E3: Team is missing.",
      'Diagnostics!B3: Visit date 32/01/2018 is not a real date (January 2018 has 31 days).',
      'Diagnostics!L4: "Requires Imprvement" is not a grade on the Ofsted four-point scale (O, O / G, G, G / RI, RI, RI / I, I, No judgement).',
    ]);
    expect(result.stderr).toBe("problems.xlsx: 4 problems; 0 visits counted, 1 draft, 2 left out.\n");
  });

  it("exits 0 when there is nothing wrong", async () => {
    const file = path.join(dir, "clean.xlsx");
    // Grades in their usual spelling: validate now warns of "ri", "good " and the like (issue 13).
    await writeXlsx(file, [{ rows: knownRows().slice(0, 14).map(canonicalGrades) }]);
    const result = await cli("validate", file);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "clean.xlsx: no problems; 14 visits counted, 0 drafts, 0 left out.\n" });
  });
});

describe("files that cannot be used", () => {
  const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at /);

  it("a missing file: one sentence, exit 2", async () => {
    const missing = path.join(dir, "nope.xlsx");
    for (const command of ["summary", "validate"]) {
      const result = await cli(command, missing);
      expect(result).toEqual({ code: 2, stdout: "", stderr: `Cannot find "${missing}": check the file name and folder.\n` });
    }
  });

  it("a file that is not a workbook", async () => {
    const pdf = path.join(dir, "report.pdf");
    await fs.writeFile(pdf, "%PDF-1.4 not a workbook");
    expect(await cli("summary", pdf)).toEqual({ code: 2, stdout: "", stderr: `"${pdf}" is not an .xlsx or .csv file.\n` });
    const fake = path.join(dir, "fake.xlsx");
    await fs.writeFile(fake, "just text");
    const result = await cli("summary", fake);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`"${fake}" is not a valid .xlsx workbook: it may be damaged or only renamed.\n`);
    const damaged = path.join(dir, "damaged.xlsx");
    const bytes = await fs.readFile(known);
    await fs.writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const cut = await cli("summary", damaged);
    expect(cut.code).toBe(2);
    expect(cut.stderr).toBe(`"${damaged}" could not be read as an Excel workbook (.xlsx): it may be damaged or in another format.\n`);
    noStack(cut.stderr);
  });

  it("an old .xls workbook", async () => {
    const xls = path.join(dir, "old.xls");
    await fs.writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect((await cli("summary", xls)).stderr).toBe(
      `"${xls}" is an old-style .xls workbook: open it in Excel and save it as an Excel Workbook (.xlsx).\n`,
    );
  });

  it("no sheet with a recognisable header row", async () => {
    const file = path.join(dir, "other.xlsx");
    await writeXlsx(file, [{ name: "Budget", headers: ["Cost centre", "Amount"], rows: [{ "Cost centre": "A", Amount: 1 }] }]);
    const result = await cli("summary", file, "--json");
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: 'other.xlsx has no Diagnostics table: no sheet has a header row with at least "Service" and "Team" in its first 20 rows.\n',
    });
  });

  it("a Diagnostics sheet missing required columns names them", async () => {
    const file = path.join(dir, "missing.xlsx");
    const headers = HEADERS.filter((h) => h !== "Visit date" && h !== "Joint working");
    await writeXlsx(file, [{ headers, rows: knownRows() }]);
    const result = await cli("summary", file);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'Sheet "Diagnostics" in missing.xlsx has no columns headed "Visit date" and "Joint working" (looked for the header row in the first 20 rows).\n',
    });
  });

  it("usage mistakes exit 2 with one sentence", async () => {
    expect(await cli("summary")).toEqual({ code: 2, stdout: "", stderr: "summary needs an input file: summary <input.xlsx|input.csv>.\n" });
    expect(await cli("summary", known, "--colour")).toEqual({ code: 2, stdout: "", stderr: "Unknown option --colour; see --help.\n" });
    expect(await cli("frobnicate")).toEqual({
      code: 2,
      stdout: "",
      stderr: 'Unknown command "frobnicate": use summary, report, validate, template, trends, programme, actions or feedback (see --help).\n',
    });
    expect(await cli("template")).toEqual({ code: 2, stdout: "", stderr: "template needs an output file: template -o diagnostics.xlsx.\n" });
    expect((await cli()).code).toBe(2);
  });

  it("--help prints the usage and exits 0", async () => {
    const result = await cli("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("summary <input.xlsx|input.csv> [options]");
    expect(result.stdout).toContain("--tie cautious|split");
    expect(result.stdout).toContain("template -o <file.xlsx>");
  });
});

describe("template", () => {
  it("writes a blank workbook with the Diagnostics table, the Lists sheet, names and stop-style dropdowns", async () => {
    const file = path.join(dir, "blank.xlsx");
    const result = await cli("template", "-o", file);
    expect(result).toEqual({ code: 0, stdout: `Blank diagnostics workbook written to ${file}\n`, stderr: "" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet("Diagnostics")!;
    // The published columns, then the two theme columns Set up adds at the end (issue 12).
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS, ...VISIT_THEME_COLUMNS.map((c) => c.header)]);
    const tables = (sheet as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    expect(Object.keys(tables)).toEqual(["Diagnostics"]);
    expect(wb.getWorksheet("Lists")!.getCell("A1").value).toBe("Grades");
    const names = (wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["TD_Grades", "TD_Services", "TD_Teams", "TD_Statuses", "TD_Owned_lists"]));
    // Every grade, service, team and status column has a stop-style list.
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const lists = Object.entries(validations).filter(([, v]) => v.type === "list" && v.showErrorMessage && (v.errorStyle ?? "stop") === "stop");
    expect(lists.map(([, v]) => v.formulae[0]).sort()).toEqual(
      // The Team column's list follows the row's service (issue 13): a formula over the Team lists block; Visit type's
      // since Set up makes that column (issue 11 §4).
      ["TD_Grades", "TD_Grades", "TD_Grades", "TD_Grades", "TD_Grades", "TD_Services", "TD_Statuses", dependentTeamSource("D", 2).slice(1), "TD_VisitTypes"].sort(),
    );
    // And the blank template validates clean.
    expect(await cli("validate", file)).toEqual({ code: 0, stdout: "", stderr: "blank.xlsx: no problems; 0 visits counted, 0 drafts, 0 left out.\n" });
  });
});

describe("npm run cli", () => {
  it("runs as installed, straight from TypeScript", async () => {
    const root = path.resolve(__dirname, "../..");
    const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "cli", "--", "summary", known, "--json"], {
      cwd: root,
      env: { ...process.env, npm_config_loglevel: "error" },
    });
    const doc = JSON.parse(stdout);
    expect(doc.base.visits).toBe(14);
    expect(doc.services.map((s: { service: string }) => s.service)).toEqual(["Assessment", "Children in care", "Safeguarding"]);
    const failed = await promisify(execFile)("npm", ["run", "--silent", "cli", "--", "summary", path.join(dir, "nope.csv")], { cwd: root }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain("Cannot find");
    expect(failed?.stderr).not.toMatch(/\n\s+at /);
  }, 60000);
});

describe("report", () => {
  it("writes a Word report whose tables hold the published cells", async () => {
    const out = path.join(dir, "report.docx");
    const result = await cli("report", known, "-o", out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Word report \(\d+ visits counted\) written to .*report\.docx\n$/);
    const docx = await readDocx(await fs.readFile(out));
    const cells = docx.tables.flat(2).map((c) => c.text);
    expect(cells).toContain("RI (5 x RI, 3 x I, 1 x G)");
    expect(cells).toContain("Requires Improvement (7 x RI, 2 x I)");
  });

  it("refuses to run without an output file", async () => {
    expect(await cli("report", known)).toEqual({ code: 2, stdout: "", stderr: "report needs an output file: report <input> -o report.docx.\n" });
  });
});
