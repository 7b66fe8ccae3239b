import { promises as fs } from "fs";
import * as path from "path";
import fc from "fast-check";
import { HEADERS, cli, tempDir } from "../../cli/fixtures";
import { FixtureCell, deflated, oneSheetXlsx, sheetXml } from "./zipFixture";

/**
 * Generated workbooks and CSVs (column order, header spellings, title rows, blank rows, date forms, grade
 * spellings, drafts, duplicate IDs) summarised by the command line, checked against a count written here
 * from the generated values alone. Time zones: the .xlsx dates include t="d" ISO text, and TZ-dependent
 * reading is covered by badFiles.test.ts, which runs the command line under three zones.
 */

const GRADED = ["Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"];

/** Each spelling with the grade it must count as. */
const SPELLINGS: [string, string][] = [
  ["RI", "RI"], ["ri", "RI"], ["R.I.", "RI"], ["Requires improvement to be good", "RI"], ["requires improvement", "RI"],
  ["G", "G"], ["good ", "G"], ["Good", "G"], ["I", "I"], ["Inadequate", "I"], ["O", "O"], ["outstanding", "O"],
  ["RI / I", "RI / I"], ["RI/I", "RI / I"], ["ri / i", "RI / I"], ["G / RI", "G / RI"], ["NJ", "No judgement"], ["No judgement", "No judgement"],
];
const SERVICES = ["Assessment", "Safeguarding", "Children in care"];

/** Header spellings the README promises to accept: case, spacing and punctuation ignored. */
const headerSpelling = (h: string, how: number): string =>
  [h, h.toUpperCase(), h.replace(/ (\w)/g, (_m, c: string) => c.toUpperCase()), h.replace(/ /g, "."), ` ${h.toLowerCase()} `, h.replace(/ /g, "_")][how];

interface GenVisit {
  service: number;
  team: number;
  day: number;
  dateForm: number;
  grades: number[];
  draft: boolean;
  /** Reuse the ID of an earlier row (in another case), making this row a duplicate. */
  duplicateOf: number | null;
  blankBefore: boolean;
}

const visitArb: fc.Arbitrary<GenVisit> = fc.record({
  service: fc.nat(SERVICES.length - 1),
  team: fc.nat(4),
  day: fc.integer({ min: 0, max: 800 }),
  dateForm: fc.nat(2),
  grades: fc.array(fc.nat(SPELLINGS.length - 1), { minLength: 5, maxLength: 5 }),
  draft: fc.nat(6).map((n) => n === 0),
  duplicateOf: fc.option(fc.nat(30), { freq: 8 }),
  blankBefore: fc.boolean(),
});

const caseArb = fc.record({
  visits: fc.array(visitArb, { minLength: 1, maxLength: 25 }),
  order: fc.shuffledSubarray(HEADERS, { minLength: HEADERS.length, maxLength: HEADERS.length }),
  spellings: fc.array(fc.nat(5), { minLength: HEADERS.length, maxLength: HEADERS.length }),
  titles: fc.nat(2),
});

const START = Date.UTC(2017, 3, 1);
const isoOf = (day: number) => new Date(START + day * 86400000).toISOString().slice(0, 10);
const britishOf = (day: number) => isoOf(day).split("-").reverse().join("/");
const serialOf = (day: number) => (START + day * 86400000) / 86400000 + 25569;

interface Row {
  values: Record<string, FixtureCell>;
  blankBefore: boolean;
}

function rowsOf(visits: GenVisit[], xlsx: boolean): Row[] {
  return visits.map((v, i) => {
    const id = v.duplicateOf !== null && v.duplicateOf < i ? `td-${v.duplicateOf}` : `TD-${i}`;
    const date: FixtureCell = xlsx
      ? [serialOf(v.day), { iso: `${isoOf(v.day)}T00:00:00` }, britishOf(v.day)][v.dateForm]
      : [britishOf(v.day), isoOf(v.day), new Date(START + v.day * 86400000).toUTCString().slice(5, 16)][v.dateForm];
    const values: Record<string, FixtureCell> = {
      "Visit ID": id,
      "Visit date": date,
      Round: "1",
      Service: SERVICES[v.service],
      Team: `${SERVICES[v.service]} ${v.team}`,
      Status: v.draft ? (i % 2 ? "draft" : "Draft") : i % 3 ? "Final" : null,
    };
    GRADED.forEach((g, k) => (values[g] = SPELLINGS[v.grades[k]][0]));
    return { values, blankBefore: v.blankBefore };
  });
}

/** The independent count: service -> domain -> grade -> n. Drafts are not counted; a repeated ID (any case) is left out. */
function expectedCounts(visits: GenVisit[]): { visits: number; counts: Map<string, Map<string, Map<string, number>>> } {
  const seen = new Set<string>();
  const counts = new Map<string, Map<string, Map<string, number>>>();
  let total = 0;
  visits.forEach((v, i) => {
    const id = v.duplicateOf !== null && v.duplicateOf < i ? `td-${v.duplicateOf}` : `TD-${i}`;
    const duplicate = seen.has(id.toLowerCase());
    seen.add(id.toLowerCase());
    if (v.draft || duplicate) return;
    total++;
    const service = counts.get(SERVICES[v.service]) ?? new Map<string, Map<string, number>>();
    counts.set(SERVICES[v.service], service);
    GRADED.forEach((g, k) => {
      const domain = service.get(g) ?? new Map<string, number>();
      service.set(g, domain);
      const grade = SPELLINGS[v.grades[k]][1];
      domain.set(grade, (domain.get(grade) ?? 0) + 1);
    });
  });
  return { visits: total, counts };
}

interface GenCase {
  visits: GenVisit[];
  order: string[];
  spellings: number[];
  titles: number;
}

function grid(c: GenCase, xlsx: boolean): FixtureCell[][] {
  const headers = c.order.map((h, i) => headerSpelling(h, c.spellings[i]));
  const out: FixtureCell[][] = [];
  for (let t = 0; t < c.titles; t++) out.push([t === 0 ? "Team diagnostics programme" : "Generated for a test"]);
  out.push(headers);
  for (const row of rowsOf(c.visits, xlsx)) {
    if (row.blankBefore) out.push([]);
    out.push(c.order.map((h) => row.values[h] ?? null));
  }
  return out;
}

const csvOf = (cells: FixtureCell[][], separator: string) =>
  cells
    .map((r) =>
      r
        .map((v) => {
          const s = v === null ? "" : String(v);
          return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
        })
        .join(separator),
    )
    .join("\r\n");

interface Json {
  base: { visits: number; drafts: number };
  services: { service: string; rows: { domain: string; counts: Record<string, number> }[] }[];
}

/** The summary's counts keyed by short labels (the JSON uses the full labels in table order). */
function actualCounts(json: Json): Map<string, Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, Map<string, number>>>();
  for (const s of json.services) {
    out.set(s.service, new Map(s.rows.map((r, k) => [GRADED[k], new Map(Object.entries(r.counts))])));
  }
  return out;
}

let dir = "";
beforeAll(async () => {
  dir = await tempDir();
});

const check = async (file: string, c: { visits: GenVisit[] }) => {
  const result = await cli("summary", file, "--json");
  const json = JSON.parse(result.stdout) as Json;
  const expected = expectedCounts(c.visits);
  expect(json.base.visits).toBe(expected.visits);
  expect(json.base.drafts).toBe(c.visits.filter((v) => v.draft).length);
  expect(actualCounts(json)).toEqual(expected.counts);
};

describe("generated files, summarised, match an independent count", () => {
  it("CSV with commas, semicolons or tabs", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, fc.constantFrom(",", ";", "\t"), async (c, separator) => {
        const file = path.join(dir, "generated.csv");
        await fs.writeFile(file, csvOf(grid(c, false), separator));
        await check(file, c);
      }),
      { numRuns: 40 },
    );
  });

  it(".xlsx with serial, ISO (t=\"d\") and British text dates", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const file = path.join(dir, "generated.xlsx");
        await fs.writeFile(file, oneSheetXlsx(deflated(sheetXml(grid(c, true)))));
        await check(file, c);
      }),
      { numRuns: 40 },
    );
  });
});
