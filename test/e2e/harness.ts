/**
 * The end-to-end tests' plumbing: the build, the server, Chromium, one browser context per flow, the request log,
 * screenshots, and small helpers for driving the pane by keyboard and reading the emulated workbook.
 */
import { promises as fs, statSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { Browser, BrowserContext, Frame, FrameLocator, Page, chromium } from "playwright-core";
import type { BookData } from "../workbench/bookData";
import { REPO_ROOT, buildWorkbench } from "../workbench/build";
import type { WorkbenchApi } from "../workbench/page/controller";
import { WorkbenchServer, serveWorkbench } from "../workbench/server";

export const RESULTS_DIR = path.join(REPO_ROOT, "test-results");
export const BUILD_DIR = path.join(REPO_ROOT, ".tmp", "e2e-build");
const STAMP = path.join(BUILD_DIR, ".built-from");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const VIEWPORT = { width: 1600, height: 900 };

// ---- build ------------------------------------------------------------------------------------------------------

const INPUTS = ["src", "test/emulation", "assets", "webpack.config.js", "package-lock.json", "tsconfig.json", "manifest.xml"];

function newestInput(): number {
  let newest = 0;
  const visit = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const e of readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const i of INPUTS) visit(path.join(REPO_ROOT, i));
  return newest;
}

/**
 * A production build (what Excel loads) with the workbench's two entries, into .tmp/e2e-build. Reused when nothing
 * it is built from has changed since (E2E_REBUILD=1 forces a build, E2E_REBUILD=0 reuses any build; CI starts clean,
 * so it always builds).
 */
export async function ensureBuild(log: (line: string) => void): Promise<void> {
  const newest = newestInput();
  if (process.env.E2E_REBUILD !== "1") {
    try {
      const stamp = Number(await fs.readFile(STAMP, "utf8"));
      if (stamp >= newest || process.env.E2E_REBUILD === "0") {
        log(`Build: reusing ${path.relative(REPO_ROOT, BUILD_DIR)} (nothing changed since it was built)`);
        return;
      }
    } catch {
      // No build yet.
    }
  }
  log("Build: webpack --mode production with the workbench entries…");
  const built = await buildWorkbench({ mode: "production", outDir: BUILD_DIR });
  await fs.writeFile(STAMP, String(newest));
  log(`Build: done in ${built.seconds.toFixed(1)} s`);
}

// ---- the browser and one context per flow ------------------------------------------------------------------------

export interface RequestRecord {
  flow: string;
  url: string;
  method: string;
  resourceType: string;
}

export class Session {
  readonly requests: RequestRecord[] = [];
  /** Requests the server answered with an error status. */
  readonly failures: { flow: string; url: string; status: number }[] = [];
  /** Every securitypolicyviolation event any page or frame of any flow fired (see open()). */
  readonly cspViolations: { flow: string; text: string }[] = [];
  /** The pane page's Content-Security-Policy <meta> content, per flow, as Chromium parsed the page. */
  readonly policies: { flow: string; policy: string }[] = [];
  browser!: Browser;
  server!: WorkbenchServer;

  async start(): Promise<void> {
    this.server = await serveWorkbench({ root: BUILD_DIR, port: 0 });
    // Fail at once, not in every flow, when the pane's page cannot be served.
    const check = await fetch(new URL("taskpane.html", this.server.url));
    if (!check.ok) throw new Error(`The workbench serves taskpane.html with HTTP ${check.status}: ${(await check.text()).trim()}`);
    this.browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: CHROMIUM_ARGS });
  }

  async stop(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.server?.close().catch(() => undefined);
  }

  /** Is this request to the workbench's own server (or in-page data)? */
  isLocal(url: string): boolean {
    if (/^(blob|data|about):/i.test(url)) return true;
    try {
      const u = new URL(url);
      return (u.hostname === "127.0.0.1" || u.hostname === "localhost") && u.port === String(this.server.port);
    } catch {
      return false;
    }
  }

  async open(flow: string): Promise<Bench> {
    const context = await this.browser.newContext({ viewport: VIEWPORT, locale: "en-GB", timezoneId: "Europe/London", acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    context.on("request", (request) => this.requests.push({ flow, url: request.url(), method: request.method(), resourceType: request.resourceType() }));
    context.on("response", (response) => {
      if (response.status() >= 400) this.failures.push({ flow, url: response.url(), status: response.status() });
    });
    // The pane's Content Security Policy: every violation in any frame (the pane is an iframe of the workbench page)
    // is reported to the test and fails the flow (runFlow checks bench.errors). The listener is installed before any
    // of the page's own scripts run, in every frame (https://playwright.dev/docs/api/class-browsercontext#browser-context-add-init-script).
    const opened: { bench?: Bench } = {};
    await context.exposeBinding("__reportCspViolation", (_source, text: string) => {
      this.cspViolations.push({ flow, text });
      opened.bench?.errors.push(`Content Security Policy violation: ${text}`);
    });
    await context.addInitScript(CSP_LISTENER);
    const page = await context.newPage();
    const bench = new Bench(flow, context, page);
    opened.bench = bench;
    await bench.load(this.server.url);
    const policy = await bench.frame.evaluate(
      `(document.querySelector('meta[http-equiv="Content-Security-Policy" i]') || { content: "" }).content`,
    );
    this.policies.push({ flow, policy: String(policy) });
    return bench;
  }
}

// ---- one flow's page ------------------------------------------------------------------------------------------

export class Bench {
  readonly pane: FrameLocator;
  readonly dialogs: string[] = [];
  readonly errors: string[] = [];
  private shots = 0;

  constructor(
    readonly flow: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    this.pane = page.frameLocator("iframe[name=pane]");
    page.on("dialog", (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on("pageerror", (error) => this.errors.push(`uncaught: ${error.message}`));
  }

  async load(url: string): Promise<void> {
    await this.page.goto(url);
    await this.paneReady();
  }

  /** The pane has drawn and finished its first read of the workbook. */
  async paneReady(): Promise<void> {
    await this.pane.getByRole("heading", { name: "Team Diagnostics", level: 1 }).waitFor({ timeout: 20_000 });
    await this.idle();
  }

  get frame(): Frame {
    const frame = this.page.frame({ name: "pane" });
    if (!frame) throw new Error("The pane's frame is missing.");
    return frame;
  }

  /** No action running in the pane (its spinner gone). */
  async idle(): Promise<void> {
    await this.pane.locator(".fui-Spinner").first().waitFor({ state: "detached", timeout: 15_000 });
  }

  /** window.workbench.<name>(...args) in the workbench page. */
  async call<K extends keyof WorkbenchApi>(name: K, ...args: Parameters<WorkbenchApi[K]>): Promise<Awaited<ReturnType<WorkbenchApi[K]>>> {
    return this.page.evaluate(
      ([n, a]) => {
        const api = (window as unknown as { workbench: Record<string, (...x: unknown[]) => unknown> }).workbench;
        return api[n as string](...(a as unknown[]));
      },
      [name, args] as const,
    ) as Promise<Awaited<ReturnType<WorkbenchApi[K]>>>;
  }

  book(): Promise<BookData> {
    return this.call("book");
  }

  async shot(name: string): Promise<string> {
    this.shots++;
    const file = path.join(RESULTS_DIR, `${this.flow}-${String(this.shots).padStart(2, "0")}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** A message in the pane's message bar (or any status or alert) matching the text. */
  async message(text: RegExp | string): Promise<string> {
    const box = this.pane.locator("[role=status], [role=alert]").filter({ hasText: text }).first();
    await box.waitFor();
    // Without the message bar's dismiss button (×).
    return (await box.innerText()).replace(/\s*×\s*$/, "").trim();
  }

  /** Chooses a tab: on the row of tabs, or from the More menu when the pane is too narrow to show it. */
  async tab(name: string): Promise<void> {
    // After the pane is resized the row lays itself out again (a ResizeObserver, then a render): two frames let it
    // settle, so a tab seen on the row is not moved into More between the look and the click.
    await this.frame.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    const tab = this.pane.getByRole("tab", { name });
    if (await tab.isVisible()) return tab.click();
    await this.pane.getByRole("button", { name: /^More tabs/ }).click();
    await this.pane.getByRole("menuitemradio", { name }).click();
  }

  /** Clicks a pane button, waits for the action to finish. */
  async press(name: string | RegExp): Promise<void> {
    await this.pane.getByRole("button", { name, exact: typeof name === "string" }).click();
    await this.idle();
  }

  /** Set up workbook, from the Set up tab, and waits for the pane to say so. */
  async setUp(): Promise<void> {
    const runs = await this.call("runCount");
    await this.tab("Set up");
    await this.press("Set up workbook");
    await this.page.waitForFunction((n) => (window as unknown as { workbench: WorkbenchApi }).workbench.runCount() > n, runs);
    await this.idle();
    await this.message(/The workbook is set up/);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }

  // ---- keyboard -------------------------------------------------------------------------------------------

  /** Name of the focused control in the pane: its label, aria-label or text, without the required mark. */
  async focused(): Promise<{ tag: string; type: string; name: string; value: string }> {
    return this.frame.evaluate(FOCUSED);
  }

  /** Presses Tab (Shift+Tab when back) until the focused control is the one named; fails after max presses. */
  async tabTo(name: string | RegExp, options: { back?: boolean; max?: number } = {}): Promise<void> {
    const matches = (n: string) => (typeof name === "string" ? n === name : name.test(n));
    const seen: string[] = [];
    for (let i = 0; i <= (options.max ?? 60); i++) {
      const f = await this.focused();
      if (matches(f.name)) return;
      seen.push(f.name || f.tag);
      await this.page.keyboard.press(options.back ? "Shift+Tab" : "Tab");
    }
    throw new Error(`Tab never reached "${name}"; passed: ${seen.slice(-25).join(" | ")}`);
  }

  /** Types a date into the focused date box by keyboard, as a manager would: dd/mm/yyyy. */
  async typeDate(iso: string): Promise<void> {
    const [y, m, d] = iso.split("-");
    await this.page.keyboard.type(`${d}/${m}/${y}`);
    const value = (await this.focused()).value;
    if (value !== `${d}/${m}/${y}`) throw new Error(`The date field holds "${value}", not ${d}/${m}/${y}.`);
  }
}

/** Reports each securitypolicyviolation (a string, for the same reason as FOCUSED below). */
const CSP_LISTENER = `document.addEventListener("securitypolicyviolation", (e) => {
  const where = e.sourceFile ? " at " + e.sourceFile + ":" + e.lineNumber : "";
  window.__reportCspViolation(e.effectiveDirective + " blocked " + (e.blockedURI || "(inline)") + " in " + document.location.pathname + where + (e.sample ? " sample: " + e.sample : ""));
}, true);`;

/**
 * The focused element's accessible name, roughly: aria-label, else its <label>, else aria-labelledby, else its text.
 * A string, not a function: the test runner's compiler would add helpers to a function that the page does not have.
 */
const FOCUSED = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { tag: "", type: "", name: "", value: "" };
  const text = (e) => ((e && e.textContent) || "").replace(/\\s+/g, " ").trim();
  let name = el.getAttribute("aria-label") || "";
  if (!name && el.labels && el.labels.length > 0) name = text(el.labels[0]);
  if (!name && el.getAttribute("aria-labelledby")) {
    name = el.getAttribute("aria-labelledby").split(/\\s+/).map((id) => text(document.getElementById(id))).join(" ");
  }
  if (!name) name = text(el);
  return {
    tag: el.tagName.toLowerCase(),
    type: el.type || "",
    name: name.replace(/\\s*\\*\\s*$/, "").trim(),
    value: "value" in el ? String(el.value) : "",
  };
})()`;

// ---- comparing workbooks ---------------------------------------------------------------------------------------

/** Paths where two JSON values differ (first few). */
export function differences(a: unknown, b: unknown, at = "", out: string[] = [], limit = 12): string[] {
  if (out.length >= limit) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`, out, limit);
    return out;
  }
  out.push(`${at || "/"}: ${JSON.stringify(a)?.slice(0, 120)} → ${JSON.stringify(b)?.slice(0, 120)}`);
  return out;
}

/** Cells of every sheet keyed "Sheet!A1", for comparing what changed. */
export function cellMap(book: BookData): Map<string, string> {
  const map = new Map<string, string>();
  for (const s of book.sheets) for (const c of s.cells) map.set(`${s.name}!${c.at}`, JSON.stringify({ v: c.value, f: c.formula ?? null, fmt: c.format ?? null }));
  return map;
}

export function changedCells(before: BookData, after: BookData): string[] {
  const a = cellMap(before);
  const b = cellMap(after);
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** The book without its cells: everything else (tables, names, dropdowns, formats, selection…). */
export function withoutCells(book: BookData): unknown {
  return { ...book, sheets: book.sheets.map((s) => ({ ...s, cells: [] })) };
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
