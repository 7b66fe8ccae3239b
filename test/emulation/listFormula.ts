/**
 * A list rule whose source is a formula returning a range (a dependent list, issue 13), evaluated for one cell.
 * Only the forms the add-in writes are modelled: OFFSET, MATCH (exact, match type 0), INDEX, IFERROR and MAX over
 * names, cell and range references and numbers, with "+" and "-". Anything else is an error, which offers nothing.
 *
 * Relative references move with the cell: the formula is read as written for the rule's top-left cell, so `$D2`
 * on a rule over E2:E1048576 is D7 for E7 (the file format's reading of a rule's sqref; Office.js does not say, see
 * FIDELITY.md). MATCH compares text without regard to case, as Excel does; a blank lookup value is #N/A.
 * Functions: https://support.microsoft.com/office/offset-function-c8de19ae-dd79-4b9b-a14e-b4d906d11b66,
 * https://support.microsoft.com/office/match-function-e8dffd45-c762-47d6-bf89-533f4a37673a,
 * https://support.microsoft.com/office/index-function-a5dcf0dd-996d-40a4-a822-b56b061328bd.
 */
import { Rect, columnNumber, splitSheet } from "./address";
import type { EmulatedSheet } from "./sheet";

type Scalar = string | number | boolean;
interface Ref {
  sheet: EmulatedSheet;
  rect: Rect;
}
type FormulaError = { error: "#N/A" | "#REF!" | "#VALUE!" | "#NAME?" };
type Value = Ref | Scalar | FormulaError;

const isError = (v: Value): v is FormulaError => typeof v === "object" && v !== null && "error" in v;
const isRef = (v: Value): v is Ref => typeof v === "object" && v !== null && "rect" in v;

/** The range the formula returns for the cell `shift` rows and columns from the rule's top-left, or an error. */
export function evaluateListFormula(sheet: EmulatedSheet, formula: string, shift: { rows: number; columns: number }): Ref | FormulaError {
  try {
    const tokens = tokenize(formula.replace(/^=/, ""));
    const parser = new Parser(tokens, sheet, shift);
    const value = parser.expression();
    if (!parser.done()) return { error: "#VALUE!" };
    return isRef(value) ? value : isError(value) ? value : { error: "#VALUE!" };
  } catch {
    return { error: "#VALUE!" };
  }
}

/** Whether a list source is a formula (a function call), rather than a name or a plain reference. */
export const isFormulaSource = (source: string) => source.startsWith("=") && source.includes("(");

type Token = { t: "name" | "num" | "str" | "op"; v: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:('(?:[^']|'')+'![$A-Za-z0-9:]+)|([A-Za-z_][A-Za-z0-9_.]*![$A-Za-z0-9:]+)|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(\d+(?:\.\d+)?)|("(?:[^"]|"")*")|([A-Za-z_][A-Za-z0-9_.]*)|([(),+-]))/y;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) {
      if (/^\s*$/.test(text.slice(at))) break;
      throw new Error(`Cannot read ${text.slice(at)}`);
    }
    at = re.lastIndex;
    if (m[1] || m[2] || m[3]) tokens.push({ t: "name", v: m[1] ?? m[2] ?? m[3] });
    else if (m[4]) tokens.push({ t: "num", v: m[4] });
    else if (m[5]) tokens.push({ t: "str", v: m[5].slice(1, -1).replace(/""/g, '"') });
    else if (m[6]) tokens.push({ t: "name", v: m[6] });
    else tokens.push({ t: "op", v: m[7] });
  }
  return tokens;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly sheet: EmulatedSheet,
    private readonly shift: { rows: number; columns: number },
  ) {}

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private take(op?: string): Token {
    const token = this.tokens[this.at++];
    if (!token || (op !== undefined && token.v !== op)) throw new Error(`Expected ${op ?? "more"}`);
    return token;
  }

  expression(): Value {
    let left = this.term();
    while (this.peek()?.t === "op" && (this.peek()!.v === "+" || this.peek()!.v === "-")) {
      const op = this.take().v;
      const right = this.term();
      const a = this.number(left);
      const b = this.number(right);
      if (isError(a)) left = a;
      else if (isError(b)) left = b;
      else left = op === "+" ? a + b : a - b;
    }
    return left;
  }

  private term(): Value {
    const token = this.take();
    if (token.t === "num") return Number(token.v);
    if (token.t === "str") return token.v;
    if (token.t === "op" && token.v === "-") {
      const n = this.number(this.term());
      return isError(n) ? n : -n;
    }
    if (token.t === "op" && token.v === "(") {
      const inner = this.expression();
      this.take(")");
      return inner;
    }
    if (token.t !== "name") throw new Error(`Unexpected ${token.v}`);
    if (this.peek()?.v === "(") {
      this.take("(");
      const args: Value[] = [];
      if (this.peek()?.v !== ")") {
        args.push(this.expression());
        while (this.peek()?.v === ",") {
          this.take(",");
          args.push(this.expression());
        }
      }
      this.take(")");
      return call(token.v.toUpperCase(), args, (v) => this.number(v), (v) => this.scalar(v));
    }
    return this.reference(token.v);
  }

  private reference(text: string): Value {
    const named = this.sheet.workbook.findName(text);
    if (named) return named.sheet && named.rect ? { sheet: named.sheet, rect: named.rect } : { error: "#REF!" };
    const { sheet: sheetName, local } = splitSheet(text);
    const target = sheetName ? this.sheet.workbook.findSheet(sheetName) : this.sheet;
    if (!target) return { error: "#REF!" };
    const [a, b = a] = local.split(":");
    const p = this.cell(a);
    const q = this.cell(b);
    if (!p || !q) return { error: "#NAME?" };
    return { sheet: target, rect: { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) } };
  }

  /** A cell reference, its relative parts moved by the cell's distance from the rule's top-left. */
  private cell(text: string): { r: number; c: number } | null {
    const m = CELL.exec(text);
    if (!m) return null;
    const c = columnNumber(m[2]) + (m[1] ? 0 : this.shift.columns);
    const r = Number(m[4]) - 1 + (m[3] ? 0 : this.shift.rows);
    return r < 0 || c < 0 ? null : { r, c };
  }

  private scalar(v: Value): Scalar | FormulaError {
    if (!isRef(v)) return v;
    if (v.rect.r0 !== v.rect.r1 || v.rect.c0 !== v.rect.c1) return { error: "#VALUE!" };
    return v.sheet.readValues(v.rect)[0][0];
  }

  private number(v: Value): number | FormulaError {
    const s = this.scalar(v);
    if (isError(s)) return s;
    if (typeof s === "number") return s;
    if (s === "" || s === false) return 0;
    if (s === true) return 1;
    const n = Number(s);
    return Number.isFinite(n) ? n : { error: "#VALUE!" };
  }
}

function call(
  name: string,
  args: Value[],
  number: (v: Value) => number | FormulaError,
  scalar: (v: Value) => Scalar | FormulaError,
): Value {
  if (name === "IFERROR") {
    if (args.length !== 2) return { error: "#VALUE!" };
    return isError(args[0]) ? args[1] : args[0];
  }
  const firstError = args.find(isError);
  if (name === "MAX") {
    const ns = args.map(number);
    const bad = ns.find(isError);
    return bad ?? Math.max(...(ns as number[]));
  }
  if (firstError) return firstError;
  if (name === "MATCH") {
    const [lookup, range, type = 1] = args;
    if (!isRef(range) || number(type) !== 0) return { error: "#N/A" };
    const wanted = scalar(lookup);
    if (isError(wanted)) return wanted;
    if (wanted === "") return { error: "#N/A" };
    const cells = range.sheet.readValues(range.rect);
    const line = range.rect.r0 === range.rect.r1 ? cells[0] : range.rect.c0 === range.rect.c1 ? cells.map((r) => r[0]) : null;
    if (!line) return { error: "#N/A" };
    const at = line.findIndex((v) => (typeof v === "string" && typeof wanted === "string" ? v.toLowerCase() === wanted.toLowerCase() : v === wanted));
    return at < 0 ? { error: "#N/A" } : at + 1;
  }
  if (name === "INDEX") {
    const [range, rowArg, columnArg] = args;
    if (!isRef(range)) return { error: "#VALUE!" };
    const height = range.rect.r1 - range.rect.r0 + 1;
    const width = range.rect.c1 - range.rect.c0 + 1;
    let row = number(rowArg);
    let column = columnArg === undefined ? 0 : number(columnArg);
    if (isError(row) || isError(column)) return { error: "#VALUE!" };
    // One row or one column: the single index counts along it.
    if (columnArg === undefined && height === 1) [row, column] = [1, row];
    else if (columnArg === undefined) column = 1;
    if (row < 0 || column < 0 || row > height || column > width) return { error: "#REF!" };
    const r0 = row === 0 ? range.rect.r0 : range.rect.r0 + row - 1;
    const r1 = row === 0 ? range.rect.r1 : r0;
    const c0 = column === 0 ? range.rect.c0 : range.rect.c0 + column - 1;
    const c1 = column === 0 ? range.rect.c1 : c0;
    return { sheet: range.sheet, rect: { r0, c0, r1, c1 } };
  }
  if (name === "OFFSET") {
    const [base, rowsArg, columnsArg, heightArg, widthArg] = args;
    if (!isRef(base)) return { error: "#VALUE!" };
    const n = [rowsArg, columnsArg].map(number);
    const h = heightArg === undefined ? base.rect.r1 - base.rect.r0 + 1 : number(heightArg);
    const w = widthArg === undefined ? base.rect.c1 - base.rect.c0 + 1 : number(widthArg);
    const bad = [...n, h, w].find(isError);
    if (bad) return bad;
    const [dr, dc] = (n as number[]).map(Math.trunc);
    const [hh, ww] = [Math.trunc(h as number), Math.trunc(w as number)];
    if (hh < 1 || ww < 1) return { error: "#REF!" };
    const r0 = base.rect.r0 + dr;
    const c0 = base.rect.c0 + dc;
    if (r0 < 0 || c0 < 0) return { error: "#REF!" };
    return { sheet: base.sheet, rect: { r0, c0, r1: r0 + hh - 1, c1: c0 + ww - 1 } };
  }
  return { error: "#NAME?" };
}
