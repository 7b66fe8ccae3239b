import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { startActionPlanFor } from "../actions/actionActions";
import { feedbackData } from "../actions/feedbackActions";
import { isDeepDiveForm } from "../domain";
import { actionPlanStartedLine, localToday } from "../presentation/actions";
import { DOCX_MIME } from "./host";
import { PaneMessage } from "./messages";
import { NearMessage } from "./NearMessage";
import { loadFeedbackReport } from "./lazy";
import { usePane } from "./paneContext";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * After a visit is loaded or saved: start its action plan, or download the team's feedback report (issue 11). What
 * each did is said beside the buttons (the pane's rule: messages next to what caused them), errors too.
 */
export function VisitPlanButtons({ visitId }: { visitId: string | null | undefined }) {
  const styles = useStyles();
  const { port, host, run, busy } = usePane();
  const [near, setNear] = React.useState<PaneMessage | null>(null);
  // Another visit's buttons start with nothing said.
  React.useEffect(() => setNear(null), [visitId]);
  if (!visitId) return null;
  const notify = setNear;

  const startPlan = () =>
    void run("Starting the action plan", async () => {
      const result = await startActionPlanFor(port, visitId);
      const n = result.added.length;
      if (n === 0) {
        notify({ intent: "info", text: result.skipped > 0 ? `Every recommendation of visit ${visitId} already has an action: nothing was added.` : `Visit ${visitId} has no recommendations to turn into actions.` });
        return;
      }
      const first = result.added[0];
      notify({ intent: "success", text: actionPlanStartedLine({ count: n, row: result.row ?? 0, due: first.due, owner: first.owner, skipped: result.skipped }) });
    }, setNear);

  const feedback = () =>
    void run("Building the feedback report", async () => {
      const data = await feedbackData(port, visitId);
      const { buildFeedbackReport } = await loadFeedbackReport();
      const bytes = await buildFeedbackReport({ ...data, today: localToday() });
      await host.download(`Feedback ${data.visit.visitId} ${isDeepDiveForm(data.visit) ? data.visit.service : data.visit.team}.docx`, bytes, DOCX_MIME);
      notify({ intent: "success", text: "The feedback report is offered as a download. It holds the team's own findings: for the team and its managers, not for circulation." });
    }, setNear);

  return (
    <section className={styles.box} aria-labelledby="td-after-visit">
      <h3 id="td-after-visit" className={styles.heading}>
        After visit {visitId}
      </h3>
      <div className={styles.buttons}>
        <Button onClick={startPlan} disabledFocusable={busy !== null}>
          Start action plan
        </Button>
        <Button onClick={feedback} disabledFocusable={busy !== null}>
          Feedback report
        </Button>
      </div>
      <NearMessage message={near} />
    </section>
  );
}
