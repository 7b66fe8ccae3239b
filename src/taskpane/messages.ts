import { DateSystemError, NoDiagnosticsTableError } from "../actions/context";
import { RowMovedError } from "../actions/workbookActions";
import { MissingColumnsError } from "../domain";

export type MessageIntent = "success" | "info" | "warning" | "error";

export interface PaneMessage {
  intent: MessageIntent;
  title?: string;
  text: string;
}

/** A sentence a manager can act on, for anything an action throws. */
export function describeError(error: unknown): PaneMessage {
  if (error instanceof NoDiagnosticsTableError) {
    return { intent: "warning", title: "No Diagnostics table", text: error.message };
  }
  if (error instanceof DateSystemError) {
    return { intent: "error", title: "Dates in the 1904 system", text: error.message };
  }
  if (error instanceof RowMovedError) {
    return { intent: "error", title: "The row has changed", text: `${error.message} Nothing was saved.` };
  }
  if (error instanceof MissingColumnsError) {
    return { intent: "error", title: "Columns missing", text: `${error.message} Choose Set up workbook to add them.` };
  }
  const text = error instanceof Error ? error.message : String(error);
  return { intent: "error", title: "Something went wrong", text: text || "The workbook could not be read or changed." };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
