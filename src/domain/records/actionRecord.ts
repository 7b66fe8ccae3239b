import { ACTION_STATUSES, ActionInput } from "../actionPlan";
import { IsoDate } from "../dates";
import { foldLabel } from "../text";
import { RecordColumn, RecordKind, column } from "./kind";
import { serviceColumn, teamColumn } from "./visitRecord";


/**
 * One action from a team's action plan, written by the team manager from a visit's recommendations: the row as the
 * rules read it (ActionInput, actionPlan.ts), with its dates as the table writes them ("YYYY-MM-DD", "" when not set).
 */
export interface ActionItem extends Omit<ActionInput, "due" | "completed" | "row"> {
  dueDate: IsoDate;
  completedDate: IsoDate;
}

/** The workbook name of the list the Status column's dropdown offers (the Lists sheet gains it with the Actions table). */
export const ACTION_STATUS_LIST = "TD_ActionStatuses";

const text = (key: keyof ActionItem & string, header: string, more: Partial<RecordColumn> = {}): RecordColumn => column(key, header, more);

/** The Actions table: the second record kind, read and written by the same machinery as visits. */
export const actionRecord: RecordKind<ActionItem> = {
  name: "action",
  table: "Actions",
  sheet: "Actions",
  columns: [
    text("actionId", "Action ID"),
    text("visitId", "Visit ID"),
    serviceColumn(false),
    teamColumn(),
    text("recommendation", "Recommendation", { narrative: true, long: true }),
    text("action", "Action", { required: true, narrative: true, long: true }),
    text("owner", "Owner", { narrative: true }),
    text("dueDate", "Due date", { kind: "date", required: true }),
    text("status", "Status", {
      kind: "list",
      required: true,
      list: ACTION_STATUS_LIST,
      listError: { title: "Status", message: `Choose one of: ${ACTION_STATUSES.join(", ")}.` },
    }),
    text("progress", "Progress", { narrative: true, long: true }),
    text("completedDate", "Completed date", { kind: "date" }),
  ],
  identifying: ["team", "status"],
  read(row) {
    const status = row.text("status");
    return {
      actionId: row.text("actionId"),
      visitId: row.text("visitId"),
      service: row.text("service"),
      team: row.text("team"),
      recommendation: row.text("recommendation"),
      action: row.text("action"),
      owner: row.text("owner"),
      dueDate: row.date("dueDate"),
      status: ACTION_STATUSES.find((s) => foldLabel(s) === foldLabel(status)) ?? status,
      progress: row.text("progress"),
      completedDate: row.date("completedDate"),
    };
  },
  write: (item) => ({ ...item }),
};
