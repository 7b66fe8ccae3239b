import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import { SummaryFreshness as Freshness, summaryFreshness } from "../actions/summaryFreshness";
import { usePane } from "./paneContext";

/**
 * Says, at the top of the Summary tab, when the Summary sheet no longer matches the rows or the settings (a tie rule
 * changed, a grade edited), with Refresh one click away. Checked when the tab opens and after each summary shown.
 */
export function SummaryFreshness({ onRefresh, stamp }: { onRefresh: () => void; stamp?: unknown }) {
  const { port, busy, config } = usePane();
  const [freshness, setFreshness] = React.useState<Freshness | null>(null);
  // The tab's panel stays mounted while hidden: check again each time it comes into view (a sentinel watched by an
  // IntersectionObserver, where there is one) and whenever the settings change, not only when first mounted.
  const sentinel = React.useRef<HTMLSpanElement>(null);
  const [views, setViews] = React.useState(0);
  React.useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setViews((n) => n + 1);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  React.useEffect(() => {
    let live = true;
    summaryFreshness(port).then(
      (found) => live && setFreshness(found),
      () => live && setFreshness(null),
    );
    return () => {
      live = false;
    };
  }, [port, stamp, config, views]);

  // Out of the panel's flow (no gap of its own), but a box the observer can see.
  const watch = <span ref={sentinel} aria-hidden="true" style={{ position: "absolute", width: 1, height: 1, overflow: "hidden" }} />;
  if (freshness?.state !== "outOfDate") return watch;
  return (
    <>
      {watch}
      <MessageBar intent="warning" role="status" aria-live="polite">
        <MessageBarBody>The Summary sheet is out of date: rows or settings have changed since it was made.</MessageBarBody>
        <MessageBarActions>
          <Button onClick={onRefresh} disabledFocusable={busy !== null} aria-label="Refresh the out-of-date summary">
            Refresh
          </Button>
        </MessageBarActions>
      </MessageBar>
    </>
  );
}
