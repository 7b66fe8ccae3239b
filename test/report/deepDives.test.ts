import { defaultConfig, rollUp, validateTable } from "../../src/domain";
import { buildWordReport } from "../../src/report/wordReport";
import { table, visit } from "../domain/helpers";
import { readDocx } from "./docxText";

const blank = { "Allocation and workload": "", "Practice and direct work": "", "Monitoring and supervision": "", "Joint working": "", "Overall conclusion": "" };

describe("the Word report and deep dives", () => {
  it("lists the deep dives by function, says how many in the base, and counts none of them in the tables", async () => {
    const config = defaultConfig();
    const rows = [
      visit("Safeguarding", "RI", { "Visit type": "" }),
      visit("Fostering", "", { "Visit type": "Deep dive", Team: "", ...blank }),
      visit("Placements and residential", "", { "Visit type": "Deep dive", Team: "", ...blank }),
      visit("fostering", "G", { "Visit type": "Deep dive", Team: "" }),
    ];
    const t = table(rows, config);
    // The default headers have a Visit type column: a second one would be warned of as a column headed twice.
    const raw = t.headers.includes("Visit type") ? t : { ...t, headers: [...t.headers, "Visit type"], rows: t.rows.map((r, i) => [...r, rows[i]["Visit type"]]) };
    const validation = validateTable(raw, config);
    expect(validation.problems).toEqual([]);
    const byService = rollUp(validation, config);
    const doc = await readDocx(await buildWordReport({ byService, byArea: null, config }));
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain("3 deep dives (functions looked at as a whole: not in the grade tables).");
    const at = texts.indexOf("Deep dives");
    expect(doc.paragraphs[at].style).toBe("Heading1");
    expect(texts.slice(at + 2, at + 4)).toEqual(["Fostering: 2 deep dives", "Placements and residential: 1 deep dive"]);
    expect(texts).toContain("Safeguarding (1 visit)");
    expect(texts.some((t) => t.startsWith("Fostering ("))).toBe(false);
  });
});
