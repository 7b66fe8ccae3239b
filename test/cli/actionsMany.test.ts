/**
 * Issue 14, consolidation: `actions` takes several inputs and folders. The same Action ID in two files is counted
 * once with a warning when every field matches, else the second is left out with a problem naming both places;
 * problems name the file. One input stays exactly as before (test/cli/actions.test.ts).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { actionRecord } from "../../src/domain";
import { actionRow, cli, tempDir, visit, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

const ACTION_HEADERS = actionRecord.columns.map((c) => c.header);
const action = actionRow;

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await tempDir();
  await fs.mkdir(at("folder"));
  const sg = "Safeguarding";
  // east: two visits and three actions.
  await writeXlsx(at("folder/east.xlsx"), [
    { rows: [visit(sg, ["RI", "G", "RI", "RI", "RI"], { "Visit ID": "V-001", Team: "North 1" })], table: "Diagnostics" },
    {
      name: "Actions",
      headers: ACTION_HEADERS,
      table: "Actions",
      rows: [
        action("V-001-A1", "V-001", sg, "North 1", "2018-03-31", "On track"), // overdue: Red
        action("V-001-A2", "V-001", sg, "North 1", "2018-09-30", "On track"), // Green
        action("V-001-A3", "V-001", sg, "North 1", "2018-09-30", "At risk"), // Amber
      ],
    },
  ]);
  // west: a copy of V-001-A1 (same values), V-001-A2 changed, and its own action on its own visit.
  await writeXlsx(at("folder/west.xlsx"), [
    { rows: [visit("Fostering", ["G", "G", "G", "G", "G"], { "Visit ID": "V-020", Team: "Carers" })], table: "Diagnostics" },
    {
      name: "Actions",
      headers: ACTION_HEADERS,
      table: "Actions",
      rows: [
        action("V-020-A1", "V-020", "Fostering", "Carers", "2018-09-30", "Off track"), // Red
        action("V-001-A1", "V-001", sg, "North 1", "2018-03-31", "On track"), // the same: counted once
        action("V-001-A2", "V-001", sg, "North 1", "2018-09-30", "Complete"), // different: left out
        action("V-020-A2", "V-020", "Fostering", "Carers", "2018-09-30", "Done"), // unknown status
      ],
    },
  ]);
  // visits only: no Actions table.
  await writeXlsx(at("plain.xlsx"), [{ rows: [visit(sg, ["G", "G", "G", "G", "G"], { "Visit ID": "V-030" })] }]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("counts the actions of two files as one, a copied action once, a changed one left out naming both places", async () => {
  const r = await cli("actions", at("folder/east.xlsx"), at("folder/west.xlsx"), "--json", "--today", "30/06/2018");
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.services).toEqual([
    { service: "Fostering", actions: 2, rag: { Red: 1, Amber: 0, Green: 1, Complete: 0 } },
    { service: "Safeguarding", actions: 3, rag: { Red: 1, Amber: 1, Green: 1, Complete: 0 } },
  ]);
  expect(doc.overdue.map((o: { actionId: string }) => o.actionId)).toEqual(["V-001-A1"]);
  expect(doc.files).toEqual([
    { file: "east.xlsx", actions: 3, excluded: 0 },
    { file: "west.xlsx", actions: 2, excluded: 1 },
  ]);
  expect(doc.problems).toEqual([
    {
      file: "west.xlsx",
      actionId: "V-001-A1",
      row: 3,
      column: "actionId",
      kind: "duplicateSame",
      message: "is also in east.xlsx (Actions!A2) with the same values: counted once.",
    },
    {
      file: "west.xlsx",
      actionId: "V-001-A2",
      row: 4,
      column: "actionId",
      kind: "duplicateDifferent",
      message: "is also in east.xlsx (Actions!A3) with different values: this row is left out.",
    },
    {
      file: "west.xlsx",
      actionId: "V-020-A2",
      row: 5,
      column: "status",
      kind: "unknownStatus",
      message: '"Done" is not a status on the list (Not started, On track, At risk, Off track, Complete).',
    },
  ]);
  expect(r.stderr.split("\n").filter(Boolean)).toEqual([
    'west.xlsx: Actions!A3 (warning): Action V-001-A1 is also in east.xlsx (Actions!A2) with the same values: counted once.',
    'west.xlsx: Actions!A4: Action V-001-A2 is also in east.xlsx (Actions!A3) with different values: this row is left out.',
    'west.xlsx: Actions!I5: Action V-020-A2 "Done" is not a status on the list (Not started, On track, At risk, Off track, Complete).',
    "2 problems and 1 warning in 2 files.",
  ]);
  expect(r.stdout).not.toMatch(/Secret action text|Owner Person/);
});

it("takes a folder, and a workbook without an Actions table is named with a warning", async () => {
  const r = await cli("actions", at("folder"), at("plain.xlsx"), "--today", "30/06/2018");
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/Safeguarding\s+3\s+1\s+1\s+1\s+0/);
  expect(r.stdout).toContain("Files (3):");
  expect(r.stdout).toContain("  west.xlsx: 2 actions counted, 1 left out.");
  expect(r.stderr).toContain("plain.xlsx has no Actions table: none of its rows are actions.");
});

it("takes one folder on its own, as the other commands do (it was refused as not a workbook file)", async () => {
  const r = await cli("actions", at("folder"), "--json", "--today", "30/06/2018");
  expect(r.stderr).not.toContain("is a folder");
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.files).toEqual([
    { file: "east.xlsx", actions: 3, excluded: 0 },
    { file: "west.xlsx", actions: 2, excluded: 1 },
  ]);
  expect(doc.services.reduce((n: number, s: { actions: number }) => n + s.actions, 0)).toBe(5);
});

it("refuses several files of which none has an Actions table, with one sentence and exit 2", async () => {
  await fs.writeFile(at("plain.csv"), "Visit ID,Visit date,Service,Team\r\nV-040,07/08/2017,Safeguarding,South 1\r\n");
  const r = await cli("actions", at("plain.xlsx"), at("plain.csv"));
  expect([r.code, r.stderr]).toEqual([2, "None of the 2 inputs has an Actions table: set the workbooks up in the add-in first.\n"]);
});

it("gives the Word report of several files the actions of all of them, counted once", async () => {
  const out = at("both.docx");
  const r = await cli("report", at("folder/east.xlsx"), at("folder/west.xlsx"), "-o", out);
  expect(r.code).toBe(0);
  const { readDocx } = await import("../report/docxText");
  const docx = await readDocx(new Uint8Array(await fs.readFile(out)));
  const section = docx.tables.find((t) => t[0].map((c) => c.text).join("|") === "Service|Actions|Red|Amber|Green|Complete|Overdue");
  // Today is long after 2018: every action not complete is overdue and Red.
  expect(section?.slice(1).map((row) => row.map((c) => c.text))).toEqual([
    ["Fostering", "2", "2", "0", "0", "0", "2"],
    ["Safeguarding", "3", "3", "0", "0", "0", "3"],
  ]);
  expect(docx.xml).not.toMatch(/Secret action text|Owner Person/);
});
