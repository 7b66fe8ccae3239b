/**
 * Personal-data guard (issue 15): finds child-level identifiers typed into findings.
 * A finding gives the kind and the position only; messages never quote the match,
 * so they are safe to write into any file.
 */

export type PersonalDataKind = "nhsNumber" | "upn" | "dateOfBirth" | "postcode" | "email" | "councilPattern";

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** Index of the first character of the match in the text. */
  start: number;
  /** Index just past the match. */
  end: number;
  /** For councilPattern, the pattern's name on the Lists sheet. */
  pattern?: string;
}

export const PERSONAL_DATA_MESSAGES: Readonly<Record<PersonalDataKind, string>> = {
  nhsNumber: "looks like an NHS number",
  upn: "looks like a Unique Pupil Number",
  dateOfBirth: "looks like a date of birth",
  postcode: "looks like a home postcode",
  email: "looks like an email address",
  councilPattern: "looks like a case record number",
};

/** The warning for one finding, never quoting what was found. */
export function personalDataMessage(finding: PersonalDataFinding): string {
  if (finding.kind === "councilPattern" && finding.pattern) return `matches the council's pattern "${finding.pattern}"`;
  return PERSONAL_DATA_MESSAGES[finding.kind];
}

/**
 * A problem's message, or, when the text it quotes looks like personal data, its brief (which never quotes a cell) and
 * the kind of data: a mistyped cell holding an NHS number is named as the guard names it, never quoted.
 */
export function unquotedMessage(message: string, brief: string): string {
  const found = findPersonalData(message);
  if (found.length === 0) return message;
  return `${brief === message ? "The cell has a problem." : brief} (The cell is not quoted: it ${personalDataMessage(found[0])}.)`;
}

/** A council's own pattern from the Lists sheet: a name and a regular expression. */
export interface CouncilPattern {
  name: string;
  regex: string;
}

/** A council pattern that could not be used: a settings problem, not a crash. */
export interface PatternProblem {
  name: string;
  message: string;
}

export interface CompiledPatterns {
  patterns: { name: string; re: RegExp }[];
  problems: PatternProblem[];
}

/**
 * True when a pattern has a quantified group that itself holds a quantifier or an
 * alternation, as in `(a+)+`, `(a*)*` or `(a|ab)*`: the shapes that backtrack
 * catastrophically in JavaScript's engine. Hand-written rather than a library such as
 * safe-regex because the project may not add packages to the pure core, and this
 * conservative test only ever refuses a pattern (the council can rewrite it).
 */
export function looksCatastrophic(source: string): boolean {
  // Drop escapes and character classes, whose contents quantify nothing.
  const plain = source.replace(/\\./g, "x").replace(/\[(?:[^\]\\]|\\.)*\]/g, "x");
  const stack: { inner: boolean }[] = [];
  for (let i = 0; i < plain.length; i++) {
    const ch = plain[i];
    if (ch === "(") stack.push({ inner: false });
    else if (ch === ")") {
      const group = stack.pop();
      const next = plain[i + 1];
      const quantified = next === "+" || next === "*" || next === "{";
      if (group?.inner && quantified) return true;
      if (group?.inner && stack.length > 0) stack[stack.length - 1].inner = true;
    } else if ((ch === "+" || ch === "*" || ch === "{" || ch === "|") && stack.length > 0) {
      stack[stack.length - 1].inner = true;
    }
  }
  return false;
}

const MAX_PATTERN_LENGTH = 200;

/** Compiles the Lists sheet's patterns once; an unusable one becomes a problem. Never throws. */
export function compileCouncilPatterns(patterns: readonly CouncilPattern[]): CompiledPatterns {
  const out: CompiledPatterns = { patterns: [], problems: [] };
  for (const { name, regex } of patterns) {
    const label = name.trim() || regex;
    if (regex.trim() === "") continue;
    if (regex.length > MAX_PATTERN_LENGTH) {
      out.problems.push({ name: label, message: `The pattern "${label}" is longer than ${MAX_PATTERN_LENGTH} characters.` });
      continue;
    }
    if (looksCatastrophic(regex)) {
      out.problems.push({
        name: label,
        message: `The pattern "${label}" repeats a group that itself repeats, which could take too long to check; rewrite it without nesting.`,
      });
      continue;
    }
    let re: RegExp;
    try {
      re = new RegExp(regex, "gi");
    } catch {
      out.problems.push({ name: label, message: `The pattern "${label}" is not a valid regular expression.` });
      continue;
    }
    if (re.test("")) {
      out.problems.push({ name: label, message: `The pattern "${label}" matches empty text, so it would match everywhere.` });
      continue;
    }
    out.patterns.push({ name: label, re });
  }
  return out;
}

/** NHS number check digit: weights 10 down to 2, 11 minus the remainder, 11 → 0, 10 → invalid. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * UPN check letters: 0 → A … 22 → Z, leaving out I, O and S. The check letter is the
 * sum of each character in positions 2–13 times its position, modulo 23; a temporary
 * UPN's final letter counts as its value in the same list.
 * Source: UK Government Data Standards Catalogue, Unique Pupil Number 2.0,
 * http://www.govtalk.gov.uk/gdsc/html/noframes/UniquePupilNumber-2-0-Release.htm
 */
const UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

export function upnCheckLetter(body: string): string | null {
  if (!/^\d{11}[\dA-HJ-NPQR-Z]$/i.test(body)) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const ch = body[i].toUpperCase();
    const value = i === 11 && /[A-Z]/.test(ch) ? UPN_LETTERS.indexOf(ch) : Number(ch);
    sum += value * (i + 2);
  }
  return UPN_LETTERS[sum % 23];
}

export function isValidUpn(upn: string): boolean {
  if (upn.length !== 13) return false;
  const letter = upnCheckLetter(upn.slice(1));
  return letter !== null && letter === upn[0].toUpperCase();
}

const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4})`;
/** A DOB cue, then up to 20 characters of anything but a full stop, then a date. */
const DOB_RE = new RegExp(
  `(?<![a-z])(?:d\\.?\\s?o\\.?\\s?b\\.?|date\\s+of\\s+birth|born(?:\\s+on)?)(?![a-z])[^.\\n]{0,20}?(?<!\\d)${DATE}(?!\\d)`,
  "giu",
);
/** Ten digits, bare or spaced 3-3-4, with no digit running on either side. */
const NHS_RE = /(?<!\d[ -]?)(\d{3})([ -]?)(\d{3})\2(\d{4})(?![ -]?\d)/g;
const UPN_RE = /(?<![a-z0-9])[a-z]\d{11}[\da-z](?![a-z0-9])/giu;
/**
 * Full UK postcodes, with the letters the format leaves out (first letter never Q, V
 * or X; second never I, J or Z; the inward letters never C, I, K, M, O or V), as the
 * ONS / Royal Mail format sets them, so ordinary words and statute references pass.
 */
const POSTCODE_RE =
  /(?<![a-z0-9])[a-pr-uwyz](?:\d{1,2}|\d[a-hjkpstuw]|[a-hk-y]\d{1,2}|[a-hk-y]\d[abehmnprv-y])\s?\d[abd-hjlnp-uw-z]{2}(?![a-z0-9])/gi;
const EMAIL_RE = /(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+(?![\w-])/giu;

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] === "") {
      re.lastIndex++;
      continue;
    }
    yield m;
  }
}

/** Longest text looked at: findings cells are short, and this bounds any council pattern's run time. */
export const MAX_TEXT_LENGTH = 32767; // Excel's limit for one cell

/**
 * Finds child-level identifiers in one cell's text, in order of position. Overlaps are
 * kept only once, the first kind found winning. Never throws.
 */
export function findPersonalData(text: string, extraPatterns?: CompiledPatterns | readonly CouncilPattern[]): PersonalDataFinding[] {
  if (typeof text !== "string" || text === "") return [];
  const t = text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text;
  const found: PersonalDataFinding[] = [];
  const push = (f: PersonalDataFinding) => {
    if (!found.some((g) => f.start < g.end && g.start < f.end)) found.push(f);
  };
  for (const m of matches(DOB_RE, t)) push({ kind: "dateOfBirth", start: m.index, end: m.index + m[0].length });
  for (const m of matches(EMAIL_RE, t)) push({ kind: "email", start: m.index, end: m.index + m[0].length });
  for (const m of matches(UPN_RE, t)) {
    if (isValidUpn(m[0])) push({ kind: "upn", start: m.index, end: m.index + m[0].length });
  }
  for (const m of matches(NHS_RE, t)) {
    if (isValidNhsNumber(m[1] + m[3] + m[4])) push({ kind: "nhsNumber", start: m.index, end: m.index + m[0].length });
  }
  for (const m of matches(POSTCODE_RE, t)) push({ kind: "postcode", start: m.index, end: m.index + m[0].length });
  if (extraPatterns) {
    const compiled = Array.isArray(extraPatterns)
      ? compileCouncilPatterns(extraPatterns as readonly CouncilPattern[])
      : (extraPatterns as CompiledPatterns);
    for (const { name, re } of compiled.patterns) {
      for (const m of matches(re, t)) push({ kind: "councilPattern", start: m.index, end: m.index + m[0].length, pattern: name });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** One text cell to look at, named as the caller names cells. */
export interface TextCell {
  sheet: string;
  row: number;
  column: string;
  text: string;
}

/** A warning naming the cell and the kind of data, never quoting it: safe for any file. */
export interface PersonalDataWarning {
  sheet: string;
  row: number;
  column: string;
  kind: PersonalDataKind;
  message: string;
}

/**
 * Looks at every text cell once (Check sheet, the form, `validate`): one warning per cell
 * and kind, in cell order. The council's patterns are compiled once for the whole run.
 */
export function personalDataWarnings(
  cells: readonly TextCell[],
  patterns: readonly CouncilPattern[] = [],
): { warnings: PersonalDataWarning[]; problems: PatternProblem[] } {
  const compiled = compileCouncilPatterns(patterns);
  const warnings: PersonalDataWarning[] = [];
  for (const cell of cells) {
    const seen = new Set<string>();
    for (const f of findPersonalData(cell.text, compiled)) {
      const message = personalDataMessage(f);
      if (seen.has(message)) continue;
      seen.add(message);
      warnings.push({ sheet: cell.sheet, row: cell.row, column: cell.column, kind: f.kind, message });
    }
  }
  return { warnings, problems: compiled.problems };
}
