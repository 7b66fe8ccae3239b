import { DEFAULT_INTERVALS, REPORT_CARD_SCALE, defaultConfig } from "../../src/domain";
import { configFromLists, listsSheetValues } from "../../src/workbook/listsSheet";

const at = (values: unknown[][], header: string) => values[0].indexOf(header);

describe("revisit intervals on the Lists sheet", () => {
  it("are written as two columns, one row per grade, with the defaults O 12, G 12, RI 6, I 3", () => {
    const values = listsSheetValues(defaultConfig());
    const g = at(values, "Revisit grade");
    const m = at(values, "Revisit months");
    expect(g).toBeGreaterThan(0);
    expect(values.slice(1, 5).map((r) => [r[g], r[m]])).toEqual([
      ["O", "12"],
      ["G", "12"],
      ["RI", "6"],
      ["I", "3"],
    ]);
    // A default sheet reads back as the default configuration.
    expect(configFromLists(values).intervals).toBeUndefined();
  });

  it("are read back as the council edits them; blanks and words are ignored", () => {
    const values = listsSheetValues(defaultConfig());
    const m = at(values, "Revisit months");
    values[1][m] = "24";
    values[3][m] = "9";
    values[4][m] = "soon";
    const config = configFromLists(values);
    expect(config.intervals).toEqual({ O: 24, G: 12, RI: 9 });
    expect(configFromLists(listsSheetValues(config)).intervals).toEqual({ O: 24, G: 12, RI: 9 });
  });

  it("match grade codes typed in another case, and follow another scale", () => {
    const values = listsSheetValues(defaultConfig());
    const g = at(values, "Revisit grade");
    values[3][g] = "ri";
    values[3][at(values, "Revisit months")] = "4";
    expect(configFromLists(values).intervals).toEqual({ ...DEFAULT_INTERVALS, RI: 4 });
    const card = listsSheetValues(defaultConfig({ scale: REPORT_CARD_SCALE }));
    expect(card.slice(1, 3).map((r) => [r[at(card, "Revisit grade")], r[at(card, "Revisit months")]])).toEqual([
      ["Exceptional", ""],
      ["Strong standard", ""],
    ]);
  });

  it("a sheet without the columns keeps the defaults", () => {
    expect(configFromLists([["Services"], ["Safeguarding"]]).intervals).toBeUndefined();
  });
});
