/**
 * The byte-level readings sheetScan.ts makes of a cell: whether a tag is a given element, whether an inline string
 * holds text, a value's UTF-8 text, a number cell's number, an inline string's text. Plain Uint8Array and
 * TextDecoder, no Node built-in (the task pane's bundle carries them). Module functions, not closures (see isTag).
 */
import { CellValue } from "../../workbook/plan";
import { decodeXml, textRuns } from "./xmlText";

export const LT = 60; // <
export const GT = 62; // >
export const SLASH = 47;
export const SPACE = 32;

/** UTF-8 as Buffer.toString("utf8") reads it: a leading byte-order mark is kept as U+FEFF, not dropped. */
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * Whether an inline string's XML holds any text: true, false, or null when it cannot tell without decoding (a byte
 * outside ASCII, which may be a space String.trim removes, or an entity).
 */
export function hasText(bytes: Uint8Array, from: number, to: number): boolean | null {
  let inTag = false;
  for (let q = from; q < to; q++) {
    const b = bytes[q];
    if (inTag) {
      if (b === GT) inTag = false;
    } else if (b === LT) {
      // A phonetic run (<rPh>) is not the cell's text: decode to be sure.
      if (bytes[q + 1] === 114 && bytes[q + 2] === 80) return null;
      inTag = true;
    } else if (b >= 128 || b === 38 /* & */) return null;
    else if (b !== SPACE && b !== 9 && b !== 10 && b !== 13) return true;
  }
  return false;
}

/** Bytes that may follow an element's name in a tag: space, tab, LF, CR, ">" and "/" (a table: one load per test). */
const DELIMITER = new Uint8Array(256);
for (const b of [SPACE, 9, 10, 13, GT, SLASH]) DELIMITER[b] = 1;

/**
 * Whether the tag at `at` (just after "<" or "</") is prefix + name, followed by a delimiter. A module function
 * rather than a closure made in each scan: a new closure at every piece was a new call target, and V8 threw the
 * scanner's optimised code away ("wrong call target") at every piece.
 */
export function isTag(bytes: Uint8Array, at: number, prefix: readonly number[], name: readonly number[]): boolean {
  const plen = prefix.length;
  for (let k = 0; k < plen; k++) if (bytes[at + k] !== prefix[k]) return false;
  for (let k = 0; k < name.length; k++) if (bytes[at + plen + k] !== name[k]) return false;
  return DELIMITER[bytes[at + plen + name.length]] === 1;
}

/**
 * Runs of text this short and all ASCII are made by hand, a character at a time. Measured on the inline strings of a
 * 300,000-row openpyxl sheet, each decoded and looked up in a Map as the reader does: 84-110 ns a string of up to 8
 * characters by hand against 207-245 ns through TextDecoder, 406 against 529 ns for 9-12; from 13 characters V8
 * builds the string by hand as a chain of pieces (a cons string) and TextDecoder is quicker (338 against 496 ns).
 */
const SHORT_TEXT = 12;

/** The bytes from `a` to `b` as UTF-8 text. */
export function utf8Text(bytes: Uint8Array, a: number, b: number): string {
  if (b - a <= SHORT_TEXT) {
    let text = "";
    for (let q = a; q < b; q++) {
      const code = bytes[q];
      if (code >= 128) return utf8.decode(bytes.subarray(a, b));
      text += String.fromCharCode(code);
    }
    return text;
  }
  return utf8.decode(bytes.subarray(a, b));
}

/** The bytes from `a` to `b` one character each, as Buffer.toString("latin1") reads them. */
function latin1Text(bytes: Uint8Array, a: number, b: number): string {
  let text = "";
  for (let q = a; q < b; q++) text += String.fromCharCode(bytes[q]);
  return text;
}

/**
 * A <v> of a number cell: its number, as Number() reads the text, else its text. Plain digits with an optional
 * minus and decimal point, 15 digits at most, are read here: the digits make an integer below 2^53 and the point a
 * power of ten up to 10^15, both exact, so their quotient is the correctly rounded number Number() gives. Anything
 * else (exponents, more digits, spaces) goes through Number() as before.
 */
export function numberOrText(bytes: Uint8Array, a: number, b: number): CellValue {
  let q = a;
  const negative = bytes[q] === 45; /* - */
  if (negative) q++;
  let mantissa = 0;
  let digits = 0;
  let scale = 1;
  for (; q < b; q++) {
    const d = bytes[q] - 48;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    digits++;
  }
  if (q < b && bytes[q] === 46 /* . */) {
    for (q++; q < b; q++) {
      const d = bytes[q] - 48;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      scale *= 10;
      digits++;
    }
  }
  if (q === b && digits > 0 && digits <= 15) return negative ? -(mantissa / scale) : mantissa / scale;
  const text = latin1Text(bytes, a, b);
  const number = Number(text);
  return Number.isFinite(number) && text.trim() !== "" ? number : decodeXml(utf8Text(bytes, a, b));
}

const T = [116];

/**
 * Whether a namespace prefix is one textRuns' pattern (xmlText.ts) reads as a prefix: letters, digits, "_", "." and
 * "-" then ":", or none.
 */
export function isPlainPrefix(prefix: readonly number[]): boolean {
  if (prefix.length === 0) return true;
  if (prefix[prefix.length - 1] !== 58 /* : */) return false;
  for (let k = 0; k < prefix.length - 1; k++) {
    const b = prefix[k];
    const ok = (b >= 48 && b <= 57) || ((b | 32) >= 97 && (b | 32) <= 122) || b === 95 || b === 46 || b === 45;
    if (!ok) return false;
  }
  return true;
}

/**
 * The text of an inline string's <is> fragment, as textRuns gives it. The common fragment, one <t> with text and no
 * markup in it and nothing around it (as openpyxl and pandas write every inline string), is read from the bytes
 * directly: textRuns would find that one run and decode its entities, which is what is done here. Any other fragment
 * (rich runs, phonetic runs, a prefix textRuns would not read) goes through textRuns.
 */
export function inlineText(bytes: Uint8Array, from: number, to: number, prefix: readonly number[] | null): string {
  if (prefix !== null && bytes[from] === LT && isTag(bytes, from + 1, prefix, T)) {
    const plen = prefix.length;
    let open = from + 2 + plen;
    if (bytes[open] !== GT) {
      while (open < to && bytes[open] !== GT) open++;
      if (open >= to || bytes[open - 1] === SLASH) return textRuns(utf8Text(bytes, from, to));
    }
    let close = open + 1;
    while (close < to && bytes[close] !== LT) close++;
    if (close + plen + 4 === to && bytes[close + 1] === SLASH && isTag(bytes, close + 2, prefix, T) && bytes[close + 3 + plen] === GT) {
      return decodeXml(utf8Text(bytes, open + 1, close));
    }
  }
  return textRuns(utf8Text(bytes, from, to));
}

/** Where `needle` first starts in the first `n` bytes, or -1: the native search for its first byte, then the rest. */
export function indexOfBytes(bytes: Uint8Array, needle: readonly number[], n: number): number {
  const first = needle[0];
  const last = n - needle.length;
  for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}
