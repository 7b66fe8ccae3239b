/**
 * Checks that a Word document's tables give every header word, and every dd/mm/yyyy date in the body, the room it
 * needs on one line. Text is measured with the advance widths read from the DejaVu Sans font files themselves (the
 * font LibreOffice draws in Arial's place, and the wider of the two), not with the report code's own table.
 */
import { existsSync, readFileSync } from "node:fs";

const FONT_DIR = "/usr/share/fonts/truetype/dejavu";
export const FONT_FILES = { regular: `${FONT_DIR}/DejaVuSans.ttf`, bold: `${FONT_DIR}/DejaVuSans-Bold.ttf` };
export const haveFonts = existsSync(FONT_FILES.regular) && existsSync(FONT_FILES.bold);

/** A TrueType font's advance width of a character, in em (cmap format 4 and hmtx). */
function advanceWidths(path: string): (ch: string) => number {
  const d = readFileSync(path);
  const tables = new Map<string, number>();
  for (let i = 0; i < d.readUInt16BE(4); i++) tables.set(d.toString("latin1", 12 + 16 * i, 16 + 16 * i), d.readUInt32BE(20 + 16 * i));
  const unitsPerEm = d.readUInt16BE(tables.get("head")! + 18);
  const metrics = d.readUInt16BE(tables.get("hhea")! + 34);
  const hmtx = tables.get("hmtx")!;
  const cmap = tables.get("cmap")!;
  let sub = 0;
  for (let i = 0; i < d.readUInt16BE(cmap + 2); i++) {
    if (d.readUInt16BE(cmap + 4 + 8 * i) === 3 && d.readUInt16BE(cmap + 6 + 8 * i) === 1) sub = cmap + d.readUInt32BE(cmap + 8 + 8 * i);
  }
  const segments = d.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  const glyph = (code: number): number => {
    for (let i = 0; i < segments; i++) {
      if (d.readUInt16BE(ends + 2 * i) < code) continue;
      const start = d.readUInt16BE(starts + 2 * i);
      if (start > code) return 0;
      const delta = d.readInt16BE(deltas + 2 * i);
      const offset = d.readUInt16BE(offsets + 2 * i);
      if (offset === 0) return (code + delta) & 0xffff;
      const g = d.readUInt16BE(offsets + 2 * i + offset + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return (ch) => d.readUInt16BE(hmtx + 4 * Math.min(glyph(ch.codePointAt(0)!), metrics - 1)) / unitsPerEm;
}

let fonts: { regular: (ch: string) => number; bold: (ch: string) => number } | null = null;

/** The width of a word on one line in twips, at a size in half-points. */
export function measure(word: string, bold: boolean, halfPoints: number): number {
  fonts ??= { regular: advanceWidths(FONT_FILES.regular), bold: advanceWidths(FONT_FILES.bold) };
  const width = bold ? fonts.bold : fonts.regular;
  return [...word].reduce((sum, ch) => sum + width(ch), 0) * halfPoints * 10;
}

const attr = (xml: string, re: RegExp): number | null => {
  const m = re.exec(xml);
  return m ? Number(m[1]) : null;
};

/** Every word of a header cell, and every date of a body cell, that has less room in its column than it needs. */
export function cramped(documentXml: string, defaultHalfPoints = 22): string[] {
  const out: string[] = [];
  [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].forEach(([, tbl], t) => {
    const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    const tblMar = /<w:tblCellMar>([\s\S]*?)<\/w:tblCellMar>/.exec(tbl)?.[1] ?? "";
    // Absent margins are Word's Normal Table style's: 108 twips a side.
    const tableLeft = attr(tblMar, /<w:(?:left|start) w:type="dxa" w:w="(\d+)"/) ?? 108;
    const tableRight = attr(tblMar, /<w:(?:right|end) w:type="dxa" w:w="(\d+)"/) ?? 108;
    [...tbl.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].forEach(([, tr], r) => {
      [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].forEach(([, tc], c) => {
        const mar = /<w:tcMar>([\s\S]*?)<\/w:tcMar>/.exec(tc)?.[1] ?? "";
        const left = attr(mar, /<w:(?:left|start) w:type="dxa" w:w="(\d+)"/) ?? tableLeft;
        const right = attr(mar, /<w:(?:right|end) w:type="dxa" w:w="(\d+)"/) ?? tableRight;
        const room = grid[c] - left - right;
        for (const [, run] of tc.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
          const text = [...run.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
          const bold = /<w:b\/>|<w:b w:val="(?:true|1|on)"\/>/.test(run);
          const size = attr(run, /<w:sz w:val="(\d+)"\/>/) ?? defaultHalfPoints;
          const words = r === 0 ? text.split(/\s+/).filter(Boolean) : (text.match(/\b\d{2}\/\d{2}\/\d{4}\b/g) ?? []);
          for (const word of words) {
            const need = measure(word, bold, size);
            if (need > room) out.push(`table ${t + 1}, row ${r + 1}, column ${c + 1}: "${word}" needs ${Math.ceil(need)} twips, has ${room}`);
          }
        }
      });
    });
  });
  return out;
}
