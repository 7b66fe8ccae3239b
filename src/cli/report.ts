import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { DiagnosticsConfig, GroupBy, Summary, SummaryFilter, ValidationResult, rollUp } from "../domain";
import { UserFacingError } from "../errors";
import { CSV_BOM, countsCsv } from "../report/csv";
import { buildWordReport } from "../report/wordReport";

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

/** The summaries a report needs: always by service (the overview counts every service), by area when asked or available. */
export function reportSummaries(
  validation: ValidationResult,
  config: DiagnosticsConfig,
  options: { by?: GroupBy; filter?: SummaryFilter } = {},
): { byService: Summary; byArea: Summary | null } {
  const filter = options.filter ?? {};
  const byService = rollUp(validation, config, { by: "service", filter });
  if (options.by === "service") return { byService, byArea: null };
  const byArea = rollUp(validation, config, { by: "area", filter });
  if (options.by === undefined && byArea.groups.length === 0) return { byService, byArea: null };
  return { byService, byArea };
}

/** Writes through a temporary file in the same folder, so a failed write never leaves half a file. */
async function writeBytes(outPath: string, bytes: Uint8Array | string, what: string): Promise<void> {
  const dir = dirname(resolve(outPath));
  const temp = join(dir, `.${basename(outPath)}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, bytes);
    await rename(temp, outPath);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "EACCES" || code === "EPERM" || code === "EBUSY"
        ? "it is open in another program or the folder is read-only"
        : code === "EISDIR"
          ? "that is a folder"
          : (e as Error).message;
    throw new UserFacingError(`Cannot write the ${what} to ${outPath}: ${why}.`);
  }
}

/** Writes the Word report: tables per service (and per area when given), overview, base. */
export async function writeWordReport(
  byService: Summary,
  byArea: Summary | null,
  config: DiagnosticsConfig,
  outPath: string,
  options: { title?: string; omitServiceTables?: boolean } = {},
): Promise<void> {
  const bytes = await buildWordReport({ byService, byArea, config, ...options });
  await writeBytes(outPath, bytes, "report");
}

/** Writes the Counts data as CSV for Excel (UTF-8 with a byte order mark, formulas neutralised). */
export async function writeCountsCsv(summary: Summary, config: DiagnosticsConfig, outPath: string): Promise<void> {
  await writeBytes(outPath, CSV_BOM + countsCsv(summary, config), "CSV file");
}

/**
 * `report <input> -o report.docx [--by service|area] [--round R] [--from D] [--to D] [--tie cautious|split]`:
 * main.ts reads and validates the workbook as for `summary` (config.tieRule already set from --tie), then calls this.
 */
export async function runReport(
  validation: ValidationResult,
  config: DiagnosticsConfig,
  options: ReportOptions,
): Promise<{ output: string; byService: Summary; byArea: Summary | null }> {
  if (options.input !== undefined && resolve(options.input) === resolve(options.output)) {
    throw new UserFacingError(`The report would overwrite the workbook ${options.input}; choose another name with -o.`);
  }
  const { byService, byArea } = reportSummaries(validation, config, options);
  if (options.by === "area" && (byArea === null || byArea.groups.length === 0)) {
    throw new UserFacingError("No counted visit has an Area filled in, so there are no tables by area; fill in the Area column or use --by service.");
  }
  await writeWordReport(byService, byArea, config, options.output, {
    title: options.title,
    omitServiceTables: options.by === "area",
  });
  return { output: options.output, byService, byArea };
}
