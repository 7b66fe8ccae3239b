/**
 * A1 addresses as Excel writes and reads them. Rows and columns here are 0-based; rectangles are inclusive.
 * No Node-only imports: the emulation is also bundled into the browser workbench.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parsePart(part: string): { r: number | null; c: number | null } | null {
  let m = CELL.exec(part);
  if (m) return { r: Number(m[2]) - 1, c: columnNumber(m[1]) };
  m = COLUMN.exec(part);
  if (m) return { r: null, c: columnNumber(m[1]) };
  m = ROW.exec(part);
  if (m) return { r: Number(m[1]) - 1, c: null };
  return null;
}

/** Splits "'My sheet'!A1:B2" into the sheet name (unquoted) and the local address. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const text = address.trim().replace(/^=/, "");
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (text[i] === "'") break;
      else name += text[i++];
    }
    if (text[i + 1] === "!") return { sheet: name, local: text.slice(i + 2) };
    return { sheet: null, local: text };
  }
  const bang = text.lastIndexOf("!");
  if (bang >= 0) return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
  return { sheet: null, local: text };
}

/** Parses "A1", "A1:C3", "$A$1", "A:C", "2:5" (no sheet name). Throws on anything else. */
export function parseRect(local: string): Rect {
  const parts = local.trim().split(":");
  if (parts.length < 1 || parts.length > 2) throw new Error(`Bad address ${local}`);
  const a = parsePart(parts[0]);
  const b = parts.length === 2 ? parsePart(parts[1]) : a;
  if (!a || !b) throw new Error(`Bad address ${local}`);
  if ((a.r === null) !== (b.r === null) || (a.c === null) !== (b.c === null)) throw new Error(`Bad address ${local}`);
  const r0 = a.r ?? 0;
  const r1 = b.r ?? MAX_ROWS - 1;
  const c0 = a.c ?? 0;
  const c1 = b.c ?? MAX_COLUMNS - 1;
  const rect = { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
  if (rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS) throw new Error(`Bad address ${local}`);
  return rect;
}

/** "A1:C3", "A1", whole columns "A:C" and whole rows "2:5", as Excel reports them. */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const wholeColumns = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
  if (wholeColumns && !wholeRows) return `${d}${columnLetters(rect.c0)}:${d}${columnLetters(rect.c1)}`;
  if (wholeRows) return `${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  const a = `${d}${columnLetters(rect.c0)}${d}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${d}${columnLetters(rect.c1)}${d}${rect.r1 + 1}`;
}

/** Quotes a sheet name the way Excel does in addresses and formulas. */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheet: string, rect: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${formatRect(rect, absolute)}`;
}

export const rows = (r: Rect) => r.r1 - r.r0 + 1;
export const columns = (r: Rect) => r.c1 - r.c0 + 1;
export const cellCount = (r: Rect) => rows(r) * columns(r);

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function containsCell(rect: Rect, r: number, c: number): boolean {
  return r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

/** a minus b, as up to four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersect(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.r0 < i.r0) out.push({ r0: a.r0, r1: i.r0 - 1, c0: a.c0, c1: a.c1 });
  if (i.r1 < a.r1) out.push({ r0: i.r1 + 1, r1: a.r1, c0: a.c0, c1: a.c1 });
  if (a.c0 < i.c0) out.push({ r0: i.r0, r1: i.r1, c0: a.c0, c1: i.c0 - 1 });
  if (i.c1 < a.c1) out.push({ r0: i.r0, r1: i.r1, c0: i.c1 + 1, c1: a.c1 });
  return out;
}
