/**
 * e2e flow 135 (issue 13): at 320 and 350 px the tabs sit on one row (the rest in the More menu), arrows move between
 * them and axe finds nothing serious; Find by service, team, British date and ID; the Summary tab says the summary is
 * out of date after the tie rule changes, with the refresh one click away; and the Summary sheet's own line (a formula,
 * calculated here by the tests' evaluator over the emulated table, since the emulation does not calculate) shows
 * "Out of date" once a grade is typed into the table, and goes blank again after a refresh.
 */
import { columnIndex, parseCellAddress } from "../../src/domain/cells";
import { OUT_OF_DATE_TEXT, STALE_CELLS } from "../../src/workbook/summaryStaleness";
import type { BookData } from "../workbench/bookData";
import { evaluate } from "../workbook/formulaEval";
import { Bench, assert, assertEqual } from "./harness";
import { paneWidth } from "./paneFlows";

type Scan = (b: Bench) => Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]>;

/** The tops of the visible tabs and of the More button beside them: one value when they sit on one row. */
async function tabTops(b: Bench): Promise<{ tops: number[]; visible: string[]; more: boolean }> {
  return b.frame.evaluate(() => {
    const tabs = [...document.querySelectorAll<HTMLElement>('[role="tablist"] [role="tab"]')].filter((e) => e.offsetParent !== null);
    const more = document.querySelector<HTMLElement>("[data-td-more]");
    // The More button is shorter than a tab and centred on the row: it is on the row when its middle is within the tabs' height.
    const first = tabs[0]?.getBoundingClientRect();
    const m = more?.getBoundingClientRect();
    const moreOnRow = !m || !first || (m.top + m.height / 2 > first.top && m.top + m.height / 2 < first.bottom);
    return {
      tops: [...new Set(tabs.map((e) => Math.round(e.getBoundingClientRect().top)))].concat(moreOnRow ? [] : [Math.round(m!.top)]),
      visible: tabs.map((t) => t.querySelector(".fui-Tab__content")?.textContent ?? ""),
      more: more !== null,
    };
  });
}

/**
 * For each item of the form's error list: how many lines it takes, and on which of them its bullet sits. A list
 * item's marker sits on the baseline of the item's first line box, so a probe put at the start of the item shows
 * where: beside the item's first line when the link is aligned to the top, beside its last line when the link's
 * baseline (an inline-block's is its last line) decides.
 */
async function bulletLines(b: Bench): Promise<{ text: string; lines: number; line: number }[]> {
  return b.frame.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="alert"] li')].map((li) => {
      const link = li.querySelector<HTMLElement>("button, a")!;
      const box = link.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(link).lineHeight) || 20;
      const probe = document.createElement("span");
      probe.textContent = "\u200b";
      li.insertBefore(probe, li.firstChild);
      const p = probe.getBoundingClientRect();
      probe.remove();
      return {
        text: link.textContent ?? "",
        lines: Math.round(box.height / lineHeight),
        line: Math.floor((p.top + p.height / 2 - box.top) / lineHeight) + 1,
      };
    }),
  );
}

/** What the Summary sheet's out-of-date cell would show in Excel, over the workbook as it is now. */
function summarySheetSays(book: BookData): string {
  const summary = book.sheets.find((s) => s.name === "Summary");
  const cell = summary?.cells.find((c) => c.at === STALE_CELLS.message);
  assert(cell?.formula?.startsWith("=IFERROR("), `Summary!${STALE_CELLS.message} holds the out-of-date formula (${JSON.stringify(cell)})`);
  const table = book.tables.find((t) => t.name === "Diagnostics")!;
  const sheet = book.sheets.find((s) => s.name === table.sheet)!;
  const [from, to] = table.range.split(":").map((a) => parseCellAddress(a)!);
  const at = new Map(sheet.cells.map((c) => [c.at, c.value]));
  const letter = (i: number) => String.fromCharCode(65 + i);
  const headers = Array.from({ length: to.column - from.column + 1 }, (_, i) => String(at.get(`${letter(from.column + i)}${from.row}`) ?? ""));
  return String(
    evaluate(cell!.formula!, {
      column: (name, header) => {
        assertEqual(name, "Diagnostics", "the table the formula names");
        const col = headers.indexOf(header);
        assert(col >= 0, `the formula names a column the table lacks: ${header}`);
        return Array.from({ length: to.row - from.row }, (_, r) => at.get(`${letter(from.column + col)}${from.row + 1 + r}`) ?? "");
      },
      cell: (address) => summary!.cells.find((c) => c.at === address)?.value ?? "",
    }),
  );
}

export async function findFlow(b: Bench, notes: string[], seeded: (b: Bench) => Promise<void>, axeScan: Scan): Promise<void> {
  await seeded(b);

  // One row of tabs, at both widths; every tab still reachable; arrows between tabs; axe.
  for (const width of [320, 350]) {
    await paneWidth(b, width);
    await b.tab("Record visit");
    const row = await tabTops(b);
    await b.shot(`tabs-${width}px`);
    assertEqual(row.tops.length, 1, `rows of tabs at ${width} px (tabs ${row.visible.join(", ")}; More ${row.more})`);
    const sideways = await b.frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(sideways <= 0, `the pane scrolls sideways by ${sideways} px at ${width} px`);
    notes.push(`${width} px: one row of tabs: ${row.visible.join(", ")}${row.more ? " + More" : ""}`);
    // Arrow keys move between the tabs on the row.
    await b.pane.getByRole("tab", { name: "Record visit" }).focus();
    await b.page.keyboard.press("ArrowRight");
    // (A tab's text is there twice, the second copy hidden: it keeps the room its bold form needs.)
    const next = (await b.focused()).name;
    assert(next.startsWith(row.visible[1]), `ArrowRight from Record visit at ${width} px: ${next}, not ${row.visible[1]}`);
    await b.page.keyboard.press("ArrowLeft");
    assert((await b.focused()).name.startsWith("Record visit"), `ArrowLeft back to Record visit at ${width} px`);
    // A tab from the More menu opens its panel and joins the row.
    const last = "Actions";
    await b.tab(last);
    await b.pane.locator("#td-panel-actions:not([hidden])").waitFor();
    const after = await tabTops(b);
    assert(after.visible.includes(last) && after.tops.length === 1, `${last} on the one row once chosen (${after.visible.join(", ")})`);
    if (row.more) {
      // Chosen from More: focus on the tab now shown (walkthrough finding 5), not left on More.
      await b.frame.waitForFunction(() => document.activeElement?.getAttribute("data-td-tab") === "actions", undefined, { timeout: 3000 }).catch(() => undefined);
      const focused = await b.focused();
      assert(focused.name.startsWith(last), `focus after choosing ${last} from More at ${width} px: ${focused.tag} "${focused.name}"`);
      notes.push(`${width} px: ${last} chosen from More has the focus`);
      await b.pane.getByRole("button", { name: /^More tabs/ }).click();
      await b.pane.getByRole("menu").waitFor();
      await b.page.waitForTimeout(400); // the menu's opening animation
      await b.shot(`more-menu-${width}px`);
      await b.page.keyboard.press("Escape");
    }
    const violations = await axeScan(b);
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assertEqual(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.join(", ")}`), [], `serious axe violations at ${width} px`);
    notes.push(`${width} px axe: ${violations.length === 0 ? "no violations" : violations.map((v) => `${v.id}/${v.impact}`).join(", ")}`);
    await b.tab("Record visit");
  }

  // Find: by service, by team, by British date and by ID.
  await paneWidth(b, 320);
  const box = b.pane.getByRole("searchbox", { name: "ID, team, service or date" });
  for (const [search, id] of [
    ["Assessment", "TD-0004"],
    // Every word must match somewhere in the visit, a digit inside a date too: Team 3, as no other visit has a 3.
    ["Safeguarding Team 3", "TD-0003"],
    ["14/09/2017", "TD-0002"],
    ["TD-0001", "TD-0001"],
  ]) {
    await box.fill(search);
    await b.press("Find");
    const found = await b.pane.getByRole("list", { name: "Matching visits" }).getByRole("button").allInnerTexts();
    assert(found.length >= 1 && found.every((f) => f.startsWith(id)), `Find "${search}" gives ${JSON.stringify(found)}`);
    notes.push(`Find "${search}": ${found.join(" | ")}`);
  }
  await b.shot("find-by-id-320px");
  // An exact Visit ID opens that visit straight away (walkthrough item 12); Cancel goes back to a new visit.
  await b.pane.getByRole("heading", { name: "Edit visit TD-0001 (row 2)" }).waitFor();
  await b.pane.getByRole("form", { name: /Edit visit/ }).getByRole("button", { name: "Cancel" }).click();
  await b.pane.getByRole("heading", { name: "Record a visit" }).waitFor();

  // The form's error list at 320 px: each bullet on the first line of its item, not the last.
  await b.pane.getByRole("textbox", { name: /^Visit date/ }).fill("31/02/2018");
  await b.press("Save visit");
  await b.message(/Fix \d+ problems? before saving/);
  const bullets = await bulletLines(b);
  assert(bullets.some((l) => l.lines > 1), `no item of the error list wraps at 320 px: ${JSON.stringify(bullets)}`);
  const low = bullets.filter((l) => l.line !== 1);
  assertEqual(low, [], "items whose bullet is not on their first line");
  notes.push(`error list at 320 px: ${bullets.filter((l) => l.lines > 1).length} of ${bullets.length} items wrap; every bullet on its item's first line`);
  await b.shot("error-list-320px");
  await b.pane.getByRole("button", { name: "Clear form" }).click();

  // The summary, then the tie rule changed: the Summary tab says so, with Refresh beside it.
  await b.tab("Summary");
  await b.press("Refresh summary");
  await b.message(/Summary written/);
  const stale = b.pane.getByText("The Summary sheet is out of date", { exact: false });
  assertEqual(await stale.count(), 0, "no out-of-date note just after a refresh");
  assertEqual(summarySheetSays(await b.book()), "", "the Summary sheet's own line just after a refresh");

  await b.tab("Set up");
  await b.pane.getByRole("radio", { name: /^Split/ }).check();
  await b.press("Save settings");
  // Beside the button (walkthrough finding 2), not in the banner far above it.
  const saved = b.pane.getByRole("form", { name: "Change settings" }).locator("[role=status]").filter({ hasText: "Settings saved to the Lists sheet" });
  await saved.waitFor();
  assertEqual(await b.pane.getByRole("button", { name: "Dismiss message" }).count(), 0, "no banner for Save settings");
  await saved.scrollIntoViewIfNeeded();
  await b.shot("settings-saved-320px");
  await b.tab("Summary");
  await stale.first().waitFor();
  const refresh = b.pane.getByRole("button", { name: "Refresh the out-of-date summary" });
  assert(await refresh.isVisible(), "Refresh is beside the out-of-date note");
  for (const width of [320, 350]) {
    await paneWidth(b, width);
    await b.shot(`summary-out-of-date-${width}px`);
  }
  notes.push(`after the tie rule changed: ${(await stale.first().innerText()).trim()}`);
  await refresh.click();
  await b.idle();
  await b.message(/Summary written/);
  await stale.first().waitFor({ state: "detached" });
  notes.push("one click on Refresh: the note is gone");

  // The Summary sheet on its own (Excel without the add-in): a grade typed into the table turns its line on.
  const book = await b.book();
  const overall = book.sheets.find((s) => s.name === "Diagnostics")!.cells.find((c) => c.value === "Overall conclusion")!;
  const overallCell = `${overall.at.replace(/\d+$/, "")}3`;
  assert(columnIndex(overall.at.replace(/\d+$/, "")) > 0, "the Overall conclusion column found");
  const typed = await b.call("type", "Diagnostics", overallCell, "I", false);
  assert(typed.ok, `typing I into ${overallCell} was refused`);
  assertEqual(summarySheetSays(await b.book()), OUT_OF_DATE_TEXT, `the Summary sheet's line after ${overallCell} changed`);
  // The pane hears nothing of typing in the sheet: it checks again when the Summary tab comes back into view.
  await b.tab("Record visit");
  await b.tab("Summary");
  await stale.first().waitFor();
  notes.push(`the Summary tab, opened again after ${overallCell} was typed: out of date`);
  await b.press("Refresh summary");
  await b.message(/Summary written/);
  assertEqual(summarySheetSays(await b.book()), "", "the Summary sheet's line after Refresh summary");
  notes.push(`Summary!${STALE_CELLS.message}: "" after refresh, "Out of date: …" after ${overallCell} was typed, "" after the next refresh`);
  await b.shot("summary-sheet-320px");
}
