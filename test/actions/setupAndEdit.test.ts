/** Setting up never takes over a user's sheet; an edit never lands on a row that now holds another visit. */
import { loadVisitAt, saveVisitEdit, setUpWorkbook, RowMovedError } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { VISIT_THEME_COLUMNS, columnDefinitions, defaultConfig, gradedColumns } from "../../src/domain";
import { configFromLists } from "../../src/workbook/listsSheet";
import { DIAGNOSTICS_TABLE } from "../../src/workbook/port";
import { EmulatedWorkbook } from "../emulation";
import { freshPortEachTest } from "../emulation/freshPort";

const config = defaultConfig();
const headers = columnDefinitions(config).map((d) => d.header);
let wb: EmulatedWorkbook;
let port: OfficeWorkbook;
freshPortEachTest((w, p) => {
  wb = w;
  port = p;
});

const visit = (values: Record<string, string | number>) =>
  headers.map((h) => values[h] ?? (gradedColumns(config).some((d) => d.shortLabel === h) ? "G" : null));

it("leaves a user's own sheet called 'diagnostics' (any case) alone and makes its table on a new sheet", async () => {
  wb.addSheet("diagnostics");
  wb.setValues("diagnostics", "A1", [["My own notes", "keep me"]]);
  await setUpWorkbook(port);
  expect(wb.sheet("diagnostics").values("A1:B1")).toEqual([["My own notes", "keep me"]]);
  expect(wb.sheetNames()).toContain("TD Diagnostics");
  // The published columns, then the two theme columns Set up adds at the end (issue 12).
  expect(wb.tableValues(DIAGNOSTICS_TABLE).headers).toEqual([...headers, ...VISIT_THEME_COLUMNS.map((c) => c.header)]);
});

it("lists the services and teams already used, so the new dropdowns accept the rows already there", async () => {
  wb.addSheet("Diagnostics");
  wb.setValues("Diagnostics", "A1", [
    headers,
    visit({ Service: "Contact and referral", Team: "Duty 1", "Visit date": 42954 }),
    visit({ Service: "Permanency", Team: "Perm 2", "Visit date": 42954 }),
  ]);
  await setUpWorkbook(port);
  const lists = configFromLists(wb.sheet("Lists").values("A1:L320") as never);
  expect(lists.services).toEqual(expect.arrayContaining(["Safeguarding", "Contact and referral", "Permanency"]));
  expect(lists.teams.map((t) => t.name)).toEqual(["Duty 1", "Perm 2"]);
});

it("refuses to save an edit when the row now holds another visit of the same team", async () => {
  await setUpWorkbook(port);
  const first = visit({ Service: "Safeguarding", Team: "North 1", Round: "1", "Visit date": 42954 });
  const later = visit({ Service: "Safeguarding", Team: "North 1", Round: "2", "Visit date": 43300 });
  await port.apply({ action: "seed", changes: [{ kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows: [first, later] }] });
  const loaded = (await loadVisitAt(port, 2))!;
  // A co-author sorts the table, newest first: row 2 now holds round 2's visit of the same team.
  wb.setValues("Diagnostics", "A2", [later, first]);
  const edited = { ...loaded.form, grades: { ...loaded.form.grades, joint: "I" } };
  await expect(saveVisitEdit(port, 2, loaded.form, edited)).rejects.toThrow(RowMovedError);
  expect(wb.sheet("Diagnostics").values("A2:R3")).toEqual([later, first].map((r) => r.map((v) => v ?? "")));
});

it("refuses to write the lists over a column a user keeps on the Lists sheet, and writes nothing", async () => {
  await setUpWorkbook(port);
  const lists = wb.sheet("Lists");
  const width = lists.values("A1:Z1")[0].filter((v) => v !== "").length;
  const userColumn = String.fromCharCode(65 + width - 1);
  wb.setValues("Lists", `${userColumn}1`, [["My notes"]]);
  const before = JSON.stringify(lists.values("A1:Z40"));
  await expect(setUpWorkbook(port)).rejects.toThrow(`The Lists sheet has "My notes" in ${userColumn}1`);
  expect(JSON.stringify(lists.values("A1:Z40"))).toBe(before);
});
