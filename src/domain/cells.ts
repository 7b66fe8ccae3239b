/** "A" for 0, "Z" for 25, "AA" for 26. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column index of "A", "AB", … */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "G27" from a 0-based column and a 1-based row. */
export function cellAddress(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Parses "G27" into a 0-based column and 1-based row. */
export function parseCellAddress(address: string): { column: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  return m ? { column: columnIndex(m[1]), row: Number(m[2]) } : null;
}

/** "A1:C3" for a block starting at a 0-based column and 1-based row. */
export function rangeAddress(column: number, row: number, width: number, height: number): string {
  const start = cellAddress(column, row);
  if (width === 1 && height === 1) return start;
  return `${start}:${cellAddress(column + width - 1, row + height - 1)}`;
}
