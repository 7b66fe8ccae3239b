import {
  columnDefinitions,
  emptyVisitForm,
  formCells,
  formFromRow,
  formRow,
  nextVisitId,
  validateVisitForm,
} from "../../src/domain";
import { configFromLists, listsSheetValues } from "../../src/workbook/listsSheet";
import { defaultConfig, REPORT_CARD_SCALE } from "../../src/domain";
import { config } from "./helpers";

const headers = columnDefinitions(config).map((d) => d.header);

function filledForm() {
  const form = emptyVisitForm(config);
  Object.assign(form, { visitDate: "2017-08-07", service: "Safeguarding", team: "North 1", round: "1" });
  for (const key of Object.keys(form.grades)) form.grades[key] = "RI";
  return form;
}

describe("the visit form", () => {
  it("names each missing field before anything is written", () => {
    const errors = validateVisitForm(emptyVisitForm(config), config, []);
    expect(errors.map((e) => e.field)).toEqual([
      "service",
      "team",
      "visitDate",
      "grade:allocation",
      "grade:practice",
      "grade:monitoring",
      "grade:joint",
      "grade:overall",
    ]);
  });

  it("lets a draft leave grades blank but not hold wrong ones", () => {
    const form = { ...filledForm(), status: "Draft" };
    form.grades = { ...form.grades, joint: "", practice: "Very good" };
    expect(validateVisitForm(form, config, []).map((e) => e.field)).toEqual(["grade:practice"]);
  });

  it("refuses a Visit ID already used elsewhere", () => {
    const form = { ...filledForm(), visitId: "TD-0002" };
    expect(validateVisitForm(form, config, ["td-0002"])).toEqual([{ field: "visitId", message: 'Visit ID "TD-0002" is already used.' }]);
  });

  it("numbers new visits after the highest in use", () => {
    expect(nextVisitId([])).toBe("TD-0001");
    expect(nextVisitId(["TD-0009", "TD-0010", "custom"])).toBe("TD-0011");
  });

  it("writes a row in the sheet's column order, dates as Excel serials, unknown columns blank", () => {
    const shuffled = ["Notes", ...headers].reverse();
    const row = formRow(filledForm(), shuffled, config);
    expect(row[shuffled.indexOf("Visit date")]).toBe(42954);
    expect(row[shuffled.indexOf("Team")]).toBe("North 1");
    expect(row[shuffled.indexOf("Notes")]).toBeNull();
    expect(formCells(filledForm(), shuffled, config).has(shuffled.indexOf("Notes"))).toBe(false);
  });

  it("loads a row back, reading messy grades as canonical", () => {
    const row = formRow(filledForm(), headers, config);
    row[headers.indexOf("Joint working")] = "requires improvement to be good";
    row[headers.indexOf("Overall conclusion")] = "ri/i";
    const form = formFromRow(row, headers, config);
    expect(form).toMatchObject({ visitDate: "2017-08-07", team: "North 1", status: "Final" });
    expect(form.grades).toMatchObject({ joint: "RI", overall: "RI / I" });
  });
});

describe("the Lists sheet", () => {
  it("carries the settings and reads them back unchanged", () => {
    const cfg = defaultConfig({
      teams: [{ name: "North 1", service: "Safeguarding", area: "North" }],
      areas: ["North", "South"],
      tieRule: "split",
      overall: { key: "overall", shortLabel: "Overall", fullLabel: "Overall judgement" },
    });
    expect(configFromLists(listsSheetValues(cfg))).toEqual(cfg);
  });

  it("can drop the overall column and change the scale", () => {
    const cfg = defaultConfig({ overall: null, scale: REPORT_CARD_SCALE });
    const back = configFromLists(listsSheetValues(cfg));
    expect(back.overall).toBeNull();
    expect(back.scale.id).toBe("report-card");
    expect(listsSheetValues(cfg).map((r) => r[0]).slice(1, 7)).toEqual([
      "Exceptional",
      "Strong standard",
      "Expected standard",
      "Needs attention",
      "Urgent improvement",
      "No judgement",
    ]);
  });

  it("keeps defaults for anything the sheet does not say", () => {
    expect(configFromLists([["Something"], ["else"]])).toEqual(defaultConfig());
    expect(configFromLists(null)).toEqual(defaultConfig());
  });
});
