/** The help page says what the pane does (a new user's reading): a section for each tab and tool, and the feedback report's exception. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const html = readFileSync(join(__dirname, "../../src/taskpane/help.html"), "utf8");
const text = html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

it("has a section for the Programme, Actions, Import visits and the Feedback report", () => {
  const headings = [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
  expect(headings).toEqual(expect.arrayContaining(["Programme of visits", "Actions", "Import visits", "Feedback report"]));
});

it("does not say every report is free of names and findings: the feedback report holds both", () => {
  expect(text).not.toMatch(/Summaries, exports and reports carry grades and counts only/);
  expect(text).toMatch(/feedback report .*not for circulation/i);
});
