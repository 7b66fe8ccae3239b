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
import { ActionInput, actionRecord, actionsReport, formatBritishDate, recordTable, rollUp, thresholdOf, validateTable } from "../src/domain";
import { trendsOf } from "../src/actions/trendActions";
import { trendsAsText } from "../src/cli/trendsText";
import { programmeOf } from "../src/actions/programmeActions";
import { programmeAsText } from "../src/cli/programme";
import { DEMO_TODAY } from "./exampleSecondRound";
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
  process.stdout.write(`Wrote ${EXAMPLE_PATH}: a Diagnostics table with dropdowns, a Lists sheet, visits typed the messy way, a second round, planned visits, a deep dive and action plans.\n`);

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

  heading(`4. The programme of visits on ${formatBritishDate(DEMO_TODAY)}`);
  process.stdout.write(programmeAsText(programmeOf(validation, data.config, DEMO_TODAY), { excluded: validation.excluded.length, drafts: validation.drafts.length }));
  process.stdout.write(`Try: npm run --silent cli -- programme ${EXAMPLE_PATH} --today ${formatBritishDate(DEMO_TODAY)} --json\n`);

  heading(`5. Overdue actions on ${formatBritishDate(DEMO_TODAY)}`);
  const report = actionsReport(await readActions(EXAMPLE_PATH), DEMO_TODAY, { serviceOrder: data.config.services });
  for (const s of report.services) {
    process.stdout.write(`${s.service}: ${s.actions} ${s.actions === 1 ? "action" : "actions"} (${Object.entries(s.rag).map(([rag, n]) => `${n} ${rag}`).join(", ")})\n`);
  }
  process.stdout.write("\n");
  for (const o of report.overdue) {
    process.stdout.write(`${o.actionId} (${o.service}, ${o.team}): due ${formatBritishDate(o.due)}, ${o.status}\n`);
  }
  process.stdout.write(`${report.overdue.length} overdue ${report.overdue.length === 1 ? "action" : "actions"}.\n`);

  heading("6. Trends between the rounds");
  const threshold = data.config.scale.levels.find((l) => l.code === thresholdOf(data.config));
  process.stdout.write(trendsAsText(trendsOf(validation, data.config), { width: process.stdout.isTTY ? process.stdout.columns : 100, thresholdLabel: threshold?.label.toLowerCase() }));
  process.stdout.write(`Try: npm run --silent cli -- trends ${EXAMPLE_PATH}\n`);
}

/** The example's Actions table as the action plan's core takes it. */
async function readActions(file: string): Promise<ActionInput[]> {
  const port = await openWorkbookFile(file);
  const header = { columns: actionRecord.columns.map((c) => [c.header]), mustHave: [["Team"], ["Status"]], rows: 20 };
  const read = await port.read({ tables: [{ name: actionRecord.table, rows: true, fallback: { sheet: actionRecord.sheet, header } }], selection: false });
  const found = read.found[actionRecord.table];
  if (!found) return [];
  const table = recordTable(actionRecord, found.headers);
  return found.rows
    .map((cells, i) => ({ item: table.read(cells), row: found.headerRow + 1 + i }))
    .filter(({ item }) => item.team !== "" || item.actionId !== "")
    .map(({ item, row }) => ({ ...item, due: item.dueDate || null, completed: item.completedDate || null, row }));
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});
