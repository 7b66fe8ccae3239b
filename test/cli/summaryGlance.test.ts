import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cli, tempDir, visit, writeXlsx } from "./fixtures";

/** A word in every Strengths cell: it must reach no output. */
const UNIQUE = "Quizzicalorb";

let dir: string;
let input: string;

/** Round 1 (2017): Safeguarding RI, RI, I; Assessment G. Round 2 (2018): Safeguarding G, G; Assessment RI. */
beforeAll(async () => {
  dir = await tempDir();
  input = path.join(dir, "two-rounds.xlsx");
  const later = new Date(Date.UTC(2018, 8, 3));
  const s = { Strengths: `A ${UNIQUE} strength.` };
  const all = (g: string): [string, string, string, string, string] => [g, g, g, g, g];
  await writeXlsx(input, [
    {
      rows: [
        visit("Safeguarding", all("RI"), s),
        visit("Safeguarding", all("RI"), s),
        visit("Safeguarding", all("I"), s),
        visit("Assessment", all("G"), s),
        visit("Safeguarding", all("G"), { ...s, Round: "2", "Visit date": later }),
        visit("Safeguarding", all("G"), { ...s, Round: "2", "Visit date": later }),
        visit("Assessment", all("RI"), { ...s, Round: "2", "Visit date": later }),
      ],
    },
  ]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The Summary sheet's rows as text, A to F, and the fill of a cell. */
async function summarySheet(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("Summary")!;
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) rows.push([1, 2, 3, 4, 5, 6].map((c) => String(ws.getRow(r).getCell(c).value ?? "")));
  const fill = (row: number, column: number) => (ws.getRow(row).getCell(column).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb?.slice(-6);
  return { rows, fill, names: wb.worksheets.map((w) => w.name) };
}

describe("summary -o: the summary workbook opens with the key findings and the picture at a glance", () => {
  it("the latest round's headline per service and domain, coloured, with the change since round 1; the tables below", async () => {
    const out = path.join(dir, "summary.xlsx");
    const result = await cli("summary", input, "-o", out);
    expect(result.code).toBe(0);
    const { rows, fill, names } = await summarySheet(out);
    expect(names).toEqual(["Summary", "Counts"]);
    expect(rows[0][0]).toBe("Key findings");
    expect(rows[1].slice(0, 2)).toEqual(["In round 2, most teams (2 of 3) were graded as good.", "See At a glance: Overall conclusion column (round 2)"]);
    const header = rows.findIndex((r) => r[0] === "Service" && r[1] === "Allocation and workload");
    expect(rows[header - 2][0]).toBe("At a glance");
    expect(rows[header + 1]).toEqual(["Assessment", "RI (1) ▼", "RI (1) ▼", "RI (1) ▼", "RI (1) ▼", "RI (1) ▼"]);
    expect(rows[header + 2]).toEqual(["Safeguarding", "G (2) ▲", "G (2) ▲", "G (2) ▲", "G (2) ▲", "G (2) ▲"]);
    expect([fill(header + 2, 6), fill(header + 3, 6)]).toEqual(["FFBF00", "8CC63F"]);
    expect(rows.findIndex((r) => r[0] === "Quality domain" && r[1] === "Grading")).toBeGreaterThan(header + 2);
    expect(JSON.stringify(rows)).not.toContain(UNIQUE);
  });

  it("follows the selection: with --round 1 the matrix is of round 1 alone, with no arrows", async () => {
    const out = path.join(dir, "round1.xlsx");
    expect((await cli("summary", input, "--round", "1", "-o", out)).code).toBe(0);
    const { rows } = await summarySheet(out);
    const header = rows.findIndex((r) => r[0] === "Service" && r[1] === "Allocation and workload");
    expect(rows[header - 1][0]).toBe("Headline grade per service and domain in round 1, with the number of visits in brackets, no judgement included.");
    expect(rows[header + 1]).toEqual(["Assessment", "G (1)", "G (1)", "G (1)", "G (1)", "G (1)"]);
    expect(rows[header + 2]).toEqual(["Safeguarding", "RI (3)", "RI (3)", "RI (3)", "RI (3)", "RI (3)"]);
  });
});
