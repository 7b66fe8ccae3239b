/**
 * Runs every self-check on a temporary sheet and deletes the sheet afterwards, even when a check
 * fails or throws. One Excel.run to make the sheet, one per check (so one check's failure cannot
 * spoil the next one's batch), one to delete it.
 */
import { SELF_CHECKS } from "./checks";
import { CheckArea, CheckResult, SelfCheck, SelfTestReport } from "./types";

export const SELF_TEST_SHEET = "TD self-test";
const WIDTH = 4;

/** Column letters from 0-based index (A, B, …, Z, AA, …). */
function letters(n: number): string {
  let s = "";
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

function diagnostics(): Pick<SelfTestReport, "host" | "platform" | "version"> {
  try {
    const d = Office.context.diagnostics;
    return { host: String(d?.host ?? "unknown"), platform: String(d?.platform ?? "unknown"), version: String(d?.version ?? "unknown") };
  } catch {
    return { host: "unknown", platform: "unknown", version: "unknown" };
  }
}

const message = (e: unknown) => {
  const code = (e as { code?: unknown })?.code;
  const text = e instanceof Error ? e.message : String(e);
  return code ? `${String(code)}: ${text}` : text;
};

export async function runSelfTest(checks: SelfCheck[] = SELF_CHECKS, onProgress?: (done: number, total: number) => void): Promise<SelfTestReport> {
  const results: CheckResult[] = [];
  await Excel.run(async (context) => {
    // A sheet of that name is only ever one a previous, interrupted self-test left behind.
    const leftover = context.workbook.worksheets.getItemOrNullObject(SELF_TEST_SHEET);
    await context.sync();
    if (!leftover.isNullObject) leftover.delete();
    context.workbook.worksheets.add(SELF_TEST_SHEET);
    await context.sync();
  });
  try {
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i];
      const area: CheckArea = { sheetName: SELF_TEST_SHEET, columns: Array.from({ length: WIDTH }, (_, j) => letters(i * WIDTH + j)) };
      try {
        const verdict = await Excel.run((context) => check.run(context, area));
        results.push({ id: check.id, title: check.title, ...verdict });
      } catch (e) {
        results.push({ id: check.id, title: check.title, status: "fail", detail: `Stopped with an error: ${message(e)}` });
      }
      onProgress?.(i + 1, checks.length);
    }
  } finally {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(SELF_TEST_SHEET).delete();
      await context.sync();
    });
  }
  return { results, ...diagnostics() };
}

/** Plain text for an email to the add-in's maintainers: one line per check, then the Excel build. */
export function reportText(report: SelfTestReport): string {
  const label = { pass: "PASS", fail: "FAIL", info: "INFO" } as const;
  const counts = (s: CheckResult["status"]) => report.results.filter((r) => r.status === s).length;
  return [
    "Team Diagnostics: Test this Excel",
    `Excel: ${report.host}, platform ${report.platform}, version ${report.version}`,
    `${counts("pass")} passed, ${counts("fail")} failed, ${counts("info")} for information`,
    "",
    ...report.results.map((r) => `${label[r.status]}  ${r.title}: ${r.detail}`),
  ].join("\n");
}
