/** One line of the self-test's result: pass or fail for a behaviour the add-in relies on, info for one it records. */
export type CheckStatus = "pass" | "fail" | "info";

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  /** One line: what this Excel did. */
  detail: string;
}

export interface SelfTestReport {
  results: CheckResult[];
  /** Office.context.diagnostics: host, platform and build, or "unknown". */
  host: string;
  platform: string;
  version: string;
}

/** What a check may use: its own block of the temporary sheet, by top-left column letter. */
export interface CheckArea {
  sheetName: string;
  /** Columns the check owns, e.g. ["A", "B", "C"]. */
  columns: string[];
}

export interface SelfCheck {
  id: string;
  title: string;
  /**
   * Runs in its own Excel.run with a fixed small number of syncs (never one per row), only on its
   * area of the temporary sheet. Returns the verdict; an exception is reported as a fail by the runner.
   */
  run(context: Excel.RequestContext, area: CheckArea): Promise<Omit<CheckResult, "id" | "title">>;
}
