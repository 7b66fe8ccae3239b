import { fitColumns, longestWordWidth, textWidth } from "../../src/report/columnFit";

describe("fitColumns", () => {
  const col = (...texts: string[]) => texts.map((text) => ({ text, bold: true }));
  const options = { total: 6000, margins: 200 };

  it("keeps the shares when every column's longest word fits, and adds up to the total", () => {
    const widths = fitColumns([1, 1, 1], [col("A"), col("B"), col("C")], options);
    expect(widths).toEqual([2000, 2000, 2000]);
  });

  it("widens a column to its longest word and takes the room from the others in proportion to their shares", () => {
    const word = "Monitoring";
    const widths = fitColumns([4, 1, 1], [col("Service"), col(word), col("Total")], { total: 6000, margins: 200 });
    expect(widths[1]).toBeGreaterThanOrEqual(Math.ceil(textWidth(word, true)) + 200);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(6000);
    expect(widths[0]).toBeGreaterThan(widths[2]); // Service gave up more than Total, having the larger share
  });

  it("keeps a floor (a figure's bar) and stays inside the total when the words cannot all fit", () => {
    expect(fitColumns([1, 5], [col(""), col("")], { ...options, floors: [3000] })).toEqual([3000, 3000]);
    const widths = fitColumns([1, 1], [col("Supercalifragilisticexpialidocious"), col("Antidisestablishmentarianism")], { total: 3000, margins: 200 });
    expect(widths.reduce((a, b) => a + b, 0)).toBe(3000);
  });

  it("measures the piece a line cannot break: a date whole, words apart", () => {
    expect(longestWordWidth("Due 10/01/2018", false)).toBe(textWidth("10/01/2018", false));
    expect(textWidth("é", false)).toBe(textWidth("e", false));
  });
});
