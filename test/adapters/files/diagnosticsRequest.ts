import { ReadRequest } from "../../../src/workbook/port";

/** A read of the Diagnostics table's rows, as the actions ask it, with the narrative columns `skip` left unread. */
export const diagnosticsRequest = (skip: string[]): ReadRequest => ({
  selection: false,
  tables: [
    {
      name: "Diagnostics",
      rows: true,
      skipHeaders: skip,
      fallback: { sheet: "Diagnostics", header: { columns: [["service"], ["team"]], mustHave: [["service"], ["team"]], rows: 20 }, anySheet: { except: [] } },
    },
  ],
});
