import * as React from "react";
import { useOverflows } from "./useOverflows";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { refreshTrendsSheet } from "../actions/trendActions";
import { CompiledScale, DiagnosticsConfig, GradeChange, GroupBy, gradedColumns, roundInWords } from "../domain";
import { CHANGE_ARROWS, GLANCE_TITLE, GlanceCell, KEY_FINDINGS_TITLE, atAGlance, findingsOf, glanceHeadline, glanceNote } from "../presentation/glance";
import type { SummaryOpening } from "../workbook/summaryPlan";
import { gradeCellStyle } from "./gradeStyle";
import { PaneMessage, plural } from "./messages";
import { NearMessage } from "./NearMessage";
import { usePane } from "./paneContext";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start", minWidth: 0, maxWidth: "100%" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  findings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  // The matrix scrolls inside its own box when the pane is too narrow for it: the pane itself never scrolls sideways.
  // Relative, so the visually hidden change words are clipped with the box and never widen the page.
  scroller: {
    position: "relative",
    maxWidth: "100%",
    overflowX: "auto",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Borders drawn by each cell, not collapsed between cells: a collapsed border belongs to the table, so the sticky
  // first cell's edge was see-through and slivers of the cells scrolling under it showed (walkthrough item 11).
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      verticalAlign: "top",
    },
    "& tr > :first-child": { borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
    "& thead th": {
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      backgroundColor: tokens.colorNeutralBackground3,
      fontWeight: tokens.fontWeightSemibold,
      textAlign: "left",
    },
    "& tbody th": { fontWeight: tokens.fontWeightRegular, textAlign: "left", backgroundColor: tokens.colorNeutralBackground1 },
    "& td": { textAlign: "center", whiteSpace: "nowrap" },
    // The service names stay in view while the grades scroll beneath them.
    "& tr > th:first-child": { position: "sticky", left: 0, zIndex: 1 },
  },
  // The table's title, above its scroll box so it stays in view while the matrix scrolls sideways.
  caption: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  abbr: { textDecorationLine: "none" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  note: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

/** "Allocation": a domain's short label cut to its first word, for a column header in a narrow pane. */
export function shortHeader(label: string): string {
  const first = label.split(/\s+/)[0] ?? label;
  return first.length > 0 ? first : label;
}

/** The change word a screen reader hears beside the arrow. */
const CHANGE_WORDS: Partial<Record<GradeChange, string>> = { improved: "better", declined: "worse", same: "same" };

function Cell({ cell, compiled, overall }: { cell: GlanceCell; compiled: CompiledScale; overall: boolean }) {
  const styles = useStyles();
  if (cell.visits === 0) return <td>–</td>;
  const arrow = cell.change ? CHANGE_ARROWS[cell.change] : undefined;
  const word = cell.change ? CHANGE_WORDS[cell.change] : undefined;
  return (
    <td style={{ ...gradeCellStyle(cell.headline, compiled), fontWeight: overall ? tokens.fontWeightSemibold : undefined }}>
      {glanceHeadline(cell)}
      {arrow && (
        <>
          {" "}
          <span aria-hidden="true" title={word}>
            {arrow}
          </span>
          <span className={styles.hidden}>{word}</span>
        </>
      )}
    </td>
  );
}

/**
 * Issue 12 in the pane, above the per-service tables: the key findings as a short list, the picture at a glance as a
 * compact table (services by domains, the latest round's headline in the scale's colour with the number of visits and
 * the change since the round before), and Refresh trends, which writes the Trends sheet. Figures only.
 */
export function GlancePanel({ opening, config, compiled }: { opening: SummaryOpening; config: DiagnosticsConfig; compiled: CompiledScale }) {
  const styles = useStyles();
  const { port, run, busy } = usePane();
  const [near, setNear] = React.useState<PaneMessage | null>(null);
  // Whether the matrix is wider than its box (a narrow pane): then a line above it says it scrolls.
  const [box, overflows] = useOverflows();
  const { trends, threshold } = opening;
  const by: GroupBy = "areas" in trends ? "area" : "service";
  const glance = atAGlance(trends, config, compiled);
  const findings = findingsOf(trends, config, compiled, threshold);
  if (glance.rows.length === 0) return null;
  const labelOf = (short: string) => gradedColumns(config).find((d) => d.shortLabel === short)?.fullLabel ?? short;

  const refreshTrends = () => {
    void run("Refreshing the trends", async () => {
      const { trends: written, layout } = await refreshTrendsSheet(port, { by });
      setNear({
        intent: "success",
        text: `Trends written to the "${layout.sheet}" sheet: ${plural(written.rounds.length, "round")}, ${plural(written.teams.length, "team")} compared.`,
      });
    }, setNear);
  };

  return (
    <section className={styles.stack} aria-labelledby="td-glance-heading">
      <h3 id="td-glance-heading" className={styles.heading}>
        {KEY_FINDINGS_TITLE}
      </h3>
      {findings.length > 0 && (
        <ul className={styles.findings} aria-label={KEY_FINDINGS_TITLE}>
          {findings.map((f) => (
            <li key={f.text}>{f.text}</li>
          ))}
        </ul>
      )}
      <p id="td-glance-title" className={styles.caption}>
        {`${GLANCE_TITLE}: ${roundInWords(glance.round ?? "")}${glance.previousRound ? `, change since ${roundInWords(glance.previousRound)}` : ""}`}
      </p>
      {overflows && <p className={styles.note}>The table is wider than the pane: scroll it sideways, or select it and use the arrow keys.</p>}
      <div ref={box} className={styles.scroller} role="region" aria-label={`${GLANCE_TITLE} (scrolls sideways)`} tabIndex={0}>
        <table className={styles.table} aria-labelledby="td-glance-title">
          <thead>
            <tr>
              <th scope="col">{by === "area" ? "Area" : "Service"}</th>
              {glance.columns.map((c) => (
                <th scope="col" key={c} aria-label={c}>
                  <abbr className={styles.abbr} title={labelOf(c)}>
                    {shortHeader(c)}
                  </abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {glance.rows.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                {r.cells.map((c, i) => (
                  <Cell key={glance.columns[i]} cell={c} compiled={compiled} overall={!!config.overall && i === r.cells.length - 1} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={styles.note}>{glanceNote(glance, by)}</p>
      <Button onClick={refreshTrends} disabledFocusable={busy !== null}>
        Refresh trends
      </Button>
      <NearMessage message={near} />
    </section>
  );
}
