/**
 * A workbook's structure from its small XML parts, with no Node Buffer and no zlib, so the command line's fast
 * reader (xlsxReader.ts, xlsxFile.ts) and the pane's reader of a chosen file (xlsxParts.ts) share it: the
 * relationships, the sheets and their tables, the defined names, the shared strings and the date styles.
 */
import { SourceBook, SourceTable, sheetOfReference } from "../exceljs/snapshot";
import { attributes, decodeXml, tags, textRuns, textRunsByPattern } from "./xmlText";

/**
 * A workbook part that is not there or cannot be read: the readers turn it into one sentence. `message` reads after
 * "could not be read: " ("its part xl/worksheets/sheet1.xml is damaged"); `ofSheet`, when the problem is in a
 * sheet, reads after `sheet "Diagnostics" ` ("is damaged (part xl/worksheets/sheet1.xml)"), and is the message
 * itself when not given (the scanner's "has a cell beyond Excel's limit …").
 */
export class XlsxFormatError extends Error {
  constructor(
    message: string,
    readonly ofSheet: string = message,
  ) {
    super(message);
  }
}

/** The sentence's end for a problem met in one sheet: `sheet "Old" is damaged (part xl/worksheets/sheet2.xml)`. */
export function sheetFormatError(sheet: string, error: XlsxFormatError): XlsxFormatError {
  return new XlsxFormatError(`sheet "${sheet}" ${error.ofSheet}`);
}

/** What scanning a sheet needs from the other parts. */
export interface ScanOptions {
  strings: readonly string[];
  date1904: boolean;
  isDate: readonly boolean[];
}

/** The shared strings by regular expression: any namespace prefix on any <si>. */
export function sharedStringsByPattern(xml: string): string[] {
  const out: string[] = [];
  const re = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ? textRunsByPattern(m[1]) : "");
  return out;
}

/**
 * The shared strings. When no <si> has a namespace prefix (Excel, ExcelJS and openpyxl write none) each is found with
 * indexOf rather than the pattern, whose lazy match tries "</si>" at every character: on a workbook of 100,000
 * visits, whose Visit IDs make 100,000 strings, that was about 60 ms of the command's start. The same list as
 * sharedStringsByPattern (test/adapters/files/sharedStrings.test.ts compares them).
 */
export function sharedStrings(xml: string): string[] {
  if (xml.indexOf(":si") >= 0) return sharedStringsByPattern(xml);
  const out: string[] = [];
  let at = xml.indexOf("<si");
  while (at >= 0) {
    const after = xml.charCodeAt(at + 3);
    // "<si" followed by ">", "/" or white space starts an <si>; a letter, digit or "_" (<sig…>) another element.
    // Anything else, or an <si> that does not close, is XML no writer makes: the patterns decide it, as they always did.
    if (after !== 62 && after !== 47 && after !== 32 && after !== 9 && after !== 10 && after !== 13) {
      if (!/[\w]/.test(xml.charAt(at + 3))) return sharedStringsByPattern(xml);
      at = xml.indexOf("<si", at + 3);
      continue;
    }
    const gt = xml.indexOf(">", at + 3);
    if (gt < 0) return sharedStringsByPattern(xml);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push(""); // <si/>
      at = xml.indexOf("<si", gt + 1);
      continue;
    }
    const close = xml.indexOf("</si>", gt + 1);
    // An <si> inside this one, before its end, is no list Excel writes either.
    if (close < 0 || xml.lastIndexOf("<si", close) > at) return sharedStringsByPattern(xml);
    out.push(close > gt + 1 ? textRuns(xml.slice(gt + 1, close)) : "");
    at = xml.indexOf("<si", close + 5);
  }
  return out;
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** Which cell style indexes show dates: needed only to move 1904-system serials onto the 1900 system. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const a of tags(xml, "numFmt")) custom.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "");
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(xml);
  if (!cellXfs) return [];
  return tags(cellXfs[0], "xf").map((a) => {
    const id = Number(a.get("numFmtId") ?? 0);
    const code = custom.get(id);
    if (code === undefined) return BUILT_IN_DATE_FORMATS.has(id);
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
    return /[dmyDMY]/.test(bare) && !/^[#0.,%\s]*$/.test(bare);
  });
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/");
  parts.pop();
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

function relationships(xml: string | null, base: string): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  if (!xml) return map;
  for (const a of tags(xml, "Relationship")) {
    if (a.get("TargetMode") === "External") continue;
    map.set(a.get("Id") ?? "", { type: a.get("Type") ?? "", target: resolveTarget(base, a.get("Target") ?? "") });
  }
  return map;
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A workbook's sheets, before any sheet is scanned: names, tables, and where each sheet's part is. */
export interface WorkbookParts {
  sheets: { name: string; tables: SourceTable[]; part: string }[];
  names: SourceBook["names"];
  scan: ScanOptions;
}

/** Everything but the sheets' cells, from the small parts (`text` gives a part's XML, or null when there is none). */
/** Said of a zip without its workbook part: ExcelJS would read it as a workbook with no sheets, which it is not. */
export const NO_WORKBOOK_PART = "it has no workbook part, so it is damaged or is not an Excel workbook; open it in Excel and save it again as .xlsx";

/** The workbook part's path (from the package's relationships) and its XML; the part missing is a format error. */
function workbookXmlOf(text: (path: string) => string | null): { officeDocument: string; workbookXml: string } {
  const rootRels = relationships(text("_rels/.rels"), "");
  const officeDocument = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookXml = text(officeDocument);
  if (workbookXml === null) throw new XlsxFormatError(NO_WORKBOOK_PART);
  return { officeDocument, workbookXml };
}

/** Every sheet's name, worksheets, chart sheets and all, in the workbook's order: no part but the workbook's is read. */
export function sheetNames(text: (path: string) => string | null): string[] {
  return tags(workbookXmlOf(text).workbookXml, "sheet").map((a) => a.get("name") ?? "");
}

export function workbookParts(text: (path: string) => string | null): WorkbookParts {
  const { officeDocument, workbookXml } = workbookXmlOf(text);
  const workbookRels = relationships(text(relsPath(officeDocument)), officeDocument);

  const pr = tags(workbookXml, "workbookPr")[0];
  const date1904 = pr ? ["1", "true"].includes((pr.get("date1904") ?? "").toLowerCase()) : false;

  const relOfType = (suffix: string) => [...workbookRels.values()].find((r) => r.type.endsWith(suffix))?.target;
  // The shared strings are read whole, as a list: usually small (grades, services, teams repeat), but every
  // distinct narrative text of a sheet is in it when the writer shares strings (Excel and ExcelJS do; openpyxl 3
  // writes every string inline, t="inlineStr", and shares none).
  const stringsPath = relOfType("/sharedStrings");
  const strings = stringsPath ? sharedStrings(text(stringsPath) ?? "") : [];
  const stylesPath = relOfType("/styles");
  const isDate = date1904 && stylesPath ? dateStyles(text(stylesPath) ?? "") : [];

  const sheets: WorkbookParts["sheets"] = [];
  for (const a of tags(workbookXml, "sheet")) {
    const name = a.get("name") ?? "";
    const rel = workbookRels.get(a.get("r:id") ?? a.get("id") ?? "");
    if (!rel || !rel.type.endsWith("/worksheet")) continue; // chart sheets and macro sheets hold no cells
    const part = rel.target;
    const tables: SourceTable[] = [];
    for (const r of relationships(text(relsPath(part)), part).values()) {
      if (!r.type.endsWith("/table")) continue;
      const xml = text(r.target);
      const t = xml ? tags(xml, "table")[0] : undefined;
      if (!t) continue;
      tables.push({
        name: t.get("displayName") || t.get("name") || "",
        ref: t.get("ref") ?? "",
        headerRow: t.get("headerRowCount") !== "0",
        totalsRow: Number(t.get("totalsRowCount") ?? 0) > 0,
      });
    }
    sheets.push({ name, tables, part });
  }

  const names: SourceBook["names"] = [];
  const re = /<(?:[\w.-]+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:[\w.-]+:)?definedName>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(workbookXml))) {
    const a = attributes(m[1]);
    names.push({ name: a.get("name") ?? "", sheet: sheetOfReference(decodeXml(m[2])) });
  }
  return { sheets, names, scan: { strings, date1904, isDate } };
}

