import { DEFAULT_THEMES, suggestThemes, themeCounts, themeTotals, themesIn } from "../../src/domain";

describe("theme suggestions", () => {
  it("has the ten default themes, each with keywords", () => {
    expect(DEFAULT_THEMES.map((t) => t.name)).toEqual([
      "Caseloads and workload",
      "Management oversight and supervision",
      "Recording, chronologies and genograms",
      "Planning",
      "Direct work and the child's voice",
      "Early help and thresholds",
      "Multi-agency working",
      "Workforce and recruitment",
      "Audit and learning",
      "Timeliness",
    ]);
    for (const t of DEFAULT_THEMES) expect(t.keywords.length).toBeGreaterThan(0);
  });

  it.each([
    ["Caseloads too high; teams too large for one manager.", ["Caseloads and workload"]],
    ["Management oversight and supervision variable.", ["Management oversight and supervision"]],
    ["Recording, chronologies and genograms need attention.", ["Recording, chronologies and genograms"]],
    ["Plans not SMART.", ["Planning"]],
    ["Direct work with children and care leavers needs developing; the child's voice is missing.", ["Direct work and the child's voice"]],
    ["Thresholds for early help applied inconsistently.", ["Early help and thresholds"]],
    ["Multi-agency strategy meetings well attended by partners.", ["Multi-agency working"]],
    ["Recruitment of newly qualified social workers.", ["Workforce and recruitment"]],
    ["Audit and learning from audit need strengthening.", ["Audit and learning"]],
    ["Assessments and plans out of timescale; late transfers between teams.", ["Planning", "Timeliness"]],
    ["Stable management and good morale.", ["Workforce and recruitment"]],
    ["An improved front door.", ["Early help and thresholds"]],
    ["The team was welcoming.", []],
  ])("%j raises %j", (text, names) => {
    expect(themesIn(text)).toEqual(names);
  });

  it("matches whole words unless the keyword ends in *", () => {
    expect(themesIn("Translated leaflets")).toEqual([]);
    expect(themesIn("The plan was late")).toEqual(["Planning", "Timeliness"]);
    expect(themesIn("Planet-sized caseloads")).toEqual(["Caseloads and workload"]);
  });

  it("suggests themes as strength and as area for improvement", () => {
    expect(suggestThemes("Good morale; regular supervision.", "Caseloads too high. Chronologies out of date.")).toEqual({
      strengths: ["Management oversight and supervision", "Workforce and recruitment"],
      areasForImprovement: ["Caseloads and workload", "Recording, chronologies and genograms"],
    });
  });

  it("uses a council's own list", () => {
    const own = [{ name: "Housing", keywords: ["housing", "tenanc*"] }];
    expect(suggestThemes("Tenancy support strong", "", own)).toEqual({ strengths: ["Housing"], areasForImprovement: [] });
  });
});

describe("theme counts", () => {
  const visits = [
    { service: "Safeguarding", team: "SG1", strengths: ["Workforce and recruitment"], areasForImprovement: ["Caseloads and workload", "Planning"] },
    { service: "Safeguarding", team: "SG2", strengths: [], areasForImprovement: ["caseloads AND workload", "Timeliness"] },
    // A second visit to SG1 raising the same theme again counts the team once.
    { service: "Safeguarding", team: "sg1 ", strengths: ["Planning"], areasForImprovement: ["Caseloads and workload"] },
    { service: "Safeguarding", team: "SG3", strengths: [], areasForImprovement: ["Housing"] },
    { service: "Assessment", team: "A1", strengths: ["Planning"], areasForImprovement: ["Caseloads and workload"] },
  ];
  it("counts teams per theme, each side, most frequent first, names and counts only", () => {
    const counts = themeCounts(visits, DEFAULT_THEMES, { serviceOrder: ["Assessment", "Safeguarding"] });
    expect(counts).toEqual([
      { service: "Assessment", themes: [
        { theme: "Caseloads and workload", asStrength: 0, asAreaForImprovement: 1 },
        { theme: "Planning", asStrength: 1, asAreaForImprovement: 0 },
      ] },
      { service: "Safeguarding", themes: [
        { theme: "Caseloads and workload", asStrength: 0, asAreaForImprovement: 2 },
        { theme: "Planning", asStrength: 1, asAreaForImprovement: 1 },
        { theme: "Timeliness", asStrength: 0, asAreaForImprovement: 1 },
        // Equal totals: areas for improvement first, then the list's order, then names off the list.
        { theme: "Housing", asStrength: 0, asAreaForImprovement: 1 },
        { theme: "Workforce and recruitment", asStrength: 1, asAreaForImprovement: 0 },
      ] },
    ]);
    expect(themeTotals(counts)[0]).toEqual({ theme: "Caseloads and workload", asStrength: 0, asAreaForImprovement: 3 });
  });
});
