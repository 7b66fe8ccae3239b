import { SheetInfo } from "./port";

/** The sheet of that name, if any: Excel's sheet names ignore case. */
export function findSheet(sheets: readonly SheetInfo[], name: string): SheetInfo | undefined {
  return sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/**
 * The sheet the add-in owns for a purpose: the one marked with that owner (even if renamed),
 * else the preferred name when free, else a name no user sheet has. A user's sheet is never taken over.
 */
export function ownedSheetName(sheets: readonly SheetInfo[], owner: string, preferred: string): { name: string; exists: boolean } {
  const mine = sheets.find((s) => s.owner === owner);
  if (mine) return { name: mine.name, exists: true };
  const taken = (name: string) => findSheet(sheets, name) !== undefined;
  if (!taken(preferred)) return { name: preferred, exists: false };
  for (let n = 1; ; n++) {
    const name = n === 1 ? `TD ${preferred}` : `TD ${preferred} ${n}`;
    if (!taken(name)) return { name, exists: false };
  }
}
