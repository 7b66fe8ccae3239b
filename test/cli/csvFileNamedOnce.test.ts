/** Several CSV files: a CSV's one sheet is the file, so its lines name the file once (they said "dup.csv: 'dup.csv'!A4"). */
import { promises as fs } from "fs";
import * as path from "path";
import { cli, csvText, tempDir, visit } from "./fixtures";

jest.setTimeout(30_000);

it("problem lines and rows left out name a CSV file once", async () => {
  const dir = await tempDir();
  const a = path.join(dir, "east.csv");
  const b = path.join(dir, "west.csv");
  const first = visit("Assessment", ["G", "G", "G", "G", "G"], { "Visit ID": "TD-1" });
  await fs.writeFile(a, csvText([first, { ...visit("Assessment", ["G", "G", "G", "G", "G"]), "Visit ID": "TD-1" }]));
  await fs.writeFile(b, csvText([visit("Assessment", ["RI", "RI", "RI", "RI", "RI"], { "Visit ID": "TD-9" })]));
  const result = await cli("summary", a, b);
  expect(result.stderr.split("\n")[0]).toBe("'east.csv'!A3: Visit ID \"TD-1\" is also used on row 2.");
  expect(result.stdout).toContain("  east.csv row 3: A3: Visit ID is also used on row 2.");
  expect(result.stdout).not.toContain("east.csv: east.csv");
  await fs.rm(dir, { recursive: true, force: true });
});
