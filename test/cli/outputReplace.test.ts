/**
 * -o never replaces a workbook holding someone's data (a newcomer's finding: `template -o diagnostics-example.xlsx`
 * and `summary in.xlsx -o other-diagnostics.xlsx` wiped the visits of a workbook that was not the input, exit 0). A
 * workbook is replaced only when every sheet in it is one the write makes again (last run's summary workbook);
 * template never replaces one. And a -o that cannot be written is said before the input is read.
 */
import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import { cli, knownRows, tempDir, writeXlsx } from "./fixtures";

jest.setTimeout(60_000);

let dir: string;
let input: string;
let other: string;

const digest = async (file: string) => createHash("sha256").update(await fs.readFile(file)).digest("hex");

beforeAll(async () => {
  dir = await tempDir();
  input = path.join(dir, "in.xlsx");
  other = path.join(dir, "east.xlsx");
  await writeXlsx(input, [{ rows: knownRows() }]);
  await writeXlsx(other, [{ rows: knownRows() }]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

it("template -o onto a workbook with visits: one sentence, exit 2, the workbook unchanged", async () => {
  const before = await digest(other);
  const result = await cli("template", "-o", other);
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(`"${other}" already exists: template never replaces a workbook (it may hold visits); give another name with -o, or move that file first.\n`);
  expect(result.stdout).toBe("");
  expect(await digest(other)).toBe(before);
});

it("summary -o onto another diagnostics workbook: refused, naming the sheets it holds; unchanged", async () => {
  const before = await digest(other);
  const result = await cli("summary", input, "-o", other);
  expect(result.code).toBe(2);
  expect(result.stderr.split("\n").filter(Boolean).pop()).toBe(
    `Cannot write the summary workbook to "${other}": it already holds sheets the summary workbook does not write (Diagnostics), so it is never replaced; give another name with -o, or move that file first.`,
  );
  expect(await digest(other)).toBe(before);
});

it("summary -o onto last run's summary workbook replaces it; a sheet a user added there stops it", async () => {
  const out = path.join(dir, "summary.xlsx");
  expect((await cli("summary", input, "-o", out)).code).toBe(0);
  const first = await fs.stat(out);
  expect((await cli("summary", input, "-o", out)).code).toBe(0);
  expect((await fs.stat(out)).ino === first.ino && (await fs.stat(out)).mtimeMs === first.mtimeMs).toBe(false);

  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  workbook.addWorksheet("My notes").getCell("A1").value = "Keep me";
  await workbook.xlsx.writeFile(out);
  const before = await digest(out);
  const refused = await cli("summary", input, "-o", out);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/already holds sheets the summary workbook does not write \(My notes\)/);
  expect(await digest(out)).toBe(before);
});

it("a -o into a missing folder is said before the input is read: no problem lines first", async () => {
  const result = await cli("summary", input, "-o", path.join(dir, "nonexistent", "s.xlsx"));
  expect(result.code).toBe(2);
  expect(result.stderr).toBe(`The folder "${path.join(dir, "nonexistent")}" does not exist: create it first, or check the name given with -o.\n`);
});

it("summary -o onto a file that is not a workbook (named .xlsx): refused, unchanged", async () => {
  const notes = path.join(dir, "notes.xlsx");
  await fs.writeFile(notes, "my notes, not a workbook");
  const result = await cli("summary", input, "-o", notes);
  expect(result.code).toBe(2);
  expect(result.stderr.split("\n").filter(Boolean).pop()).toBe(
    `Cannot write the summary workbook to "${notes}": it already exists and is not a workbook that can be read, so it is never replaced; give another name with -o, or move that file first.`,
  );
  expect(await fs.readFile(notes, "utf8")).toBe("my notes, not a workbook");
});
