/** The small XML reading the .xlsx reader needs: entities, attributes, start tags, text runs, ISO date cells. */

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  let out = text.indexOf("&") < 0 ? text : text.replace(ENTITY, (_m, name: string, dec: string, hex: string) =>
    name ? NAMED[name] : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)),
  );
  // OOXML escapes control characters as _xHHHH_.
  if (out.indexOf("_x") >= 0) out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

export function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const name = m[1];
    const value = decodeXml(m[2] ?? m[3] ?? "");
    map.set(name, value);
    const local = name.includes(":") ? name.slice(name.indexOf(":") + 1) : null;
    if (local && !map.has(local)) map.set(local, value);
  }
  return map;
}

/** Every start tag with this local name (any namespace prefix), as its attributes. */
export function tags(xml: string, local: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*)>`, "g");
  const out: Map<string, string>[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(attributes(m[1]));
  return out;
}

/** Text of every <t> in a fragment, skipping phonetic runs. */
export function textRuns(fragment: string): string {
  // The usual fragment, one plain run (<t>text</t> or <t xml:space="preserve">text</t>), is sliced out without the
  // patterns below: a large workbook has 100,000 of them. Anything else (rich text, phonetic runs) goes on below.
  if (fragment.charCodeAt(0) === 60 && fragment.charCodeAt(1) === 116 && fragment.endsWith("</t>")) {
    const next = fragment.charCodeAt(2);
    const gt = next === 62 ? 2 : next === 32 ? fragment.indexOf(">", 3) : -1;
    if (gt > 0 && fragment.charCodeAt(gt - 1) !== 47) {
      const inner = fragment.slice(gt + 1, fragment.length - 4);
      if (inner.indexOf("<") < 0) return decodeXml(inner);
    }
  }
  return textRunsByPattern(fragment);
}

/** textRuns by regular expressions alone: every fragment, any prefix (the oracle textRuns is tested against). */
export function textRunsByPattern(fragment: string): string {
  const cleaned = fragment.indexOf("rPh") >= 0 ? fragment.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "") : fragment;
  let text = "";
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cleaned))) text += m[1];
  return decodeXml(text);
}

/**
 * An ISO 8601 cell value (t="d", as openpyxl writes with iso_dates) as an Excel serial, read as a calendar date
 * and clock time with no time zone: Date.parse would read "2017-08-07T00:00:00" in local time, which under
 * TZ=Europe/London is 6 August. A trailing Z or offset is ignored for the same reason: Excel stores no zone.
 * ECMA-376 Part 1, 18.17.4.1 (date representation in cells).
 */
export function isoCellSerial(text: string): number | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/.exec(text);
  if (m) {
    const [y, mo, d, h, mi, sec, frac] = [m[1], m[2], m[3], m[4], m[5], m[6], m[7]].map((x) => Number(x ?? 0));
    const day = Date.UTC(y, mo - 1, d) / 86400000 + 25569;
    if (!Number.isFinite(day) || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
    const seconds = h * 3600 + mi * 60 + sec + (m[7] ? frac / 10 ** m[7].length : 0);
    return day + seconds / 86400;
  }
  const time = /^\s*(\d{2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (time) return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400;
  return null;
}

