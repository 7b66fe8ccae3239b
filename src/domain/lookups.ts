/** Look-ups that validateTable makes once per distinct cell text rather than once per row. */
import { foldLabel } from "./text";

/** Folded spelling → the list's own spelling; null when any value is accepted. */
export function canonicalLookup(list: readonly string[]): Map<string, string> | null {
  return list.length === 0 ? null : new Map(list.map((item) => [foldLabel(item), item]));
}

/** Remembers a function's answer per distinct cell text: a sheet repeats the same few grades and names. */
export function memo<T>(compute: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let answer = seen.get(text);
    if (answer === undefined && !seen.has(text)) {
      answer = compute(text);
      seen.set(text, answer);
    }
    return answer as T;
  };
}
