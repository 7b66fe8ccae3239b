import { progressLine } from "../../src/cli/progress";
import { cli } from "./fixtures";

describe("options (util.parseArgs, strict)", () => {
  it("gives each command its own --help, exit 0", async () => {
    for (const command of ["summary", "report", "validate", "template"]) {
      const result = await cli(command, "--help");
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      expect(result.stdout.split("\n")[0]).toMatch(new RegExp(`^Usage: team-diagnostics ${command} `));
    }
    expect((await cli("summary", "-h")).stdout).toContain("--tie cautious|split");
    expect((await cli("validate", "--help")).stdout).not.toContain("--tie");
  });

  it("a missing value, an unknown option or one the command does not take: one sentence, exit 2", async () => {
    expect(await cli("summary", "in.xlsx", "--round")).toEqual({ code: 2, stdout: "", stderr: "--round needs a value; see --help.\n" });
    expect(await cli("summary", "in.xlsx", "-o")).toEqual({ code: 2, stdout: "", stderr: "--output needs a value; see --help.\n" });
    expect(await cli("report", "in.xlsx", "--bogus")).toEqual({ code: 2, stdout: "", stderr: "Unknown option --bogus; see --help.\n" });
    expect(await cli("validate", "in.xlsx", "--json")).toEqual({
      code: 2,
      stdout: "",
      stderr: "validate takes no --json option; see validate --help.\n",
    });
  });

  it("an option given twice: one sentence, exit 2, rather than the last one counted without a word", async () => {
    expect(await cli("summary", "in.xlsx", "--round", "2017-18", "--round", "2018-19")).toEqual({
      code: 2,
      stdout: "",
      stderr: "--round is given twice; give it once (see --help).\n",
    });
    expect((await cli("summary", "in.xlsx", "-o", "a.xlsx", "--output", "b.xlsx")).stderr).toBe("--output is given twice; give it once (see --help).\n");
  });
});

describe("progress line", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("shows nothing for a run under a second, and nothing without a terminal", () => {
    let written = "";
    const quick = progressLine((t) => (written += t));
    quick.step("Reading in.xlsx");
    jest.advanceTimersByTime(999);
    quick.done();
    jest.advanceTimersByTime(5000);
    expect(written).toBe("");
    const none = progressLine(undefined);
    none.step("Reading");
    jest.advanceTimersByTime(5000);
    none.done();
  });

  it("after a second shows the current step on one line, rewrites it, and clears it at the end", () => {
    let written = "";
    const slow = progressLine((t) => (written += t));
    slow.step("Reading in.xlsx");
    jest.advanceTimersByTime(1000);
    expect(written).toBe("\r\x1b[2KReading in.xlsx…");
    slow.step("Writing out.xlsx");
    slow.done();
    expect(written).toBe("\r\x1b[2KReading in.xlsx…\r\x1b[2KWriting out.xlsx…\r\x1b[2K");
  });
});

describe("progress line without a turn of the event loop", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("shows at the next step once a second has passed, even if the timer could not run", () => {
    let written = "";
    const busy = progressLine((t) => (written += t));
    busy.step("Reading big.csv");
    jest.setSystemTime(Date.now() + 1500);
    expect(written).toBe("");
    busy.step("Checking big.csv");
    expect(written).toBe("\r\x1b[2KChecking big.csv…");
    busy.done();
  });
});
