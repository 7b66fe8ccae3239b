/**
 * `report --today D`, as `actions`, `programme` and `feedback` have it: the Word report's action plans (RAG "as on",
 * Red, Amber and overdue counts) are worked out for D, so the report is the same whatever the clock says.
 */
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { parseArgs } from "../../src/cli/args";
import { actionRecord } from "../../src/domain";
import { localToday } from "../../src/presentation/actions";
import { readDocx } from "../report/docxText";
import { actionRow, cli, tempDir, visit, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

const ACTION_HEADERS = actionRecord.columns.map((c) => c.header);

const action = (id: string, visitId: string, due: string, status: string) => actionRow(id, visitId, "Safeguarding", "North 1", due, status);

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await tempDir();
  file = path.join(dir, "actions.xlsx");
  await writeXlsx(file, [
    { rows: [visit("Safeguarding", ["RI", "G", "RI", "RI", "RI"], { "Visit ID": "V-001", Team: "North 1" })], table: "Diagnostics" },
    {
      name: "Actions",
      headers: ACTION_HEADERS,
      table: "Actions",
      rows: [
        action("V-001-A1", "V-001", "2026-01-10", "On track"), // overdue on 15/01/2026: Red
        action("V-001-A2", "V-001", "2026-01-20", "Not started"), // due within 14 days: Amber
        action("V-001-A3", "V-001", "2026-03-01", "On track"), // Green
      ],
    },
  ]);
});

/**
 * Every part of the .docx written by `report` under a clock that says `now` (only Date is faked). Each run loads the
 * command line afresh, as a separate `report` process would: docx numbers its drawings with a counter kept for the
 * life of the module, so a second report made in the same process has other drawing ids.
 */
async function reportParts(now: string, ...extra: string[]): Promise<Map<string, string>> {
  const out = path.join(dir, `report-${now.replace(/\W/g, "")}-${extra.length}.docx`);
  jest.useFakeTimers({
    now: new Date(now),
    doNotFake: ["hrtime", "nextTick", "performance", "queueMicrotask", "setImmediate", "clearImmediate", "setInterval", "clearInterval", "setTimeout", "clearTimeout"],
  });
  let result: { code: number; stdout: string; stderr: string } | undefined;
  try {
    expect(new Date().toISOString()).toBe(new Date(now).toISOString());
    await jest.isolateModulesAsync(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { run } = require("../../src/cli/main") as typeof import("../../src/cli/main");
      let stdout = "";
      let stderr = "";
      const code = await run(["report", file, "-o", out, ...extra], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      result = { code, stdout, stderr };
    });
  } finally {
    jest.useRealTimers();
  }
  expect(result?.stderr).toBe("");
  expect(result?.code).toBe(0);
  const zip = await JSZip.loadAsync(await fs.readFile(out));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) parts.set(name, await zip.files[name].async("string"));
  return parts;
}

it("report --today gives the same document on any clock, worked out for that date", async () => {
  const first = await reportParts("2026-12-01T10:00:00Z", "--today", "2026-01-15");
  const second = await reportParts("2025-06-01T23:30:00Z", "--today", "2026-01-15");
  expect([...second.keys()]).toEqual([...first.keys()]);
  // Every part but docProps/core.xml, whose created and modified times say when the file was written.
  const dated = [...first.keys()].filter((name) => name !== "docProps/core.xml");
  expect(dated).toContain("word/document.xml");
  for (const name of dated) expect({ name, xml: second.get(name) }).toEqual({ name, xml: first.get(name) });

  const docx = await readDocx(await new JSZip().file("word/document.xml", first.get("word/document.xml")!).generateAsync({ type: "uint8array" }));
  expect(docx.paragraphs.some((p) => p.text.includes("by RAG as on 15/01/2026"))).toBe(true);
  const table = docx.tables.find((t) => t[0]?.[1]?.text === "Actions");
  expect(table?.map((r) => r.map((c) => c.text))).toEqual([
    ["Service", "Actions", "Red", "Amber", "Green", "Complete", "Overdue"],
    ["Safeguarding", "3", "1", "1", "1", "0", "1"],
  ]);
});

it("without --today the report is worked out for the day it runs, so two clocks give two documents", async () => {
  const first = await reportParts("2026-12-01T10:00:00Z");
  const second = await reportParts("2025-06-01T10:00:00Z");
  expect(first.get("word/document.xml")).toContain("as on 01/12/2026");
  expect(second.get("word/document.xml")).toContain("as on 01/06/2025");
  expect(localToday(new Date("2026-12-01T10:00:00Z"))).toBe("2026-12-01");
});

it("takes --today in either date form, says so in report --help, and refuses a date that is not one", async () => {
  expect(parseArgs(["report", "in.xlsx", "-o", "r.docx", "--today", "15/01/2026"]).today).toBe("2026-01-15");
  expect(parseArgs(["report", "in.xlsx", "-o", "r.docx", "--today", "2026-01-15"]).today).toBe("2026-01-15");
  const help = await cli("report", "--help");
  expect(help.stdout).toMatch(/--today D\s+Count as on D .*: a Final visit dated\s+after D is left out as a typing slip, as validate says; the action plans' RAG and\s+overdue counts as on D too/);
  const bad = await cli("report", file, "-o", path.join(dir, "bad.docx"), "--today", "31/02/2026");
  expect(bad.code).toBe(2);
  expect(bad.stderr).toBe('--today "31/02/2026" is not a date: write it as dd/mm/yyyy, for example 07/08/2017.\n');
});

it("summary -o --today works the summary workbook's action plans out for that date, and says so in summary --help", async () => {
  const out = path.join(dir, "summary-today.xlsx");
  const result = await cli("summary", file, "-o", out, "--today", "15/01/2026");
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value)))));
  expect(texts.filter((t) => t.includes("by RAG as on"))).toEqual([expect.stringContaining("by RAG as on 15/01/2026")]);
  expect((await cli("summary", "--help")).stdout).toMatch(/--today D\s+Count as on D .*: a Final visit dated\s+after D is left out as a typing slip, as validate says; with -o, the summary\s+workbook's action-plan RAG and overdue counts as on D too\./);
  // Without -o the day still counts (a Final visit after it is left out): taken, not refused.
  const alone = await cli("summary", file, "--today", "15/01/2026");
  expect(alone.stderr).toBe("");
  expect(alone.code).toBe(0);
});
