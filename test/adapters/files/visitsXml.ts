/**
 * The Diagnostics visits of test/cli/fixtures.ts knownRows() as a hand-written .xlsx, in the forms other writers
 * use: shared or inline strings, dates as serials (1900 or 1904 system) or as ISO text (t="d", as openpyxl writes
 * with iso_dates), a namespace prefix, cells with or without "r". The readers under test do not write it.
 */
import { HEADERS, Row, knownRows } from "../../cli/fixtures";
import { deflated, zip } from "./zipFixture";

export interface VisitsXmlForm {
  strings: "shared" | "inline";
  dates: "serial" | "iso";
  date1904: boolean;
  /** A namespace prefix for the spreadsheet elements ("" for the default namespace). */
  prefix: string;
  /** Cells carry r="B7"; without, each row writes every column (empty cells too) and cells count from A. */
  refs: boolean;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const column = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : column(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

/** knownRows with text that is not plain ASCII or needs escaping, in short and long runs. */
export function visitRows(): Row[] {
  return knownRows().map((r, i) =>
    i === 0 ? { ...r, "Team manager": "Zoë Ó Brien & <co>", Strengths: "Narrative with “quotes”, é and ü, long enough to be decoded whole." } : r,
  );
}

/** `tail` is XML written after the rows, inside <sheetData>. */
export function visitsXlsx(form: VisitsXmlForm, rows: Row[] = visitRows(), tail = ""): Buffer {
  const p = form.prefix ? `${form.prefix}:` : "";
  const ns = form.prefix ? `xmlns:${form.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const shared: string[] = [];
  const index = new Map<string, number>();
  const text = (s: string) => {
    if (form.strings === "inline") return ` t="inlineStr"><${p}is><${p}t>${escape(s)}</${p}t></${p}is></${p}c>`;
    let at = index.get(s);
    if (at === undefined) {
      at = shared.length;
      shared.push(s);
      index.set(s, at);
    }
    return ` t="s"><${p}v>${at}</${p}v></${p}c>`;
  };
  const cell = (value: unknown): string => {
    if (value instanceof Date) {
      if (form.dates === "iso") return ` t="d"><${p}v>${value.toISOString().slice(0, 19)}</${p}v></${p}c>`;
      const serial = value.getTime() / 86400000 + 25569 - (form.date1904 ? 1462 : 0);
      return ` s="1"><${p}v>${serial}</${p}v></${p}c>`;
    }
    if (typeof value === "number") return `><${p}v>${value}</${p}v></${p}c>`;
    return text(String(value));
  };
  const lines = [HEADERS, ...rows.map((r) => HEADERS.map((h) => r[h]))].map((values, r) => {
    const cells = values.map((v, c) => {
      const ref = form.refs ? ` r="${column(c)}${r + 1}"` : "";
      return v === undefined || v === null || v === "" ? (form.refs ? "" : `<${p}c/>`) : `<${p}c${ref}${cell(v)}`;
    });
    return `<${p}row r="${r + 1}">${cells.join("")}</${p}row>`;
  });
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}><${p}dimension ref="A1:Q${rows.length + 1}"/><${p}sheetData>${lines.join("")}${tail}</${p}sheetData></${p}worksheet>`;
  const sst = `<${p}sst ${ns} count="${shared.length}">${shared.map((s) => `<${p}si><${p}t>${escape(s)}</${p}t></${p}si>`).join("")}</${p}sst>`;
  return zip({
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": `<Relationships><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<${p}workbook ${ns} xmlns:r="${REL}"><${p}workbookPr${form.date1904 ? ' date1904="1"' : ""}/><${p}sheets><${p}sheet name="Diagnostics" sheetId="1" r:id="rS"/></${p}sheets></${p}workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rS" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/>${form.strings === "shared" ? `<Relationship Id="rX" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    "xl/styles.xml": `<${p}styleSheet ${ns}><${p}cellXfs count="2"><${p}xf numFmtId="0"/><${p}xf numFmtId="14"/></${p}cellXfs></${p}styleSheet>`,
    "xl/worksheets/sheet1.xml": deflated(sheet),
    ...(form.strings === "shared" ? { "xl/sharedStrings.xml": deflated(sst) } : {}),
  });
}
