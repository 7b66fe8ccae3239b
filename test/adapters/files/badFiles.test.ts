import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { deflateRawSync } from "zlib";
import { readLimits } from "../../../src/adapters/files/xlsxReader";
import { HEADERS, cli, csvText, tempDir, visit } from "../../cli/fixtures";
import { FixtureCell, deflated, oneSheetXlsx, sheetXml, zip } from "./zipFixture";

/**
 * Files that once took the command line down (exit 3 "Unexpected error", or a V8 heap trace): each must give
 * exit 2 and one sentence, or be read as the README says.
 */

const HEADER_ROW: FixtureCell[] = ["Visit ID", "Visit date", "Service", "Team", "Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"];
const dataRow = (id: string, date: FixtureCell, service = "Safeguarding"): FixtureCell[] => [id, date, service, `Team ${id}`, "RI", "G", "RI", "I", "RI"];

async function write(name: string, data: Buffer | string): Promise<string> {
  const file = path.join(await tempDir(), name);
  await fs.writeFile(file, data);
  return file;
}

/** The command line in a child process with TZ set, as a user in that zone runs it. */
function cliWithZone(zone: string, ...argv: string[]): { code: number; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, [require.resolve("tsx/cli"), path.join(__dirname, "../../../src/cli/main.ts"), ...argv], {
    env: { ...process.env, TZ: zone },
    encoding: "utf8",
  });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}

const visitsOf = (stdout: string) => (JSON.parse(stdout) as { base: { visits: number } }).base.visits;

describe("damaged and oversized sheet parts", () => {
  it("a zip with no workbook part is said to be damaged, not to have no Diagnostics table (a newcomer's finding)", async () => {
    const file = await write("truncated.xlsx", zip({ "[Content_Types].xml": "<Types/>", "xl/worksheets/sheet1.xml": sheetXml([HEADER_ROW, dataRow("TD-1", 42954)]) }));
    const result = await cli("summary", file, "--json");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`"${file}" could not be read: it has no workbook part, so it is damaged or is not an Excel workbook; open it in Excel and save it again as .xlsx.\n`);
  });

  it("a sheet part with bad deflate data exits 2 with a sentence naming the file", async () => {
    const good = deflated(sheetXml([HEADER_ROW, dataRow("TD-1", 42954)]));
    const broken = { ...good, raw: Buffer.from(good.raw.map((b, i) => (i > 4 ? b ^ 0x5a : b))) };
    const file = await write("broken.xlsx", oneSheetXlsx(broken));
    const result = await cli("summary", file, "--json");
    expect(result.stderr).not.toMatch(/Unexpected error/);
    expect(result.stderr).toMatch(/broken\.xlsx.*damaged/);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.code).toBe(2);
  });

  it("a zip bomb (a sheet that inflates past the stated cap) exits 2 with a sentence", async () => {
    const saved = readLimits.maxPartBytes;
    readLimits.maxPartBytes = 1024 * 1024; // the real cap is far larger; a small one keeps the test fast
    try {
      const zeros = Buffer.alloc(8 * 1024 * 1024, 0x20);
      const bomb = { raw: deflateRawSync(zeros), method: 8 as const, size: 100, crc: 0 };
      const file = await write("bomb.xlsx", oneSheetXlsx(bomb));
      const result = await cli("summary", file, "--json");
      expect(result.stderr).not.toMatch(/Unexpected error/);
      expect(result.stderr).toMatch(/bomb\.xlsx.*too large/);
      expect(result.code).toBe(2);
    } finally {
      readLimits.maxPartBytes = saved;
    }
  });
});

describe("bounds: only the columns the table has and the rows that hold data", () => {
  it("a sheet with stray cells at XFD1 and A1048576 is summarised, not expanded to 16,384 x 1M cells", async () => {
    const stray = `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>stray</t></is></c></row>`;
    const header = [...HEADER_ROW];
    const xml = sheetXml([header, dataRow("TD-1", 42954), dataRow("TD-2", 42955)], stray, "A1:XFD1048576").replace(
      "</row>",
      `<c r="XFD1" t="inlineStr"><is><t>far corner</t></is></c></row>`,
    );
    const file = await write("corners.xlsx", oneSheetXlsx(deflated(xml)));
    const result = await cli("summary", file, "--json");
    expect(result.stderr).not.toMatch(/Unexpected error/);
    expect(visitsOf(result.stdout)).toBe(2);
  });

  it("200 MB of commas in a CSV exits 2 with a sentence, not 'Invalid array length'", async () => {
    const file = await write("commas.csv", `${HEADERS.join(",")}\r\n${",".repeat(200 * 1024 * 1024)}\r\n`);
    const result = await cli("summary", file, "--json");
    expect(result.stderr).not.toMatch(/Unexpected error|Invalid array length/);
    expect(result.stderr).toMatch(/commas\.csv/);
    expect(result.code).toBe(2);
  });

  it("a 200 MB single-line CSV exits 2 with a sentence", async () => {
    const file = await write("oneline.csv", "x".repeat(200 * 1024 * 1024));
    const result = await cli("summary", file, "--json");
    expect(result.stderr).not.toMatch(/Unexpected error/);
    expect(result.stderr).toMatch(/oneline\.csv/);
    expect(result.code).toBe(2);
  });
});

describe("headers, separators and optional columns", () => {
  it("headers without spaces or with punctuation are matched (VisitDate, Visit.date, JointWorking)", async () => {
    const headers = HEADERS.map((h) => (h === "Visit date" ? "VisitDate" : h === "Joint working" ? "JointWorking" : h === "Team" ? "TEAM." : h));
    const rows = [visit("Safeguarding", ["RI", "G", "RI", "I", "RI"]), visit("Safeguarding", ["RI", "G", "RI", "I", "I"])];
    const renamed = rows.map((r) => ({ ...r, VisitDate: r["Visit date"], JointWorking: r["Joint working"], "TEAM.": r.Team }));
    const file = await write("nospace.csv", csvText(renamed, headers));
    const result = await cli("summary", file, "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(visitsOf(result.stdout)).toBe(2);
    const dotted = await write("dotted.csv", csvText(rows.map((r) => ({ ...r, "Visit.date": r["Visit date"] })), HEADERS.map((h) => (h === "Visit date" ? "Visit.date" : h))));
    expect((await cli("summary", dotted, "--json")).code).toBe(0);
  });

  it.each([
    ["semicolons", ";"],
    ["tabs", "\t"],
  ])("a CSV separated by %s is read", async (_name, separator) => {
    const rows = [visit("Safeguarding", ["RI", "G", "RI", "I", "RI"]), visit("Assessment", ["G", "G", "G", "G", "G"], { Team: "Team 2, North" })];
    const text = csvText(rows).replace(/,/g, separator);
    const file = await write(`sep-${_name}.csv`, text);
    const result = await cli("summary", file, "--json");
    expect(result.stderr).toBe("");
    expect(visitsOf(result.stdout)).toBe(2);
  });

  it("without a Lists sheet, a file with no Overall conclusion column is summarised", async () => {
    const headers = HEADERS.filter((h) => h !== "Overall conclusion");
    const file = await write("no-overall.csv", csvText([visit("Safeguarding", ["RI", "G", "RI", "I", null])], headers));
    const result = await cli("summary", file, "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(visitsOf(result.stdout)).toBe(1);
  });
});

describe("serial-number dates in CSV", () => {
  it("are refused as not a date (the README says so): a CSV cannot say whether 42954 was a date", async () => {
    const file = await write("serial.csv", csvText([visit("Safeguarding", ["RI", "G", "RI", "I", "RI"], { "Visit date": "42954" })]));
    const result = await cli("summary", file, "--json");
    expect(result.stderr).toMatch(/Visit date "42954" is not a date: type it as dd\/mm\/yyyy, for example 07\/08\/2017\./);
    expect(visitsOf(result.stdout)).toBe(0);
  });
});

describe("ISO text dates (t=\"d\") carry no time zone", () => {
  // Jest gives each test file its own copy of process.env, so TZ cannot be changed in-process: run the CLI in a child.
  it.each(["Europe/London", "Pacific/Auckland", "America/Los_Angeles", "UTC"])(
    "2017-08-07T00:00:00 is 7 August under TZ=%s, so --from 07/08/2017 keeps the visit",
    async (zone) => {
      {
        const xml = sheetXml([
          HEADER_ROW,
          dataRow("TD-1", { iso: "2017-08-07T00:00:00" }),
          dataRow("TD-2", { iso: "2017-08-06T23:30:00" }),
          dataRow("TD-3", { iso: "2017-08-07" }),
          dataRow("TD-4", { iso: "2017-08-08T00:00:00Z" }),
        ]);
        const file = await write("isodates.xlsx", oneSheetXlsx(deflated(xml)));
        const result = cliWithZone(zone, "summary", file, "--json", "--from", "07/08/2017", "--to", "07/08/2017");
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        const base = (JSON.parse(result.stdout) as { base: { visits: number; firstVisit: string; lastVisit: string } }).base;
        expect(base).toMatchObject({ visits: 2, firstVisit: "2017-08-07", lastVisit: "2017-08-07" });
      }
    },
    30000,
  );
});

describe("a damaged sheet part: one plain sentence, exit 2, never a shorter sheet read as if whole", () => {
  const rows = [HEADER_ROW, dataRow("TD-1", 42954), dataRow("TD-2", 42955), dataRow("TD-3", 42956)];

  it("bad deflate data names the sheet and its part in a sentence", async () => {
    const good = deflated(sheetXml(rows));
    const file = await write("plain-broken.xlsx", oneSheetXlsx({ ...good, raw: Buffer.from(good.raw.map((b, i) => (i > 4 ? b ^ 0x5a : b))) }));
    const result = await cli("summary", file, "--json");
    expect(result.stderr).toBe(`"${file}" could not be read: sheet "Diagnostics" is damaged (part xl/worksheets/sheet1.xml).\n`);
    expect(result.code).toBe(2);
  });

  it.each([
    ["inside the third row's first cell", (xml: string) => xml.slice(0, xml.indexOf('<c r="A3"') + 12)],
    ["after a whole row, before </sheetData>", (xml: string) => xml.slice(0, xml.indexOf('<row r="3"'))],
    ["not XML at all", () => "Visit ID,Service\nTD-1,Safeguarding\n"],
  ])("a sheet part whose XML stops %s is damaged, not a sheet of fewer rows", async (_label, cut) => {
    const file = await write("cut.xlsx", oneSheetXlsx(deflated(cut(sheetXml(rows)))));
    const result = await cli("summary", file, "--json");
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`"${file}" could not be read: sheet "Diagnostics" is damaged (its XML stops before the end of its rows).\n`);
    expect(result.code).toBe(2);
  });

  it("a sheet part the workbook names but the file does not hold is damaged, not a sheet without headers", async () => {
    const whole = oneSheetXlsx(deflated(sheetXml(rows)));
    // The same zip with the sheet part's name changed, so the workbook's relationship points at nothing.
    const renamed = Buffer.from(whole.toString("latin1").split("xl/worksheets/sheet1.xml").join("xl/worksheets/sheetX.xml"), "latin1");
    const file = await write("missing.xlsx", renamed);
    const result = await cli("summary", file, "--json");
    expect(result.stderr).toBe(`"${file}" could not be read: sheet "Diagnostics" is damaged (its part xl/worksheets/sheet1.xml is missing).\n`);
    expect(result.code).toBe(2);
  });
});
