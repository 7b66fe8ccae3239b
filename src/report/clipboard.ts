import { DiagnosticsConfig, GroupSummary, Summary, compileScale, defaultConfig } from "../domain";
import { readableTextColour } from "../domain/colour";
import { JUDGEMENTS_LINE, TABLE_HEADINGS, describeBaseInline, groupHeading } from "../presentation/wording";
import { neutraliseFormula } from "./csv";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const FONT = "font-family:Arial,Helvetica,sans-serif;font-size:11pt";
const CELL = "border:1px solid #7F7F7F;padding:3pt 5pt;vertical-align:top;text-align:left";
const HEADER_FILL = "DDE7EE";

function td(text: string, options: { fill?: string; bold?: boolean; header?: boolean; width?: string } = {}): string {
  const tag = options.header ? "th" : "td";
  const styles = [CELL];
  if (options.width) styles.push(`width:${options.width}`);
  if (options.fill) styles.push(`background-color:#${options.fill};color:#${readableTextColour(options.fill)}`);
  styles.push(`font-weight:${options.bold ? "bold" : "normal"}`);
  const bg = options.fill ? ` bgcolor="#${options.fill}"` : "";
  return `<${tag} style="${styles.join(";")}"${bg}>${escapeHtml(text)}</${tag}>`;
}

type Colours = (code: string | null) => string | undefined;

function tableHtml(group: GroupSummary, colourOf: Colours, overallKey: string | null): string {
  const rows = group.rows.map((row) => {
    const overall = row.domainKey === overallKey;
    return `<tr>${td(row.domain, { bold: overall })}${td(row.text, { bold: overall, fill: colourOf(row.headline) })}</tr>`;
  });
  return (
    `<table style="border-collapse:collapse;${FONT}" border="1" cellspacing="0" cellpadding="4">` +
    `<thead><tr>${td(TABLE_HEADINGS[0], { header: true, bold: true, fill: HEADER_FILL, width: "58%" })}${td(TABLE_HEADINGS[1], { header: true, bold: true, fill: HEADER_FILL, width: "42%" })}</tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`
  );
}

function clean(text: string): string {
  return neutraliseFormula(text.replace(/[\t\r\n]+/g, " "));
}

function tableText(group: GroupSummary): string[] {
  return [TABLE_HEADINGS.join("\t"), ...group.rows.map((row) => `${clean(row.domain)}\t${clean(row.text)}`)];
}


/**
 * One group's table (or, with groupName null, every group's under its heading) for the clipboard:
 * HTML with inline styles that Word and Outlook paste as a real table, and tab-separated plain text.
 * Grade colours and the bold overall row come from the config (default: the Ofsted scale). Every piece of text is HTML-escaped; plain-text fields that a spreadsheet would run as formulas are neutralised.
 */
export function summaryTableClipboard(
  summary: Summary,
  groupName: string | null,
  config: DiagnosticsConfig = defaultConfig(),
): { html: string; text: string } {
  const colours = compileScale(config.scale).byCode;
  const colourOf: Colours = (code) => (code ? colours.get(code)?.colour : undefined);
  const overallKey = config.overall?.key ?? null;
  // Every copy states its base (domain.md: the round or dates, visits counted, what was left out).
  const base = describeBaseInline(summary);
  const baseHtml = `<p style="${FONT};font-size:9pt;font-style:italic;margin:3pt 0 0 0">${escapeHtml(base)}</p>`;
  if (groupName !== null) {
    const group = summary.groups.find((g) => g.name === groupName);
    if (!group) throw new Error(`There is no table for "${groupName}".`);
    // Its heading gives the table's own visits; the base below is the whole summary's.
    const heading = groupHeading(summary, group.name, group.visits);
    return {
      html: `<p style="${FONT};font-weight:bold;margin:0 0 3pt 0">${escapeHtml(heading)}</p>\n${tableHtml(group, colourOf, overallKey)}\n${baseHtml}`,
      text: `${clean(heading)}\n${tableText(group).join("\n")}\n${clean(base)}\n`,
    };
  }
  const html: string[] = [];
  const text: string[] = [];
  for (const group of summary.groups) {
    const heading = groupHeading(summary, group.name, group.visits);
    html.push(
      `<p style="${FONT};font-weight:bold;font-size:13pt;margin:12pt 0 3pt 0">${escapeHtml(heading)}</p>`,
      `<p style="${FONT};margin:0 0 6pt 0">${escapeHtml(JUDGEMENTS_LINE)}</p>`,
      tableHtml(group, colourOf, overallKey),
    );
    text.push(clean(heading), JUDGEMENTS_LINE, ...tableText(group), "");
  }
  html.push(baseHtml);
  text.push(clean(base), "");
  return { html: html.join("\n"), text: text.join("\n") };
}
