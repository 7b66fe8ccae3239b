/**
 * `--json=yes` said "--json needs a value" though --json takes none: a flag given a value is told it takes none,
 * an option given none still needs one. And `help summary` prints summary's own help, as `summary --help` does.
 */
import { cli } from "./fixtures";

describe("a value given to a flag", () => {
  it("--json=yes, --strict=1 and --strict-privacy=yes: the flag takes no value, exit 2", async () => {
    expect(await cli("summary", "in.xlsx", "--json=yes")).toEqual({
      code: 2,
      stdout: "",
      stderr: "--json takes no value; write --json on its own (see --help).\n",
    });
    expect((await cli("trends", "in.xlsx", "--strict=1")).stderr).toBe("--strict takes no value; write --strict on its own (see --help).\n");
    expect((await cli("validate", "in.xlsx", "--strict-privacy=yes")).stderr).toBe(
      "--strict-privacy takes no value; write --strict-privacy on its own (see --help).\n",
    );
  });

  it("an option missing its value still needs one", async () => {
    expect(await cli("summary", "in.xlsx", "--round")).toEqual({ code: 2, stdout: "", stderr: "--round needs a value; see --help.\n" });
    expect((await cli("report", "in.xlsx", "-o")).stderr).toBe("--output needs a value; see --help.\n");
  });
});

describe("help <command>", () => {
  it("prints that command's help, as <command> --help does", async () => {
    for (const command of ["summary", "report", "validate", "template", "trends", "programme", "actions", "feedback"]) {
      const viaHelp = await cli("help", command);
      expect(viaHelp).toEqual(await cli(command, "--help"));
      expect(viaHelp.stdout.split("\n")[0]).toMatch(new RegExp(`^Usage: team-diagnostics ${command} `));
    }
    // help alone is still the whole usage.
    expect((await cli("help")).stdout).toBe((await cli("--help")).stdout);
  });
});
