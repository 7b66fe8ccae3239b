import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { SummaryFreshness as Freshness, summaryFreshness } from "../actions/summaryFreshness";
import { usePane } from "./paneContext";

/**
 * Says, at the top of the Summary tab, when the Summary sheet no longer matches the rows or the settings (a tie rule
 * changed, a grade edited), with Refresh one click away. Checked when the tab opens and after each summary shown.
 */
export function SummaryFreshness({ onRefresh, stamp }: { onRefresh: () => void; stamp?: unknown }) {
  const { port, busy } = usePane();
  const [freshness, setFreshness] = React.useState<Freshness | null>(null);

  React.useEffect(() => {
    let live = true;
    summaryFreshness(port).then(
      (found) => live && setFreshness(found),
      () => live && setFreshness(null),
    );
    return () => {
      live = false;
    };
  }, [port, stamp]);

  if (freshness?.state !== "outOfDate") return null;
  return (
    <MessageBar intent="warning" role="status" aria-live="polite">
      <MessageBarBody>The Summary sheet is out of date: rows or settings have changed since it was made.</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRefresh} disabledFocusable={busy !== null} aria-label="Refresh the out-of-date summary">
          Refresh
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
