import { ActionsReportJson, IsoDate, RAGS, Rag, formatBritishDate } from "../domain";

/** How RAG is shown (issue 11 §2): the same colours on the sheet, in the pane and in reports; always with the word. */
export const RAG_COLOURS: Record<Rag, { fill: string; fontColour: string }> = {
  Red: { fill: "C00000", fontColour: "FFFFFF" },
  Amber: { fill: "FFC000", fontColour: "000000" },
  Green: { fill: "70AD47", fontColour: "000000" },
  Complete: { fill: "A6A6A6", fontColour: "000000" },
};

/** Column headings for actions by RAG, as the summary shows them (counts only, never action text or owners). */
export const ACTION_SUMMARY_HEADINGS = ["Actions", "Red", "Amber", "Green", "Complete", "Overdue"] as const;


/** Today as the local calendar date ("YYYY-MM-DD"), with no time zone in it: what RAG is worked out for by default. */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The summary's action section (issue 11 §2): per service the actions by RAG and how many are overdue, as rows under
 * ACTION_SUMMARY_HEADINGS with the service first. Counts only: never the action text or owners.
 */
export function actionSummaryRows(report: Pick<ActionsReportJson, "services" | "overdue">): (string | number)[][] {
  return report.services.map((s) => [
    s.service,
    s.actions,
    ...RAGS.map((r) => s.rag[r]),
    report.overdue.filter((o) => o.service === s.service).length,
  ]);
}

export const ACTION_SUMMARY_TITLE = "Action plans";
export const actionSummaryIntro = (today: IsoDate) =>
  `Per service, the actions in the teams' action plans by RAG as on ${today.split("-").reverse().join("/")}, and how many are overdue. Counts only.`;

/**
 * What Start action plan wrote, and what is left: it writes each recommendation, its due date and (from the
 * visit's Team manager, when it names one) the owner; the Action cell's wording is left for the team to write.
 */
export function actionPlanStartedLine(added: { count: number; row: number; due: IsoDate | null; owner: string; skipped: number }): string {
  const { count, row, owner, skipped } = added;
  const one = count === 1;
  const rows = one ? `row ${row}` : `rows ${row} to ${row + count - 1}`;
  const due = added.due ? `, due ${formatBritishDate(added.due)}` : "";
  const by = owner.trim() ? `, with the team manager, ${owner.trim()}, as owner` : "";
  const wording = one ? "write its wording in its Action cell" : "write each action's wording in its Action cell";
  const left = owner.trim() ? `${wording}.` : `${wording} and its owner in Owner.`;
  const also = skipped > 0 ? ` ${skipped} ${skipped === 1 ? "recommendation" : "recommendations"} already had an action.` : "";
  return `${count} ${one ? "action" : "actions"} added to the Actions sheet (${rows}), one per recommendation${due}${by}: ${left}${also} The Actions tab records Status and Progress.`;
}
