/** e2e flow: grades pasted in other spellings are warned of by Check sheet, and Tidy grades rewrites only those cells. */
import { Bench, assert, assertEqual, changedCells } from "./harness";

export async function tidyGradesFlow(b: Bench, notes: string[], seeded: (b: Bench) => Promise<void>): Promise<void> {
  await seeded(b);
  // Pasted past the dropdowns: I2 (Allocation), L3 (Joint working), M4 (Overall).
  const pasted: [string, string, string][] = [
    ["I2", "Requires improvement", "RI"],
    ["L3", "good", "G"],
    ["M4", "RI/I", "RI / I"],
  ];
  for (const [cell, text] of pasted) {
    const typed = await b.call("type", "Diagnostics", cell, text, false);
    assert(typed.ok, `pasting ${text} into ${cell} was refused`);
  }
  await b.tab("Check sheet");
  await b.press("Check sheet");
  notes.push(await b.message(/problem/));
  const labels = await b.pane
    .getByRole("list", { name: "Problems" })
    .getByRole("button")
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  for (const [cell, text, to] of pasted) {
    assert(labels.some((l) => l.startsWith(`${cell},`) && l.includes(`"${text}" counts as ${to}`)), `no spelling warning for ${cell}: ${labels.join(" | ")}`);
  }
  await b.shot("spelling-warnings");
  const before = await b.book();
  await b.press("Tidy grades");
  notes.push(await b.message(/grade cells will change/));
  await b.shot("tidy-confirm");
  await b.press("Change 3 cells");
  notes.push(await b.message(/grade cells tidied/));
  await b.shot("tidied");
  const after = await b.book();
  assertEqual(changedCells(before, after), ["Diagnostics!I2", "Diagnostics!L3", "Diagnostics!M4"], "the cells Tidy grades changed");
  for (const [cell, , to] of pasted) assertEqual(await b.call("values", "Diagnostics", `${cell}:${cell}`), [[to]], `${cell} after Tidy grades`);
}
