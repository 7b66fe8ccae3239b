/** A deep dive's feedback report (issue 11 §4): as a team's, naming its function, with no grades. Read back from the docx XML. */
import { ActionItem, VisitForm, compileScale, defaultConfig, emptyVisitForm } from "../../src/domain";
import { DEEP_DIVE_NO_GRADES, FEEDBACK_FOOTER, buildFeedbackReport } from "../../src/report/feedbackReport";
import { readDocx, runText } from "./docxText";

const config = defaultConfig();
const compiled = compileScale(config.scale);

const deepDive: VisitForm = {
  ...emptyVisitForm(config),
  visitId: "TD-0030",
  visitDate: "2018-02-12",
  service: "Fostering",
  team: "",
  diagnosticTeam: "A. Reviewer, B. Reviewer",
  strengths: "Carers feel well supported.\nTraining is well attended.",
  areasForImprovement: "- Too few carers for teenagers.",
  recommendations: "1. Recruit more foster carers.\n2. Review respite.",
  status: "Final",
  visitType: "Deep dive",
};

const action: ActionItem = {
  actionId: "TD-0030-A1",
  visitId: "TD-0030",
  service: "Fostering",
  team: "",
  recommendation: "Recruit more foster carers.",
  action: "Run a recruitment campaign.",
  owner: "Head of fostering",
  dueDate: "2018-05-12",
  status: "On track",
  progress: "",
  completedDate: "",
};

const bulletsOf = (xml: string) => [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:numPr>[\s\S]*?<\/w:p>/g)].map((m) => runText(m[0]));

it("names the function, says it has no grades, lists strengths, areas and recommendations as bullets, and its actions", async () => {
  const docx = await readDocx(await buildFeedbackReport({ visit: deepDive, config, compiled, actions: [action], today: "2018-03-01" }));
  const text = docx.paragraphs.map((p) => p.text);
  expect(text[0]).toBe("Deep dive feedback: Fostering");
  expect(docx.tables[0].map((row) => row.map((c) => c.text))).toEqual([
    ["About the visit", "Details"],
    ["Visit type", "Deep dive"],
    ["Function", "Fostering"],
    ["Area", "not recorded"],
    ["Visit date", "12/02/2018"],
    ["Diagnostic team", "A. Reviewer, B. Reviewer"],
    ["Visit ID", "TD-0030"],
  ]);
  // No grade table: the about table and the action plan are the only two.
  expect(docx.tables).toHaveLength(2);
  expect(text).toContain(DEEP_DIVE_NO_GRADES);
  expect(docx.xml).not.toMatch(/Quality domain|Not graded|Overall conclusion/);
  expect(text.filter((t) => ["Strengths", "Areas for improvement", "Recommendations"].includes(t))).toEqual(["Strengths", "Areas for improvement", "Recommendations"]);
  expect(bulletsOf(docx.xml)).toEqual([
    "Carers feel well supported.",
    "Training is well attended.",
    "Too few carers for teenagers.",
    "Recruit more foster carers.",
    "Review respite.",
  ]);
  expect(docx.tables[1].map((row) => row.map((c) => c.text))).toEqual([
    ["Recommendation", "Action", "Owner", "Due date", "Status (RAG)"],
    ["Recruit more foster carers.", "Run a recruitment campaign.", "Head of fostering", "12/05/2018", "On track (Green)"],
  ]);
  const footer = await docx.zip.file(/word\/footer\d*\.xml/)[0].async("string");
  expect(runText(footer)).toBe(FEEDBACK_FOOTER);
});

it("names the deep dive's team when it had one; a team visit's report is as before", async () => {
  const withTeam = await readDocx(await buildFeedbackReport({ visit: { ...deepDive, team: "Fostering Team 1" }, config, compiled, actions: [], today: "2018-03-01" }));
  expect(withTeam.tables[0].slice(1, 4).map((row) => row.map((c) => c.text))).toEqual([
    ["Visit type", "Deep dive"],
    ["Function", "Fostering"],
    ["Team", "Fostering Team 1"],
  ]);
  const team = await readDocx(
    await buildFeedbackReport({
      visit: { ...deepDive, visitType: "Team diagnostic", service: "Safeguarding", team: "North 1", grades: { ...deepDive.grades, allocation: "RI", overall: "RI" } },
      config,
      compiled,
      actions: [],
      today: "2018-03-01",
    }),
  );
  expect(team.paragraphs[0].text).toBe("Team diagnostic feedback: North 1");
  expect(team.tables[0].slice(1, 3).map((row) => row.map((c) => c.text))).toEqual([
    ["Team", "North 1"],
    ["Service", "Safeguarding"],
  ]);
  expect(team.tables[1][0].map((c) => c.text)).toEqual(["Quality domain", "Grade"]);
  expect(team.tables[1].slice(-1)[0].map((c) => c.text)).toEqual(["Overall conclusion", "Requires Improvement"]);
  expect(team.xml).not.toContain(DEEP_DIVE_NO_GRADES);
});

it("gives a completed action its status once, not 'Complete (Complete)'", async () => {
  const done: ActionItem = { ...action, status: "Complete", completedDate: "2018-02-20" };
  const docx = await readDocx(await buildFeedbackReport({ visit: deepDive, config, compiled, actions: [action, done], today: "2018-03-01" }));
  expect(docx.tables[1].slice(1).map((row) => row[4].text)).toEqual(["On track (Green)", "Complete"]);
});
