/**
 * Issue 10, items 1 and 4 over what the add-in writes: no list rule whose source holds blank cells has
 * "Ignore blank" (allowBlank) on, and every error alert is within Excel's dialog limits (title 32, message 225)
 * on every preset scale and on a council scale with long labels.
 */
import { dependentTeamSource } from "../../src/workbook/teamLists";
import { promises as fs } from "fs";
import * as path from "path";
import { decodeXml, entryData, zipEntries } from "../../src/adapters/files/xlsxReader";
import { DiagnosticsConfig, GradeScale, SCALE_PRESETS, defaultConfig, visitRecord } from "../../src/domain";
import { ALERT_MESSAGE_LIMIT, ALERT_TITLE_LIMIT, tableFormats } from "../../src/workbook/tablePlan";
import { cli, tempDir } from "../cli/fixtures";

const LONG_SCALE: GradeScale = {
  id: "council",
  name: "Council practice standard",
  levels: ["Consistently excellent practice", "Good practice with strengths", "Practice meets the standard", "Practice needs to improve", "Practice is unsafe and inadequate"].map(
    (label) => ({ code: label, label, colour: "FFFFFF", aliases: [] }),
  ),
  splits: true,
  noJudgement: SCALE_PRESETS[0].noJudgement,
};

function alertsOf(config: DiagnosticsConfig) {
  const kind = visitRecord(config);
  const placement = { sheet: "Diagnostics", headerRow: 1, firstColumn: 0, headers: kind.columns.map((c) => c.header), recognised: false };
  return tableFormats(kind, placement).flatMap((c) => (c.kind === "listValidation" ? [c] : []));
}

describe("error alerts within Excel's limits", () => {
  for (const scale of [...SCALE_PRESETS, { ...SCALE_PRESETS[1], splits: true }, LONG_SCALE]) {
    it(`${scale.name}${scale.splits ? " with split grades" : ""}`, () => {
      const alerts = alertsOf(defaultConfig({ scale }));
      expect(alerts.length).toBeGreaterThanOrEqual(8);
      for (const a of alerts) {
        expect([a.range, a.errorTitle.length <= ALERT_TITLE_LIMIT, a.errorMessage.length <= ALERT_MESSAGE_LIMIT]).toEqual([a.range, true, true]);
        expect(a.errorMessage).toMatch(/\.$/); // a whole sentence, not cut mid-word
      }
    });
  }

  it("keeps the grade list in the message when it fits, and points at the Lists sheet when it does not", () => {
    const grade = (scale: GradeScale) => alertsOf(defaultConfig({ scale })).find((a) => a.source === "=TD_Grades")!;
    expect(grade(SCALE_PRESETS[0]).errorMessage).toBe("Choose a grade from the list: O, O / G, G, G / RI, RI, RI / I, I, No judgement.");
    expect(grade({ ...SCALE_PRESETS[1], splits: true }).errorMessage).toBe("Choose a grade from the list (see the Lists sheet).");
  });
});

describe("the template workbook's list rules", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  // Read from the file's XML: ExcelJS expands a rule over B2:B1048576 into a million cells.
  it("has no list rule with Ignore blank on whose source holds a blank cell, and alerts within the limits", async () => {
    const file = path.join(dir, "x.xlsx");
    expect((await cli("template", "-o", file)).code).toBe(0);
    const buffer = await fs.readFile(file);
    const entries = zipEntries(buffer);
    const xml = (name: string) => decodeXml(entryData(buffer, entries.get(name)!).toString("utf8"));
    const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    const workbook = xml("xl/workbook.xml");
    const sheetFiles = new Map([...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m, i) => [attr(m[0], "name")!, `xl/worksheets/sheet${i + 1}.xml`]));
    const names = new Map([...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => [attr(m[1], "name")!, m[2]]));
    const rules = [...xml(sheetFiles.get("Diagnostics")!).matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)]
      .filter((m) => attr(m[1], "type") === "list")
      .map((m) => ({ sqref: attr(m[1], "sqref"), allowBlank: attr(m[1], "allowBlank"), title: attr(m[1], "errorTitle") ?? "", error: attr(m[1], "error") ?? "", source: /<formula1>([^<]*)</.exec(m[2])![1] }));
    expect(rules.length).toBe(9); // with Visit type's (issue 11 §4)
    for (const rule of rules) {
      // The Team column's dependent list is a formula exactly as tall as the service's teams (test/workbook/teamLists.test.ts).
      if (rule.source === dependentTeamSource("D", 2).slice(1)) continue;
      const ref = names.get(rule.source)!;
      const [sheetName, cells] = ref.replace(/\$/g, "").split("!");
      const [from, to = from] = cells.split(":");
      const column = from.replace(/\d+/g, "");
      const filled = new Set(
        [...xml(sheetFiles.get(sheetName.replace(/^'|'$/g, ""))!).matchAll(/<c r="([A-Z]+)(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)]
          .filter((m) => m[1] === column && /<(v|t)>[^<]+</.test(m[3] ?? ""))
          .map((m) => Number(m[2])),
      );
      let blanks = 0;
      for (let r = Number(from.replace(/\D+/g, "")); r <= Number(to.replace(/\D+/g, "")); r++) if (!filled.has(r)) blanks++;
      const ignoreBlank = rule.allowBlank === "1" || rule.allowBlank === "true";
      expect([rule.sqref, rule.source, blanks > 0 && ignoreBlank]).toEqual([rule.sqref, rule.source, false]);
      expect([rule.sqref, rule.title.length <= ALERT_TITLE_LIMIT, rule.error.length <= ALERT_MESSAGE_LIMIT]).toEqual([rule.sqref, true, true]);
    }
    expect(rules.some((r) => r.source === dependentTeamSource("D", 2).slice(1))).toBe(true);
  }, 120_000);
});
