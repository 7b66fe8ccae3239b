/** Issue 11: `actions` (JSON exactly as in the issue, --today) and `feedback` (the team's report; unknown ID exit 2). */
import { promises as fs } from "fs";
import * as path from "path";
import { actionRecord } from "../../src/domain";
import { localToday } from "../../src/presentation/actions";
import { FEEDBACK_FOOTER } from "../../src/report/feedbackReport";
import { readDocx, runText } from "../report/docxText";
import { Row, actionRow, cli, tempDir, visit, writeXlsx } from "./fixtures";

const ACTION_HEADERS = actionRecord.columns.map((c) => c.header);
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

const action = actionRow;

let dir: string;
let file: string;
let visits: Row[];

beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, "actions.xlsx");
  visits = [
    visit("Safeguarding", ["RI", "G", "RI", "RI", "RI"], { "Visit ID": "V-001", Team: "North 1", Recommendations: "1. Supervise monthly\n2. Update plans", "Team manager": "Pat Manager" }),
    visit("Safeguarding", ["G", "G", "G", "G", "G"], { "Visit ID": "V-002", Team: "North 2", Strengths: "Other team's secret strength" }),
    visit("Children in care", ["I", "I", "RI", "I", "I"], { "Visit ID": "V-010", Team: "CiC 1" }),
  ];
  const sg = "Safeguarding";
  const cic = "Children in care";
  await writeXlsx(file, [
    { rows: visits, table: "Diagnostics" },
    {
      name: "Actions",
      headers: ACTION_HEADERS,
      table: "Actions",
      rows: [
        action("V-001-A1", "V-001", sg, "North 1", "2018-03-31", "On track"), // overdue: Red
        action("V-001-A2", "V-001", sg, "North 1", "2018-09-30", "Off track"), // Red
        action("V-001-A3", "V-001", sg, "North 1", "2018-07-10", "Not started"), // within 14 days: Amber
        action("V-002-A1", "V-002", sg, "North 2", "2018-09-30", "At risk"), // Amber
        action("V-002-A2", "V-002", sg, "North 2", "2018-09-30", "On track"), // Green
        action("V-002-A3", "V-002", sg, "North 2", "2018-02-28", "Complete", { "Completed date": d("2018-02-20") }), // Complete
        action("V-010-A1", "V-010", cic, "CiC 1", "2018-06-01", "Not started"), // overdue: Red
        action("V-099-A1", "V-099", cic, "CiC 1", "2018-08-01", "Done"), // unknown visit, unknown status: Green
        action("V-010-A2", "V-010", cic, "CiC 1", "2018-09-01", "Complete"), // Complete without a completed date
      ],
    },
  ]);
}, 60_000);

it("prints the JSON exactly as the issue has it", async () => {
  const r = await cli("actions", file, "--json", "--today", "30/06/2018");
  expect([r.code, r.stderr.split("\n")[0]]).toEqual([0, expect.stringContaining("Actions!B9")]);
  expect(JSON.parse(r.stdout)).toEqual({
    today: "2018-06-30",
    services: [
      // No Lists sheet: services alphabetically.
      { service: "Children in care", actions: 3, rag: { Red: 1, Amber: 0, Green: 1, Complete: 1 } },
      { service: "Safeguarding", actions: 6, rag: { Red: 2, Amber: 2, Green: 1, Complete: 1 } },
    ],
    overdue: [
      { actionId: "V-001-A1", visitId: "V-001", service: "Safeguarding", team: "North 1", due: "2018-03-31", status: "On track" },
      { actionId: "V-010-A1", visitId: "V-010", service: "Children in care", team: "CiC 1", due: "2018-06-01", status: "Not started" },
    ],
    problems: [
      { actionId: "V-099-A1", row: 9, column: "visitId", kind: "unknownVisit", message: 'names Visit ID "V-099", which is not in the Diagnostics table.' },
      { actionId: "V-099-A1", row: 9, column: "status", kind: "unknownStatus", message: '"Done" is not a status on the list (Not started, On track, At risk, Off track, Complete).' },
      { actionId: "V-010-A2", row: 10, column: "completed", kind: "completeWithoutDate", message: "is Complete but has no completed date." },
    ],
  });
  expect(r.stdout).not.toMatch(/Secret action text|Owner Person/);
});

it("prints per service the counts by RAG and the overdue list as text, with British dates", async () => {
  const r = await cli("actions", file, "--today", "2018-06-30");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("Actions by RAG as on 30/06/2018");
  expect(r.stdout).toMatch(/Safeguarding\s+6\s+2\s+2\s+1\s+1/);
  expect(r.stdout).toContain("V-001-A1  due 31/03/2018  Safeguarding / North 1  (visit V-001, On track)");
  expect(r.stdout).not.toMatch(/Secret action text/);
});

it("takes today, the local calendar date, when --today is not given", async () => {
  const r = await cli("actions", file, "--json");
  expect(JSON.parse(r.stdout).today).toBe(localToday());
  expect(localToday(new Date(2018, 5, 30, 23, 59))).toBe("2018-06-30");
});

it("names the cells of the action problems in validate, as for visits", async () => {
  const r = await cli("validate", file);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('Actions!B9: Action V-099-A1 names Visit ID "V-099", which is not in the Diagnostics table.');
  expect(r.stdout).toContain("Actions!I9: Action V-099-A1");
  expect(r.stdout).toContain("Actions!K10: Action V-010-A2 is Complete but has no completed date.");
});

it("writes the team's feedback report: its grades, its own findings as bullets, its actions, the footer", async () => {
  const out = path.join(dir, "feedback.docx");
  const r = await cli("feedback", file, "--visit", "v-001", "-o", out, "--today", "2018-06-30");
  expect([r.code, r.stderr]).toEqual([0, ""]);
  const docx = await readDocx(new Uint8Array(await fs.readFile(out)));
  const text = docx.paragraphs.map((p) => p.text);
  expect(text[0]).toBe("Team diagnostic feedback: North 1");
  expect(docx.tables[0].map((row) => row.map((c) => c.text))).toEqual([
    ["About the visit", "Details"],
    ["Team", "North 1"],
    ["Service", "Safeguarding"],
    ["Area", "North"],
    ["Visit date", "07/08/2017"],
    ["Diagnostic team", "B. Reviewer, C. Reviewer"],
    ["Visit ID", "V-001"],
  ]);
  expect(docx.tables[1].slice(1).map((row) => row.map((c) => c.text)).slice(-1)).toEqual([[expect.stringMatching(/overall/i), "Requires Improvement"]]);
  expect(docx.tables[1].slice(1, 2).map((row) => row[1].text)).toEqual(["RI"]);
  const bullets = [...docx.xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:numPr>[\s\S]*?<\/w:p>/g)].map((m) => runText(m[0]));
  expect(bullets).toEqual(["Narrative that must never reach the summary.", "More narrative.", "Supervise monthly", "Update plans"]);
  expect(docx.tables[2].map((row) => row[0].text)).toEqual(["Recommendation", "Recommendation of V-001-A1", "Recommendation of V-001-A2", "Recommendation of V-001-A3"]);
  expect(docx.tables[2][1][4]).toEqual({ text: "On track (Red)", fill: "C00000" });
  expect(docx.xml).not.toMatch(/Other team's secret strength|V-002-A1/);
  const footer = await docx.zip.file(/word\/footer\d*\.xml/)[0].async("string");
  expect(runText(footer)).toBe(FEEDBACK_FOOTER);
});

it("refuses an unknown visit ID with exit 2 and one sentence naming the nearest IDs", async () => {
  const out = path.join(dir, "none.docx");
  const r = await cli("feedback", file, "--visit", "V-01", "-o", out);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('No visit has the ID "V-01"; the nearest found are "V-001", "V-010", "V-002".\n');
  await expect(fs.access(out)).rejects.toThrow();
});

it("gives the Word report per service the actions by RAG and the count overdue, never their text or owners", async () => {
  const out = path.join(dir, "report.docx");
  const r = await cli("report", file, "-o", out);
  expect(r.code).toBe(0);
  const docx = await readDocx(new Uint8Array(await fs.readFile(out)));
  const section = docx.tables.find((t) => t[0].map((c) => c.text).join("|") === "Service|Actions|Red|Amber|Green|Complete|Overdue");
  // Today is long after 2018: every action not complete is overdue and Red.
  expect(section?.slice(1).map((row) => row.map((c) => c.text))).toEqual([
    ["Children in care", "3", "2", "0", "0", "1", "2"],
    ["Safeguarding", "6", "5", "0", "0", "1", "5"],
  ]);
  expect(docx.paragraphs.map((p) => p.text)).toContain("Action plans");
  expect(docx.xml).not.toMatch(/Secret action text|Owner Person|Recommendation of/);
});

it("gives the summary workbook's Summary sheet the actions by RAG per service and the count overdue, counts only", async () => {
  const out = path.join(dir, "summary.xlsx");
  const r = await cli("summary", file, "-o", out);
  expect(r.code).toBe(0);
  const ExcelJS = (await import("exceljs")).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const ws = book.getWorksheet("Summary")!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const at = rows.findIndex((row) => row[0] === "Action plans");
  expect(at).toBeGreaterThan(0);
  expect(rows.slice(at + 2, at + 5)).toEqual([
    ["Service", "Actions", "Red", "Amber", "Green", "Complete", "Overdue"],
    ["Children in care", 3, 2, 0, 0, 1, 2],
    ["Safeguarding", 6, 5, 0, 0, 1, 5],
  ]);
  expect(JSON.stringify(rows)).not.toMatch(/Secret action text|Owner Person|Recommendation of/);
});
