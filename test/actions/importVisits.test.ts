/**
 * "Import visits…" (issue 14): a file's visits checked with the workbook's settings, compared with the table
 * (new / already there / problems), the new ones appended in one batch below the table, nothing overwritten,
 * confirmed by reading back. Run on the Office.js adapter over the Excel emulation, with the round trips counted:
 * the same number for 3 rows as for 300.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { addImportedVisits, previewImport } from "../../src/actions/importVisits";
import { openFileBytes } from "../../src/adapters/files/bytesWorkbook";
import { importCountsLine } from "../../src/domain";
import { DIAGNOSTICS_TABLE } from "../../src/workbook/port";
import { Row, tempDir, writeXlsx } from "../cli/fixtures";
import { columns, realisticWorkbook, visit } from "./realisticWorkbook";

jest.setTimeout(60_000);

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const HEADERS = columns.map((c) => c.header);
/** A fixture visit as a file's row: dates as real dates, as a workbook holds them. */
function fileRow(n: number, change: Record<string, unknown> = {}): Row {
  const values = visit(n);
  const row: Row = Object.fromEntries(HEADERS.map((h, i) => [h, columns[i].key === "visitDate" ? new Date(Date.UTC(1899, 11, 30) + (values[i] as number) * 86400000) : values[i]]));
  return { ...row, ...change };
}

async function chosenFile(name: string, rows: Row[]) {
  const file = path.join(dir, name);
  await writeXlsx(file, [{ name: "Visits", headers: HEADERS, rows }]);
  return openFileBytes(name, new Uint8Array(await fs.readFile(file)));
}

describe("Import visits", () => {
  it("counts 1 new, 1 already in the table, 1 with problems, and appends exactly the new one below the table", async () => {
    const { emulation, port, workbook } = await realisticWorkbook(10);
    try {
      const before = workbook.tableValues(DIAGNOSTICS_TABLE).body.map((r) => [...r]);
      const file = await chosenFile("east.xlsx", [
        fileRow(3), // already there (same ID, team and date)
        fileRow(101, { "Visit ID": "" }), // new, without an ID
        fileRow(102, { "Practice and direct work": "Requires Imprvement" }), // a bad grade
      ]);
      emulation.reset();
      const preview = await previewImport(port, file, "east.xlsx");
      const previewSyncs = emulation.syncCount();
      expect(importCountsLine({ fresh: preview.fresh.length, already: preview.already, problems: preview.withProblems })).toBe("1 new, 1 already in the table, 1 with problems");
      expect(preview.problems).toEqual([
        { file: "east.xlsx", sheet: "Visits", row: 4, column: "Practice and direct work", cell: expect.stringMatching(/^[A-Z]+4$/), message: expect.stringContaining("Requires Imprvement") },
      ]);
      emulation.reset();
      const result = await addImportedVisits(port, preview);
      const addSyncs = emulation.syncCount();
      expect(result).toEqual({ added: 1, row: 12, skipped: 0, confirmed: 1, teamsAdded: [] });
      const after = workbook.tableValues(DIAGNOSTICS_TABLE).body;
      expect(after).toHaveLength(11);
      // Nothing overwritten: the ten rows as they were.
      expect(after.slice(0, 10)).toEqual(before);
      const added = after[10];
      const at = (key: string) => added[columns.findIndex((c) => c.key === key)];
      expect([at("visitId"), at("team"), at("strengths")]).toEqual(["TD-0001", visit(101)[columns.findIndex((c) => c.key === "team")], visit(101)[columns.findIndex((c) => c.key === "strengths")]]);
      // The ID the form would give (nextVisitId). Importing again finds the visit there.
      const again = await previewImport(port, file, "east.xlsx");
      expect([again.fresh.length, again.already, again.withProblems]).toEqual([0, 2, 1]);
      expect({ previewSyncs, addSyncs }).toEqual({ previewSyncs: 1, addSyncs: 3 });
    } finally {
      emulation.uninstall();
    }
  });

  it("takes the same round trips for 300 new visits as for 1: one batch, not one per row", async () => {
    const { emulation, port, workbook } = await realisticWorkbook(10);
    try {
      const file = await chosenFile("many.xlsx", Array.from({ length: 300 }, (_, i) => fileRow(1000 + i)));
      emulation.reset();
      const preview = await previewImport(port, file, "many.xlsx");
      expect(emulation.syncCount()).toBe(1);
      expect(preview.fresh).toHaveLength(300);
      emulation.reset();
      const result = await addImportedVisits(port, preview);
      expect(emulation.syncCount()).toBe(3);
      expect(result).toMatchObject({ added: 300, confirmed: 300 });
      expect(workbook.tableValues(DIAGNOSTICS_TABLE).body).toHaveLength(310);
    } finally {
      emulation.uninstall();
    }
  });

  it("writes nothing already added by a co-author between the preview and Add", async () => {
    const { emulation, port, workbook } = await realisticWorkbook(10);
    try {
      const file = await chosenFile("west.xlsx", [fileRow(201), fileRow(202)]);
      const preview = await previewImport(port, file, "west.xlsx");
      expect(preview.fresh).toHaveLength(2);
      // A co-author adds visit 201 meanwhile.
      await port.apply({ action: "co-author", changes: [{ kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows: [visit(201)] }] });
      const result = await addImportedVisits(port, preview);
      expect(result).toMatchObject({ added: 1, skipped: 1, confirmed: 1 });
      expect(workbook.tableValues(DIAGNOSTICS_TABLE).body).toHaveLength(12);
    } finally {
      emulation.uninstall();
    }
  });

  it("names a clash of Visit IDs and a file without the table's columns", async () => {
    const { emulation, port } = await realisticWorkbook(10);
    try {
      const clash = await previewImport(port, await chosenFile("clash.xlsx", [fileRow(301, { "Visit ID": "V-00002" })]), "clash.xlsx");
      expect(clash.problems.map((p) => [p.row, p.column, p.cell, p.message])).toEqual([[2, "Visit ID", "A2", 'Visit ID "V-00002" is already in the table for another visit (row 3): give this visit another ID.']]);
      const file = path.join(dir, "other.xlsx");
      await writeXlsx(file, [{ name: "Notes", headers: ["Name", "Note"], rows: [{ Name: "x", Note: "y" }] }]);
      await expect(previewImport(port, await openFileBytes("other.xlsx", new Uint8Array(await fs.readFile(file))), "other.xlsx")).rejects.toThrow(/"other.xlsx" has no Diagnostics table or header row/);
    } finally {
      emulation.uninstall();
    }
  });
});
