import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { ActionsReportJson, CompiledScale, DiagnosticsConfig, GroupSummary, ModerationCount, Summary, TrendsJson, compileScale, summaryThemeTotals } from "../domain";
import { readableTextColour } from "../domain/colour";
import { GradeDistribution, gradeDistribution, gradeName } from "../presentation/distribution";
import {
  HEADLINE_RULE,
  JUDGEMENTS_LINE,
  nothingCounted,
  ROWS_LEFT_OUT,
  TABLE_HEADINGS,
  describeBase,
  DEEP_DIVES_HEADING,
  deepDiveFunctionLines,
  groupHeading,
  leftOutReasons,
  leftOutRow,
} from "../presentation/wording";
import { FileCounts, fileLine, filesHeading, inFile } from "../presentation/files";
import { stackedBarPng } from "./png";
import { fitColumns } from "./columnFit";
import { openingSections, progressSection } from "./trendsReport";
import { ACTION_SUMMARY_HEADINGS, ACTION_SUMMARY_TITLE, actionSummaryIntro, actionSummaryRows } from "../presentation/actions";
import { themesReportSection } from "./themesReport";
import { MODERATION_HEADINGS, MODERATION_INTRO, MODERATION_TITLE, moderationRows } from "../presentation/moderation";

export interface WordReportInput {
  byService: Summary;
  /** Tables per area as well, when the Area column is filled in. */
  byArea: Summary | null;
  config: DiagnosticsConfig;
  title?: string;
  /** Leave out the tables per service (the overview still counts every service). Default false. */
  omitServiceTables?: boolean;
  /** Issue 12: trends across rounds, for key findings and the picture at a glance first and the progress section. */
  trends?: { trends: TrendsJson; threshold: string };
  /** The actions by RAG per service (issue 11), when the workbook has an Actions table: counts only. */
  actions?: Pick<ActionsReportJson, "today" | "services" | "overdue"> | null;
  /** Issue 14: with several inputs, each file with its visits counted and left out (under the selection). */
  files?: readonly FileCounts[] | null;
  /** Per service, the grades moderation changed (issue 15), when a Change log holds changes: counts only. */
  moderation?: readonly ModerationCount[] | null;
}

export { JUDGEMENTS_LINE };

const HEADER_FILL = "DDE7EE";
const BORDER_COLOUR = "7F7F7F";
/** A4 with 2 cm margins, in twips. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FONT = "Arial";
/** Bars in the figure, in pixels at 96 to the inch, drawn at twice that for sharp edges. */
const BAR = { width: 170, height: 14, density: 2 };

const line = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOUR };
const BORDERS = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
const CELL_MARGINS = { top: 40, bottom: 40, left: 100, right: 100 };

/**
 * Column widths for a table: each column its share of `total` (the text width unless given), widened where its
 * longest word (the header's in bold, every body cell's counted as bold too) would not fit, at the cost of the
 * columns with room to spare. `floors` keeps a column at least that wide (a figure's bar).
 */
export function fitWidths(shares: readonly number[], header: readonly string[], rows: readonly (readonly string[])[], options: { total?: number; floors?: readonly number[] } = {}): number[] {
  const columns = shares.map((_, i) => [header[i] ?? "", ...rows.map((r) => r[i] ?? "")].map((text) => ({ text, bold: true })));
  return fitColumns(shares, columns, { total: options.total ?? TEXT_WIDTH, margins: CELL_MARGINS.left + CELL_MARGINS.right, floors: options.floors });
}

/** A table cell holding one bar of a figure, described for screen readers. */
export function barCell(png: Uint8Array, width: number, name: string, description: string): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        children: [new ImageRun({ type: "png", data: png, transformation: { width: BAR.width, height: BAR.height }, altText: { name: `Bar: ${name}`, title: name, description } })],
      }),
    ],
  });
}

interface CellOptions {
  width: number;
  fill?: string;
  bold?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
}

export function textCell(text: string, options: CellOptions): TableCell {
  const fill = options.fill;
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlign.TOP,
    shading: fill ? { fill, color: "auto" } : undefined,
    children: [
      new Paragraph({
        alignment: options.align,
        children: [new TextRun({ text, bold: options.bold, color: fill ? readableTextColour(fill) : undefined })],
      }),
    ],
  });
}

/**
 * A Word table with a repeating, shaded header row; rows kept together on one page. Fixed layout: Word and LibreOffice
 * both keep the widths given (from fitWidths) rather than each autofitting the columns its own way.
 */
export function table(widths: number[], header: string[], rows: TableCell[][], headerFills?: (string | undefined)[]): Table {
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    keepNext: true,
    children: header.map((text, i) =>
      textCell(text, { width: widths[i], bold: true, fill: headerFills?.[i] ?? HEADER_FILL, align: i > 0 && headerFills ? AlignmentType.CENTER : undefined }),
    ),
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      headerRow,
      ...rows.map((cells, i) => new TableRow({ cantSplit: true, keepNext: i < rows.length - 1, children: cells })),
    ],
  });
}

export function para(text: string, options: { italics?: boolean; keepNext?: boolean; bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    keepNext: options.keepNext,
    spacing: { after: 120 },
    children: [new TextRun({ text, italics: options.italics, bold: options.bold })],
  });
}

/**
 * A figure's caption in Word's own Caption style (docx writes that style as Word does), kept with the figure below it:
 * a council's report template restyles it with the rest, and Insert Table of Figures lists it.
 */
export function caption(text: string): Paragraph {
  return new Paragraph({ style: "Caption", keepNext: true, children: [new TextRun(text)] });
}

export function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, keepNext: true, children: [new TextRun(text)] });
}

/** The published two-column table: Quality domain | Grading, the Grading cell in the headline grade's colour. */
function gradingTable(group: GroupSummary, config: DiagnosticsConfig, compiled: CompiledScale): Table {
  const widths = fitWidths([0.58, 0.42], TABLE_HEADINGS, group.rows.map((row) => [row.domain, row.text]));
  const rows = group.rows.map((row) => {
    const overall = row.domainKey === config.overall?.key;
    const fill = row.headline ? compiled.byCode.get(row.headline)?.colour : undefined;
    return [
      textCell(row.domain, { width: widths[0], bold: overall }),
      textCell(row.text, { width: widths[1], bold: overall, fill }),
    ];
  });
  return table(widths, [...TABLE_HEADINGS], rows);
}

function groupSection(summary: Summary, config: DiagnosticsConfig, compiled: CompiledScale): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const group of summary.groups) {
    out.push(
      heading(groupHeading(summary, group.name, group.visits), HeadingLevel.HEADING_2),
      para(JUDGEMENTS_LINE, { keepNext: true }),
      gradingTable(group, config, compiled),
      new Paragraph({ children: [] }),
    );
  }
  return out;
}

/** Grade | Visits across every group, best grade first, each grade cell in its colour: also the figure's key. */
function totalsTable(distribution: GradeDistribution): Table {
  const total = distribution.totals.reduce((a, b) => a + b, 0);
  const widths = fitWidths(
    [0.5, 0.2],
    ["Grade", "Visits"],
    [...distribution.categories.map((category, i) => [gradeName(category), String(distribution.totals[i])]), ["Total", String(total)]],
    { total: Math.round(TEXT_WIDTH * 0.7) },
  );
  const rows = distribution.categories.map((category, i) => [
    textCell(gradeName(category), { width: widths[0], fill: category.colour }),
    textCell(String(distribution.totals[i]), { width: widths[1], align: AlignmentType.RIGHT }),
  ]);
  rows.push([
    textCell("Total", { width: widths[0], bold: true }),
    textCell(String(total), { width: widths[1], bold: true, align: AlignmentType.RIGHT }),
  ]);
  return table(widths, ["Grade", "Visits"], rows);
}

/** The figure: a stacked bar per group, best grade on the left, with the counts beside it in the same row. */
function figureTable(distribution: GradeDistribution, groupWord: string): Table {
  const barWidth = Math.round(BAR.width * 15) + 2 * CELL_MARGINS.left; // 15 twips to a pixel
  const header = [groupWord === "service" ? "Service" : "Area", "Grades, best on the left", ...distribution.categories.map((c) => c.code), "Total"];
  const totals = distribution.groups.map((g) => g.counts.reduce((a, b) => a + b, 0));
  const countShare = (TEXT_WIDTH - 2300 - barWidth - 800) / distribution.categories.length;
  const widths = fitWidths(
    [2300, barWidth, ...distribution.categories.map(() => countShare), 800],
    header,
    distribution.groups.map((g, i) => [g.name, "", ...g.counts.map(String), String(totals[i])]),
    { floors: [0, barWidth] },
  );
  const [nameWidth, , ...rest] = widths;
  const totalWidth = rest[rest.length - 1];
  const max = Math.max(...distribution.groups.map((g) => g.counts.reduce((a, b) => a + b, 0)), 1);
  const rows = distribution.groups.map((group) => {
    const total = group.counts.reduce((a, b) => a + b, 0);
    const png = stackedBarPng(
      distribution.categories.map((c, i) => ({ count: group.counts[i], colour: c.colour })),
      max,
      BAR.width * BAR.density,
      BAR.height * BAR.density,
    );
    const described = distribution.categories
      .map((c, i) => (group.counts[i] ? `${group.counts[i]} ${c.label}` : ""))
      .filter(Boolean)
      .join(", ");
    const bar = barCell(png, widths[1], group.name, `${group.name}: ${described}.`);
    return [
      textCell(group.name, { width: nameWidth }),
      bar,
      ...group.counts.map((n, i) => textCell(String(n), { width: widths[2 + i], align: AlignmentType.CENTER })),
      textCell(String(total), { width: totalWidth, bold: true, align: AlignmentType.CENTER }),
    ];
  });
  const fills = [HEADER_FILL, HEADER_FILL, ...distribution.categories.map((c) => c.colour), HEADER_FILL];
  return table(widths, header, rows, fills);
}

function figureSection(summary: Summary, distribution: GradeDistribution, figure: number): (Paragraph | Table)[] {
  const word = summary.by;
  return [
    caption(`Figure ${figure}: ${distribution.domain.shortLabel} by ${word} (number of visits)`),
    figureTable(distribution, word),
    para(
      `Each bar shows one ${word}'s visits, best grade on the left, drawn to the same scale. The numbers beside each bar give the same counts.`,
      { italics: true },
    ),
  ];
}

/** The Word report: per-service (and per-area) tables as on the Summary sheet, an overview and the base. Aggregates only. */
export async function buildWordReport(input: WordReportInput): Promise<Uint8Array> {
  const { byService, config } = input;
  const byArea = input.byArea && input.byArea.groups.length > 0 ? input.byArea : null;
  const compiled = compileScale(config.scale);
  const scope = input.omitServiceTables ? (byArea ? "area" : "service") : byArea ? "service and area" : "service";
  const title = input.title ?? `Team diagnostics: findings by ${scope}`;
  const body: (Paragraph | Table)[] = [];

  body.push(
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    para(
      `This report sets out the overall judgements of the team diagnostics: for each ${scope}` +
        ", the headline grade in each quality domain and how many visits were given each grade. " +
        (input.trends && input.trends.trends.rounds.length > 1 && config.overall
          ? "It holds grades and counts only, and the names of teams whose overall conclusion changed since the last round: no names of managers or reviewers, and none of the written findings."
          : "It holds grades and counts only: no names of teams, managers or reviewers, and none of the written findings."),
    ),
    ...(input.trends ? openingSections(input.trends.trends, config, input.trends.threshold, summaryThemeTotals(byService, config)) : []),
    heading("What the figures cover", HeadingLevel.HEADING_1),
    ...describeBase(byService).map((text) => para(text)),
    ...(input.files && input.files.length > 1 ? [para(filesHeading(input.files.length), { keepNext: true }), ...input.files.map((f) => para(fileLine(f)))] : []),
    para(HEADLINE_RULE, { italics: true }),
  );

  if (!input.omitServiceTables) {
    body.push(heading("Findings by service", HeadingLevel.HEADING_1));
    if (byService.groups.length === 0) body.push(para(nothingCounted(byService.base)));
    body.push(...groupSection(byService, config, compiled));
  }

  if (byArea) {
    body.push(heading("Findings by area", HeadingLevel.HEADING_1));
    const { ungrouped } = byArea.base;
    if (ungrouped > 0) {
      body.push(para(`${ungrouped} ${ungrouped === 1 ? "visit has" : "visits have"} no area and ${ungrouped === 1 ? "is" : "are"} not in the tables by area.`));
    }
    body.push(...groupSection(byArea, config, compiled));
  }

  const dives = deepDiveFunctionLines(byService);
  if (dives.length > 0) {
    body.push(heading(DEEP_DIVES_HEADING, HeadingLevel.HEADING_1), para("Functions looked at as a whole; not graded in the tables above.", { keepNext: true }), ...dives.map((text) => para(text)));
  }
  body.push(...themesReportSection(byService)); // Issue 12: recurring themes, only with a theme column.
  if (input.actions && input.actions.services.length > 0) {
    const header = ["Service", ...ACTION_SUMMARY_HEADINGS];
    const rows = actionSummaryRows(input.actions).map((row) => row.map(String));
    const widths = fitWidths([0.22, ...ACTION_SUMMARY_HEADINGS.map(() => 0.78 / 6)], header, rows);
    body.push(
      heading(ACTION_SUMMARY_TITLE, HeadingLevel.HEADING_1),
      para(actionSummaryIntro(input.actions.today), { keepNext: true }),
      table(
        widths,
        header,
        rows.map((row) => row.map((v, i) => textCell(v, { width: widths[i], align: i > 0 ? AlignmentType.CENTER : undefined }))),
      ),
    );
  }

  if (input.moderation && input.moderation.length > 0) {
    const header = ["Service", ...MODERATION_HEADINGS];
    const rows = moderationRows(input.moderation).map((row) => row.map(String));
    const widths = fitWidths([0.3, ...MODERATION_HEADINGS.map(() => 0.7 / 4)], header, rows);
    body.push(
      heading(MODERATION_TITLE, HeadingLevel.HEADING_1),
      para(MODERATION_INTRO, { keepNext: true }),
      table(
        widths,
        header,
        rows.map((row) => row.map((v, i) => textCell(v, { width: widths[i], align: i > 0 ? AlignmentType.CENTER : undefined }))),
      ),
    );
  }

  // --by area: only the area grouping, its figure included (the totals are every visit counted, with an area or not).
  const areaOnly = input.omitServiceTables === true && byArea !== null;
  const distribution = gradeDistribution(byService, config, compiled);
  let figure = 1;
  if (distribution) {
    const domainName = distribution.overall ? "overall grade" : `grade for "${distribution.domain.fullLabel}"`;
    body.push(
      heading("Overview", HeadingLevel.HEADING_1),
      para(`How many visits were given each ${domainName}, ${areaOnly ? "across all the visits counted" : "across all services"}.`, { keepNext: true }),
    );
    if (!distribution.overall) {
      body.push(para("The workbook records no overall conclusion, so the overview uses the first quality domain.", { italics: true, keepNext: true }));
    }
    body.push(totalsTable(distribution), new Paragraph({ children: [] }));
    if (!areaOnly) body.push(...figureSection(byService, distribution, figure++));
    const areaDistribution = byArea ? gradeDistribution(byArea, config, compiled) : null;
    if (areaDistribution) body.push(...(areaOnly ? [] : [new Paragraph({ children: [] })]), ...figureSection(byArea!, areaDistribution, figure++));
  }

  if (input.trends) body.push(...progressSection(input.trends.trends, config, input.trends.threshold, figure));

  const excluded = byService.base.excluded;
  if (excluded.length > 0) {
    const rows = excluded.map((row) => [inFile(row as { file?: string }, leftOutRow(row)), leftOutReasons(row)]);
    const widths = fitWidths([0.25, 0.75], ["Row", "Reasons"], rows);
    body.push(
      heading(ROWS_LEFT_OUT, HeadingLevel.HEADING_1),
      para("These rows of the workbook were not counted. Correct them and produce the report again to include them.", { keepNext: true }),
      table(
        widths,
        ["Row", "Reasons"],
        rows.map(([row, reasons]) => [textCell(row, { width: widths[0] }), textCell(reasons, { width: widths[1] })]),
      ),
    );
  }

  const doc = new Document({
    title,
    creator: "Team Diagnostics",
    description: "Team diagnostics summary: aggregate counts only.",
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: "en-GB" } }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 40, bold: true, color: "1F3864" }, paragraph: { spacing: { after: 200 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 320, after: 120 } } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: "1F3864" }, paragraph: { spacing: { before: 240, after: 80 } } },
      },
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
