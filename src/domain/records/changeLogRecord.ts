import { RecordColumn, RecordKind, column } from "./kind";

/**
 * One row of the Change log (issue 15): a change to a visit that is For moderation or Final, made in the pane with a
 * reason, or the graded values a visit had when it became Final. Rows are only ever appended, never rewritten.
 */
export interface ChangeLogEntry {
  /** When the change was made, as the pane shows it: "dd/mm/yyyy hh:mm", local time, no zone. */
  when: string;
  /** The name the person gave the pane. */
  who: string;
  visitId: string;
  /** The Diagnostics column's header: a domain's short label, "Service", "Team", "Visit date" or "Status". */
  field: string;
  from: string;
  to: string;
  reason: string;
}

/** The reason written on the rows that record a visit's graded values as it becomes Final. */
export const MADE_FINAL_REASON = "Made final";

const text = (key: keyof ChangeLogEntry & string, header: string, more: Partial<RecordColumn> = {}): RecordColumn => column(key, header, more);

/** The Change log table on its own sheet: a record kind like visits and actions. */
export const changeLogRecord: RecordKind<ChangeLogEntry> = {
  name: "change",
  table: "ChangeLog",
  sheet: "Change log",
  columns: [
    text("when", "When", { required: true }),
    // A person's name and their reason are narrative: they stay in the source workbook, never in a summary.
    text("who", "Who", { narrative: true }),
    text("visitId", "Visit ID", { required: true }),
    text("field", "Field", { required: true }),
    text("from", "From"),
    text("to", "To"),
    text("reason", "Reason", { narrative: true, long: true }),
  ],
  identifying: ["visitId", "field"],
  read: (row) => ({
    when: row.text("when"),
    who: row.text("who"),
    visitId: row.text("visitId"),
    field: row.text("field"),
    from: row.text("from"),
    to: row.text("to"),
    reason: row.text("reason"),
  }),
  write: (entry) => ({ ...entry }),
};
