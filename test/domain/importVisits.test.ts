import { ImportVisitKey, compareImport, importCountsLine } from "../../src/domain";

const v = (row: number, visitId: string, team: string, visitDate: string): ImportVisitKey => ({ row, visitId, team, visitDate });

describe("compareImport", () => {
  const table = [v(2, "TD-001", "North 1", "2017-08-07"), v(3, "TD-002", "North 2", "2017-08-08"), v(4, "", "South 1", "2017-09-01")];

  it("finds a visit by its Visit ID (any case and spacing) when team and date agree", () => {
    expect(compareImport(table, [v(2, " td-001 ", "north 1", "2017-08-07")])).toEqual([{ kind: "already", row: 2, by: "visitId" }]);
  });

  it("finds it by team and date when the file's ID is blank or not in the table", () => {
    expect(compareImport(table, [v(2, "", "South 1", "2017-09-01"), v(3, "X-9", "North 2", "2017-08-08")])).toEqual([
      { kind: "already", row: 4, by: "teamAndDate" },
      { kind: "already", row: 3, by: "teamAndDate" },
    ]);
  });

  it("calls the same ID for another team or date a clash, naming the table's row", () => {
    expect(compareImport(table, [v(5, "TD-002", "North 2", "2017-08-09")])).toEqual([
      { kind: "clash", row: 3, message: 'Visit ID "TD-002" is already in the table for another visit (row 3): give this visit another ID.' },
    ]);
  });

  it("imports a visit the file holds twice once, and new visits as new", () => {
    const verdicts = compareImport(table, [v(2, "TD-010", "East 1", "2018-01-01"), v(3, "", "East 1", "2018-01-01"), v(4, "TD-010", "East 2", "2018-01-02"), v(5, "", "East 3", "")]);
    expect(verdicts.map((x) => x.kind)).toEqual(["new", "repeated", "repeated", "new"]);
    expect(verdicts[1]).toEqual({ kind: "repeated", row: 2, message: "The same visit is in row 2 of the file: it is imported once." });
  });

  it("says the counts in one line", () => {
    expect(importCountsLine({ fresh: 1, already: 1, problems: 1 })).toBe("1 new, 1 already in the table, 1 with problems");
  });
});
