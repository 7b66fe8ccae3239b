/**
 * The WorkbookPort contract, as a jest suite every adapter runs (Office.js over the emulation,
 * ExcelJS over a file). It uses nothing but port.read and port.apply, so an adapter passes it or
 * not on behaviour alone. A new adapter's test file is a few lines:
 *
 *   import { describePortContract } from "./portContract";
 *   describePortContract("ExcelJS", async () => ({ port: new ExcelJsWorkbook(...), hasSelection: false }));
 *
 * Empty cells may read back as "" (Excel) or null (a file): the suite treats them alike.
 */
import { CellValue, OWNER_NAME_PREFIX, WorkbookChange, WorkbookPlan } from "../../src/workbook/plan";
import { DIAGNOSTICS_SHEET, DIAGNOSTICS_TABLE, LISTS_SHEET, WorkbookPort } from "../../src/workbook/port";
import { DiagnosticsRead as ReadRequest, DiagnosticsSnapshot as WorkbookSnapshot, readDiagnosticsSnapshot } from "../../src/workbook/diagnosticsRead";

export interface PortUnderTest {
  port: WorkbookPort;
  /** Round trips made so far, for adapters that make them: the suite checks they do not grow with the row count. */
  syncs?: () => number;
  /** False for adapters without a selection (a file): read() may then report selection null. Default true. */
  hasSelection?: boolean;
}

// Narrative columns (here "Strengths") are read only when asked for: without them an adapter may report null there.
const EVERYTHING: ReadRequest = { rows: true, narrative: true, lists: true, selection: true };
const plan = (action: string, ...changes: WorkbookChange[]): WorkbookPlan => ({ action, changes });

/** "" and null are both an empty cell; trailing empty cells are dropped. */
export function normaliseRow(row: readonly CellValue[]): CellValue[] {
  const out = row.map((v) => (v === null || v === undefined ? "" : v));
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}
export const normalise = (rows: readonly (readonly CellValue[])[] | null | undefined) => (rows ?? []).map(normaliseRow);

/** Visit-style headers any adapter recognises as the Diagnostics data. */
export const HEADERS = ["Visit ID", "Visit date", "Round", "Service", "Team", "Area", "Allocation and workload", "Strengths"];

export const row = (n: number): CellValue[] => [
  `V-${String(n).padStart(4, "0")}`,
  42950 + n,
  "2017-18",
  n % 2 ? "Assessment" : "Safeguarding",
  `Team ${n}`,
  "North",
  ["O", "G", "RI", "I", "G / RI", "NJ"][n % 6],
  `Strong management oversight in visit ${n}.`,
];

/** Text Excel would turn into something else if written carelessly. */
export const TRICKY_TEXT = [
  "=SUM(A1:A2)",
  "=Fine work",
  "+44 20 7946 0000",
  "- bullet point",
  "-5",
  "@team",
  "007",
  "TRUE",
  "07/08/2017",
  "1e5",
  "50%",
  "#N/A",
  " leading space",
];

export function describePortContract(adapterName: string, makeEmpty: () => Promise<PortUnderTest>): void {
  describe(`WorkbookPort contract: ${adapterName}`, () => {
    let subject: PortUnderTest;
    let port: WorkbookPort;
    const read = (request: ReadRequest = EVERYTHING): Promise<WorkbookSnapshot> => readDiagnosticsSnapshot(port, request);
    // Name and owner only: adapters may also report an owned sheet's charts.
    const sheetsNamed = (s: WorkbookSnapshot, name: string) =>
      s.sheets.filter((x) => x.name.toLowerCase() === name.toLowerCase()).map((x) => ({ name: x.name, owner: x.owner }));

    beforeEach(async () => {
      subject = await makeEmpty();
      port = subject.port;
    });

    const withTable = async (topLeft = "A1", headers = HEADERS) => {
      await port.apply(
        plan(
          "make the Diagnostics table",
          { kind: "addSheet", sheet: DIAGNOSTICS_SHEET },
          { kind: "createTable", sheet: DIAGNOSTICS_SHEET, name: DIAGNOSTICS_TABLE, topLeft, headers },
        ),
      );
    };
    const append = (rows: CellValue[][]) => port.apply(plan("append", { kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows }));

    it("reads a workbook without Diagnostics data or lists as such", async () => {
      const s = await read();
      expect(s.diagnostics).toBeNull();
      expect(s.lists).toBeNull();
      expect(Array.isArray(s.sheets)).toBe(true);
    });

    it("adds a sheet once, however often asked, and reports its owner", async () => {
      const add = plan("lists", { kind: "addSheet", sheet: LISTS_SHEET, owner: "lists" }, { kind: "addSheet", sheet: "Notes" });
      await port.apply(add);
      await port.apply(add);
      const s = await read();
      expect(sheetsNamed(s, LISTS_SHEET)).toEqual([{ name: LISTS_SHEET, owner: "lists" }]);
      expect(sheetsNamed(s, "Notes")).toEqual([{ name: "Notes", owner: null }]);
    });

    it("never marks a sheet that already exists as its own", async () => {
      await port.apply(plan("user's sheet", { kind: "addSheet", sheet: "Notes" }));
      await port.apply(plan("again, with an owner", { kind: "addSheet", sheet: "Notes", owner: "notes" }));
      expect(sheetsNamed(await read(), "Notes")).toEqual([{ name: "Notes", owner: null }]);
    });

    it("writes values that read back as the Lists sheet from A1, numbers and booleans kept", async () => {
      await port.apply(
        plan(
          "lists",
          { kind: "addSheet", sheet: LISTS_SHEET, owner: "lists" },
          { kind: "setValues", sheet: LISTS_SHEET, topLeft: "A1", values: [["Grades", "Services"], ["O", "Assessment"], ["G", null], [3, true]] },
        ),
      );
      const s = await read({ rows: false, lists: true, selection: false });
      expect(normalise(s.lists)).toEqual([["Grades", "Services"], ["O", "Assessment"], ["G"], [3, true]]);
      expect(typeof s.lists![3][0]).toBe("number");
      expect(typeof s.lists![3][1]).toBe("boolean");

      await port.apply(plan("more", { kind: "setValues", sheet: LISTS_SHEET, topLeft: "C3", values: [["Teams"]] }));
      const again = await read({ rows: false, lists: true, selection: false });
      expect(normalise(again.lists)).toEqual([["Grades", "Services"], ["O", "Assessment"], ["G", "", "Teams"], [3, true]]);
    });

    it("writes text that looks like a formula, number, date or error as text", async () => {
      await port.apply(
        plan(
          "tricky",
          { kind: "addSheet", sheet: LISTS_SHEET, owner: "lists" },
          { kind: "setValues", sheet: LISTS_SHEET, topLeft: "A1", values: TRICKY_TEXT.map((t) => [t, 1]) },
        ),
      );
      const s = await read({ rows: false, lists: true, selection: false });
      expect(s.lists!.map((r) => r[0])).toEqual(TRICKY_TEXT);
      expect(s.lists!.map((r) => r[1])).toEqual(TRICKY_TEXT.map(() => 1));
    });

    it("creates a table with no rows, then appends rows below it, earlier rows untouched", async () => {
      await withTable("B3");
      let s = await read();
      expect(s.diagnostics).toMatchObject({ sheet: DIAGNOSTICS_SHEET, table: DIAGNOSTICS_TABLE, headerRow: 3, firstColumn: 1 });
      expect(normaliseRow(s.diagnostics!.headers)).toEqual(HEADERS);
      expect(s.diagnostics!.rows).toEqual([]);

      await append([row(1), row(2)]);
      s = await read();
      expect(normalise(s.diagnostics!.rows)).toEqual([row(1), row(2)]);

      await append([row(3), row(4), row(5)]);
      s = await read();
      expect(normalise(s.diagnostics!.rows)).toEqual([1, 2, 3, 4, 5].map(row));
      expect(s.diagnostics).toMatchObject({ table: DIAGNOSTICS_TABLE, headerRow: 3, firstColumn: 1 });

      const headersOnly = await read({ rows: false, lists: false, selection: false });
      expect(normaliseRow(headersOnly.diagnostics!.headers)).toEqual(HEADERS);
      expect(headersOnly.diagnostics!.rows).toEqual([]);
    });

    it("appends text that looks like a formula as text, in a row of its own", async () => {
      await withTable();
      const tricky = TRICKY_TEXT.map((t, i) => [t, ...row(i).slice(1)]);
      await append(tricky);
      const s = await read();
      expect(s.diagnostics!.rows.map((r) => r[0])).toEqual(TRICKY_TEXT);
      expect(normalise(s.diagnostics!.rows)).toEqual(tricky);
    });

    it("adds table columns at the right, keeping every row", async () => {
      await withTable();
      await append([row(1), row(2)]);
      await port.apply(plan("columns", { kind: "addTableColumns", table: DIAGNOSTICS_TABLE, headers: ["Recommendations", "Status"] }));
      let s = await read();
      expect(normaliseRow(s.diagnostics!.headers)).toEqual([...HEADERS, "Recommendations", "Status"]);
      expect(normalise(s.diagnostics!.rows)).toEqual([row(1), row(2)]);
      expect(s.diagnostics!.rows.every((r) => r.length === HEADERS.length + 2)).toBe(true);

      await append([[...row(3), "Keep going", "Final"]]);
      s = await read();
      expect(normalise(s.diagnostics!.rows)).toEqual([row(1), row(2), [...row(3), "Keep going", "Final"]]);
    });

    it("clears a sheet it owns", async () => {
      await port.apply(
        plan(
          "lists",
          { kind: "addSheet", sheet: LISTS_SHEET, owner: "lists" },
          { kind: "setValues", sheet: LISTS_SHEET, topLeft: "A1", values: [["Grades"], ["O"]], style: { bold: true, fill: "FFC000" } },
          { kind: "listValidation", sheet: LISTS_SHEET, range: "B2:B10", source: "=$A$2:$A$5", errorTitle: "No", errorMessage: "Pick one" },
        ),
      );
      await port.apply(plan("clear", { kind: "clearSheet", sheet: LISTS_SHEET }));
      const s = await read();
      expect(s.lists).toBeNull();
      expect(sheetsNamed(s, LISTS_SHEET)).toEqual([{ name: LISTS_SHEET, owner: "lists" }]);
    });

    it("refuses to clear a sheet it did not make, and leaves it as it was", async () => {
      await port.apply(plan("user", { kind: "addSheet", sheet: "Summary" }, { kind: "setValues", sheet: "Summary", topLeft: "A1", values: [["My notes"]] }));
      await expect(port.apply(plan("clear", { kind: "clearSheet", sheet: "Summary" }))).rejects.toThrow(/did not make/);
      const s = await read();
      expect(sheetsNamed(s, "Summary")).toEqual([{ name: "Summary", owner: null }]);
    });

    it("reports the selection it made (or none, for an adapter without one)", async () => {
      await port.apply(plan("sheet", { kind: "addSheet", sheet: DIAGNOSTICS_SHEET }, { kind: "addSheet", sheet: "Other" }));
      await port.apply(plan("select", { kind: "select", sheet: DIAGNOSTICS_SHEET, range: "C5" }));
      const s = await read({ rows: false, lists: false, selection: true });
      if (subject.hasSelection === false) expect(s.selection).toBeNull();
      else expect(s.selection).toEqual({ sheet: DIAGNOSTICS_SHEET, row: 5, column: 2 });
    });

    it("defines names, replacing one that exists (an owner mark moves with its name)", async () => {
      const owner = `${OWNER_NAME_PREFIX}summary`;
      await port.apply(plan("sheets", { kind: "addSheet", sheet: "Summary" }, { kind: "addSheet", sheet: "Other" }));
      await port.apply(plan("mark", { kind: "defineName", name: owner, sheet: "Summary", range: "A1" }));
      let s = await read();
      expect(sheetsNamed(s, "Summary")).toEqual([{ name: "Summary", owner: "summary" }]);

      await port.apply(
        plan(
          "move the mark",
          { kind: "defineName", name: owner, sheet: "Other", range: "A1" },
          { kind: "defineName", name: "TD_Grades", sheet: "Other", range: "A2:A7" },
          { kind: "defineName", name: "TD_Grades", sheet: "Other", range: "A2:A9" },
        ),
      );
      s = await read();
      expect(sheetsNamed(s, "Summary")).toEqual([{ name: "Summary", owner: null }]);
      expect(sheetsNamed(s, "Other")).toEqual([{ name: "Other", owner: "summary" }]);
    });

    it("reads a Diagnostics sheet without a table as a plain range, first row as headers", async () => {
      await port.apply(
        plan(
          "plain",
          { kind: "addSheet", sheet: DIAGNOSTICS_SHEET },
          { kind: "setValues", sheet: DIAGNOSTICS_SHEET, topLeft: "A1", values: [HEADERS, row(1), row(2)] },
        ),
      );
      const s = await read();
      expect(s.diagnostics).toMatchObject({ sheet: DIAGNOSTICS_SHEET, table: null, headerRow: 1, firstColumn: 0 });
      expect(normaliseRow(s.diagnostics!.headers)).toEqual(HEADERS);
      expect(normalise(s.diagnostics!.rows)).toEqual([row(1), row(2)]);
    });

    it("applies every kind of change in one plan", async () => {
      await withTable();
      await append([row(1), row(2), row(3)]);
      await port.apply(
        plan(
          "everything",
          { kind: "addSheet", sheet: LISTS_SHEET, owner: "lists" },
          { kind: "setValues", sheet: LISTS_SHEET, topLeft: "A1", values: [["Grades"], ["O"], ["G"], ["RI"], ["I"]] },
          { kind: "defineName", name: "TD_Grades", sheet: LISTS_SHEET, range: "$A$2:$A$5" },
          {
            kind: "listValidation",
            sheet: DIAGNOSTICS_SHEET,
            range: "G2:G1048576",
            source: "=TD_Grades",
            errorTitle: "Grade not on the scale",
            errorMessage: "Choose a grade from the list: O, G, RI, I.",
          },
          {
            kind: "conditionalFills",
            sheet: DIAGNOSTICS_SHEET,
            range: "G2:G1048576",
            fills: [
              { text: "O", fill: "00B050", fontColour: "FFFFFF" },
              { text: "RI", fill: "FFC000", fontColour: "000000" },
            ],
          },
          { kind: "setStyle", sheet: DIAGNOSTICS_SHEET, range: "B2:B1048576", style: { numberFormat: "dd/mm/yyyy" } },
          { kind: "setStyle", sheet: DIAGNOSTICS_SHEET, range: "A1:H1", style: { bold: true, wrap: true, verticalAlignment: "Top", border: true } },
          { kind: "setColumnWidths", sheet: DIAGNOSTICS_SHEET, widths: [14, 14, 10, 20, 20, 12, 16, 40] },
          { kind: "freezeRows", sheet: DIAGNOSTICS_SHEET, rows: 1 },
          { kind: "addSheet", sheet: "Summary", owner: "summary" },
          { kind: "setValues", sheet: "Summary", topLeft: "A1", values: [["Service", "O", "G"], ["Assessment", 1, 2], ["Safeguarding", 0, 3]] },
          {
            kind: "addChart",
            sheet: "Summary",
            name: "Grades",
            title: "Grades by service",
            dataRange: "A1:C3",
            series: [
              { name: "O", colour: "00B050" },
              { name: "G", colour: "92D050" },
            ],
            anchor: "E2",
            width: 480,
            height: 300,
          },
          { kind: "select", sheet: DIAGNOSTICS_SHEET, range: "A2" },
        ),
      );
      const s = await read();
      expect(normalise(s.diagnostics!.rows)).toEqual([row(1), row(2), row(3)]);
      expect(sheetsNamed(s, "Summary")).toEqual([{ name: "Summary", owner: "summary" }]);
      // Clearing an owned sheet with a chart on it, then drawing it again, works too.
      await port.apply(plan("clear summary", { kind: "clearSheet", sheet: "Summary" }));
    });

    it("takes a fixed number of round trips per read and per apply, whatever the row count", async () => {
      if (!subject.syncs) return; // a file adapter makes no round trips
      const syncs = subject.syncs;
      await withTable();
      const cost = async (f: () => Promise<unknown>) => {
        const before = syncs();
        await f();
        return syncs() - before;
      };
      const appendFew = await cost(() => append([1, 2, 3].map(row)));
      const appendMany = await cost(() => append(Array.from({ length: 300 }, (_, i) => row(i + 4))));
      expect(appendMany).toBe(appendFew);
      const readFew = await cost(() => read());
      await append(Array.from({ length: 100 }, (_, i) => row(i + 304)));
      const readMore = await cost(() => read());
      expect(readMore).toBe(readFew);
    });
  });
}
