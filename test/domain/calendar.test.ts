import fc from "fast-check";
import { addDays, addMonths, daysBetween, financialYear } from "../../src/domain";

describe("calendar months", () => {
  it.each([
    ["2018-01-15", 6, "2018-07-15"],
    ["2017-08-31", 6, "2018-02-28"],
    ["2019-08-31", 6, "2020-02-29"],
    ["2017-11-30", 3, "2018-02-28"],
    ["2017-10-31", 12, "2018-10-31"],
    ["2018-03-31", -1, "2018-02-28"],
  ])("%s + %i months = %s", (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });
  it("never overshoots into the following month", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }), fc.integer({ min: 0, max: 36 }), (d, n) => {
        const from = d.toISOString().slice(0, 10);
        const to = addMonths(from, n);
        const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
        expect(months).toBe(n);
        expect(Number(to.slice(8))).toBeLessThanOrEqual(Number(from.slice(8)));
      }),
    );
  });
});

describe("days", () => {
  it("adds and counts days across month and year ends", () => {
    expect(addDays("2017-12-25", 14)).toBe("2018-01-08");
    expect(daysBetween("2018-02-28", "2018-03-01")).toBe(1);
    expect(daysBetween("2018-03-01", "2018-02-28")).toBe(-1);
    fc.assert(fc.property(fc.integer({ min: -2000, max: 2000 }), (n) => expect(daysBetween("2018-06-30", addDays("2018-06-30", n))).toBe(n)));
  });
});

describe("financial year", () => {
  it.each([
    ["2017-04-01", "2017-18"],
    ["2018-03-31", "2017-18"],
    ["2018-04-01", "2018-19"],
    ["1999-06-01", "1999-00"],
  ])("%s is in %s", (date, fy) => expect(financialYear(date)).toBe(fy));
});
