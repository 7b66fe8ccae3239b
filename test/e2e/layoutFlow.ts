/**
 * Flow 171 (walkthrough items 3, 11, 12): the example workbook opened in the workbench, at 320 and 350 px. Set up:
 * the pane never scrolls sideways (the Teams table fits or scrolls in its own box). Summary: the glance matrix
 * scrolled sideways keeps its title in view and its fixed Service column covers the cells under it. Tidy grades lists
 * all 12 changes. Find by an exact Visit ID (td-2017-003) opens the visit; the findings boxes are several lines tall.
 * Screenshots of the pane alone: test-results/171-*.png.
 */
import path from "node:path";
import type { Bench } from "./harness";
import { RESULTS_DIR, assert, assertEqual } from "./harness";
import { paneWidth } from "./paneFlows";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "diagnostics-example.xlsx");

/** A screenshot of the pane alone (not the workbench's grid beside it). */
async function paneShot(b: Bench, name: string): Promise<void> {
  await b.page.locator(".pane-side").screenshot({ path: path.join(RESULTS_DIR, `171-${name}.png`) });
}

/** How far the pane's own page scrolls sideways (0 when it does not). */
async function sideways(b: Bench): Promise<number> {
  return b.frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

export async function layoutFlow(b: Bench, notes: string[]): Promise<void> {
  const loads = await b.call("paneLoads");
  await b.page.locator("#wb-open").setInputFiles(EXAMPLE);
  await b.page.waitForFunction((n) => (window as unknown as { workbench: { paneLoads(): number } }).workbench.paneLoads() > n, loads);
  await b.paneReady();

  // Set up: nothing sideways at either width, with the example's 25 teams and their counts.
  await b.tab("Set up");
  const teams = b.pane.getByRole("table", { name: /teams on the list$/ });
  await teams.waitFor();
  await b.page.waitForFunction(() => {
    const frame = document.querySelector<HTMLIFrameElement>("iframe[name=pane]");
    const cells = [...(frame?.contentDocument?.querySelectorAll("td.count") ?? [])];
    return cells.length > 0 && cells.every((c) => c.textContent !== "…");
  });
  for (const width of [320, 350]) {
    await paneWidth(b, width);
    const over = await sideways(b);
    const sizes = await teams.evaluate((t) => ({ table: Math.round(t.getBoundingClientRect().width), box: Math.round(t.parentElement!.getBoundingClientRect().width) }));
    const region = await b.pane.getByRole("region", { name: "Teams (scrolls sideways)" }).count();
    notes.push(`Set up at ${width} px: pane sideways by ${over} px; Teams table ${sizes.table} px in a ${sizes.box} px box${region ? ", scrolling in its own region" : ""}`);
    assert(over <= 0, `the Set up tab scrolls sideways by ${over} px at ${width} px`);
    await teams.evaluate((t) => t.scrollIntoView({ block: "start" }));
    await paneShot(b, `setup-teams-${width}px`);
  }

  // Summary: the matrix scrolled sideways; its title in view; the first column covers what scrolls under it.
  await b.tab("Summary");
  await b.press("Refresh summary");
  await b.message(/Summary written to the "Summary" and "Counts" sheets/);
  const box = b.pane.getByRole("region", { name: "At a glance (scrolls sideways)" });
  await box.waitFor();
  for (const width of [320, 350]) {
    await paneWidth(b, width);
    const seen = await box.evaluate((el) => {
      el.scrollIntoView({ block: "center" });
      el.scrollLeft = el.scrollWidth;
      const boxRect = el.getBoundingClientRect();
      const title = document.getElementById("td-glance-title")!.getBoundingClientRect();
      // At the sticky cell's very left edge, one pixel in: what is painted there must be the sticky cell itself.
      const see = [...el.querySelectorAll("tbody tr")].map((tr) => {
        const first = tr.firstElementChild!.getBoundingClientRect();
        const hits = [0.5, 1.5, 3].map((dx) => document.elementFromPoint(first.left + dx, first.top + first.height / 2));
        return hits.every((h) => h && tr.firstElementChild!.contains(h));
      });
      return { scrolled: Math.round(el.scrollLeft), titleLeft: Math.round(title.left), boxLeft: Math.round(boxRect.left), covered: see.filter(Boolean).length, rows: see.length };
    });
    notes.push(`glance at ${width} px scrolled ${seen.scrolled} px: title at x=${seen.titleLeft} (box at ${seen.boxLeft}); first column painted over its left edge in ${seen.covered} of ${seen.rows} rows`);
    assert(seen.scrolled > 0, `the glance matrix does not scroll at ${width} px`);
    assert(seen.titleLeft >= seen.boxLeft, `the glance title scrolled out of view at ${width} px`);
    assertEqual(seen.covered, seen.rows, `rows whose fixed Service cell covers the cells under it at ${width} px`);
    assert((await sideways(b)) <= 0, `the Summary tab scrolls sideways at ${width} px`);
    await paneShot(b, `glance-scrolled-${width}px`);
  }

  // Tidy grades on the example: every one of its 12 changes listed.
  await paneWidth(b, 320);
  await b.tab("Check sheet");
  await b.press("Tidy grades");
  const preview = await b.message(/grade cells will change:/);
  const listed = preview.replace(/^.*will change: /, "").split("; ");
  notes.push(`Tidy grades: "${preview}"`);
  assert(preview.startsWith("12 grade cells will change:"), `Tidy grades says: ${preview}`);
  assertEqual(listed.length, 12, "changes listed");
  assert(!preview.includes("…"), "the preview ends in an ellipsis");
  await paneShot(b, "tidy-preview-320px");
  await b.press("Cancel");

  // Find by exact Visit ID (lower case; the example's IDs are TD-2017-001 …): the visit opens in the form; the findings boxes are five lines tall.
  await b.tab("Record visit");
  await b.pane.getByRole("searchbox", { name: "ID, team, service or date" }).fill("td-2017-003");
  await b.press("Find");
  const heading = b.pane.getByRole("heading", { name: /^Edit visit TD-2017-003 \(row 4\)$/ });
  await heading.waitFor();
  assertEqual(await heading.evaluate((h) => h === document.activeElement), true, "focus on the edit heading after Find by ID");
  notes.push(`Find "td-2017-003": ${await heading.innerText()}; ${await b.message(/^Visit TD-2017-003 opened in the form above/)}`);
  await paneShot(b, "find-exact-id-320px");
  const strengths = b.pane.getByRole("textbox", { name: "Strengths" });
  const height = await strengths.evaluate((t) => {
    t.scrollIntoView({ block: "start" });
    return { box: Math.round(t.clientHeight), text: t.scrollHeight };
  });
  notes.push(`Strengths box ${height.box} px tall (its text ${height.text} px)`);
  assert(height.box >= 90, `the Strengths box is ${height.box} px tall`);
  await paneShot(b, "findings-boxes-320px");
}
