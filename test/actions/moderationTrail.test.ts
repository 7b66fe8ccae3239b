/** Issue 15: the moderation trail through the actions, on the Office.js adapter over the emulation. */
import { checkSheet, loadVisitAt, recordVisit, saveVisitEdit, setUpWorkbook } from "../../src/actions/workbookActions";
import { DRIFT_MESSAGE, findDrift, logDrift } from "../../src/actions/moderationActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { defaultConfig, emptyVisitForm, gradedColumns, VisitForm } from "../../src/domain";
import { DIAGNOSTICS_TABLE } from "../../src/workbook/port";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";

const config = defaultConfig();
const when = "01/12/2026 09:30";
let emulation: ExcelEmulation;
let wb: EmulatedWorkbook;
let port: OfficeWorkbook;

beforeEach(async () => {
  wb = new EmulatedWorkbook();
  emulation = installExcelEmulation(wb);
  port = new OfficeWorkbook();
  await setUpWorkbook(port);
});
afterEach(() => emulation.uninstall());

function form(status: string, grade = "RI"): VisitForm {
  const f = { ...emptyVisitForm(config), visitId: "TD-0001", service: "Safeguarding", team: "Safeguarding Team 1", visitDate: "2017-08-07", status };
  for (const d of gradedColumns(config)) f.grades[d.key] = grade;
  return f;
}

const log = () => wb.tableValues("ChangeLog").body.filter((r) => r.some((c) => c !== ""));

it("records a Final visit's graded values in the Change log as it is recorded, in the same plan", async () => {
  const plans: string[] = [];
  const apply = port.apply.bind(port);
  port.apply = (plan) => (plans.push(plan.action), apply(plan));
  expect(await recordVisit(port, form("Final"), { who: "", when })).toMatchObject({ ok: true, row: 2 });
  expect(plans).toEqual(["Record a visit"]);
  expect(log()).toEqual(gradedColumns(config).map((d) => [when, "", "TD-0001", d.shortLabel, "", "RI", "Made final"]));
});

it("logs nothing for a Draft, and a Draft's edits need no reason", async () => {
  await recordVisit(port, form("Draft"));
  const loaded = (await loadVisitAt(port, 2))!;
  const edited = { ...loaded.form, grades: { ...loaded.form.grades, overall: "G" } };
  expect(await saveVisitEdit(port, 2, loaded.form, edited)).toMatchObject({ ok: true });
  expect(log()).toEqual([]);
});

describe("a Final visit", () => {
  beforeEach(async () => {
    await recordVisit(port, form("Final"), { who: "A. Manager", when });
  });

  it("refuses a grade change without a reason, or without a name, and writes nothing", async () => {
    const loaded = (await loadVisitAt(port, 2))!;
    const edited = { ...loaded.form, grades: { ...loaded.form.grades, practice: "I" } };
    const before = JSON.stringify([wb.tableValues(DIAGNOSTICS_TABLE), log()]);
    expect(await saveVisitEdit(port, 2, loaded.form, edited, { who: "A. Moderator", reason: " " })).toEqual({
      ok: false,
      errors: [{ field: "reason", message: "This visit is Final: give a reason for changing Practice and direct work." }],
    });
    expect(await saveVisitEdit(port, 2, loaded.form, edited, { who: "", reason: "Agreed at panel" })).toEqual({
      ok: false,
      errors: [{ field: "who", message: "Give your name: the Change log records who made each change." }],
    });
    expect(await saveVisitEdit(port, 2, loaded.form, edited)).toMatchObject({ ok: false });
    expect(JSON.stringify([wb.tableValues(DIAGNOSTICS_TABLE), log()])).toBe(before);
  });

  it("with a reason: the cell changes and one Change log row per changed field is appended, in one plan", async () => {
    const loaded = (await loadVisitAt(port, 2))!;
    const edited = { ...loaded.form, team: "Safeguarding Team 2", grades: { ...loaded.form.grades, practice: "I" } };
    const plans: string[] = [];
    const apply = port.apply.bind(port);
    port.apply = (plan) => (plans.push(plan.action), apply(plan));
    expect(await saveVisitEdit(port, 2, loaded.form, edited, { who: "A. Moderator", reason: "Agreed at panel", when: "02/12/2026 10:00" })).toMatchObject({ ok: true });
    expect(plans).toEqual(["Edit a visit"]);
    expect((await loadVisitAt(port, 2))!.form.grades.practice).toBe("I");
    expect(log().slice(5)).toEqual([
      ["02/12/2026 10:00", "A. Moderator", "TD-0001", "Team", "Safeguarding Team 1", "Safeguarding Team 2", "Agreed at panel"],
      ["02/12/2026 10:00", "A. Moderator", "TD-0001", "Practice and direct work", "RI", "I", "Agreed at panel"],
    ]);
    // The edit agrees with the log: nothing to report.
    expect(await findDrift(port)).toEqual([]);
  });

  it("going back to Draft is a logged change of Status", async () => {
    const loaded = (await loadVisitAt(port, 2))!;
    expect(await saveVisitEdit(port, 2, loaded.form, { ...loaded.form, status: "Draft" }, { who: "A. Moderator", reason: "Reopened", when })).toMatchObject({ ok: true });
    expect(log().slice(5)).toEqual([[when, "A. Moderator", "TD-0001", "Status", "Final", "Draft", "Reopened"]]);
  });

  it("a grade typed into the sheet is caught by Check sheet, naming the cell, and can be logged with a reason", async () => {
    const overall = wb.tableValues(DIAGNOSTICS_TABLE).headers.indexOf("Overall conclusion");
    const cell = `${String.fromCharCode(65 + overall)}2`;
    wb.setValues("Diagnostics", cell, [["G"]]);
    const check = await checkSheet(port);
    const drift = check.problems.filter((p) => p.message.includes(DRIFT_MESSAGE));
    expect(drift.map((p) => [p.cell, p.severity, p.message])).toEqual([
      [cell, "warning", `Visit TD-0001 was ${DRIFT_MESSAGE}: Overall conclusion (${cell}: "G", logged "RI").`],
    ]);
    expect(await logDrift(port, "TD-0001", { who: "A. Moderator", reason: "" })).toMatchObject({ ok: false });
    expect(await logDrift(port, "TD-0001", { who: "A. Moderator", reason: "Panel agreed G", when })).toEqual({ ok: true, logged: 1 });
    expect(log().slice(5)).toEqual([[when, "A. Moderator", "TD-0001", "Overall conclusion", "RI", "G", "Panel agreed G"]]);
    expect((await checkSheet(port)).problems.filter((p) => p.message.includes(DRIFT_MESSAGE))).toEqual([]);
  });
});

it("a workbook set up before the Change log gets the table made in the same plan as the first logged change", async () => {
  await recordVisit(port, form("Draft"));
  wb.deleteSheet("Change log");
  expect(wb.table("ChangeLog")).toBeUndefined();
  const loaded = (await loadVisitAt(port, 2))!;
  expect(await saveVisitEdit(port, 2, loaded.form, { ...loaded.form, status: "Final" }, { who: "A", when })).toMatchObject({ ok: true });
  expect(log()).toHaveLength(gradedColumns(config).length);
});

it("recording a Final visit in a workbook without a Change log adds no sheet (Set up makes it)", async () => {
  wb.deleteSheet("Change log");
  expect(await recordVisit(port, form("Final"), { who: "", when })).toMatchObject({ ok: true, row: 2 });
  expect(wb.table("ChangeLog")).toBeUndefined();
  expect(wb.sheetNames()).not.toContain("Change log");
});
