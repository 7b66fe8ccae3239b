import { promises as fs } from "fs";
import * as path from "path";
import { cli, tempDir, visit, writeXlsx } from "./fixtures";

jest.setTimeout(30_000);

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("validate: the checks of Check sheet, in the same words", () => {
  it("warns of grades typed another way, naming the cell and what each counts as", async () => {
    const file = path.join(dir, "spellings.xlsx");
    await writeXlsx(file, [
      {
        rows: [
          visit("Assessment", ["Outstanding", "Good", "RI/I", "Requires improvement", "ri"]),
          visit("Assessment", ["G", "G", "G", "G", "G"]),
        ],
      },
    ]);
    const result = await cli("validate", file);
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      'Diagnostics!I2 (warning): Allocation and workload grade "Outstanding" counts as O; the scale writes it O (Tidy grades in the pane changes it to that).',
      'Diagnostics!J2 (warning): Practice and direct work grade "Good" counts as G; the scale writes it G (Tidy grades in the pane changes it to that).',
      'Diagnostics!K2 (warning): Monitoring and supervision grade "RI/I" counts as RI / I; the scale writes it RI / I (Tidy grades in the pane changes it to that).',
      'Diagnostics!L2 (warning): Joint working grade "Requires improvement" counts as RI; the scale writes it RI (Tidy grades in the pane changes it to that).',
      'Diagnostics!M2 (warning): Overall conclusion grade "ri" counts as RI; the scale writes it RI (Tidy grades in the pane changes it to that).',
    ]);
    expect(result.stderr).toBe("spellings.xlsx: 5 warnings; 2 visits counted, 0 drafts, 0 left out.\n");
    // Warnings alone: every visit is counted, so exit 0 (was 1); --strict makes them exit 1.
    expect(result.code).toBe(0);
    expect((await cli("validate", file, "--strict")).code).toBe(1);
  });

  it("reports a visit after today and a second visit of one team on one date", async () => {
    const file = path.join(dir, "dates.xlsx");
    const first = visit("Assessment", ["G", "G", "G", "G", "G"]);
    await writeXlsx(file, [
      {
        rows: [
          first,
          { ...visit("Assessment", ["G", "G", "G", "G", "G"]), Team: first.Team },
          visit("Assessment", ["G", "G", "G", "G", "G"], { "Visit date": new Date(Date.UTC(2099, 0, 1)) }),
        ],
      },
    ]);
    const result = await cli("validate", file);
    const lines = result.stdout.split("\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `Diagnostics!B3 (warning): Rows 2 and 3 are both visits of team "${first.Team}" on 07/08/2017: check this is not the same visit twice.`,
    );
    expect(lines[1]).toMatch(/^Diagnostics!B4: Visit date 01\/01\/2099 is after today \(\d\d\/\d\d\/\d{4}\): check the cell holds the date of the visit\.$/);
    expect(result.stderr).toBe("dates.xlsx: 1 problem and 1 warning; 2 visits counted, 0 drafts, 1 left out.\n");

    // The summary counts what validate says is counted: the visit after today is left out there too, with the same
    // line; --today D counts as on D (the same file gives the same summary whichever day it is run).
    const summary = await cli("summary", file, "--json");
    const json = JSON.parse(summary.stdout);
    expect(json.base.visits).toBe(2);
    expect(json.base.excluded).toEqual([expect.objectContaining({ row: 4, reasons: ["B4: Visit date is after today."] })]);
    expect(summary.stderr).toMatch(/^Diagnostics!B4: Visit date 01\/01\/2099 is after today \(\d\d\/\d\d\/\d{4}\): check the cell holds the date of the visit\.\n/);
    const later = await cli("summary", file, "--json", "--today", "02/01/2099");
    expect(later.code).toBe(0);
    expect(JSON.parse(later.stdout).base.visits).toBe(3);
    const onTheDay = JSON.parse((await cli("summary", file, "--json", "--today", "2099-01-01")).stdout);
    expect(onTheDay.base.visits).toBe(3);
    const before = JSON.parse((await cli("summary", file, "--json", "--today", "31/12/2098")).stdout);
    expect(before.base.visits).toBe(2);
  });
});
