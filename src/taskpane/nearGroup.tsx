import * as React from "react";

/**
 * The messages beside the buttons of one tab, as one group: when any action on the tab starts, every message beside a
 * button goes, so the tab says only its latest news (as the Summary tab's buttons share one message). A tab made of
 * several components (Set up: its own buttons, Test this Excel, the list editors) registers each component's clear.
 */
export interface NearGroup {
  /** Clears every registered message; call it as an action starts, before its own message is set. */
  clearAll(): void;
  /** Registers one component's clear; returns the unregister (for an effect's clean-up). */
  register(clear: () => void): () => void;
}

export function useNearGroup(): NearGroup {
  const clears = React.useRef(new Set<() => void>());
  return React.useMemo(
    () => ({
      clearAll: () => clears.current.forEach((clear) => clear()),
      register: (clear) => {
        clears.current.add(clear);
        return () => {
          clears.current.delete(clear);
        };
      },
    }),
    [],
  );
}

export const NearGroupContext = React.createContext<NearGroup | null>(null);

/**
 * Joins the tab's group: `clear` (stable, e.g. a state setter wrapped in useCallback) is called when another action on
 * the tab starts. Returns what to call as this component's own action starts. Outside a group, only `clear` is called.
 */
export function useNearClear(clear: () => void): () => void {
  const group = React.useContext(NearGroupContext);
  React.useEffect(() => group?.register(clear), [group, clear]);
  return React.useCallback(() => (group ? group.clearAll() : clear()), [group, clear]);
}
