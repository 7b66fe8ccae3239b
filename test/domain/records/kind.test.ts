import { RecordKind, VisitForm, defaultConfig, recordTable, visitRecord } from "../../../src/domain";

describe("a record table", () => {
  it("matches the header row once when built, not once per row read or written", () => {
    const kind = visitRecord(defaultConfig());
    let looks = 0;
    const counted: RecordKind<VisitForm> = new Proxy(kind, {
      get(target, property, receiver) {
        if (property === "columns") looks++;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    const headers = kind.columns.map((c) => c.header);
    const visits = recordTable(counted, headers);
    const afterBuild = looks;
    expect(afterBuild).toBeGreaterThan(0);
    const row = headers.map((h) => (h === "Team" ? "North 1" : h === "Visit date" ? 42954 : null));
    for (let i = 0; i < 100; i++) visits.row(visits.read(row), headers.length);
    expect(looks).toBe(afterBuild);
    expect(visits.read(row)).toMatchObject({ team: "North 1", visitDate: "2017-08-07" });
  });
});
