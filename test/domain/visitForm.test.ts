import {
  columnDefinitions,
  emptyVisitForm,
  formCells,
  formFromRow,
  formRow,
  nextVisitId,
  validateVisitForm,
} from "../../src/domain";
import { configFromLists, listsIssues, listsSheetValues } from "../../src/workbook/listsSheet";
import { compileScale, defaultConfig, OFSTED_SCALE, parseGrade, REPORT_CARD_SCALE } from "../../src/domain";
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

describe("a council's own grade scale on the Lists sheet", () => {
  /** The Lists sheet as written for the defaults, with the scale columns replaced by `levels`. */
  function listsWith(levels: string[][], splits: string) {
    const values = listsSheetValues(defaultConfig());
    const header = values[0].map(String);
    const at = (h: string) => header.indexOf(h);
    const height = Math.max(values.length, levels.length + 1);
    for (let r = 1; r < height; r++) {
      values[r] ??= header.map(() => null);
      ["Scale grade", "Scale label", "Scale colour", "Scale spellings"].forEach((h, c) => (values[r][at(h)] = levels[r - 1]?.[c] ?? null));
    }
    values[1 + values.slice(1).findIndex((row) => row[at("Setting")] === "Split grades")][at("Value")] = splits;
    values[1 + values.slice(1).findIndex((row) => row[at("Setting")] === "Grade scale")][at("Value")] = "Our scale";
    return values;
  }

  const levels = [
    ["Strong", "Strong practice", "#2e7d32", "very good; excellent"],
    ["Adequate", "Adequate practice", "F9A825", ""],
    ["Weak", "Weak practice", "not a colour", "poor"],
  ];

  it("is read as data: order, labels, colours and accepted spellings", () => {
    const cfg = configFromLists(listsWith(levels, "No"));
    expect(cfg.scale).toMatchObject({ id: "Our scale", splits: false });
    expect(cfg.scale.levels).toEqual([
      { code: "Strong", label: "Strong practice", colour: "2E7D32", aliases: ["very good", "excellent"] },
      { code: "Adequate", label: "Adequate practice", colour: "F9A825", aliases: [] },
      { code: "Weak", label: "Weak practice", colour: "D9D9D9", aliases: ["poor"] },
    ]);
    const compiled = compileScale(cfg.scale);
    expect(parseGrade("Excellent", compiled)).toMatchObject({ kind: "grade", category: { code: "Strong" } });
    expect(parseGrade("RI", compiled).kind).toBe("unrecognised");
    // Written back, the dropdown list follows the council's scale.
    expect(listsSheetValues(cfg).slice(1, 5).map((r) => r[0])).toEqual(["Strong", "Adequate", "Weak", "No judgement"]);
  });

  it("can allow split grades between neighbours", () => {
    const compiled = compileScale(configFromLists(listsWith(levels, "Yes")).scale);
    expect(compiled.categories.map((c) => c.code)).toEqual(["Strong", "Strong / Adequate", "Adequate", "Adequate / Weak", "Weak", "No judgement"]);
  });
});

describe("reading the scale back from the Lists sheet", () => {
  const header = () => listsSheetValues(defaultConfig())[0].map(String);
  const setValue = (values: ReturnType<typeof listsSheetValues>, setting: string, value: string) => {
    const h = header();
    const row = values.slice(1).findIndex((r) => r[h.indexOf("Setting")] === setting);
    values[row + 1][h.indexOf("Value")] = value;
  };

  it("switches to the preset the setting names when the grades are still another preset's", () => {
    const values = listsSheetValues(defaultConfig());
    setValue(values, "Grade scale", "report-card");
    expect(configFromLists(values).scale).toBe(REPORT_CARD_SCALE);
  });

  it("does not use grades that clash, and says why", () => {
    const values = listsSheetValues(defaultConfig());
    const h = header();
    values[3][h.indexOf("Scale grade")] = "g"; // RI's row now says "g", which Good already answers to
    values[4][h.indexOf("Scale grade")] = "RI/I";
    const issues = listsIssues(values);
    expect(issues).toEqual(
      expect.arrayContaining(['"g" names both G and g.', 'The grade code "RI/I" has a "/", which marks split grades.', "Until this is put right the Ofsted four-point scale is used."]),
    );
    expect(configFromLists(values).scale).toBe(OFSTED_SCALE);
  });

  it("refuses a visit dated before 2000 in the form, as the sheet check does", () => {
    const form = { ...filledForm(), visitDate: "1917-08-07" };
    expect(validateVisitForm(form, config, [])).toEqual([{ field: "visitDate", message: "The visit date is before 2000: enter the date of the visit." }]);
  });
});

describe("the visit form's date", () => {
  it("says why a date typed as dd/mm/yyyy is not a real one", () => {
    const form = { ...filledForm(), visitDate: "31/02/2018" };
    const errors = validateVisitForm(form, config, []);
    expect(errors).toEqual([{ field: "visitDate", message: "31/02/2018 is not a real date (February 2018 has 28 days)." }]);
  });
});
