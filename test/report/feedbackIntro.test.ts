/** The feedback report's opening line promises only what the report holds: the action plan only when it has actions. */
import { VisitForm, compileScale, defaultConfig, emptyVisitForm } from "../../src/domain";
import { buildFeedbackReport } from "../../src/report/feedbackReport";
import { readDocx } from "./docxText";

const config = defaultConfig();
const compiled = compileScale(config.scale);
const visit: VisitForm = {
  ...emptyVisitForm(config),
  visitId: "TD-0001",
  visitDate: "2018-02-12",
  service: "Safeguarding",
  team: "Safeguarding Team 1",
  status: "Final",
  grades: Object.fromEntries([...config.domains, ...(config.overall ? [config.overall] : [])].map((d) => [d.key, "G"])),
};

it("before an action plan is started, the opening line promises the grades only (a new user's finding)", async () => {
  const text = (await readDocx(await buildFeedbackReport({ visit, config, compiled, actions: [], today: "2018-03-01" }))).paragraphs.map((p) => p.text);
  expect(text[1]).toBe("The written feedback from the diagnostic visit, with the grades given.");
  expect(text).not.toContain("Action plan");
});
