import JSZip from "jszip";

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

/** The text of every w:t in a piece of WordprocessingML, joined. */
export function runText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join("");
}

export interface DocxContents {
  xml: string;
  files: string[];
  /** Each table: rows of cells, each cell's text and its shading fill (if any). */
  tables: { text: string; fill: string | null }[][][];
  /** Paragraphs outside tables, with their style id. */
  paragraphs: { style: string | null; text: string }[];
  zip: JSZip;
}

/** Reads a .docx back: its tables cell by cell and its body paragraphs. */
export async function readDocx(bytes: Uint8Array): Promise<DocxContents> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("word/document.xml")!.async("string");
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => ({
        text: runText(c[1]),
        fill: /<w:tcPr>[\s\S]*?<w:shd [^>]*w:fill="([0-9A-Fa-f]{6})"/.exec(c[1])?.[1]?.toUpperCase() ?? null,
      })),
    ),
  );
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  const paragraphs = [...outside.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)].map((p) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p[1])?.[1] ?? null,
    text: runText(p[1]),
  }));
  return { xml, files: Object.keys(zip.files), tables, paragraphs, zip };
}
