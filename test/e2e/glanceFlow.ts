/**
 * Flow 121 (issue 12): visits in two rounds, then Refresh summary: the Summary sheet opens with "Key findings" and
 * "At a glance", the expected headline in a coloured cell; the pane shows the matrix above the per-service tables;
 * Refresh trends writes the Trends sheet. Screenshots of the pane at 320 and 350 px.
 */
import type { Bench } from "./harness";
import { assert, assertEqual } from "./harness";
import { paneWidth } from "./paneFlows";

const DOMAINS = ["Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"];

/** Round 2, recorded through the form: both Safeguarding teams good throughout; Assessment's allocation and monitoring RI. */
const ROUND_TWO: { team: string; service: string; date: string; grades: string[] }[] = [
  { team: "Safeguarding Team 1", service: "Safeguarding", date: "11/03/2019", grades: ["G", "G", "G", "G", "G"] },
  { team: "Safeguarding Team 2", service: "Safeguarding", date: "12/03/2019", grades: ["G", "G", "G", "G", "G"] },
  { team: "Assessment Team 1", service: "Assessment", date: "13/03/2019", grades: ["RI", "G", "RI", "G", "G"] },
];

export async function glanceFlow(b: Bench, notes: string[], seeded: (b: Bench) => Promise<void>): Promise<void> {
  // Round 1: the four seed visits (Round "1", 2017).
  await seeded(b);
  await b.tab("Record visit");
  const f = (label: string) => b.pane.getByRole("form", { name: /Record a visit/ }).getByLabel(new RegExp(`^${label}\\s*\\*?$`));
  for (let i = 0; i < ROUND_TWO.length; i++) {
    const v = ROUND_TWO[i];
    await f("Visit date").fill(v.date);
    await f("Service").selectOption(v.service);
    await f("Team").fill(v.team);
    for (let g = 0; g < DOMAINS.length; g++) await f(DOMAINS[g]).selectOption(v.grades[g]);
    await f("Round").fill("2");
    await b.press("Save and record another");
    await b.message(`Visit TD-000${5 + i} saved on row ${6 + i}.`);
  }
  notes.push(`${ROUND_TWO.length} visits recorded in round 2 through the form`);

  await b.tab("Summary");
  await b.press("Refresh summary");
  notes.push(await b.message(/Summary written to the "Summary" and "Counts" sheets: 7 visits/));

  // The Summary sheet: the key findings at the top, then the matrix, then the per-service tables.
  const values = await b.call("values", "Summary", "A1:F80");
  assertEqual(values[0][0], "Key findings", "Summary!A1");
  assertEqual(
    values.slice(1, 2).map((r) => [r[0], r[1]]),
    [["In round 2, all 3 teams were graded as good.", "See At a glance: Overall conclusion column (round 2)"]],
    "the key findings and the tables they name",
  );
  // Safeguarding went from 0 of 3 to 2 of 2: 2 visits in round 2 is below LARGEST_CHANGE_MIN_VISITS, so no "largest change".
  assert(!values.some((r) => /largest change/.test(String(r[0]))), "no largest change resting on 2 visits");
  const glanceTitle = values.findIndex((r) => r[0] === "At a glance");
  const header = values.findIndex((r) => r[0] === "Service" && r[1] === "Allocation and workload");
  assert(glanceTitle > 2 && header === glanceTitle + 2, `"At a glance" on row ${glanceTitle + 1}, its header on row ${header + 1}`);
  assertEqual(values[header], ["Service", ...DOMAINS], "the matrix's header row");
  assertEqual(values[header + 1], ["Assessment", "RI (1) ▼", "G (1) =", "RI (1) =", "G (1) =", "G (1) ="], "Assessment in round 2, against round 1");
  assertEqual(values[header + 2], ["Safeguarding", "G (2) ▲", "G (2) ▲", "G (2) ▲", "G (2) =", "G (2) ▲"], "Safeguarding in round 2, against round 1");
  const overall = await b.call("cell", "Summary", `F${header + 3}`);
  assertEqual(overall.fill?.toUpperCase().replace("#", ""), "8CC63F", "Safeguarding's overall cell in good's colour");
  const down = await b.call("cell", "Summary", `B${header + 2}`);
  assertEqual(down.fill?.toUpperCase().replace("#", ""), "FFBF00", "Assessment's allocation cell in requires improvement's colour");
  const firstTable = values.findIndex((r) => r[0] === "Quality domain" && r[1] === "Grading");
  assert(firstTable > header + 2, `the per-service tables follow the matrix (row ${firstTable + 1})`);
  notes.push(`Summary!A1 "Key findings"; matrix header on row ${header + 1}; Safeguarding overall "${values[header + 2][5]}" on fill ${overall.fill}; tables from row ${firstTable}`);

  // The pane: the findings and the matrix above the per-service tables.
  const table = b.pane.getByRole("table", { name: "At a glance: round 2, change since round 1" });
  await table.waitFor();
  const row = table.getByRole("row").filter({ has: b.pane.getByRole("rowheader", { name: "Safeguarding" }) });
  assertEqual(
    await row.getByRole("cell").allTextContents(),
    ["G (2) ▲better", "G (2) ▲better", "G (2) ▲better", "G (2) =same", "G (2) ▲better"],
    "the pane's Safeguarding row (the arrow's word for screen readers)",
  );
  const findings = await b.pane.getByRole("list", { name: "Key findings" }).getByRole("listitem").allInnerTexts();
  // As on the sheet: one finding, naming its round (no "largest change" resting on 2 visits).
  assertEqual(findings, ["In round 2, all 3 teams were graded as good."], "key findings listed in the pane");
  const box = b.pane.getByRole("region", { name: "At a glance (scrolls sideways)" });
  for (const width of [320, 350]) {
    await paneWidth(b, width);
    await box.scrollIntoViewIfNeeded();
    const sideways = await box.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(sideways <= 0, `the pane scrolls sideways by ${sideways} px at ${width} px`);
    const inner = await box.evaluate((e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
    notes.push(`${width} px: nothing sideways; the matrix ${inner.scroll} px wide in a ${inner.client} px box`);
    if (inner.scroll > inner.client) await b.pane.getByText("The table is wider than the pane: scroll it sideways, or select it and use the arrow keys.").waitFor();
    await b.shot(`glance-${width}px`);
  }
  // By keyboard: the box takes focus and the arrow keys scroll it to the overall column.
  await box.focus();
  for (let i = 0; i < 6; i++) await b.page.keyboard.press("ArrowRight");
  const scrolled = await box.evaluate((e) => e.scrollLeft);
  assert(scrolled > 0, "the matrix's box scrolls with the arrow keys");
  notes.push(`arrow keys scrolled the matrix by ${scrolled} px`);
  await b.shot("glance-scrolled-350px");

  // Refresh trends: the Trends sheet, its message beside the button.
  await b.press("Refresh trends");
  notes.push(await b.message(/Trends written to the "Trends" sheet: 2 rounds, 4 teams compared\./));
  const names = await b.call("sheetNames");
  assert(names.includes("Trends"), `sheets: ${names.join(", ")}`);
  assertEqual((await b.call("values", "Trends", "A1:A1"))[0][0], "Trends across rounds", "Trends!A1");
  await b.shot("trends-refreshed-320px");
}
