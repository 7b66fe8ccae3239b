/**
 * npm run demo: builds the fictional example workbook, checks it, writes the summary workbook and
 * prints the per-service tables. Reads the example back from disk, as the command line does.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { ExcelJsWorkbook } from "../src/adapters/exceljs/excelJsWorkbook";
import { openWorkbookFile, writeWorkbookFile } from "../src/adapters/exceljs/files";
import { readDiagnostics } from "../src/actions/readDiagnostics";
import { problemCount, problemLines, summaryAsText } from "../src/cli/textTables";
import { rollUp, validateTable } from "../src/domain";
import { summaryPlan } from "../src/workbook/summaryPlan";
import { EXAMPLE_PATH, buildExampleWorkbook, pinZipTimestamps } from "./exampleWorkbook";

const SUMMARY_PATH = "demo-output/summary.xlsx";

function heading(text: string): void {
  process.stdout.write(`\n${text}\n${"=".repeat(text.length)}\n`);
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..");
  process.chdir(root);

  heading("1. The example workbook (fictional teams)");
  const example = await buildExampleWorkbook();
  await fs.mkdir(path.dirname(EXAMPLE_PATH), { recursive: true });
  await fs.writeFile(EXAMPLE_PATH, pinZipTimestamps(await example.writeBuffer()));
  process.stdout.write(`Wrote ${EXAMPLE_PATH}: a Diagnostics table with dropdowns, a Lists sheet, and visits typed the messy way.\n`);

  heading("2. Checking it");
  const data = await readDiagnostics(await openWorkbookFile(EXAMPLE_PATH));
  const validation = validateTable(data.table, data.config, data.compiled);
  process.stdout.write(problemLines(validation.problems));
  process.stdout.write(
    `${problemCount(validation.problems)}: ${validation.visits.length} visits counted, ${validation.drafts.length} drafts and ` +
      `${validation.excluded.length} rows left out.\n`,
  );

  heading("3. The summary");
  const summary = rollUp(validation, data.config, { compiled: data.compiled });
  const workbook = ExcelJsWorkbook.create();
  await workbook.apply(summaryPlan(summary, data.config, []).plan);
  await writeWorkbookFile(workbook, SUMMARY_PATH);
  process.stdout.write(summaryAsText(summary, { width: process.stdout.isTTY ? process.stdout.columns : 100 }));
  process.stdout.write(`\nWrote ${SUMMARY_PATH} (Summary and Counts sheets; aggregates only).\n`);
  process.stdout.write(`Try: npm run --silent cli -- summary ${EXAMPLE_PATH} --json\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
