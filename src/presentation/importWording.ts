/** How the pane's Import visits words where a problem is and what the add found (walk-through 8). */

/**
 * Where a problem in an imported file is: "east.xlsx, Visits row 4"; a CSV file has no sheets (its one table is
 * named after the file), so "east.csv row 4", never "east.csv, east.csv row 4".
 */
export function importProblemPlace(p: { file: string; sheet: string; row: number }): string {
  return p.sheet === "" || p.sheet === p.file ? `${p.file} row ${p.row}` : `${p.file}, ${p.sheet} row ${p.row}`;
}

const visits = (n: number) => `${n} ${n === 1 ? "visit" : "visits"}`;

/** After the add, the rows read back: "Checked: the 3 visits added are in the table." Empty when none was added. */
export function importCheckedLine(confirmed: number, added: number): string {
  if (added === 0) return "";
  if (confirmed >= added) return `Checked: ${added === 1 ? "the 1 visit added is" : `the ${added} visits added are`} in the table.`;
  return `Checked: only ${confirmed} of the ${visits(added)} added ${confirmed === 1 ? "is" : "are"} in the table now; look below the table for the others.`;
}
