/**
 * trends and programme refuse files with different settings with "name the workbook whose settings win with
 * --settings FILE", and then take that option (they refused it: "trends takes no --settings option", a dead end
 * found by trying the command line as README says, 1 December 2026).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { cli, listsSheet, tempDir, visit, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = await tempDir();
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
