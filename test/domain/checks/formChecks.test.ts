import { DiagnosticsConfig, VisitForm, emptyVisitForm, validateVisitForm } from "../../../src/domain";
import { config } from "../helpers";

const cfg: DiagnosticsConfig = {
  ...config,
  services: ["Assessment", "Children in care"],
  teams: [
    { name: "Assessment Team 1", service: "Assessment", area: "" },
    { name: "CiC Team 1", service: "Children in care", area: "" },
  ],
};
const graded = { allocation: "G", practice: "G", monitoring: "G", joint: "G", overall: "G" };
const form = (over: Partial<VisitForm>) => ({ ...emptyVisitForm(cfg), status: "Final", service: "Assessment", team: "Assessment Team 1", visitDate: "2017-08-07", grades: graded, ...over });
const errorsOf = (f: ReturnType<typeof form>, checks = {}) => validateVisitForm(f, cfg, [], undefined, checks).map((e) => [e.field, e.message]);

describe("the pane's form runs Check sheet's checks, next to the field", () => {
  it("a team of another service", () => {
    expect(errorsOf(form({ team: "CiC Team 1" }))).toEqual([["team", 'Team "CiC Team 1" is not one of the Assessment service\'s teams on the Lists sheet.']]);
  });

  it("a date after today, for a final visit only", () => {
    expect(errorsOf(form({ visitDate: "2099-01-01" }), { today: "2026-12-01" })).toEqual([
      ["visitDate", "Visit date 01/01/2099 is after today (01/12/2026): enter the date of the visit."],
    ]);
    expect(errorsOf(form({ visitDate: "2099-01-01", status: "Draft" }), { today: "2026-12-01" })).toEqual([]);
  });

  it("a planned visit is after today by nature", () => {
    expect(errorsOf(form({ visitDate: "2099-01-01", status: "Planned", grades: {} }), { today: "2026-12-01" })).toEqual([]);
  });

  it("a second visit of the same team on the same date", () => {
    const otherVisits = [{ row: 5, team: "assessment team 1", visitDate: "2017-08-07" }];
    expect(errorsOf(form({}), { otherVisits })).toEqual([["visitDate", 'Team "Assessment Team 1" already has a visit on 07/08/2017 (row 5).']]);
    expect(errorsOf(form({ visitDate: "2017-08-08" }), { otherVisits })).toEqual([]);
  });
});
