import { decodeCsvBytes, parseCsv } from "../../../src/adapters/files/csv";

describe("CSV", () => {
  it("parses RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes, CRLF, BOM", () => {
    const text = '\ufeffService,Team,Notes\r\nAssessment,"Team 1, North","He said ""yes""\r\nthen left"\r\n\r\n,,\nLast,row,x';
    expect(parseCsv(text)).toEqual([
      ["Service", "Team", "Notes"],
      ["Assessment", "Team 1, North", 'He said "yes"\r\nthen left'],
      [null],
      [null, null, null],
      ["Last", "row", "x"],
    ]);
    expect(parseCsv("a,b\n")).toEqual([["a", "b"]]);
    expect(parseCsv("")).toEqual([]);
  });

  it("reads UTF-8, and Windows-1252 as Excel saves CSV", () => {
    expect(decodeCsvBytes(Buffer.from("Café", "utf8"))).toBe("Café");
    expect(decodeCsvBytes(Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x51, 0x94]))).toBe("Café \u201cQ\u201d");
  });
});
