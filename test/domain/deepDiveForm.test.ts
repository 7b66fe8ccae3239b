/** The visit form's checks for a deep dive (issue 11 §4): a function in Service, no team needed, no grades allowed. */
import { VisitForm, defaultConfig, emptyVisitForm, validateVisitForm } from "../../src/domain";

const config = defaultConfig({ teams: [{ name: "Safeguarding North", service: "Safeguarding", area: "" }] });
const dive = (over: Partial<VisitForm> = {}): VisitForm => ({ ...emptyVisitForm(config), visitDate: "2018-06-12", service: "Fostering", visitType: "Deep dive", ...over });

it("accepts a deep dive naming a function not on the services list, with no team and no grades", () => {
  expect(validateVisitForm(dive(), config, [])).toEqual([]);
  // A team of another service is not a problem for a deep dive either.
  expect(validateVisitForm(dive({ team: "Safeguarding North" }), config, [])).toEqual([]);
});

it("refuses a deep dive with grades, or without a function; a team visit still needs its team, service and grades", () => {
  expect(validateVisitForm(dive({ grades: { ...dive().grades, overall: "RI" } }), config, [])).toEqual([
    { field: "grade:overall", message: "A deep dive has findings but no grades: clear Overall conclusion." },
  ]);
  expect(validateVisitForm(dive({ service: "" }), config, []).map((e) => e.message)).toEqual(["Name the function the deep dive looked at."]);
  const team = validateVisitForm(dive({ visitType: "Team diagnostic" }), config, []).map((e) => e.field);
  expect(team.slice(0, 2)).toEqual(["service", "team"]);
  expect(team).toContain("grade:overall");
  expect(validateVisitForm(dive({ visitType: "Thematic" }), config, []).map((e) => e.field)).toContain("visitType");
});
