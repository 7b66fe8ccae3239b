import { DiagnosticsConfig, RawTable, columnDefinitions, defaultConfig } from "../../src/domain";

export const config: DiagnosticsConfig = defaultConfig({ services: [] });

/** A Diagnostics table in the default column order, one object per row keyed by header. */
export function table(rows: Record<string, unknown>[], cfg: DiagnosticsConfig = config, sheet = "Diagnostics"): RawTable {
  const headers = columnDefinitions(cfg).map((d) => d.header);
  return {
    sheet,
    headerRow: 1,
    firstColumn: 0,
    headers,
    rows: rows.map((r) => headers.map((h) => (h in r ? r[h] : null))),
  };
}

let serial = 0;
/** A complete final visit with every grade set to `grade` unless overridden. */
export function visit(service: string, grade: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial++;
  return {
    "Visit ID": `V${serial}`,
    "Visit date": 42954, // 07/08/2017 as Excel stores it
    Round: "1",
    Service: service,
    Team: `Team ${serial}`,
    "Allocation and workload": grade,
    "Practice and direct work": grade,
    "Monitoring and supervision": grade,
    "Joint working": grade,
    "Overall conclusion": grade,
    Status: "Final",
    ...overrides,
  };
}

export function repeat<T>(n: number, make: () => T): T[] {
  return Array.from({ length: n }, make);
}
