import { DiagnosticsConfig, GroupBy, Summary, SummaryFilter, ValidationResult } from "../domain";
import { UserFacingError } from "../errors";
import { reportSummaries } from "../actions/summaryActions";
import { CSV_BOM, countsCsv } from "../report/csv";
import { refuseInput, safeWrite } from "./safeWrite";
import type { WordReportInput } from "../report/wordReport";

export { reportSummaries };

export interface ReportOptions {
  /** Where the .docx goes. */
  output: string;
  /** The workbook read, so the report never overwrites it. */
  input?: string;
  /** Tables per service, per area, or (undefined) per service and, when any visit has an area, per area too. */
  by?: GroupBy;
  filter?: SummaryFilter;
  title?: string;
}

/** Writes the Word report: tables per service (and per area when given), overview, base. */
export async function writeWordReport(
  byService: Summary,
  byArea: Summary | null,
  config: DiagnosticsConfig,
  outPath: string,
  options: { inputs?: readonly string[] } & Omit<WordReportInput, "byService" | "byArea" | "config"> = {},
): Promise<void> {
  // docx takes a while to load: only the report pays for it.
  const { buildWordReport } = await import("../report/wordReport");
  const { inputs: _inputs, ...rest } = options;
  const bytes = await buildWordReport({ byService, byArea, config, ...rest });
  await safeWrite(outPath, bytes, { what: "report", inputs: options.inputs });
}

/** Writes the Counts data as CSV for Excel (UTF-8 with a byte order mark, formulas neutralised). */
export async function writeCountsCsv(summary: Summary, config: DiagnosticsConfig, outPath: string): Promise<void> {
  await safeWrite(outPath, CSV_BOM + countsCsv(summary, config), { what: "CSV file" });
}

/** Refuses area tables when no counted visit has an area. */
export function requireAreas(by: GroupBy | undefined, byArea: Summary | null): void {
  if (by === "area" && (byArea === null || byArea.groups.length === 0)) {
    throw new UserFacingError("No counted visit has an Area filled in, so there are no tables by area; fill in the Area column or use --by service.");
  }
}

/**
 * The Word report from a validation already made (the command line's report command uses reportSource, the
 * action, and then writeWordReport): never over the input, tables by area only when there are any.
 */
export async function runReport(
  validation: ValidationResult,
  config: DiagnosticsConfig,
  options: ReportOptions,
): Promise<{ output: string; byService: Summary; byArea: Summary | null }> {
  const inputs = options.input === undefined ? [] : [options.input];
  await refuseInput(options.output, inputs);
  const { byService, byArea } = reportSummaries(validation, config, options);
  requireAreas(options.by, byArea);
  await writeWordReport(byService, byArea, config, options.output, { title: options.title, omitServiceTables: options.by === "area", inputs });
  return { output: options.output, byService, byArea };
}
