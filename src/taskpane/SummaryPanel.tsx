import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { computeSummaries, computeSummary, refreshSummary } from "../actions/workbookActions";
import { SummaryFreshness } from "./SummaryFreshness";
import { CompiledScale, DiagnosticsConfig, GroupBy, Summary, SummaryFilter, parseBritishDate, whyNotADate } from "../domain";
import { ROWS_LEFT_OUT, nothingCounted, TABLE_HEADINGS, describeBase, groupHeading, leftOutLine } from "../presentation/wording";
import { CSV_MIME, DOCX_MIME, XLSX_MIME } from "./host";
import { gradeCellStyle } from "./gradeStyle";
import { loadClipboard, loadCsv, loadSummaryWorkbook, loadWordReport } from "./lazy";
import { PaneMessage, plural } from "./messages";
import { NearMessage, useFocusWhenSaid } from "./NearMessage";
import { usePane } from "./paneContext";
import { GlancePanel } from "./GlancePanel";
import type { SummaryOpening } from "../workbook/summaryPlan";
import { wordReportDownloaded } from "./downloadWording";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  dates: { flexGrow: 1, flexBasis: "9em" },
  buttons: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "stretch" },
  base: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      textAlign: "left",
      verticalAlign: "top",
    },
    "& thead th": { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
    "& tbody th": { fontWeight: tokens.fontWeightRegular },
  },
  overall: { "& th, & td": { fontWeight: tokens.fontWeightSemibold } },
  caption: { captionSide: "top", textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, alignItems: "flex-start" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const isoOf = (text: string): string | undefined => {
  const t = text.trim();
  if (t === "") return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : (parseBritishDate(t) ?? t);
};

const utf8 = (text: string) => new TextEncoder().encode(text.startsWith("\uFEFF") ? text : `\uFEFF${text}`);

export function SummaryTables(props: {
  summary: Summary;
  config: DiagnosticsConfig;
  compiled: CompiledScale;
  onCopy?: (group: string) => void;
  /** What the last Copy table said, and for which table: shown under that table's button. */
  copied?: { group: string | null; message: PaneMessage } | null;
}) {
  const styles = useStyles();
  const { summary, config, compiled, onCopy, copied } = props;
  return (
    <>
      {summary.groups.map((group) => (
        <div key={group.name} className={styles.group}>
          <table className={styles.table}>
            <caption className={styles.caption}>{groupHeading(summary, group.name, group.visits)}</caption>
            <thead>
              <tr>
                <th scope="col" style={{ width: "58%" }}>
                  {TABLE_HEADINGS[0]}
                </th>
                <th scope="col">{TABLE_HEADINGS[1]}</th>
              </tr>
            </thead>
            <tbody>
              {group.rows.map((row) => (
                <tr key={row.domainKey} className={row.domainKey === config.overall?.key ? styles.overall : undefined}>
                  <th scope="row">{row.domain}</th>
                  <td style={gradeCellStyle(row.headline, compiled)}>
                    <GradingText text={row.text} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {onCopy && (
            <Button size="small" onClick={() => onCopy(group.name)} aria-label={`Copy table: ${group.name}`}>
              Copy table
            </Button>
          )}
          {onCopy && <NearMessage message={copied && copied.group === group.name ? copied.message : null} />}
        </div>
      ))}
    </>
  );
}

/**
 * A grading such as "RI / I (5 x RI / I, 3 x I)" with no line break inside a grade or a count: each "N x GRADE" and
 * the headline grade are kept whole (nowrap), so a narrow pane breaks only between them.
 */
export function GradingText({ text }: { text: string }) {
  const m = /^(.*?)\s*\((.*)\)$/.exec(text);
  if (!m) return <span style={{ whiteSpace: "nowrap" }}>{text}</span>;
  const parts = m[2].split(", ");
  return (
    <>
      <span style={{ whiteSpace: "nowrap" }}>{m[1]}</span>{" "}
      {"("}
      {parts.map((part, i) => (
        <React.Fragment key={i}>
          <span style={{ whiteSpace: "nowrap" }}>{i === parts.length - 1 ? `${part})` : `${part},`}</span>
          {i < parts.length - 1 ? " " : ""}
        </React.Fragment>
      ))}
    </>
  );
}

export function SummaryPanel() {
  const styles = useStyles();
  const { port, host, config, compiled, run, busy } = usePane();
  const [by, setBy] = React.useState<GroupBy>("service");
  const [round, setRound] = React.useState("");
  const [from, setFrom] = React.useState("");
  const [to, setTo] = React.useState("");
  const [shown, setShown] = React.useState<Summary | null>(null);
  const [opening, setOpening] = React.useState<SummaryOpening | null>(null);
  // Messages next to what caused them: the four buttons' message under them, a bad date at its box, a copy at its button.
  const [near, setNear] = React.useState<PaneMessage | null>(null);
  const [dateErrors, setDateErrors] = React.useState<{ from?: string; to?: string }>({});
  const [copied, setCopied] = React.useState<{ group: string | null; message: PaneMessage } | null>(null);
  const isBusy = busy !== null;
  const canOpenWorkbook = host.isSetSupported("ExcelApi", "1.8");

  /** The options, or null (with a message) when the dates do not make sense. */
  const options = (): { by: GroupBy; filter: SummaryFilter } | null => {
    const filter: SummaryFilter = {};
    if (round.trim() !== "") filter.round = round.trim();
    const fromDate = isoOf(from);
    const toDate = isoOf(to);
    setNear(null);
    const bad: { from?: string; to?: string } = {};
    for (const [key, typed, value] of [["from", from, fromDate], ["to", to, toDate]] as const) {
      if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) bad[key] = whyNotADate(typed) ?? "Enter the date as dd/mm/yyyy.";
    }
    if (!bad.from && !bad.to && fromDate && toDate && fromDate > toDate) bad.to = "The From date is after the To date.";
    setDateErrors(bad);
    // Reported at the box itself (the field's message is an alert), not in a banner.
    if (bad.from || bad.to) return null;
    if (fromDate) filter.from = fromDate;
    if (toDate) filter.to = toDate;
    return { by, filter };
  };

  // Refresh in the out-of-date bar takes the bar (and its button) away: focus goes to what the refresh said.
  const { ref: nearRef, focusNext: focusNear } = useFocusWhenSaid<HTMLDivElement>(near);

  const refresh = (fromBar = false) => {
    const chosen = options();
    if (!chosen) return;
    if (fromBar) focusNear();
    void run("Refreshing the summary", async () => {
      const { summary, layout, opening: written } = await refreshSummary(port, chosen);
      setShown(summary);
      setOpening(written);
      const groups = plural(summary.groups.length, summary.by === "service" ? "service" : "area");
      const renamed =
        layout.summarySheet !== "Summary" || layout.countsSheet !== "Counts"
          ? " A sheet of yours already had the usual name, so it was left alone."
          : "";
      setNear({
        intent: "success",
        text: `Summary written to the "${layout.summarySheet}" and "${layout.countsSheet}" sheets: ${plural(summary.base.visits, "visit")} in ${groups}.${renamed}`,
      });
    }, setNear);
  };

  const createWorkbook = () => {
    const chosen = options();
    if (!chosen) return;
    void run("Creating the summary workbook", async () => {
      const { summary, config: current, opening, moderation } = await computeSummary(port, chosen);
      const { summaryWorkbookBase64 } = await loadSummaryWorkbook();
      const { base64, bytes } = await summaryWorkbookBase64(summary, current, opening, moderation);
      if (canOpenWorkbook) {
        await host.openWorkbookFromBase64(base64);
        setNear({ intent: "success", text: `The summary workbook (${plural(summary.base.visits, "visit")}) has opened in a new window. Save it where you need it.` });
      } else {
        await host.download(`Team diagnostics summary ${today()}.xlsx`, bytes, XLSX_MIME);
        setNear({ intent: "success", text: "This version of Excel cannot open a new workbook from an add-in, so the summary workbook is offered as a download instead. If nothing was saved, use the command line or Excel on the web." });
      }
    }, setNear);
  };

  const exportReport = () => {
    const chosen = options();
    if (!chosen) return;
    void run("Building the report", async () => {
      const { byService, byArea, config: current, moderation } = await computeSummaries(port, chosen.filter);
      const { buildWordReport } = await loadWordReport();
      const bytes = await buildWordReport({ byService, byArea: byArea.groups.length > 0 ? byArea : null, config: current, moderation });
      await host.download(`Team diagnostics report ${today()}.docx`, bytes, DOCX_MIME);
      setNear({ intent: "success", text: wordReportDownloaded(host.platform?.()) });
    }, setNear);
  };

  const downloadCsv = () => {
    const chosen = options();
    if (!chosen) return;
    void run("Preparing the counts", async () => {
      const { summary, config: current } = await computeSummary(port, chosen);
      const { countsCsv } = await loadCsv();
      await host.download(`Team diagnostics counts ${today()}.csv`, utf8(countsCsv(summary, current)), CSV_MIME);
      setNear({ intent: "success", text: "The counts are offered as a CSV download." });
    }, setNear);
  };

  const copy = (group: string | null) => {
    if (!shown) return;
    void run("Copying", async () => {
      const { summaryTableClipboard } = await loadClipboard();
      const { html, text } = summaryTableClipboard(shown, group, config);
      await host.copyToClipboard(html, text);
      setCopied({
        group,
        message: {
          intent: "success",
          text: group === null ? "All the tables are on the clipboard: paste them into Word or an email." : `The ${group} table is on the clipboard: paste it into Word or an email.`,
        },
      });
    }, (message) => setCopied({ group, message }));
  };

  return (
    <div className={styles.stack}>
      <h2 className={styles.title}>Summary</h2>
      <SummaryFreshness onRefresh={() => refresh(true)} stamp={shown} />
      <Text>
        Rolls the final visits up into one table per service or area. Refresh summary writes the Summary and Counts sheets in
        this workbook; only sheets the add-in made are ever replaced.
      </Text>

      <Field label="Group by">
        <RadioGroup layout="horizontal" value={by} onChange={(_, data) => setBy(data.value as GroupBy)}>
          <Radio value="service" label="Service" />
          <Radio value="area" label="Area" />
        </RadioGroup>
      </Field>
      <Field label="Round" hint="Leave blank for every round.">
        <Input value={round} onChange={(_, data) => setRound(data.value)} />
      </Field>
      <div className={styles.row}>
        {/* Text boxes, not type="date": a browser's date picker follows its own locale, which may be American. */}
        <Field label="Visits from" className={styles.dates} hint="dd/mm/yyyy" validationMessage={dateErrors.from} validationState={dateErrors.from ? "error" : "none"}>
          <Input placeholder="dd/mm/yyyy" inputMode="numeric" autoComplete="off" value={from} onChange={(_, data) => setFrom(data.value)} />
        </Field>
        <Field label="Visits to" className={styles.dates} hint="dd/mm/yyyy" validationMessage={dateErrors.to} validationState={dateErrors.to ? "error" : "none"}>
          <Input placeholder="dd/mm/yyyy" inputMode="numeric" autoComplete="off" value={to} onChange={(_, data) => setTo(data.value)} />
        </Field>
      </div>

      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => refresh()} disabledFocusable={isBusy}>
          Refresh summary
        </Button>
        <Button onClick={createWorkbook} disabledFocusable={isBusy}>
          {canOpenWorkbook ? "Create summary workbook" : "Download summary workbook"}
        </Button>
        <Button onClick={exportReport} disabledFocusable={isBusy}>
          Export report (Word)
        </Button>
        <Button onClick={downloadCsv} disabledFocusable={isBusy}>
          Download counts (CSV)
        </Button>
      </div>
      <div ref={nearRef} tabIndex={-1}>
        <NearMessage message={near} />
      </div>
      <Text size={200}>The workbook, report and counts carry grades and counts only: no names and no findings.</Text>

      {shown && (
        <section className={styles.stack} aria-labelledby="td-summary-heading">
          <h2 id="td-summary-heading" className={styles.heading}>
            {`Findings by ${shown.by}`}
          </h2>
          <ul className={styles.base}>
            {describeBase(shown).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {opening && <GlancePanel opening={opening} config={config} compiled={compiled} />}
          {shown.groups.length === 0 ? (
            <Text>{nothingCounted(shown.base)}</Text>
          ) : (
            <>
              <div>
                <Button onClick={() => copy(null)} disabledFocusable={isBusy}>
                  Copy all tables
                </Button>
              </div>
              <NearMessage message={copied && copied.group === null ? copied.message : null} />
              <SummaryTables summary={shown} config={config} compiled={compiled} onCopy={(group) => copy(group)} copied={copied} />
            </>
          )}
          {shown.base.excluded.length > 0 && (
            <details>
              <summary>{`${ROWS_LEFT_OUT} (${shown.base.excluded.length})`}</summary>
              <ul className={styles.base}>
                {shown.base.excluded.map((row) => (
                  <li key={`${row.sheet}-${row.row}`}>{leftOutLine(row)}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </div>
  );
}
