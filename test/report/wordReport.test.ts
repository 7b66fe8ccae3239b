import { inflateSync } from "node:zlib";
import { defaultConfig } from "../../src/domain";
import { JUDGEMENTS_LINE, buildWordReport } from "../../src/report/wordReport";
import { readDocx } from "./docxText";
import { sampleSummaries } from "./fixtures";

describe("buildWordReport", () => {
  const { byService, byArea, config } = sampleSummaries();
  let doc: Awaited<ReturnType<typeof readDocx>>;
  let bytes: Uint8Array;

  beforeAll(async () => {
    bytes = await buildWordReport({ byService, byArea, config });
    doc = await readDocx(bytes);
  });

  it("is a .docx (a zip with a Word document part)", () => {
    expect(bytes[0]).toBe(0x50);
    expect(bytes[1]).toBe(0x4b);
    expect(doc.files).toContain("word/document.xml");
  });

  it("has, per service, a heading, the judgements line and the table cell for cell as on the Summary sheet", () => {
    for (const group of byService.groups) {
      const at = doc.paragraphs.findIndex((p) => p.text === `${group.name} (${group.visits} visits)`);
      expect(at).toBeGreaterThan(-1);
      expect(doc.paragraphs[at].style).toBe("Heading2");
      expect(doc.paragraphs[at + 1].text).toBe(JUDGEMENTS_LINE);
    }
    const gradingTables = doc.tables.filter((t) => t[0][0].text === "Quality domain");
    // Two services, then two areas.
    expect(gradingTables).toHaveLength(byService.groups.length + byArea.groups.length);
    byService.groups.forEach((group, g) => {
      const t = gradingTables[g];
      expect(t[0].map((c) => c.text)).toEqual(["Quality domain", "Grading"]);
      expect(t.slice(1).map((r) => r.map((c) => c.text))).toEqual(group.rows.map((r) => [r.domain, r.text]));
    });
  });

  it("publishes the domain.md cells exactly", () => {
    const cells = doc.tables.flat(2).map((c) => c.text);
    expect(cells).toContain("RI (5 x RI, 3 x I, 1 x G)");
    expect(cells).toContain("Requires Improvement (7 x RI, 2 x I)");
    expect(cells).toContain("RI (6 x RI, 3 x no judgement)");
    expect(cells).toContain("RI / I (4 x RI / I, 3 x RI, 2 x I)");
    expect(cells).toContain("Requires Improvement (2 x G, 2 x RI; tie, lower grade shown)");
    expect(cells).toContain("Effectiveness of case allocation and workload management arrangements");
  });

  it("shades the header row and each Grading cell in its headline grade's colour", () => {
    const assessment = doc.tables.find((t) => t.some((r) => r[1]?.text === "RI (5 x RI, 3 x I, 1 x G)"))!;
    expect(assessment[0].map((c) => c.fill)).toEqual(["DDE7EE", "DDE7EE"]);
    expect(assessment[1][1].fill).toBe("FFBF00"); // RI
    expect(assessment[2][1].fill).toBe("D4351C"); // I
    expect(assessment[1][0].fill).toBeNull();
    expect(doc.xml).toContain("<w:tblHeader/>");
    expect(doc.xml).toMatch(/<w:tblBorders>/);
  });

  it("adds the tables per area, with the visits that have no area", () => {
    const areaHeading = doc.paragraphs.findIndex((p) => p.text === "Findings by area");
    expect(areaHeading).toBeGreaterThan(-1);
    expect(doc.paragraphs.some((p) => p.text === "North (7 visits)")).toBe(true);
    expect(doc.paragraphs.some((p) => p.text === "South (4 visits)")).toBe(true);
    expect(doc.paragraphs.some((p) => p.text === "2 visits have no area and are not in the tables by area.")).toBe(true);
  });

  it("gives the overview: visits at each overall grade best first, with a total", () => {
    const overview = doc.tables.find((t) => t[0][0].text === "Grade")!;
    expect(overview.map((r) => r.map((c) => c.text))).toEqual([
      ["Grade", "Visits"],
      ["Good (G)", "2"],
      ["Requires Improvement (RI)", "9"],
      ["Inadequate (I)", "2"],
      ["Total", "13"],
    ]);
    expect(overview.slice(1, 4).map((r) => r[0].fill)).toEqual(["8CC63F", "FFBF00", "D4351C"]);
  });

  it("draws the figure as a bar per service with the numbers beside it", async () => {
    const figure = doc.tables.find((t) => t[0][0].text === "Service" && t[0][1].text === "Grades, best on the left")!;
    expect(figure.map((r) => r.filter((_, i) => i !== 1).map((c) => c.text))).toEqual([
      ["Service", "G", "RI", "I", "Total"],
      ["Assessment", "0", "7", "2", "9"],
      ["Safeguarding", "2", "2", "0", "4"],
    ]);
    expect(figure[0].slice(2, 5).map((c) => c.fill)).toEqual(["8CC63F", "FFBF00", "D4351C"]);
    const media = doc.files.filter((f) => f.startsWith("word/media/") && f.endsWith(".png"));
    expect(media.length).toBeGreaterThanOrEqual(2);
    // Every bar is a valid PNG whose image data inflates with zlib.
    for (const name of media) {
      const png = await doc.zip.file(name)!.async("uint8array");
      expect([...png.slice(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
      const idat = Buffer.from(png).indexOf("IDAT");
      const length = Buffer.from(png).readUInt32BE(idat - 4);
      expect(() => inflateSync(Buffer.from(png.slice(idat + 4, idat + 4 + length)))).not.toThrow();
    }
    expect(doc.xml).toMatch(/descr="Assessment: 7 Requires Improvement, 2 Inadequate\."/);
  });

  it("captions each figure in Word's Caption style, kept with its figure, so Insert Table of Figures finds it", async () => {
    const captions = doc.paragraphs.filter((p) => /^Figure \d+: /.test(p.text));
    expect(captions.map((p) => p.text)).toEqual(["Figure 1: Overall conclusion by service (number of visits)", "Figure 2: Overall conclusion by area (number of visits)"]);
    expect(captions.map((p) => p.style)).toEqual(["Caption", "Caption"]);
    const caption = /<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Caption"\/>[\s\S]*?<\/w:p>/.exec(doc.xml)![0];
    expect(caption).toContain("<w:keepNext/>");
    const styles = await doc.zip.file("word/styles.xml")!.async("string");
    expect(styles).toMatch(/<w:style w:type="paragraph" w:styleId="Caption">/);
  });

  it("lists the rows left out with their reasons", () => {
    const left = doc.tables.find((t) => t[0][0].text === "Row")!;
    expect(left[1][0].text).toBe("Diagnostics row 16");
    // The cell and the kind of problem, never what the cell held: a mistyped cell may hold a name.
    expect(left[1][1].text).toMatch(/grade is not on the scale\./);
    expect(doc.xml).not.toContain("Imprvement");
  });

  it("states the base and carries aggregates only", () => {
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain("13 visits counted.");
    expect(text).toContain("Left out: 1 draft; 1 row with problems (listed below).");
    expect(doc.xml).not.toMatch(/Manager|Narrative|team 1|Draft team/);
  });

  it("uses the first domain for the overview when the config has no overall conclusion", async () => {
    const noOverall = defaultConfig({ areas: ["North", "South"], overall: null });
    const s = sampleSummaries(noOverall);
    const d = await readDocx(await buildWordReport({ byService: s.byService, byArea: null, config: noOverall }));
    expect(d.paragraphs.some((p) => p.text.startsWith("How many visits were given each grade for \"Effectiveness of case allocation"))).toBe(true);
    expect(d.paragraphs.some((p) => p.text === "Findings by area")).toBe(false);
    expect(d.tables.flat(2).map((c) => c.text)).not.toContain("Overall conclusion");
  });

  it("escapes awkward text and still opens", async () => {
    const cfg = defaultConfig({ services: [] });
    const s = sampleSummaries(cfg);
    s.byService.groups[0].name = 'A & B <script>"x"</script>';
    const d = await readDocx(await buildWordReport({ byService: s.byService, byArea: null, config: cfg }));
    expect(d.paragraphs.some((p) => p.text === 'A & B <script>"x"</script> (9 visits)')).toBe(true);
  });

  it("says so when nothing was counted", async () => {
    const cfg = defaultConfig();
    const s = sampleSummaries(cfg, { round: "no such round" });
    const d = await readDocx(await buildWordReport({ byService: s.byService, byArea: s.byArea, config: cfg }));
    // The round asked for has no visit: the rounds there are, so a mistyped round is plain.
    expect(d.paragraphs.map((p) => p.text)).toContain(`No visit is in round "no such round": the visits are in round 2017-18.`);
    expect(d.paragraphs.some((p) => p.text === "Overview")).toBe(false);
  });
});
