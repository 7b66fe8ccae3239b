import { ExcelJsWorkbook } from "../adapters/exceljs/excelJsWorkbook";
import { DiagnosticsConfig, ModerationCount, Summary } from "../domain";
import { SummaryOpening, summaryPlan } from "../workbook/summaryPlan";
import { bytesToBase64 } from "./host";

/**
 * The summary workbook, built in the pane: the same Summary and Counts sheets that Refresh summary
 * writes, in a new file. Aggregates only. Loaded with import(), so ExcelJS is fetched only when needed.
 */
export async function buildSummaryWorkbook(
  summary: Summary,
  config: DiagnosticsConfig,
  opening: SummaryOpening | null = null,
  moderation: readonly ModerationCount[] | null = null,
): Promise<Uint8Array> {
  const workbook = ExcelJsWorkbook.create();
  await workbook.apply(summaryPlan(summary, config, [], null, undefined, opening, moderation).plan);
  return workbook.writeBuffer();
}

export async function summaryWorkbookBase64(
  summary: Summary,
  config: DiagnosticsConfig,
  opening: SummaryOpening | null = null,
  moderation: readonly ModerationCount[] | null = null,
): Promise<{ base64: string; bytes: Uint8Array }> {
  const bytes = await buildSummaryWorkbook(summary, config, opening, moderation);
  return { base64: bytesToBase64(bytes), bytes };
}
