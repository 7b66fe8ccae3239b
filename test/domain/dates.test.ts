import fc from "fast-check";
import { formatBritishDate, fromExcelSerial, parseVisitDate, toExcelSerial, whyNotADate } from "../../src/domain";

describe("visit dates", () => {
  it("reads British text dates day first", () => {
    expect(parseVisitDate("07/08/2017")).toEqual({ kind: "date", date: "2017-08-07", typedAsText: true });
    expect(parseVisitDate("7/8/17")).toMatchObject({ date: "2017-08-07" });
    expect(parseVisitDate("7 August 2017")).toMatchObject({ date: "2017-08-07" });
    expect(parseVisitDate("7 Aug 2017")).toMatchObject({ date: "2017-08-07" });
    expect(parseVisitDate("2017-08-07")).toMatchObject({ date: "2017-08-07" });
  });

  it("reads Excel serials and real dates as dates, not text", () => {
    expect(parseVisitDate(42954)).toEqual({ kind: "date", date: "2017-08-07", typedAsText: false });
    expect(parseVisitDate(new Date(Date.UTC(2017, 7, 7)))).toEqual({ kind: "date", date: "2017-08-07", typedAsText: false });
  });

  it("rejects impossible dates with a message", () => {
    expect(parseVisitDate("31/02/2017").kind).toBe("invalid");
    expect(parseVisitDate("13/13/2017").kind).toBe("invalid");
    expect(parseVisitDate("soon").kind).toBe("invalid");
  });

  it("round-trips serials", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), (serial) => {
        const iso = fromExcelSerial(serial);
        if (iso !== null) expect(toExcelSerial(iso)).toBe(serial);
      }),
    );
    expect(formatBritishDate("2017-08-07")).toBe("07/08/2017");
  });
});

describe("why a typed date was not read", () => {
  it("names the month's length when the day is past its end", () => {
    expect(whyNotADate("31/02/2018")).toBe("31/02/2018 is not a real date (February 2018 has 28 days).");
    expect(whyNotADate("30/02/2020")).toBe("30/02/2020 is not a real date (February 2020 has 29 days).");
    expect(whyNotADate("31/04/2019")).toBe("31/04/2019 is not a real date (April 2019 has 30 days).");
    expect(whyNotADate("00/04/2019")).toBe("00/04/2019 is not a real date (April 2019 has 30 days).");
  });

  it("says the month comes second when it is over 12", () => {
    expect(whyNotADate("08/13/2017")).toBe("08/13/2017 is not a real date (there are 12 months, and the month comes second: dd/mm/yyyy).");
  });

  it("asks for dd/mm/yyyy only when the text is not shaped like a date", () => {
    expect(whyNotADate("soon")).toBe('"soon" is not a date: type it as dd/mm/yyyy, for example 07/08/2017.');
  });

  it("says nothing of a real date or a blank", () => {
    expect(whyNotADate("07/08/2017")).toBeNull();
    expect(whyNotADate("29/02/2020")).toBeNull();
    expect(whyNotADate("  ")).toBeNull();
  });
});

describe("a cell's date that cannot be read says why, as the form does", () => {
  it("an impossible day is named as such, not sent back to dd/mm/yyyy it was typed in", () => {
    expect(parseVisitDate("31/02/2026")).toEqual({ kind: "invalid", message: "31/02/2026 is not a real date (February 2026 has 28 days)." });
    expect(parseVisitDate("12/31/2018")).toEqual({ kind: "invalid", message: "12/31/2018 is not a real date (there are 12 months, and the month comes second: dd/mm/yyyy)." });
    expect(parseVisitDate("next week")).toEqual({ kind: "invalid", message: '"next week" is not a date: type it as dd/mm/yyyy, for example 07/08/2017.' });
  });
});

