/** `feedback` for a visit For moderation: the report says its grades are provisional until Final (walk-through 7). */
import { promises as fs } from "fs";
import * as path from "path";
import { provisionalGradesNote } from "../../src/report/feedbackReport";
import { readDocx } from "../report/docxText";
import { cli, tempDir, visit, writeXlsx } from "./fixtures";

it("says the grades are provisional for a For moderation visit, and not for a Final one", async () => {
  const dir = await tempDir();
  const file = path.join(dir, "moderation.xlsx");
  await writeXlsx(file, [
    {
      table: "Diagnostics",
      rows: [
        visit("Safeguarding", ["RI", "G", "RI", "RI", "RI"], { "Visit ID": "V-001", Status: "For moderation" }),
        visit("Safeguarding", ["G", "G", "G", "G", "G"], { "Visit ID": "V-002" }),
      ],
    },
  ]);
  const texts = async (id: string) => {
    const out = path.join(dir, `${id}.docx`);
    const r = await cli("feedback", file, "--visit", id, "-o", out, "--today", "2018-06-30");
    expect([r.code, r.stderr]).toEqual([0, ""]);
    return (await readDocx(new Uint8Array(await fs.readFile(out)))).paragraphs.map((p) => p.text);
  };
  const moderated = await texts("V-001");
  expect(moderated[moderated.indexOf("Grades") + 1]).toBe(provisionalGradesNote("For moderation"));
  expect(moderated.join("\n")).toContain("provisional");
  expect((await texts("V-002")).join("\n")).not.toContain("provisional");
});
