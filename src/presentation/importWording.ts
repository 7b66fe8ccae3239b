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

const inWords = (items: readonly string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

/**
 * The teams Import puts on the Lists sheet: before the add "2 new teams will be added to the Lists sheet: A and
 * B.", after it "2 teams added to the Lists sheet: A and B.". Empty when there are none.
 */
export function importNewTeamsLine(teams: readonly { name: string }[], added: boolean): string {
  if (teams.length === 0) return "";
  const names = inWords(teams.map((t) => t.name));
  const count = `${teams.length} ${teams.length === 1 ? "team" : "teams"}`;
  return added ? `${count} added to the Lists sheet: ${names}.` : `${teams.length} new ${teams.length === 1 ? "team" : "teams"} will be added to the Lists sheet: ${names}.`;
}
