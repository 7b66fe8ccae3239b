import * as React from "react";
import { Button, Dropdown, Field, Option, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ActionListing, listActions, updateAction } from "../actions/actionActions";
import { ACTION_STATUSES, foldLabel, formatBritishDate } from "../domain";
import { RAG_COLOURS, localToday } from "../presentation/actions";
import { usePane } from "./paneContext";
import { PaneMessage } from "./messages";
import { NearMessage } from "./NearMessage";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  filters: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  // Fluent's Dropdown is 250 px wide at least: two side by side must shrink to fit a 320 px pane.
  narrow: { minWidth: 0, width: "100%" },
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  head: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  rag: { padding: "0 6px", borderRadius: tokens.borderRadiusSmall, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  text: { margin: 0, overflowWrap: "anywhere" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const ALL = "All";

/** What the last save of an action said, on the card of its row. */
interface RowNote {
  row: number;
  message: PaneMessage;
}

function ActionRow({ listing, onSaved, note, onNote }: { listing: ActionListing; onSaved: () => Promise<void>; note: PaneMessage | null; onNote: (note: RowNote | null) => void }) {
  const styles = useStyles();
  const { port, run, busy } = usePane();
  const { item, rag, row, overdue } = listing;
  const [status, setStatus] = React.useState(item.status);
  const [progress, setProgress] = React.useState(item.progress);
  const changed = status !== item.status || progress !== item.progress;
  const id = `td-action-${row}`;
  // The list is read again after a save, so this card is a new one: focus goes to what the save said, on it.
  const noteRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (note) noteRef.current?.focus();
  }, [note]);
  const save = () => {
    onNote(null);
    void run("Saving the action", async () => {
      const completedDate = status === "Complete" && !item.completedDate ? localToday() : item.completedDate;
      await updateAction(port, row, item, { status, progress, completedDate });
      // Re-read inside the same run (the pane runs one action at a time), so the list shows what was saved.
      await onSaved();
      onNote({ row, message: { intent: "success", text: `Action ${item.actionId || `on row ${row}`} saved.` } });
    }, (message) => onNote({ row, message }));
  };
  const colours = RAG_COLOURS[rag];
  return (
    <li className={styles.item} aria-labelledby={`${id}-title`}>
      <div className={styles.head}>
        <strong id={`${id}-title`}>{item.actionId || `Row ${row}`}</strong>
        <span className={styles.rag} style={{ backgroundColor: `#${colours.fill}`, color: `#${colours.fontColour}` }}>
          {overdue ? `${rag}: overdue` : rag}
        </span>
      </div>
      <span className={styles.meta}>
        {item.team} · {item.service} · due {item.dueDate ? formatBritishDate(item.dueDate) : "not set"}
      </span>
      <p className={styles.text}>{item.action || item.recommendation}</p>
      <Field label="Status" size="small">
        <Dropdown className={styles.narrow} size="small" value={status} selectedOptions={[status]} onOptionSelect={(_, d) => setStatus(d.optionValue ?? status)} aria-label={`Status of ${item.actionId || `row ${row}`}`}>
          {ACTION_STATUSES.map((s) => (
            <Option key={s} value={s}>
              {s}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Progress" size="small">
        <Textarea size="small" value={progress} onChange={(_, d) => setProgress(d.value)} aria-label={`Progress of ${item.actionId || `row ${row}`}`} />
      </Field>
      {changed && (
        <Button size="small" appearance="primary" onClick={save} disabledFocusable={busy !== null}>
          Save {item.actionId || "action"}
        </Button>
      )}
      <div ref={noteRef} tabIndex={-1}>
        <NearMessage message={note} />
      </div>
    </li>
  );
}

/** The Actions tab (issue 11 §2): overdue and at-risk first, filtered by service and team, status and progress edited in place. */
export function ActionsPanel() {
  const styles = useStyles();
  const { port, run } = usePane();
  const [listings, setListings] = React.useState<ActionListing[] | null>(null);
  const [service, setService] = React.useState(ALL);
  const [team, setTeam] = React.useState(ALL);
  const [note, setNote] = React.useState<RowNote | null>(null);
  const reread = async () => setListings(await listActions(port, localToday()));
  const load = () => {
    setNote(null);
    void run("Reading the actions", reread);
  };
  const services = [...new Set((listings ?? []).map((l) => l.item.service).filter((s) => s !== ""))];
  const teams = [...new Set((listings ?? []).filter((l) => service === ALL || foldLabel(l.item.service) === foldLabel(service)).map((l) => l.item.team).filter((t) => t !== ""))];
  const shown = (listings ?? []).filter(
    (l) => (service === ALL || foldLabel(l.item.service) === foldLabel(service)) && (team === ALL || foldLabel(l.item.team) === foldLabel(team)),
  );
  return (
    <div className={styles.stack}>
      <h2 className={styles.heading}>Actions</h2>
      <Button appearance="primary" onClick={load}>
        {listings === null ? "Show actions" : "Refresh actions"}
      </Button>
      {listings !== null && (
        <>
          <div className={styles.filters}>
            <Field label="Service" size="small">
              <Dropdown className={styles.narrow} size="small" value={service} selectedOptions={[service]} onOptionSelect={(_, d) => { setService(d.optionValue ?? ALL); setTeam(ALL); }}>
                {[ALL, ...services].map((s) => (
                  <Option key={s} value={s}>
                    {s}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Team" size="small">
              <Dropdown className={styles.narrow} size="small" value={team} selectedOptions={[team]} onOptionSelect={(_, d) => setTeam(d.optionValue ?? ALL)}>
                {[ALL, ...teams].map((t) => (
                  <Option key={t} value={t}>
                    {t}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </div>
          <p className={styles.meta} role="status">
            {shown.length} of {listings.length} {listings.length === 1 ? "action" : "actions"}; overdue and at risk first.
          </p>
          <ul className={styles.list} aria-label="Actions, most urgent first">
            {shown.map((l) => (
              <ActionRow key={`${l.row}-${l.item.actionId}-${l.item.status}-${l.item.progress}`} listing={l} onSaved={reread} note={note?.row === l.row ? note.message : null} onNote={setNote} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
