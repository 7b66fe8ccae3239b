import fc from "fast-check";
import { formatBritishDate, fromExcelSerial, parseVisitDate, toExcelSerial } from "../../src/domain";

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
