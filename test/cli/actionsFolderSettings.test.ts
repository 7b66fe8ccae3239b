/**
 * Found by trying the command line against README's "Command line" section and issue 14 (a review on 1 December 2026): two
 * discrepancies found by trying the commands as a new user would. Both fail on the code as reviewed.
 *
 * 1. README: "summary, report, validate, trends, programme and actions take several inputs, and folders".
 *    `actions FOLDER` alone is refused ("is a folder, not a workbook file."), though `actions FOLDER other.xlsx`
 *    works: actionsCommand takes one input as one workbook before expanding folders.
 * 2. trends and programme refuse files with different settings with "name the workbook whose settings win with
 *    --settings FILE", then refuse --settings ("trends takes no --settings option"): a dead end.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { actionRecord, defaultConfig } from "../../src/domain";
import { listsSheetValues } from "../../src/workbook/listsSheet";
import { Row, SheetSpec, actionRow, cli, tempDir, visit, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

const ACTION_HEADERS = actionRecord.columns.map((c) => c.header);

let dir: string;
const at = (name: string) => path.join(dir, name);

/** A Lists sheet as the add-in writes it, with any services accepted and the tie rule given. */
function listsSheet(tieRule: "cautious" | "split"): SheetSpec {
  const values = listsSheetValues({ ...defaultConfig({ services: [] }), tieRule });
  const headers = values[0].map(String);
  const rows: Row[] = values.slice(1).map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? null])));
  return { name: "Lists", headers, rows };
}

beforeAll(async () => {
  dir = await tempDir();
  await fs.mkdir(at("folder"));
  const sg = "Safeguarding";
  await writeXlsx(at("folder/east.xlsx"), [
    { rows: [visit(sg, ["RI", "G", "RI", "RI", "RI"], { "Visit ID": "V-001", Team: "North 1" })], table: "Diagnostics" },
    { name: "Actions", headers: ACTION_HEADERS, table: "Actions", rows: [actionRow("V-001-A1", "V-001", sg, "North 1", "2018-03-31", "On track")] },
  ]);
  await writeXlsx(at("folder/west.xlsx"), [
    { rows: [visit("Fostering", ["G", "G", "G", "G", "G"], { "Visit ID": "V-020", Team: "Carers" })], table: "Diagnostics" },
    { name: "Actions", headers: ACTION_HEADERS, table: "Actions", rows: [actionRow("V-020-A1", "V-020", "Fostering", "Carers", "2018-09-30", "Off track")] },
  ]);
  const two = [
    visit("Assessment", ["G", "RI", "G", "G", "G"], { "Visit ID": "S-1", "Visit date": new Date(Date.UTC(2017, 7, 7)) }),
    visit("Assessment", ["RI", "G", "G", "G", "G"], { "Visit ID": "S-2", "Visit date": new Date(Date.UTC(2018, 7, 7)) }),
  ];
  await writeXlsx(at("split.xlsx"), [{ rows: two }, listsSheet("split")]);
  await writeXlsx(at("cautious.xlsx"), [{ rows: [visit("Assessment", ["G", "G", "G", "G", "G"], { "Visit ID": "C-1" })] }, listsSheet("cautious")]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("actions takes a folder on its own, as README's Several files says", async () => {
  const r = await cli("actions", at("folder"), "--json", "--today", "30/06/2018");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout);
  expect(report.files.map((f: { file: string }) => f.file)).toEqual(["east.xlsx", "west.xlsx"]);
  expect(report.services.reduce((n: number, s: { actions: number }) => n + s.actions, 0)).toBe(2);
});

describe("the --settings that the different-settings sentence asks for", () => {
  for (const command of ["trends", "programme"]) {
    it(`${command} refuses files with different settings, then takes --settings FILE as the sentence says`, async () => {
      const refused = await cli(command, at("cautious.xlsx"), at("split.xlsx"), "--json");
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("name the workbook whose settings win with --settings FILE.");
      const settled = await cli(command, at("cautious.xlsx"), at("split.xlsx"), "--settings", at("split.xlsx"), "--json", ...(command === "programme" ? ["--today", "31/10/2018"] : []));
      expect(settled.stderr).toBe("");
      expect(settled.code).toBe(0);
      expect(() => JSON.parse(settled.stdout)).not.toThrow();
    });
  }
});
