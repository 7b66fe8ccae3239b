/**
 * The team's feedback report (issue 11 §1): one visit's grades and findings, and its actions, for the team and its
 * managers. It carries that team's own text only, so its footer says it is not for circulation.
 */
import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from "docx";
import {
  ActionItem,
  CompiledScale,
  DiagnosticsConfig,
  IsoDate,
  STATUS_DRAFT,
  STATUS_FOR_MODERATION,
  VISIT_TYPE_DEEP_DIVE,
  VisitForm,
  foldLabel,
  formatBritishDate,
  isDeepDiveForm,
  ragOf,
  recommendationLines,
} from "../domain";
import { RAG_COLOURS } from "../presentation/actions";
import { fitColumns } from "./columnFit";

export const FEEDBACK_FOOTER = "For the team and its managers; not for circulation.";

export interface FeedbackReportInput {
  visit: VisitForm;
  config: DiagnosticsConfig;
  compiled: CompiledScale;
  actions: readonly ActionItem[];
  /** The day RAG is worked out for. */
  today: IsoDate;
}

const FONT = "Arial";
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const HEADER_FILL = "DDE7EE";
const border = { style: BorderStyle.SINGLE, size: 4, color: "999999" };
const borders = { top: border, bottom: border, left: border, right: border };
/** Word's usual cell margins, stated so that every program leaves the same room beside the text. */
const CELL_MARGINS = { left: 108, right: 108 };

/**
 * Widths from shares of the text width, each column widened to its longest word (header bold, a cell bold where
 * `bold` says so), so no header word or date breaks inside itself (columnFit).
 */
function fitWidths(shares: readonly number[], header: readonly string[], rows: readonly (readonly string[])[], bold: (column: number) => boolean = () => false): number[] {
  const columns = shares.map((_, i) => [{ text: header[i] ?? "", bold: true }, ...rows.map((r) => ({ text: r[i] ?? "", bold: bold(i) }))]);
  return fitColumns(shares, columns, { total: TEXT_WIDTH, margins: CELL_MARGINS.left + CELL_MARGINS.right });
}

const para = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, bold: options.bold, italics: options.italics })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) =>
  new Paragraph({ heading: level, children: [new TextRun(text)] });
const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(text)] });

function cell(text: string, width: number, options: { bold?: boolean; fill?: string; colour?: string } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    shading: options.fill ? { fill: options.fill, color: "auto", type: "clear" } : undefined,
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold, color: options.colour })] })],
  });
}

function table(widths: number[], header: string[], rows: TableCell[][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { ...CELL_MARGINS, marginUnitType: WidthType.DXA },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i], { bold: true, fill: HEADER_FILL })) }),
      ...rows.map((r) => new TableRow({ children: r })),
    ],
  });
}

const dateText = (d: IsoDate) => (d ? formatBritishDate(d) : "not recorded");

/** A grade as the service tables show it: a domain's code, the overall spelled out. */
function gradeText(code: string, compiled: CompiledScale, spellOut: boolean): string {
  if (!code) return "Not graded";
  const category = compiled.categories.find((c) => c.code === code);
  return spellOut && category ? category.label : code;
}

function findings(title: string, text: string): Paragraph[] {
  const lines = recommendationLines(text);
  return [heading(title, HeadingLevel.HEADING_2), ...(lines.length > 0 ? lines.map(bullet) : [para("None recorded.", { italics: true })])];
}

export function feedbackTitle(visit: VisitForm): string {
  if (isDeepDiveForm(visit)) return `Deep dive feedback: ${visit.service || "function not named"}`;
  return `Team diagnostic feedback: ${visit.team || "team not named"}`;
}

/** What a deep dive's report says where a team's shows its grades (issue 11 §4: findings, no grades). */
export const DEEP_DIVE_NO_GRADES = "A deep dive: no grades. It looked at the function as a whole; its findings and recommendations follow.";

/**
 * What the report says next to the grades of a visit not yet Final (walk-through 7): a Draft's or a For moderation
 * visit's grades may still change. Null for a Final visit (and a blank Status, which counts as Final).
 */
export function provisionalGradesNote(status: string): string | null {
  const s = foldLabel(status);
  if (s === foldLabel(STATUS_FOR_MODERATION)) {
    return "These grades are provisional: the visit is For moderation, and moderation may change them. They are confirmed when the visit is Final.";
  }
  if (s === foldLabel(STATUS_DRAFT)) {
    return "These grades are provisional: the visit is a Draft, and they may change (moderation may change them too). They are confirmed when the visit is Final.";
  }
  return null;
}

/** The rows of "About the visit": a deep dive names its function (and its team only when it had one). */
function aboutRows(visit: VisitForm): [string, string][] {
  const place: [string, string][] = isDeepDiveForm(visit)
    ? [["Visit type", VISIT_TYPE_DEEP_DIVE], ["Function", visit.service], ...(visit.team ? [["Team", visit.team] as [string, string]] : [])]
    : [["Team", visit.team], ["Service", visit.service]];
  return [
    ...place,
    ["Area", visit.area || "not recorded"],
    ["Visit date", dateText(visit.visitDate)],
    ["Diagnostic team", visit.diagnosticTeam || "not recorded"],
    ["Visit ID", visit.visitId],
  ];
}

/** The document's paragraphs and tables, in order (exported for tests that read the text). */
export function feedbackBody(input: FeedbackReportInput): (Paragraph | Table)[] {
  const { visit, config, compiled, actions, today } = input;
  const about = aboutRows(visit);
  const deepDive = isDeepDiveForm(visit);
  const aboutWidths = fitWidths([0.3, 0.7], ["About the visit", "Details"], about, (i) => i === 0);
  const provisional = deepDive ? null : provisionalGradesNote(visit.status);
  const domains = [...config.domains.map((d) => ({ d, overall: false })), ...(config.overall ? [{ d: config.overall, overall: true }] : [])];
  const grades = domains.map(({ d, overall }) => [d.fullLabel, gradeText(visit.grades[d.key] ?? "", compiled, overall)]);
  const gradeWidths = fitWidths([0.7, 0.3], ["Quality domain", "Grade"], grades, () => true);
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(feedbackTitle(visit))] }),
    para(
      deepDive
        ? `The written feedback from the deep dive, with its findings${actions.length > 0 ? " and the action plan" : ""}.`
        : `The written feedback from the diagnostic visit, with the grades given${actions.length > 0 ? " and the team's action plan" : ""}.`,
    ),
    // Both header cells named: a screen reader reads each value under its column's header.
    table(aboutWidths, ["About the visit", "Details"], about.map(([k, v]) => [cell(k, aboutWidths[0], { bold: true }), cell(v, aboutWidths[1])])),
    heading("Grades"),
    ...(provisional ? [para(provisional, { bold: true })] : []),
    deepDive
      ? para(DEEP_DIVE_NO_GRADES, { italics: true })
      : table(
          gradeWidths,
          ["Quality domain", "Grade"],
          domains.map(({ overall }, i) => [cell(grades[i][0], gradeWidths[0], { bold: overall }), cell(grades[i][1], gradeWidths[1], { bold: overall })]),
        ),
    heading("Findings"),
    ...findings("Strengths", visit.strengths),
    ...findings("Areas for improvement", visit.areasForImprovement),
    ...findings("Recommendations", visit.recommendations),
  ];
  if (actions.length > 0) {
    const header = ["Recommendation", "Action", "Owner", "Due date", "Status (RAG)"];
    const rows = actions.map((a) => {
      const rag = ragOf({ status: a.status, due: a.dueDate || null }, today);
      // A completed action's RAG is "Complete", its status already says so.
      return { rag, texts: [a.recommendation, a.action || "To be written", a.owner, dateText(a.dueDate), rag === a.status ? a.status : `${a.status || "No status"} (${rag})`] };
    });
    const w = fitWidths([0.28, 0.28, 0.16, 0.14, 0.14], header, rows.map((r) => r.texts));
    body.push(
      heading("Action plan"),
      table(
        w,
        header,
        rows.map(({ rag, texts }) => [
          ...texts.slice(0, 4).map((text, i) => cell(text, w[i])),
          cell(texts[4], w[4], { fill: RAG_COLOURS[rag].fill, colour: RAG_COLOURS[rag].fontColour }),
        ]),
      ),
      para(`RAG as on ${formatBritishDate(today)}: Red when off track or overdue, Amber when at risk or not started and due within 14 days.`, { italics: true }),
    );
  }
  return body;
}

export async function buildFeedbackReport(input: FeedbackReportInput): Promise<Uint8Array> {
  const doc = new Document({
    title: feedbackTitle(input.visit),
    creator: "Team Diagnostics",
    description: FEEDBACK_FOOTER,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: "en-GB" } }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 36, bold: true, color: "1F3864" }, paragraph: { spacing: { after: 200 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 280, after: 120 } } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        footers: {
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: FEEDBACK_FOOTER, italics: true })] })] }),
        },
        children: feedbackBody(input),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
