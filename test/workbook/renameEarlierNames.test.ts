/**
 * Issue 13 with issue 12: renaming a team records its old name in the Lists sheet's "Previously called" column for
 * that team, so trends across rounds still link its visits under either name (rounds.ts teamIdentity).
 */
import { defaultConfig, teamIdentity, teamLinksOf } from "../../src/domain";
import { LISTS_HEADERS, configFromLists, listsSheetValues } from "../../src/workbook/listsSheet";
import { renamePlan } from "../../src/workbook/listValuesPlan";
import { CellValue, WorkbookChange } from "../../src/workbook/plan";

const config = defaultConfig({
  services: ["Assessment", "Safeguarding"],
  areas: ["North"],
  teams: [
    { name: "Assessment 1", service: "Assessment", area: "North" },
    { name: "Safeguarding 1", service: "Safeguarding", area: "North", previouslyCalled: ["Child protection A"] },
    { name: "Safeguarding 2", service: "Safeguarding", area: "" },
  ],
});
const lists = listsSheetValues(config);
const none = { visits: { sheet: "Diagnostics", cells: [] }, actions: null };
const earlierColumn = String.fromCharCode(65 + lists[0].indexOf(LISTS_HEADERS.previouslyCalled));

/** The Lists sheet's values once the plan's writes to it are made (the plans write single cells or blocks from a top-left). */
function applied(values: CellValue[][], changes: WorkbookChange[]): CellValue[][] {
  const out = values.map((r) => [...r]);
  for (const c of changes) {
    if (c.kind !== "setValues" || c.sheet !== "Lists") continue;
    const m = /^([A-Z]+)(\d+)$/.exec(c.topLeft)!;
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    c.values.forEach((row, i) => row.forEach((v, j) => {
      const r = Number(m[2]) - 1 + i;
      while (out.length <= r) out.push([]);
      out[r][col + j] = v;
    }));
  }
  return out;
}

it("writes the old name into the team's Previously called cell, after any earlier names", () => {
  const first = renamePlan("Lists", lists, "team", "Assessment 1", "Front door 1", none, false);
  expect(first.ok && first.changes).toContainEqual({ kind: "setValues", sheet: "Lists", topLeft: `${earlierColumn}2`, values: [["Assessment 1"]] });
  const again = renamePlan("Lists", lists, "team", "Safeguarding 1", "Child protection 1", none, false);
  expect(again.ok && again.changes).toContainEqual({ kind: "setValues", sheet: "Lists", topLeft: `${earlierColumn}3`, values: [["Child protection A; Safeguarding 1"]] });
});

it("links the team's visits under the old and the new name once the Lists sheet is read again", () => {
  const plan = renamePlan("Lists", lists, "team", "Safeguarding 2", "Child protection 2", none, false);
  if (!plan.ok) throw new Error(plan.message);
  const read = configFromLists(applied(lists, plan.changes));
  expect(read.teams.find((t) => t.name === "Child protection 2")).toEqual({ name: "Child protection 2", service: "Safeguarding", area: "", previouslyCalled: ["Safeguarding 2"] });
  const identity = teamIdentity(teamLinksOf(read));
  expect(identity.keyOf("Safeguarding", "safeguarding 2")).toBe(identity.keyOf("Safeguarding", "Child protection 2"));
  expect(identity.currentName("Safeguarding", "Safeguarding 2")).toBe("Child protection 2");
});

it("records nothing for a change of case alone, and drops the new name from the earlier ones when a team takes an old name back", () => {
  const caseOnly = renamePlan("Lists", lists, "team", "Safeguarding 2", "SAFEGUARDING 2", none, false);
  expect(caseOnly.ok && caseOnly.changes.filter((c) => c.kind === "setValues" && c.topLeft.startsWith(earlierColumn))).toEqual([]);
  const back = renamePlan("Lists", lists, "team", "Safeguarding 1", "child protection a", none, false);
  expect(back.ok && back.changes).toContainEqual({ kind: "setValues", sheet: "Lists", topLeft: `${earlierColumn}3`, values: [["Safeguarding 1"]] });
});

it("adds the Previously called column after the last one when an older Lists sheet has none", () => {
  const at = lists[0].indexOf(LISTS_HEADERS.previouslyCalled);
  const older = lists.map((r) => r.filter((_, i) => i !== at));
  const next = String.fromCharCode(65 + older[0].length);
  const plan = renamePlan("Lists", older, "team", "Assessment 1", "Front door 1", none, false);
  expect(plan.ok && plan.changes).toEqual(
    expect.arrayContaining([
      { kind: "setValues", sheet: "Lists", topLeft: `${next}1`, values: [[LISTS_HEADERS.previouslyCalled]] },
      { kind: "setValues", sheet: "Lists", topLeft: `${next}2`, values: [["Assessment 1"]] },
    ]),
  );
  if (!plan.ok) return;
  expect(configFromLists(applied(older, plan.changes)).teams[0]).toMatchObject({ name: "Front door 1", previouslyCalled: ["Assessment 1"] });
});

it("renaming a service or an area records no earlier team name", () => {
  const plan = renamePlan("Lists", lists, "service", "Safeguarding", "Child protection", none, false);
  expect(plan.ok && plan.changes.filter((c) => c.kind === "setValues" && c.topLeft.startsWith(earlierColumn))).toEqual([]);
});
