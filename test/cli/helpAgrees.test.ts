/**
 * --help and the README agree: every option a command takes (args.ts COMMAND_OPTIONS, what util.parseArgs is given)
 * is in that command's line of the top-level usage (unless the line says [options]), in its own help's usage line
 * (likewise) and option list, and in the README's synopsis; and the top-level help says where the input is read
 * from as the README does, the Excel table named Diagnostics first.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { COMMANDS, COMMAND_OPTIONS, COMMAND_USAGE, USAGE } from "../../src/cli/args";

/** How an option is written in the usage lines: "-o" for --output, else its long name. */
const written = (name: string) => (name === "output" ? "-o" : `--${name}`);
const mentions = (text: string, name: string) => new RegExp(`(^|[\\s\\[])${written(name)}(?![\\w-])`).test(text);
const optionsOf = (command: (typeof COMMANDS)[number]) => COMMAND_OPTIONS[command].filter((name) => name !== "help");

/** A command's usage line in a block of text, with its continuation lines (indented deeper) joined on. */
function usageLine(text: string, prefix: string): string {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.trimStart().startsWith(prefix));
  if (start < 0) throw new Error(`no line starting "${prefix}"`);
  const out = [lines[start]];
  const indent = lines[start].length - lines[start].trimStart().length;
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" || line.length - line.trimStart().length <= indent || line.trimStart().startsWith("team-diagnostics")) break;
    out.push(line.trim());
  }
  return out.join(" ");
}

let readme: string;
beforeAll(async () => {
  readme = await fs.readFile(path.join(__dirname, "../../README.md"), "utf8");
});

describe("usage lines name every option the command takes", () => {
  it.each([...COMMANDS])("%s: the top-level usage line, its own help and the README synopsis", (command) => {
    const missing: string[] = [];
    const top = usageLine(USAGE, `team-diagnostics ${command} `);
    const own = usageLine(COMMAND_USAGE[command], `Usage: team-diagnostics ${command} `);
    const synopsis = usageLine(readme, `npx team-diagnostics ${command} `);
    for (const name of optionsOf(command)) {
      if (!top.includes("[options]") && !mentions(top, name)) missing.push(`--help's usage line lacks ${written(name)}`);
      if (!own.includes("[options]") && !mentions(own, name)) missing.push(`${command} --help's usage line lacks ${written(name)}`);
      if (!mentions(COMMAND_USAGE[command], name)) missing.push(`${command} --help does not list ${written(name)}`);
      if (!mentions(synopsis, name)) missing.push(`the README synopsis lacks ${written(name)}`);
    }
    expect(missing).toEqual([]);
  });
});

it("the top-level help says where the input is read from as the README does", () => {
  expect(readme).toContain("the command line reads the Excel table named `Diagnostics`. If there is none, it reads the sheet named `Diagnostics`.");
  expect(USAGE.replace(/\s+/g, " ")).toContain(
    "In an .xlsx file the input is the Excel table named Diagnostics, else the sheet named Diagnostics, else the first sheet whose header row is recognised in its first 20 rows",
  );
});
