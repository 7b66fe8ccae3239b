import { defaultConfig } from "../../src/domain";
import { countsCsv, csvField, neutraliseFormula } from "../../src/report/csv";
import { hostileSummary, sampleSummaries } from "./fixtures";

/** A minimal RFC 4180 reader, to check the writer round-trips. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && csv[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

describe("neutraliseFormula", () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@a", "'@a"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
  ])("neutralises %j", (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it("leaves ordinary text alone", () => {
    for (const text of ["Assessment", "RI / I", "1 x G", "Front door and MASH", "", "a=b"]) expect(neutraliseFormula(text)).toBe(text);
  });

  it("quotes after neutralising", () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(7)).toBe("7");
  });
});

describe("countsCsv", () => {
  it("has one row per service, domain and grade, as the Counts sheet", () => {
    const { byService, config } = sampleSummaries();
    const csv = countsCsv(byService, config);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const rows = parse(csv);
    expect(rows[0]).toEqual(["Service", "Quality domain", "Grade", "Visits"]);
    // 2 services × 5 domains × 8 categories of the Ofsted scale (4 grades, 3 splits, no judgement).
    expect(rows).toHaveLength(1 + 2 * 5 * 8);
    const cell = (service: string, domain: string, grade: string) =>
      rows.find((r) => r[0] === service && r[1] === domain && r[2] === grade)?.[3];
    expect(cell("Assessment", "Effectiveness of case allocation and workload management arrangements", "RI")).toBe("5");
    expect(cell("Assessment", "Effectiveness of case allocation and workload management arrangements", "O")).toBe("0");
    expect(cell("Assessment", "Overall conclusion", "I")).toBe("2");
    expect(cell("Assessment", "Effectiveness of joint working between social care and other agencies", "No judgement")).toBe("3");
    // Per service and domain the counts add up to the visits.
    for (const group of byService.groups) {
      for (const row of group.rows) {
        const sum = rows.filter((r) => r[0] === group.name && r[1] === row.domain).reduce((n, r) => n + Number(r[3]), 0);
        expect(sum).toBe(group.visits);
      }
    }
  });

  it("heads the first column Area when grouped by area", () => {
    const { byArea, config } = sampleSummaries();
    expect(parse(countsCsv(byArea, config))[0][0]).toBe("Area");
  });

  it("neutralises names a spreadsheet would run as formulas", () => {
    const names = ['=HYPERLINK("http://x")', "+1", "-1", "@a", "\tTab", "\rReturn"];
    const rows = parse(countsCsv(hostileSummary(names), defaultConfig()));
    const firsts = [...new Set(rows.slice(1).map((r) => r[0]))];
    expect(firsts).toEqual([`'=HYPERLINK("http://x")`, "'+1", "'-1", "'@a", "'\tTab", "'\rReturn"]);
    expect(rows.slice(1).every((r) => r[1] === "'=1+1 <b>bold</b>")).toBe(true);
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });
});
