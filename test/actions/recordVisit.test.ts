/**
 * Recording a visit must never write over a manager's row, even one that holds only names or findings:
 * the columns reads leave out (ReadRequest.narrative) must still count as filled.
 */
import { recordVisit, setUpWorkbook } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { columnDefinitions, defaultConfig, emptyVisitForm, gradedColumns } from "../../src/domain";
import { DIAGNOSTICS_TABLE } from "../../src/workbook/port";
import { EmulatedWorkbook, ExcelEmulation, installExcelEmulation } from "../emulation";

const config = defaultConfig();
const headers = columnDefinitions(config).map((d) => d.header);
let emulation: ExcelEmulation;
let wb: EmulatedWorkbook;

afterEach(() => emulation.uninstall());

function row(values: Record<string, string | number>): (string | number | null)[] {
  return headers.map((h) => values[h] ?? null);
}

const complete = (id: string) =>
  row({
    "Visit ID": id,
    "Visit date": 42954,
    Service: "Safeguarding",
    Team: `Team ${id}`,
    ...Object.fromEntries(gradedColumns(config).map((d) => [d.shortLabel, "G"])),
  });

// A row a manager has started by typing only the reviewers and a finding.
const notesOnly = row({ "Diagnostic team": "Jane Smith, Ali Khan", Strengths: "Strong supervision culture" });

async function workbookWith(rowsBefore: number, firstReadRows: number) {
  wb = new EmulatedWorkbook();
  emulation = installExcelEmulation(wb);
  const port = new OfficeWorkbook({ firstReadRows });
  await setUpWorkbook(port);
  const rows = [...Array.from({ length: rowsBefore }, (_, i) => complete(`TD-${i + 1}`)), notesOnly];
  await port.apply({ action: "seed", changes: [{ kind: "appendTableRows", table: DIAGNOSTICS_TABLE, rows }] });
  return port;
}

describe.each([
  ["in the first block read", 500],
  ["below the first block read", 2],
])("a row holding only names and findings, %s", (_, firstReadRows) => {
  it("is kept, and the new visit goes below it", async () => {
    const port = await workbookWith(4, firstReadRows);
    const form = { ...emptyVisitForm(config), service: "Assessment", team: "Assessment Team 1", visitDate: "2018-01-09" };
    for (const d of gradedColumns(config)) form.grades[d.key] = "RI";
    const result = await recordVisit(port, form);

    expect(result).toEqual({ ok: true, row: 7, visitId: "TD-0005" });
    const body = wb.tableValues(DIAGNOSTICS_TABLE).body;
    expect(body).toHaveLength(6);
    // Set up's table ends with the two theme columns (issue 12), empty in this row.
    expect(body[4]).toEqual([...notesOnly.map((v) => v ?? ""), "", ""]);
    expect(body[5][headers.indexOf("Team")]).toBe("Assessment Team 1");
  });
});
