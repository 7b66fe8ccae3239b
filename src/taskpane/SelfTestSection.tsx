import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckStatus, SelfTestReport } from "../selftest/types";
import { usePane } from "./paneContext";
import { useNearClear } from "./nearGroup";
import { PaneMessage } from "./messages";
import { NearMessage } from "./NearMessage";
import { SELF_TEST_FOR_IT, SELF_TEST_PLAIN_WORDS } from "./selfTestWords";

/** The self-test talks to Excel itself (src/selftest), so it loads only when a user asks for it. */
const loadSelfTest = () => import(/* webpackChunkName: "self-test" */ "../selftest/run");

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, width: "100%" },
  item: { display: "flex", flexDirection: "column", borderLeft: `${tokens.strokeWidthThicker} solid`, paddingLeft: tokens.spacingHorizontalS },
  pass: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  fail: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  info: { borderLeftColor: tokens.colorNeutralStroke1 },
  status: { fontWeight: tokens.fontWeightSemibold },
  detail: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

const STATUS_TEXT: Record<CheckStatus, string> = { pass: "Pass", fail: "Fail", info: "For information" };

/** "Test this Excel", under Set up: runs every behaviour the add-in relies on and lists the result. */
export function SelfTestSection() {
  const styles = useStyles();
  const { host, run, busy } = usePane();
  const [report, setReport] = React.useState<SelfTestReport | null>(null);
  const [progress, setProgress] = React.useState<string>("");
  const isBusy = busy !== null;
  // Copy results says it worked beside its button (the section's result is otherwise its list), in the tab's group.
  const [copied, setCopied] = React.useState<PaneMessage | null>(null);
  const clearCopied = React.useCallback(() => setCopied(null), []);
  const clearNear = useNearClear(clearCopied);

  const test = () => {
    clearNear();
    return run("Testing this Excel", async () => {
      setReport(null);
      const { runSelfTest } = await loadSelfTest();
      const result = await runSelfTest(undefined, (done, total) => setProgress(`Tested ${done} of ${total}.`));
      setProgress("");
      setReport(result);
    });
  };

  const copy = () => {
    clearNear();
    return run("Copying the results", async () => {
      if (!report) return;
      const { reportText } = await loadSelfTest();
      const text = reportText(report);
      const html = `<pre>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</pre>`;
      await host.copyToClipboard(html, text);
      setCopied({ intent: "success", text: "Results copied: paste them into an email." });
    }, setCopied);
  };

  const count = (s: CheckStatus) => report?.results.filter((r) => r.status === s).length ?? 0;

  return (
    <section className={styles.section} aria-labelledby="td-selftest-heading">
      <h2 id="td-selftest-heading" className={styles.heading}>
        Test this Excel
      </h2>
      <Text>
        Checks, on a temporary sheet it deletes afterwards, that this version of Excel does what the add-in relies on. Your
        workbook&apos;s data is not touched.
      </Text>
      <Text>{SELF_TEST_FOR_IT}</Text>
      <div className={styles.buttons}>
        <Button onClick={test} disabledFocusable={isBusy}>
          Test this Excel
        </Button>
        {report && (
          <Button onClick={copy} disabledFocusable={isBusy}>
            Copy results
          </Button>
        )}
      </div>
      <NearMessage message={copied} />
      <Text role="status" aria-live="polite">
        {progress ||
          (report
            ? `${count("pass")} passed, ${count("fail")} failed, ${count("info")} for information. Excel: ${report.host}, ${report.platform}, version ${report.version}.`
            : "")}
      </Text>
      {report && (
        <ul className={styles.list} aria-label="Test results">
          {report.results.map((r) => (
            <li key={r.id} className={`${styles.item} ${styles[r.status]}`}>
              <Text>
                <span className={styles.status}>{STATUS_TEXT[r.status]}:</span> {r.title}
              </Text>
              <Text className={styles.detail}>{r.detail}</Text>
              {SELF_TEST_PLAIN_WORDS[r.id] && <Text className={styles.detail}>{`In plain words: ${SELF_TEST_PLAIN_WORDS[r.id]}`}</Text>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
