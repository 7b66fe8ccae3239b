import { setUpWorkbook } from "../../src/actions/workbookActions";
import { OfficeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { columnDefinitions, defaultConfig, toExcelSerial } from "../../src/domain";

const headers = columnDefinitions(defaultConfig()).map((d) => d.header);
/** A Diagnostics row in Set up's column order. */
export const row = (values: Record<string, string | number>) => headers.map((h) => values[h] ?? null);

/** A set-up workbook holding one Final visit, V-1, with two recommendations (the action-plan tests' starting point). */
export async function setUpWithPlanVisit(port: OfficeWorkbook): Promise<void> {
  await setUpWorkbook(port);
  const visit = row({
    "Visit ID": "V-1",
    "Visit date": toExcelSerial("2018-01-15"),
    Service: "Safeguarding",
    Team: "North 1",
    "Team manager": "Pat Manager",
    "Allocation and workload": "RI",
    "Practice and direct work": "RI",
    "Monitoring and supervision": "RI",
    "Joint working": "RI",
    "Overall conclusion": "RI",
    Recommendations: "- Supervise monthly\n- Update plans",
    Status: "Final",
  });
  await port.apply({ action: "seed", changes: [{ kind: "appendTableRows", table: "Diagnostics", rows: [visit] }] });
}
