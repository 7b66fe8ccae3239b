/**
 * Flows for the pane's layout and flow (issue 13): key presses to record five visits, the form at 320 and 350 px,
 * nothing sideways, messages next to their buttons. Run with the others: E2E_ONLY=31,32,33 npm run test:e2e.
 */
import { columnDefinitions, defaultConfig } from "../../src/domain";
import { Bench, assert, assertEqual } from "./harness";

type FlowFn = (b: Bench, notes: string[]) => Promise<void>;

const HEADERS = columnDefinitions(defaultConfig()).map((d) => d.header);
const COLUMN = Object.fromEntries(HEADERS.map((h, i) => [h, String.fromCharCode(65 + i)])) as Record<string, string>;
const GRADE_HEADERS = HEADERS.slice(8, 13);

/** Sets the task pane's width in the workbench (Excel's task pane is 320 px at its narrowest). */
export async function paneWidth(b: Bench, px: number): Promise<void> {
  await b.page.evaluate((w) => {
    const side = document.querySelector<HTMLElement>(".pane-side");
    if (side) side.style.width = `${w}px`;
  }, px);
  await b.page.waitForTimeout(150);
}

/** Five Safeguarding teams (and one Assessment team) on the Lists sheet, by typing rows and running Set up again. */
async function fiveTeams(b: Bench): Promise<void> {
  await b.setUp();
  const teams = ["Safeguarding Team 1", "Safeguarding Team 2", "Safeguarding Team 3", "Safeguarding Team 4", "Safeguarding Team 5"];
  for (let i = 0; i < teams.length; i++) {
    const row = i + 2;
    const cells: [string, string][] = [
      ["Visit ID", `OLD-${i + 1}`],
      ["Visit date", "07/08/2017"],
      ["Round", "1"],
      ["Service", "Safeguarding"],
      ["Team", teams[i]],
      ...GRADE_HEADERS.map((h) => [h, "RI"] as [string, string]),
      ["Status", "Final"],
    ];
    for (const [header, text] of cells) {
      const typed = await b.call("type", "Diagnostics", `${COLUMN[header]}${row}`, text, false);
      assert(typed.ok, `typing ${text} into ${COLUMN[header]}${row} was refused`);
    }
  }
  await b.setUp();
}

const NAMED_KEYS = new Set(["ArrowDown", "ArrowUp", "Enter", "Tab", "Escape"]);

/** What a visit needs typed, by the name of its box: the keys to press there and the value the box then holds. */
type Entry = { keys: string[]; value: string };

/**
 * Fills the form by keyboard the way a manager would: Tab from box to box in the form's own order, typing into each
 * box that does not already hold what it should, until the save button is reached, then Enter. Every key is counted
 * (a character typed is one press; Tab, Enter and arrows one each).
 */
async function recordCounting(b: Bench, entries: Record<string, Entry>, saveButton: string, shortcut: string | null): Promise<number> {
  const kb = b.page.keyboard;
  let presses = 0;
  const done = new Set<string>();
  /** Every box holds what it should (as the manager can see): the ones typed into, and the ones kept from before. */
  const complete = async () => {
    for (const [name, entry] of Object.entries(entries)) {
      if (done.has(name)) continue;
      const box = b.pane.getByRole("form", { name: /Record a visit/ }).getByLabel(new RegExp(`^${name}\\s*\\*?$`));
      if ((await box.count()) !== 1 || (await box.inputValue()) !== entry.value) return false;
    }
    return true;
  };
  for (let step = 0; step < 80; step++) {
    const f = await b.focused();
    if (shortcut && (await complete())) {
      // The form's keyboard shortcut (shown beside its button): Control and Enter, two keys.
      await kb.press(shortcut);
      presses += shortcut.split("+").length;
      await b.idle();
      return presses;
    }
    if (f.name === saveButton) {
      await kb.press("Enter");
      presses++;
      await b.idle();
      return presses;
    }
    const entry = entries[f.name];
    if (entry && !done.has(f.name)) {
      done.add(f.name);
      if (f.value !== entry.value) {
        for (const key of entry.keys) {
          if (!NAMED_KEYS.has(key)) {
            await kb.type(key);
            presses += key.length;
          } else {
            await kb.press(key);
            presses++;
          }
        }
        const now = await b.focused();
        assertEqual(now.value, entry.value, `${f.name} after typing ${entry.keys.join(" ")}`);
      }
    }
    await kb.press("Tab");
    presses++;
  }
  throw new Error(`Tab never reached ${saveButton}`);
}

/**
 * Recording five visits of one service in a row, by keyboard only, counting the key presses. Measured on the code
 * before issue 13 (commit 235b6e0, "Save visit" clearing every box, the Team and Area arrows taking a Tab stop, the
 * optional boxes between Round and the grades): OLD_KEY_PRESSES below. The new flow must take at most half.
 */
// Measured 09:11 on 235b6e0 in Chromium 156: 79 + 79 + 79 + 79 + 79 = 395.
const OLD_KEY_PRESSES = 395;

const keyPresses: FlowFn = async (b, notes) => {
  await fiveTeams(b);
  await b.tab("Record visit");
  await b.pane.getByRole("heading", { name: "Record a visit" }).focus();
  const again = b.pane.getByRole("button", { name: "Save and record another" });
  const saveButton = (await again.count()) > 0 ? "Save and record another" : "Save visit";
  const shortcut = saveButton === "Save visit" ? null : await again.getAttribute("aria-keyshortcuts");
  const counts: number[] = [];
  for (let i = 1; i <= 5; i++) {
    const grades = ["RI", "G", "RI", "G", "RI"];
    const entries: Record<string, Entry> = {
      Service: { keys: ["Safeguarding"], value: "Safeguarding" },
      // The team from the list: a few letters that narrow it to one, Down to it, Enter to choose it.
      Team: { keys: [`Team ${i}`, "ArrowDown", "Enter"], value: `Safeguarding Team ${i}` },
      "Visit date": { keys: ["12/03/2024"], value: "12/03/2024" },
      Round: { keys: ["2"], value: "2" },
      "Diagnostic team": { keys: ["A Patel and B Jones"], value: "A Patel and B Jones" },
      ...Object.fromEntries(GRADE_HEADERS.map((h, g) => [h, { keys: [grades[g]], value: grades[g] }])),
    };
    // The grade boxes are labelled by their short names.
    for (const [full, short] of [
      ["Effectiveness of case allocation and workload management arrangements", "Allocation and workload"],
      ["Quality of practice and direct work with children and families including recording", "Practice and direct work"],
      ["Quality of performance monitoring and supervisory arrangements", "Monitoring and supervision"],
      ["Effectiveness of joint working between social care and other agencies", "Joint working"],
      ["Overall conclusion", "Overall conclusion"],
    ]) {
      if (entries[full]) {
        entries[short] = entries[full];
        if (short !== full) delete entries[full];
      }
    }
    counts.push(await recordCounting(b, entries, saveButton, shortcut));
    await b.message(`Visit TD-000${i} saved on row ${i + 6}.`);
  }
  const total = counts.reduce((a, n) => a + n, 0);
  notes.push(`${shortcut ?? saveButton}: ${counts.join(" + ")} = ${total} key presses for five visits (old code: ${OLD_KEY_PRESSES || "being measured"})`);
  const rows = await b.call("values", "Diagnostics", "A7:Q11");
  const diag = HEADERS.indexOf("Diagnostic team");
  assertEqual(
    rows.map((r) => [r[1], String(r[2]), r[3], r[4], r[diag], ...r.slice(8, 13)]),
    [1, 2, 3, 4, 5].map((i) => [45363, "2", "Safeguarding", `Safeguarding Team ${i}`, "A Patel and B Jones", "RI", "G", "RI", "G", "RI"]),
    "the five visits in rows 7–11",
  );
  if (OLD_KEY_PRESSES > 0) assert(total * 2 <= OLD_KEY_PRESSES, `${total} key presses is more than half of ${OLD_KEY_PRESSES}`);
  else throw new Error(`measured ${total}; set OLD_KEY_PRESSES`);
};

/** The tops of the visible tabs (and the More button): one value when they sit on one row. */
async function tabRows(b: Bench): Promise<number[]> {
  return b.frame.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLElement>('[role="tablist"] [role="tab"], [role="tablist"] button')].filter((e) => e.offsetParent !== null);
    return [...new Set(items.map((e) => Math.round(e.getBoundingClientRect().top)))];
  });
}

/** Whether an element of the pane is inside the pane's visible area. */
async function inView(b: Bench, selector: string, text: RegExp): Promise<boolean> {
  const box = b.pane.locator(selector).filter({ hasText: text }).first();
  await box.waitFor();
  return box.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
}

const narrowPane: FlowFn = async (b, notes) => {
  await fiveTeams(b);
  for (const width of [320, 350]) {
    await paneWidth(b, width);
    await b.tab("Record visit");
    // The tabs wrap (one row of tabs is still to do: issue 13); the pane never scrolls sideways.
    const rows = await tabRows(b);
    const sideways = await b.frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(sideways <= 0, `the pane scrolls sideways by ${sideways} px at ${width} px`);
    // Every tab can still be reached, from the row or the More menu.
    for (const name of ["Summary", "Set up", "Check sheet", "Record visit"]) {
      await b.tab(name);
      await b.pane.locator(`[role=tabpanel]:not([hidden])`).first().waitFor();
    }
    notes.push(`${width} px: ${rows.length} ${rows.length === 1 ? "row" : "rows"} of tabs, nothing sideways`);
    await b.shot(`form-${width}px`);
  }

  // The form: required boxes first (date, service, team, grades), one Tab stop per box, a real reason for a bad date.
  await paneWidth(b, 320);
  await b.tab("Record visit");
  await b.pane.getByRole("heading", { name: "Record a visit" }).focus();
  const order: string[] = [];
  for (let i = 0; i < 11; i++) {
    await b.page.keyboard.press("Tab");
    order.push((await b.focused()).name);
  }
  assertEqual(
    order,
    ["Visit date", "Service", "Team", "Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion", "Round", "Diagnostic team", "Visit ID"],
    "the Tab order from the form's heading",
  );
  notes.push(`Tab order: ${order.join(" → ")}`);
  await b.pane.getByRole("heading", { name: "Record a visit" }).focus();
  await b.page.keyboard.press("Tab");
  await b.page.keyboard.type("31/02/2018");
  await b.press("Save visit");
  const alert = await b.message(/Fix \d+ problems? before saving/);
  assert(alert.includes("31/02/2018 is not a real date (February 2018 has 28 days)."), `the error summary says: ${alert}`);
  await b.shot("bad-date-320px");

  // Save and record another keeps service, round, date and diagnostic team, and goes to Team.
  const f = (label: string) => b.pane.getByRole("form", { name: /Record a visit/ }).getByLabel(new RegExp(`^${label}\\s*\\*?$`));
  await f("Visit date").fill("12/03/2024");
  await f("Service").selectOption("Safeguarding");
  await f("Team").fill("Safeguarding Team 1");
  for (const g of ["Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"]) await f(g).selectOption("RI");
  await f("Round").fill("2");
  await f("Diagnostic team").fill("A Patel");
  await b.press("Save and record another");
  const saved = await b.message(/Visit TD-0001 saved on row 7/);
  assert(await inView(b, "[role=status]", /Visit TD-0001 saved/), "the save's message is in view");
  assertEqual((await b.focused()).name, "Team", "focus after Save and record another");
  const kept = [await f("Visit date").inputValue(), await f("Service").inputValue(), await f("Round").inputValue(), await f("Diagnostic team").inputValue(), await f("Team").inputValue()];
  assertEqual(kept, ["12/03/2024", "Safeguarding", "2", "A Patel", ""], "date, service, round and diagnostic team kept; team cleared");
  notes.push(saved.replace(/\s+/g, " "));
  // Round offers the rounds already used.
  await f("Round").click();
  const offered = await b.pane.getByRole("option").allInnerTexts();
  assert(offered.includes("1") && offered.includes("2"), `Round offers ${JSON.stringify(offered)}`);
  await b.page.keyboard.press("Escape");
  await b.shot("kept-after-save-320px");

  // Summary: a bad date reported at its box; Copy table's confirmation beside its button; grades unbroken.
  for (const width of [320, 350]) {
    await paneWidth(b, width);
    await b.tab("Summary");
    const from = b.pane.getByLabel(/^Visits from/);
    await from.fill("31/02/2018");
    await b.press("Refresh summary");
    const fieldMessage = await b.pane.locator(".fui-Field").filter({ has: from }).innerText();
    assert(fieldMessage.includes("31/02/2018 is not a real date (February 2018 has 28 days)."), `the From box says: ${fieldMessage}`);
    await from.fill("");
    await b.press("Refresh summary");
    await b.message(/Summary written/);
    assert(await inView(b, "[role=status]", /Summary written/), "Refresh summary's message is in view");
    const copy = b.pane.getByRole("button", { name: "Copy table: Safeguarding" });
    await copy.scrollIntoViewIfNeeded();
    await copy.click();
    await b.idle();
    // Beside the button: the message starts within a line of the button's bottom edge (not at the top of the pane).
    const note = b.pane.locator("[role=status]").filter({ hasText: /The Safeguarding table is on the clipboard/ }).first();
    const [buttonBox, noteBox] = [await copy.boundingBox(), await note.boundingBox()];
    assert(buttonBox && noteBox && noteBox.y - (buttonBox.y + buttonBox.height) < 24, `Copy table's message is beside its button (${JSON.stringify([buttonBox, noteBox])})`);
    // No grade broken across lines: every nowrap piece of a grading is one line high.
    const broken = await b.frame.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("td span")]
        .filter((s) => s.style.whiteSpace === "nowrap" && s.getClientRects().length > 1)
        .map((s) => s.textContent),
    );
    assertEqual(broken, [], `grades broken across lines at ${width} px`);
    await b.shot(`summary-copied-${width}px`);
  }
};

export const paneFlows: { id: number; slug: string; title: string; run: FlowFn }[] = [
  { id: 31, slug: "31-key-presses", title: "five visits of one service by keyboard take at most half the key presses they took before", run: keyPresses },
  { id: 32, slug: "32-narrow-pane", title: "at 320 and 350 px: nothing sideways, the form's order and Tab stops, kept values, messages beside their buttons and boxes", run: narrowPane },
];
