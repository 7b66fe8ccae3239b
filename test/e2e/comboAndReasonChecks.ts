/**
 * Steps of flow 150 from a new user's test of the pane: a new team's name typed key by key opens no empty suggestion
 * list over the "New team" hint, and a Final visit's edit with the reason and the name both empty flags both at once,
 * with one alert (the summary). Both at 320 px, the narrowest task pane.
 */
import type { Locator } from "playwright-core";
import type { Bench } from "./harness";
import { assert, assertEqual } from "./harness";
import { paneWidth } from "./paneFlows";

/** Whether the element whose whole text is `text` is the topmost thing painted at its left, middle and right. */
async function uncovered(b: Bench, text: string): Promise<boolean> {
  return b.frame.evaluate((wanted) => {
    const el = [...document.querySelectorAll<HTMLElement>("body *")].find((e) => e.children.length === 0 && e.textContent === wanted);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const y = r.top + r.height / 2;
    return [r.left + 2, r.left + r.width / 2, r.right - 2].every((x) => {
      const top = document.elementFromPoint(x, y);
      return top !== null && (top === el || el.contains(top));
    });
  }, text);
}

/** Types a new team's name key by key, as a person does (fill() sends no keys, so Fluent's list never opens). */
export async function typeNewTeam(b: Bench, team: Locator, name: string, notes: string[]): Promise<void> {
  await paneWidth(b, 320);
  await team.click();
  await team.pressSequentially(name);
  const text = `New team: "${name}" will be added to the Lists sheet when you save.`;
  await b.pane.getByText(text).waitFor();
  assertEqual(await b.pane.getByRole("listbox").count(), 0, "suggestion lists shown while a new team's name is typed");
  assertEqual(await team.getAttribute("aria-expanded"), "false", "the Team box's aria-expanded");
  assert(await uncovered(b, text), "the New team hint is painted over");
  notes.push(`typed "${name}" key by key at 320 px: no listbox, the New team hint uncovered; screenshot ${(await b.shot("new-team-typed-320px")).split("/").pop()}`);
}

/** After Save with the reason and the name both empty: both flagged, counted, one alert. */
export async function reasonAndNameFlagged(b: Bench, notes: string[]): Promise<void> {
  const summary = b.pane.getByRole("alert").filter({ hasText: "before saving" });
  await summary.waitFor();
  const said = (await summary.innerText()).replace(/\s+/g, " ");
  assert(said.includes("Fix 2 problems before saving") && said.includes("give a reason for changing") && said.includes("Give your name"), `the summary: ${said}`);
  assertEqual(await b.pane.getByRole("alert").count(), 1, "alerts in the pane after the refused save");
  for (const name of [/^Reason for the change/, /^Your name/]) {
    assertEqual(await b.pane.getByRole("textbox", { name }).getAttribute("aria-invalid"), "true", `aria-invalid of ${name}`);
  }
  await summary.scrollIntoViewIfNeeded();
  notes.push(`refused: "${said}"; 1 alert; screenshot ${(await b.shot("reason-and-name-summary-320px")).split("/").pop()}`);
}
