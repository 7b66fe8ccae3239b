/**
 * Column widths for the Word tables, worked out from what the columns hold, so that no header word and no date is
 * broken inside itself ("Monitorin g", "10/01/201 8"). The reports ask for Arial; where it is missing (LibreOffice on
 * Linux) DejaVu Sans takes its place, and it is the wider of the two, so text is measured in DejaVu Sans: what fits
 * in it fits in Arial in Word too. The widths are a table here, not read from a font file with a font library
 * (opentype.js, fontkit): the report is also built in the pane, which has no font files to read, and only
 * printable ASCII needs its own width.
 */

/** Advance widths of DejaVu Sans, thousandths of an em, for the characters from space (32) to tilde (126). */
const REGULAR = [
  318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531,
  1000, 685, 687, 699, 771, 632, 576, 775, 752, 295, 295, 656, 558, 863, 749, 788, 604, 788, 695, 635, 611, 732, 685, 989, 686, 611, 686, 391, 337, 391, 838, 500,
  500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580, 278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
];
/** The same for DejaVu Sans Bold. */
const BOLD = [
  349, 457, 521, 838, 696, 1002, 873, 307, 458, 458, 523, 838, 380, 416, 380, 366, 696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 581,
  1000, 774, 763, 734, 831, 684, 684, 821, 837, 373, 373, 775, 638, 996, 837, 851, 733, 851, 771, 721, 683, 813, 774, 1104, 771, 725, 726, 458, 366, 458, 838, 500,
  500, 675, 716, 593, 716, 679, 436, 716, 712, 343, 343, 666, 343, 1042, 712, 688, 716, 716, 494, 596, 479, 712, 652, 924, 646, 652, 583, 712, 366, 712, 838,
];
/** Any other character (after its accent is set aside: é as e) counts as a whole em, wider than most. */
const OTHER = 1000;
/** Room for rounding and for a renderer that measures a little wider than the font's own widths. */
const SLACK = 1.04;

/** The width of a piece of text on one line, in twips, at a font size in half-points (22 is 11 pt). */
export function textWidth(text: string, bold: boolean, halfPoints = 22): number {
  const table = bold ? BOLD : REGULAR;
  let thousandths = 0;
  for (const ch of text) {
    const code = ch.normalize("NFD").codePointAt(0) ?? 0;
    thousandths += code >= 32 && code <= 126 ? table[code - 32] : OTHER;
  }
  return (thousandths * halfPoints * 10) / 1000; // an em is the font size: halfPoints * 10 twips
}

/** The widest piece of the text a line cannot break inside (a word, a number, a dd/mm/yyyy date), in twips. */
export function longestWordWidth(text: string, bold: boolean, halfPoints = 22): number {
  return Math.max(0, ...text.split(/\s+/).map((word) => textWidth(word, bold, halfPoints)));
}

/** A column's text: the header in bold, then the body cells (bold where the table makes them so). */
export interface ColumnText {
  text: string;
  bold?: boolean;
}

/**
 * Widths in twips that add up to `total`: each column as near its share as it can be, but never narrower than its
 * longest word plus the cell's left and right margins (or a floor of its own, such as a figure's bar). Columns above
 * their minimum give way, in proportion to their shares. When even the minimums do not fit, they are scaled down
 * to the total: some word must then break, but the table stays inside the page.
 */
export function fitColumns(shares: readonly number[], columns: readonly ColumnText[][], options: { total: number; margins: number; floors?: readonly number[] }): number[] {
  const { total, margins } = options;
  const minimums = shares.map((_, i) =>
    Math.max(options.floors?.[i] ?? 0, Math.ceil(Math.max(0, ...(columns[i] ?? []).map((c) => longestWordWidth(c.text, c.bold ?? false))) * SLACK) + margins),
  );
  const least = minimums.reduce((a, b) => a + b, 0);
  if (least >= total) return spread(minimums, total);
  const fixed = new Set<number>();
  for (;;) {
    const free = shares.map((s, i) => (fixed.has(i) ? 0 : s));
    const freeShares = free.reduce((a, b) => a + b, 0);
    const room = total - [...fixed].reduce((a, i) => a + minimums[i], 0);
    const widths = shares.map((_, i) => (fixed.has(i) ? minimums[i] : freeShares > 0 ? (room * free[i]) / freeShares : 0));
    const short = widths.map((w, i) => (!fixed.has(i) && w < minimums[i] ? i : -1)).filter((i) => i >= 0);
    if (short.length === 0) return spread(widths, total);
    for (const i of short) fixed.add(i);
  }
}

/** Whole twips that add up to the total, the rounding taken up by the widest column. */
function spread(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const out = widths.map((w) => Math.floor((w * total) / sum));
  const widest = out.indexOf(Math.max(...out));
  out[widest] += total - out.reduce((a, b) => a + b, 0);
  return out;
}
