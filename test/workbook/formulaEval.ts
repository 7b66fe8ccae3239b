/**
 * A small evaluator of the Excel formula forms the Summary sheet's out-of-date line uses, written apart from the
 * code that builds them: numbers, "text", ( ), + - * / & and comparisons (Excel's precedence: comparison below &,
 * & below + -, + - below * /), Table[[Column]] as the column's data, $A$1 cells, and SUMPRODUCT, LEN, UNICODE,
 * RIGHT, ABS, IF, IFERROR. Functions of one value are applied to each element of a column, as SUMPRODUCT makes
 * Excel do; SUMPRODUCT counts anything not a number as 0 (https://support.microsoft.com/office/sumproduct-function-16753e75-9f68-4874-94ac-4d2145a2fd2e).
 */
type Scalar = number | string | boolean;
type Value = Scalar | Scalar[];

export interface Sheetlike {
  /** A table's column data, by table and header. */
  column(table: string, header: string): Scalar[];
  cell(address: string): Scalar;
}

class ExcelError extends Error {}

const text = (v: Scalar): string => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : typeof v === "number" ? String(v) : v);
const num = (v: Scalar): number => {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new ExcelError("#VALUE!");
  return n;
};

function lift(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (Array.isArray(a) || Array.isArray(b)) {
    const n = Array.isArray(a) ? a.length : (b as Scalar[]).length;
    return Array.from({ length: n }, (_, i) => f(Array.isArray(a) ? a[i] : a, Array.isArray(b) ? b[i] : b));
  }
  return f(a, b);
}
const map = (a: Value, f: (x: Scalar) => Scalar): Value => (Array.isArray(a) ? a.map(f) : f(a));

export function evaluate(formula: string, sheet: Sheetlike): Scalar {
  const src = formula.replace(/^=/, "");
  let i = 0;
  const peek = (s: string) => src.startsWith(s, i);
  const eat = (s: string) => {
    if (!peek(s)) throw new Error(`expected ${s} at ${i}: ${src.slice(i, i + 30)}`);
    i += s.length;
  };

  function expr(): Value {
    const left = concat();
    for (const op of ["<=", ">=", "<>", "<", ">", "="]) {
      if (peek(op)) {
        i += op.length;
        const right = concat();
        return lift(left, right, (x, y) => {
          const [a, b] = typeof x === "string" || typeof y === "string" ? [text(x), text(y)] : [num(x), num(y)];
          return op === "<" ? a < b : op === ">" ? a > b : op === "<=" ? a <= b : op === ">=" ? a >= b : op === "=" ? a === b : a !== b;
        });
      }
    }
    return left;
  }
  function concat(): Value {
    let v = additive();
    while (peek("&")) {
      i++;
      v = lift(v, additive(), (x, y) => text(x) + text(y));
    }
    return v;
  }
  function additive(): Value {
    let v = term();
    while (peek("+") || peek("-")) {
      const op = src[i++];
      v = lift(v, term(), (x, y) => (op === "+" ? num(x) + num(y) : num(x) - num(y)));
    }
    return v;
  }
  function term(): Value {
    let v = unary();
    while (peek("*") || peek("/")) {
      const op = src[i++];
      v = lift(v, unary(), (x, y) => (op === "*" ? num(x) * num(y) : num(x) / num(y)));
    }
    return v;
  }
  function unary(): Value {
    if (peek("-")) {
      i++;
      return map(unary(), (x) => -num(x));
    }
    return primary();
  }
  function primary(): Value {
    if (peek("(")) {
      i++;
      const v = expr();
      eat(")");
      return v;
    }
    if (peek('"')) {
      let s = "";
      i++;
      for (;;) {
        if (peek('""')) {
          s += '"';
          i += 2;
        } else if (peek('"')) {
          i++;
          return s;
        } else s += src[i++];
      }
    }
    const number = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (number) {
      i += number[0].length;
      return Number(number[0]);
    }
    const cell = /^\$?([A-Z]+)\$?(\d+)/.exec(src.slice(i));
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (name && src[i + name[0].length] === "[") {
      i += name[0].length;
      eat("[[");
      let header = "";
      while (!peek("]]")) {
        if (src[i] === "'") i++; // the escape before [ ] # '
        header += src[i++];
      }
      eat("]]");
      return sheet.column(name[0], header);
    }
    if (name && src[i + name[0].length] === "(") {
      i += name[0].length + 1;
      return call(name[0].toUpperCase());
    }
    if (cell) {
      i += cell[0].length;
      return sheet.cell(`${cell[1]}${cell[2]}`);
    }
    throw new Error(`cannot read ${src.slice(i, i + 30)}`);
  }
  function args(): (() => Value)[] {
    // Arguments are parsed now and evaluated when the function asks (IFERROR must catch its first one's error).
    const list: (() => Value)[] = [];
    if (peek(")")) {
      i++;
      return list;
    }
    for (;;) {
      const start = i;
      let error: unknown = null;
      let value: Value = 0;
      try {
        value = expr();
      } catch (e) {
        if (!(e instanceof ExcelError)) throw e;
        error = e;
        skipArgument(start);
      }
      list.push(() => {
        if (error) throw error;
        return value;
      });
      if (peek(",")) i++;
      else {
        eat(")");
        return list;
      }
    }
  }
  /** After an error inside an argument: on to the comma or bracket that ends it. */
  function skipArgument(start: number) {
    let depth = 0;
    let quoted = false;
    for (i = start; i < src.length; i++) {
      const ch = src[i];
      if (ch === '"') quoted = !quoted;
      if (quoted) continue;
      if (ch === "(" || ch === "[") depth++;
      if (ch === ")" || ch === "]") {
        if (depth === 0) return;
        depth--;
      }
      if (ch === "," && depth === 0) return;
    }
  }
  function call(fn: string): Value {
    const a = args();
    switch (fn) {
      case "SUMPRODUCT": {
        const arrays = a.map((f) => f()).map((v) => (Array.isArray(v) ? v : [v]));
        let sum = 0;
        for (let k = 0; k < arrays[0].length; k++) sum += arrays.reduce((p, arr) => p * (typeof arr[k] === "number" ? (arr[k] as number) : 0), 1);
        return sum;
      }
      case "LEN":
        return map(a[0](), (x) => text(x).length);
      case "UNICODE":
        return map(a[0](), (x) => {
          const s = text(x);
          if (s === "") throw new ExcelError("#VALUE!");
          return s.codePointAt(0)!;
        });
      case "RIGHT":
        return map(a[0](), (x) => text(x).slice(-1));
      case "ABS":
        return map(a[0](), (x) => Math.abs(num(x)));
      case "IF":
        return a[0]() ? a[1]() : a[2] ? a[2]() : false;
      case "IFERROR":
        try {
          return a[0]();
        } catch (e) {
          if (e instanceof ExcelError) return a[1]();
          throw e;
        }
      default:
        throw new Error(`no function ${fn} here`);
    }
  }

  const v = expr();
  if (i !== src.length) throw new Error(`left over: ${src.slice(i)}`);
  if (Array.isArray(v)) throw new Error("the formula gives an array");
  return v;
}
