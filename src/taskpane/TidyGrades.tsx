import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { previewTidyGrades, tidyGrades } from "../actions/tidyGrades";
import { GradeFix } from "../domain";
import { plural } from "./messages";
import { usePane } from "./paneContext";
import { useFocusWhenSaid } from "./NearMessage";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

/** Up to this many changes are listed one by one; beyond it, the first ones and "and N more". */
const LISTED = 12;

/** '3 grade cells will change: I2 "Good" to G; L2 "ri" to RI; M3 "RI/I" to RI / I.', every change or the first 10 and "and N more". */
export function changesInWords(fixes: GradeFix[]): string {
  const shown = fixes.length <= LISTED ? fixes : fixes.slice(0, LISTED - 2);
  const more = fixes.length - shown.length;
  const listed = shown.map((f) => `${f.cell} "${f.from}" to ${f.to}`);
  return `${plural(fixes.length, "grade cell")} will change: ${[...listed, ...(more > 0 ? [`and ${more} more`] : [])].join("; ")}.`;
}

/** Says how many grade cells it will change, then rewrites exactly those in one batch; messages stay beside it. */
export function TidyGrades({ onTidied }: { onTidied?: () => void }) {
  const styles = useStyles();
  const { port, run, busy } = usePane();
  const [pending, setPending] = React.useState<GradeFix[] | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);
  // After a change the confirm group with its button is gone: focus goes to what was tidied, where it was.
  const { ref: resultRef, focusNext: focusResult } = useFocusWhenSaid<HTMLElement>(message);

  const preview = () =>
    run("Looking for grades to tidy", async () => {
      const fixes = await previewTidyGrades(port);
      setPending(fixes.length > 0 ? fixes : null);
      setMessage(fixes.length > 0 ? null : "Every grade is already in its usual spelling: nothing to tidy.");
    });

  const apply = (fixes: GradeFix[]) =>
    run("Tidying grades", async () => {
      const result = await tidyGrades(port, fixes);
      setPending(null);
      const refused =
        result.refused.length > 0
          ? ` ${plural(result.refused.length, "cell")} left as ${result.refused.length === 1 ? "it was" : "they were"}: changed since the check (${result.refused.map((f) => f.cell).join(", ")}).`
          : "";
      focusResult();
      setMessage(`${plural(result.changed.length, "grade cell")} tidied.${refused}`);
      onTidied?.();
    });

  return (
    <section className={styles.stack} aria-labelledby="tidy-heading">
      <Text as="h2" weight="semibold" id="tidy-heading">
        Tidy grades
      </Text>
      <Text>Rewrites grades typed another way (&quot;Good&quot;, &quot;ri&quot;, &quot;RI/I&quot;) as the scale writes them, so they are coloured and read alike. No other cell changes.</Text>
      <div className={styles.buttons}>
        <Button onClick={preview} disabledFocusable={busy !== null}>
          Tidy grades
        </Button>
      </div>
      {pending && (
        <div className={styles.stack} role="group" aria-label="Confirm tidying grades">
          <Text role="status">{changesInWords(pending)}</Text>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => apply(pending)} disabledFocusable={busy !== null}>
              {`Change ${plural(pending.length, "cell")}`}
            </Button>
            <Button onClick={() => setPending(null)}>Cancel</Button>
          </div>
        </div>
      )}
      {message && (
        <Text role="status" ref={resultRef} tabIndex={-1}>
          {message}
        </Text>
      )}
    </section>
  );
}
