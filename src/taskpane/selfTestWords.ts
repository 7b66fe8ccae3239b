/**
 * Test this Excel in plain words (walk-through 8). The checks' own titles and lines (src/selftest) stay as they are:
 * they are what Copy results sends to IT, and test/selftest and the emulation share them. The pane adds a line in
 * plain words under the most technical ones, keyed by check id, and says whom the results are for.
 */
export const SELF_TEST_FOR_IT = "The results are for your council's IT team: if any says Fail, choose Copy results and send them to IT.";

/** What a technical check is about, in plain words, by check id (a check not listed is plain already). */
export const SELF_TEST_PLAIN_WORDS: Readonly<Record<string, string>> = {
  "requirement-set": "whether this version of Excel is recent enough for the add-in.",
  "payload-limit": "whether Excel limits how much the add-in can send to it at once (the add-in sends large changes in parts either way).",
  "null-children": "whether the add-in can safely look for a sheet or table that is not there.",
  "alert-limits": "how long the message can be that Excel shows when a value not on a list is typed.",
  "create-workbook": "whether the summary workbook can open in a new Excel window (if not, it is offered as a download).",
  "text-format": "whether a cell formatted as text keeps what is typed there (such as =1+1) as text, not as a formula.",
  "blank-vs-null": "whether the add-in can change some cells of a row and leave the others as they are.",
  "tables-add-header-only": "how Excel makes a new table when there is only a header row.",
  "print-titles": "whether the Counts sheet, printed, repeats its header row at the top of every page.",
};
