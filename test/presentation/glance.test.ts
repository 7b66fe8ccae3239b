/**
 * The picture at a glance shows the latest round only: a service with visits in earlier rounds and none in the latest
 * has no row, and its note says so, so a reader does not take the table for every service.
 */
import { reportTrends } from "../../src/actions/trendActions";
import { compileScale, defaultConfig, validateTable } from "../../src/domain";
import { atAGlance, glanceNote, glanceText } from "../../src/presentation/glance";
import { sampleRows, sampleTable } from "../report/fixtures";

const config = defaultConfig({ areas: ["North", "South"] });
const compiled = compileScale(config.scale);
const later = (id: string, date: string, service: string, team: string, grades: string[]) => [id, date, "2018-19", service, team, "", "M. Manager", ...grades, "", "Final"];

function glanceOf(rows: unknown[][]) {
  const { trends } = reportTrends(validateTable(sampleTable(rows), config), config, {}, "service");
  return atAGlance(trends, config, compiled);
}

describe("the note under the picture at a glance", () => {
  it("names the services with visits before but none in the latest round", () => {
    const glance = glanceOf([...sampleRows(), later("A10", "01/08/2018", "Assessment", "Assessment team 1", ["G", "G", "RI", "G", "G"])]);
    expect(glance.rows.map((r) => r.name)).toEqual(["Assessment"]);
    expect(glanceNote(glance, "service")).toBe(
      "Headline grade per service and domain in 2018-19, with the number of visits in brackets, no judgement included. ▲ better, ▼ worse, = same as in 2017-18. " +
        "Not shown, as no visit in 2018-19 names it: Safeguarding.",
    );
  });

  it("by area, names each area the latest round's visits do not, one name from the next by semicolons", () => {
    const { trends } = reportTrends(
      validateTable(sampleTable([...sampleRows(), later("A10", "01/08/2018", "Assessment", "Assessment team 1", ["G", "G", "RI", "G", "G"])]), config),
      config,
      {},
      "area",
    );
    const glance = atAGlance(trends, config, compiled);
    expect(glanceNote(glance, "area")).toMatch(/ Not shown, as no visit in 2018-19 names them: North; South\.$/);
  });

  it("says nothing more when every service has visits in the latest round", () => {
    const glance = glanceOf([
      ...sampleRows(),
      later("A10", "01/08/2018", "Assessment", "Assessment team 1", ["G", "G", "RI", "G", "G"]),
      later("S10", "10/09/2018", "Safeguarding", "Safeguarding team 1", ["G", "G", "G", "O", "G"]),
    ]);
    expect(glanceNote(glance, "service")).toBe("Headline grade per service and domain in 2018-19, with the number of visits in brackets, no judgement included. ▲ better, ▼ worse, = same as in 2017-18.");
  });
});

describe("a cell of the picture at a glance", () => {
  it("reads 'Not graded' where every visit had no judgement, as the grading tables do, never 'No judgement' as a headline", () => {
    const glance = glanceOf([...sampleRows(), later("A10", "01/08/2018", "Assessment", "Assessment team 1", ["G", "G", "RI", "No judgement", "G"])]);
    const joint = glance.columns.indexOf("Joint working");
    expect(glance.rows[0].cells[joint]).toEqual({ headline: null, visits: 1 });
    expect(glanceText(glance.rows[0].cells[joint])).toBe("Not graded (1)");
    expect(glanceText(glance.rows[0].cells[0])).toBe("G (1) ▲");
  });
});
