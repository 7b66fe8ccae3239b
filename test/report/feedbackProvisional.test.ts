/**
 * A team's feedback report for a visit not yet Final (Draft or For moderation) says, under "Grades" and before the
 * grade table, that the grades are provisional until the visit is Final (walk-through 7). Read back from the docx XML.
 */
import { VisitForm, compileScale, defaultConfig, emptyVisitForm } from "../../src/domain";
import { provisionalGradesNote, buildFeedbackReport } from "../../src/report/feedbackReport";
import { readDocx } from "./docxText";

const config = defaultConfig();
const compiled = compileScale(config.scale);
const visit = (status: string, extra: Partial<VisitForm> = {}): VisitForm => ({
  ...emptyVisitForm(config),
  visitId: "TD-0040",
  visitDate: "2018-02-12",
  service: "Safeguarding",
  team: "Safeguarding North",
  grades: { allocation: "RI", practice: "G", monitoring: "RI", joint: "G", overall: "RI" },
  status,
  ...extra,
});

/** The body's text in order, a table as one line of its cells, so a paragraph's place next to the grades shows. */
async function bodyOf(v: VisitForm): Promise<string[]> {
  const docx = await readDocx(await buildFeedbackReport({ visit: v, config, compiled, actions: [], today: "2018-03-01" }));
  return [...docx.xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    m[0].startsWith("<w:tbl>") ? `[table: ${[...m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].slice(0, 2).map((t) => t[1]).join(" | ")}]` : [...m[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}

test.each([
  ["For moderation", "These grades are provisional: the visit is For moderation, and moderation may change them. They are confirmed when the visit is Final."],
  ["Draft", "These grades are provisional: the visit is a Draft, and they may change (moderation may change them too). They are confirmed when the visit is Final."],
  ["for moderation", "These grades are provisional: the visit is For moderation, and moderation may change them. They are confirmed when the visit is Final."],
])("a visit whose Status is %s: the report says the grades are provisional, between the Grades heading and the grades", async (status, said) => {
  expect(provisionalGradesNote(status)).toBe(said);
  const body = await bodyOf(visit(status));
  const at = body.indexOf("Grades");
  expect(body.slice(at, at + 3)).toEqual(["Grades", said, "[table: Quality domain | Grade]"]);
});

test.each(["Final", ""])("a visit whose Status is %j: no word of provisional grades", async (status) => {
  const body = await bodyOf(visit(status));
  expect(body.join("\n")).not.toMatch(/provisional/i);
  const at = body.indexOf("Grades");
  expect(body[at + 1]).toBe("[table: Quality domain | Grade]");
});

test("a deep dive For moderation has no grades, so nothing is provisional", async () => {
  const body = await bodyOf(visit("For moderation", { visitType: "Deep dive", team: "" }));
  expect(body.join("\n")).not.toMatch(/provisional/i);
});
