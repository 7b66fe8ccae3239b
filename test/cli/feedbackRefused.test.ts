/**
 * `feedback` refuses a visit it cannot report truly (a new user's finding): a Planned visit (it has not happened, so
 * every grade read "Not graded") and a row with problems (a mistyped grade was printed as the grade; a missing
 * team as "team not named"). One sentence, exit 2, and no file written.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { cli, tempDir } from "./fixtures";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "diagnostics-example.xlsx");

async function refused(id: string): Promise<string> {
  const out = path.join(await tempDir(), "feedback.docx");
  const r = await cli("feedback", EXAMPLE, "--visit", id, "-o", out, "--today", "2026-12-02");
  expect([r.code, r.stdout]).toEqual([2, ""]);
  await expect(fs.access(out)).rejects.toThrow();
  return r.stderr.trim();
}

it("refuses a Planned visit in one sentence", async () => {
  expect(await refused("TD-2018-008")).toBe(
    "Visit TD-2018-008 is Planned (13/11/2018): its feedback report can be written once the visit has happened and its Status is Draft, For moderation or Final.",
  );
});

it("refuses a visit whose row has a problem, naming the first problem's cell and pointing to validate", async () => {
  const grade = await refused("TD-2017-024");
  expect(grade.split("\n")).toHaveLength(1);
  expect(grade).toContain("Visit TD-2017-024");
  expect(grade).toContain("Diagnostics!J25");
  expect(grade).toContain("validate");
  const team = await refused("TD-2017-025");
  expect(team).toContain("Diagnostics!E26");
  expect(team).toContain("Team is missing");
});

it("still writes the report of a Final visit of the same file", async () => {
  const out = path.join(await tempDir(), "feedback.docx");
  const r = await cli("feedback", EXAMPLE, "--visit", "TD-2017-001", "-o", out, "--today", "2026-12-02");
  expect([r.code, r.stderr]).toEqual([0, ""]);
});
