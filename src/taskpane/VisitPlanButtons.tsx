import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { startActionPlanFor } from "../actions/actionActions";
import { VisitRowProblemError, feedbackData } from "../actions/feedbackActions";
import { STATUS_PLANNED, VisitForm, foldLabel, formatBritishDate, isDeepDiveForm } from "../domain";
import { actionPlanStartedLine, localToday } from "../presentation/actions";
import { ISO_DATE } from "./dateHint";
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

/** The visit the buttons are for, as saved in the workbook. */
export type AfterVisit = Pick<VisitForm, "visitId" | "status" | "visitDate">;

/**
 * After a visit is loaded or saved: start its action plan, or download the team's feedback report (issue 11). What
 * each did is said beside the buttons (the pane's rule: messages next to what caused them), errors too. A Planned
 * visit has not happened: neither is offered, and a sentence says why.
 */
export function VisitPlanButtons({ visit }: { visit: AfterVisit | null }) {
  const styles = useStyles();
  const { port, host, run, busy } = usePane();
  const [near, setNear] = React.useState<PaneMessage | null>(null);
  const visitId = visit?.visitId;
  // Another visit's buttons start with nothing said.
  React.useEffect(() => setNear(null), [visitId]);
  if (!visit || !visitId) return null;
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
      const today = localToday();
      let data;
      try {
        data = await feedbackData(port, visitId, today);
      } catch (error) {
        // The row's problems are refused in the pane's words: Check sheet lists them here, not `validate`.
        if (!(error instanceof VisitRowProblemError)) throw error;
        return notify({ intent: "error", text: VisitRowProblemError.sentence(error.visitId, error.problem, error.count, "Check sheet on the Check tab lists") });
      }
      const { buildFeedbackReport } = await loadFeedbackReport();
      const bytes = await buildFeedbackReport({ ...data, today });
      await host.download(`Feedback ${data.visit.visitId} ${isDeepDiveForm(data.visit) ? data.visit.service : data.visit.team}.docx`, bytes, DOCX_MIME);
      notify({ intent: "success", text: "The feedback report is offered as a download. It holds the team's own findings: for the team and its managers, not for circulation." });
    }, setNear);

  if (foldLabel(visit.status) === foldLabel(STATUS_PLANNED)) {
    const on = ISO_DATE.test(visit.visitDate) ? ` (${formatBritishDate(visit.visitDate)})` : "";
    return (
      <section className={styles.box} aria-labelledby="td-after-visit">
        <h3 id="td-after-visit" className={styles.heading}>
          After visit {visitId}
        </h3>
        <Text>{`Visit ${visitId} is Planned${on}: its action plan and feedback report can be made once the visit has happened and its Status is Draft, For moderation or Final.`}</Text>
      </section>
    );
  }

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
