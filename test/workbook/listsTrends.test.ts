import { DEFAULT_THEMES, defaultConfig, teamLinksOf, thresholdOf, themesOf } from "../../src/domain";
import { configFromLists, listsSheetValues } from "../../src/workbook/listsSheet";

/** Issue 12's Lists settings: threshold grade, "Previously called", themes with keywords. */
describe("issue 12 settings on the Lists sheet", () => {
  const header = (values: unknown[][]) => values[0].map(String);

  it("writes the threshold (Good by default), the Previously called column and the default themes at the end", () => {
    const values = listsSheetValues(defaultConfig());
    const h = header(values);
    // After the columns that were there before (other settings may follow them).
    const at = h.indexOf("Previously called");
    expect(at).toBeGreaterThan(h.indexOf("Scale spellings"));
    expect(h.slice(at, at + 3)).toEqual(["Previously called", "Theme", "Theme keywords"]);
    const settingRow = values.findIndex((r) => r[h.indexOf("Setting")] === "Threshold grade");
    expect(values[settingRow][h.indexOf("Value")]).toBe("G");
    expect(values.slice(1, 11).map((r) => r[h.indexOf("Theme")])).toEqual(DEFAULT_THEMES.map((t) => t.name));
    expect(values[1][h.indexOf("Theme keywords")]).toBe(DEFAULT_THEMES[0].keywords.join("; "));
    // As written, it reads back as the defaults.
    const back = configFromLists(values);
    expect(back).toEqual(defaultConfig());
    expect(thresholdOf(back)).toBe("G");
    expect(themesOf(back)).toBe(DEFAULT_THEMES);
  });

  it("reads an edited threshold, a renamed team and a council's own themes", () => {
    const cfg = defaultConfig({
      teams: [{ name: "Hub East", service: "Safeguarding", area: "", previouslyCalled: ["East 1", "East One"] }],
      threshold: "RI",
      themes: [{ name: "Caseloads", keywords: ["caseload*", "workload"] }, { name: "Voice", keywords: [] }],
    });
    const back = configFromLists(listsSheetValues(cfg));
    expect(back).toEqual(cfg);
    expect(thresholdOf(back)).toBe("RI");
    expect(teamLinksOf(back)).toEqual([{ service: "Safeguarding", team: "Hub East", previouslyCalled: ["East 1", "East One"] }]);
  });

  it("takes the threshold by label too, and falls back to Good when it names no grade", () => {
    const values = listsSheetValues(defaultConfig());
    const h = header(values);
    const row = values.findIndex((r) => r[h.indexOf("Setting")] === "Threshold grade");
    values[row][h.indexOf("Value")] = "requires improvement";
    expect(thresholdOf(configFromLists(values))).toBe("RI");
    values[row][h.indexOf("Value")] = "Splendid";
    expect(thresholdOf(configFromLists(values))).toBe("G");
  });

  it("a sheet with the Theme column emptied has no themes", () => {
    const values = listsSheetValues(defaultConfig());
    const at = header(values).indexOf("Theme");
    values.slice(1).forEach((r) => (r[at] = null));
    expect(configFromLists(values).themes).toEqual([]);
  });
});
