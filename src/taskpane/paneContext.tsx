import * as React from "react";
import { readContext } from "../actions/context";
import { CompiledScale, DiagnosticsConfig, compileScale, defaultConfig } from "../domain";
import { listsIssues } from "../workbook/listsSheet";
import { WorkbookPort } from "../workbook/port";
import { PaneHost } from "./host";
import { PaneMessage, describeError } from "./messages";

export interface WorkbookState {
  /** Whether the workbook has the Diagnostics data yet; null until first read. */
  hasTable: boolean | null;
  hasLists: boolean;
  /** Why the grade scale written on the Lists sheet is not in use, if it is not. */
  listsIssues: string[];
}

export interface PaneContextValue {
  port: WorkbookPort;
  host: PaneHost;
  config: DiagnosticsConfig;
  compiled: CompiledScale;
  workbook: WorkbookState;
  /** How many plans the pane has written to the workbook: what was read before a change is out of date. */
  writes: number;
  /** Re-reads the Lists sheet. */
  reloadConfig(): Promise<void>;
  /** What is running, for the spinner; null when idle. */
  busy: string | null;
  /**
   * Runs one action: one at a time, errors shown in the message bar, or given to `report` to show next to the
   * button that started the action. Returns undefined if it failed.
   */
  run<T>(label: string, action: () => Promise<T>, report?: (message: PaneMessage) => void): Promise<T | undefined>;
  notify(message: PaneMessage | null): void;
}

export const PaneContext = React.createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = React.useContext(PaneContext);
  if (!value) throw new Error("usePane must be used inside the pane.");
  return value;
}

export function usePaneState(workbookPort: WorkbookPort, host: PaneHost) {
  // Every write goes through this port, so a list read before it (Find a visit's matches) can be dropped after it.
  const [writes, setWrites] = React.useState(0);
  const port = React.useMemo<WorkbookPort>(
    () => ({
      read: (request) => workbookPort.read(request),
      apply: async (plan) => {
        try {
          return await workbookPort.apply(plan);
        } finally {
          // Also when it failed: part of a plan may have landed.
          setWrites((n) => n + 1);
        }
      },
    }),
    [workbookPort],
  );
  const [config, setConfig] = React.useState<DiagnosticsConfig>(() => defaultConfig());
  const [workbook, setWorkbook] = React.useState<WorkbookState>({ hasTable: null, hasLists: false, listsIssues: [] });
  const [busy, setBusy] = React.useState<string | null>(null);
  const [message, setMessage] = React.useState<(PaneMessage & { id: number }) | null>(null);
  const running = React.useRef(false);
  const messageId = React.useRef(0);

  const notify = React.useCallback((next: PaneMessage | null) => {
    messageId.current += 1;
    setMessage(next ? { ...next, id: messageId.current } : null);
  }, []);

  const reloadConfig = React.useCallback(async () => {
    const context = await readContext(port, { rows: false, lists: true, selection: false });
    setConfig(context.config);
    setWorkbook({
      hasTable: context.snapshot.diagnostics !== null,
      hasLists: context.snapshot.lists !== null,
      listsIssues: listsIssues(context.snapshot.lists),
    });
  }, [port]);

  const run = React.useCallback(
    async <T,>(label: string, action: () => Promise<T>, report?: (message: PaneMessage) => void): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      // A new action: what the last one said in the banner is no longer news (its result goes beside its button or here).
      notify(null);
      setBusy(label);
      try {
        return await action();
      } catch (error) {
        (report ?? notify)(describeError(error));
        return undefined;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [notify],
  );

  React.useEffect(() => {
    void run("Reading the workbook", reloadConfig);
  }, [run, reloadConfig]);

  const compiled = React.useMemo(() => compileScale(config.scale), [config.scale]);
  const value: PaneContextValue = React.useMemo(
    () => ({ port, host, config, compiled, workbook, writes, reloadConfig, busy, run, notify }),
    [port, host, config, compiled, workbook, writes, reloadConfig, busy, run, notify],
  );
  return { value, message };
}
