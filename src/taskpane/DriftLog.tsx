import * as React from "react";
import { Button, Field, Input, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { DRIFT_MESSAGE, DriftFound, logDrift } from "../actions/moderationActions";
import { PaneMessage } from "./messages";
import { NearMessage } from "./NearMessage";
import { storeModeratorName, storedModeratorName } from "./ModerationReason";
import { usePane } from "./paneContext";

/**
 * Check sheet's part of the moderation trail (issue 15): each Final visit typed over since it was made final, naming
 * the cells, with "Log this change…" to add the change to the Change log with a reason (the rows appended, never a
 * log row rewritten).
 */

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** "Visit TD-0001 was changed outside the pane since it was made final: Overall conclusion (M2)." */
export function driftSentence(d: DriftFound): string {
  return `Visit ${d.visitId} was ${DRIFT_MESSAGE}: ${d.fields.map((f, i) => `${f.field} (${d.cells[i]})`).join(", ")}.`;
}

function DriftItem({ drift }: { drift: DriftFound }) {
  const styles = useStyles();
  const { port, run, busy } = usePane();
  const [open, setOpen] = React.useState(false);
  const [reason, setReason] = React.useState("");
  const [who, setWho] = React.useState(storedModeratorName);
  const [errors, setErrors] = React.useState<Record<string, string>>({});
  const [message, setMessage] = React.useState<PaneMessage | null>(null);
  const id = `td-drift-${drift.visitId.replace(/[^A-Za-z0-9-]/g, "_")}`;

  const log = () =>
    run(
      "Logging the change",
      async () => {
        setMessage(null);
        const result = await logDrift(port, drift.visitId, { who, reason });
        if (!result.ok) {
          setErrors(Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
          return;
        }
        setErrors({});
        storeModeratorName(who);
        setMessage({ intent: "success", text: `${result.logged === 1 ? "1 change" : `${result.logged} changes`} to visit ${drift.visitId} added to the Change log.` });
        setOpen(false);
      },
      setMessage,
    );

  return (
    <li className={styles.item} aria-labelledby={`${id}-text`}>
      <Text id={`${id}-text`}>{driftSentence(drift)}</Text>
      {drift.fields.map((f, i) => (
        <Text key={f.field} size={200}>
          {`${f.field}: "${f.now}" now, "${f.logged}" when last logged (${drift.cells[i]}).`}
        </Text>
      ))}
      {!open ? (
        <div>
          <Button onClick={() => setOpen(true)} aria-expanded={false} aria-controls={`${id}-form`}>
            Log this change…
          </Button>
        </div>
      ) : (
        <div id={`${id}-form`} className={styles.stack}>
          <Field label="Reason for the change" required validationState={errors.reason ? "error" : "none"} validationMessage={errors.reason}>
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
          </Field>
          <Field label="Your name" hint="Kept on this device." required validationState={errors.who ? "error" : "none"} validationMessage={errors.who}>
            <Input value={who} onChange={(_, d) => setWho(d.value)} autoComplete="name" />
          </Field>
          <div>
            <Button appearance="primary" onClick={log} disabledFocusable={busy !== null}>
              Log change
            </Button>
          </div>
        </div>
      )}
      <NearMessage message={message} />
    </li>
  );
}

export function DriftList({ drift }: { drift: readonly DriftFound[] }) {
  const styles = useStyles();
  if (drift.length === 0) return null;
  return (
    <section className={styles.stack} aria-labelledby="td-drift-heading">
      <Text id="td-drift-heading" weight="semibold">
        {drift.length === 1 ? "1 Final visit changed outside the pane" : `${drift.length} Final visits changed outside the pane`}
      </Text>
      <ul className={styles.list} aria-label="Final visits changed outside the pane">
        {drift.map((d) => (
          <DriftItem key={d.visitId} drift={d} />
        ))}
      </ul>
    </section>
  );
}
