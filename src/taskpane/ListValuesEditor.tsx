import * as React from "react";
import { useOverflows } from "./useOverflows";
import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ListKind, ListUsage, ValueUsage, listUsage, removeListValue, renameListValue } from "../actions/listValues";
import { LIST_WORDS, actionsHave } from "../workbook/listValuesPlan";
import { PaneMessage, plural } from "./messages";
import { NearMessage } from "./NearMessage";
import { InlineConfirm } from "./InlineConfirm";
import { useNearClear } from "./nearGroup";
import { usePane } from "./paneContext";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "stretch", width: "100%", minWidth: 0 },
  // The table scrolls inside its own box if the pane is too narrow for it: the pane itself never scrolls sideways.
  scroller: {
    maxWidth: "100%",
    minWidth: 0,
    overflowX: "auto",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  note: { margin: 0, fontSize: tokens.fontSizeBase200 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    // Rules between rows only, space between columns, regular-weight names: the Teams table's five columns fit a
    // 320 px pane (walkthrough item 3); a table that still does not fit scrolls in its own box (below).
    "& th, & td": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXXS} 0`,
      textAlign: "left",
    },
    "& tr > :last-child": { paddingRight: 0 },
    "& tbody th": { fontWeight: tokens.fontWeightRegular },
    // Counts and their headings never break inside a word ("Visit s"); names wrap at their spaces.
    "& td.count": { textAlign: "right", whiteSpace: "nowrap" },
    "& thead th": { whiteSpace: "nowrap", borderBottomColor: tokens.colorNeutralStroke1 },
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const TITLES: Record<ListKind, string> = { service: "Services", team: "Teams", area: "Areas" };
const EMPTY: Record<ListKind, string> = {
  service: "None listed: any service name is accepted.",
  team: "None listed yet. Teams are added when you record a visit for a new team.",
  area: "None listed: any area name is accepted.",
};

/** "12 visits and 3 actions", "not used by any row". */
function usedBy(u: ValueUsage | undefined): string {
  if (!u) return "";
  const parts = [u.visits > 0 ? plural(u.visits, "visit") : "", u.actions > 0 ? plural(u.actions, "action") : ""].filter((p) => p);
  return parts.length > 0 ? `Used by ${parts.join(" and ")}.` : "Not used by any row.";
}

/**
 * The services, teams and areas on the Lists sheet, each with how many visits (and actions) use it, and a rename
 * and a remove for each list (issue 13). The counts come from one read when Settings opens and after each change;
 * each list's messages appear under its own buttons, announced.
 */
export function ListValues() {
  const { port, config, workbook } = usePane();
  const [usage, setUsage] = React.useState<ListUsage | null>(null);
  const load = React.useCallback(async () => {
    try {
      setUsage(await listUsage(port));
    } catch {
      // Counts are a help, not a need: without them the lists still show (a workbook not set up has no rows).
      setUsage(null);
    }
  }, [port]);
  React.useEffect(() => {
    void load();
  }, [load, config]);

  const values: Record<ListKind, string[]> = { service: config.services, team: config.teams.map((t) => t.name), area: config.areas };
  return (
    <>
      {(["service", "team", "area"] as const).map((kind) => (
        <ListValuesEditor key={kind} kind={kind} values={values[kind]} usage={usage?.[kind] ?? null} editable={workbook.hasLists} onChanged={load} />
      ))}
    </>
  );
}


interface EditorProps {
  kind: ListKind;
  values: string[];
  usage: ValueUsage[] | null;
  editable: boolean;
  onChanged: () => Promise<void>;
}

export function ListValuesEditor({ kind, values, usage, editable, onChanged }: EditorProps) {
  const styles = useStyles();
  const { port, config, run, reloadConfig, busy } = usePane();
  const words = LIST_WORDS[kind];
  const id = `td-list-${kind}`;
  const [chosen, setChosen] = React.useState("");
  const [newName, setNewName] = React.useState("");
  const [rewrite, setRewrite] = React.useState(true);
  const [message, setMessage] = React.useState<PaneMessage | null>(null);
  const [open, setOpen] = React.useState(false);
  // Nothing is chosen until the user chooses (a new-user test: the first value was preselected, and one click on
  // Remove took it): after a rename or removal the choice goes back to "Choose a …".
  const selected = values.find((v) => v === chosen) ?? "";
  // The value Remove is asking about, beside its button; null when not asking.
  const [asking, setAsking] = React.useState<string | null>(null);
  const removeButton = React.useRef<HTMLButtonElement>(null);
  const clearNear = useNearClear(React.useCallback(() => setMessage(null), []));
  const label = `${TITLES[kind].slice(0, -1)} to change`;
  const use = usage?.find((u) => u.value === selected);
  const rows = use ? use.visits + use.actions : 0;
  const withActions = actionsHave(kind) && (usage?.some((u) => u.actions > 0) ?? false);
  const teamOf = (name: string) => config.teams.find((t) => t.name === name);
  const [box, overflows] = useOverflows();

  const done = async (result: { ok: boolean; message: string }) => {
    setMessage({ intent: result.ok ? "success" : "warning", text: result.message });
    if (result.ok) {
      setNewName("");
      setChosen("");
      await reloadConfig();
      await onChanged();
    }
  };
  /** Said beside the buttons when one is pressed with nothing chosen; false when something is. */
  const nothingChosen = (verb: string) => {
    if (selected !== "") return false;
    setMessage({ intent: "warning", text: `Choose the ${words.one} to ${verb} in "${label}" first.` });
    return true;
  };
  const rename = () => {
    setAsking(null);
    if (nothingChosen("rename")) return;
    clearNear();
    void run(`Renaming the ${words.one}`, async () => done(await renameListValue(port, kind, selected, newName, rewrite && rows > 0)), setMessage);
  };
  // Remove asks first, beside its button; the confirm does it. Cancel or Escape gives focus back to Remove.
  const askRemove = () => {
    if (nothingChosen("remove")) return;
    setMessage(null);
    setAsking(selected);
  };
  const cancelRemove = () => {
    setAsking(null);
    removeButton.current?.focus();
  };
  const remove = () => {
    const value = asking;
    if (value === null) return;
    setAsking(null);
    removeButton.current?.focus();
    clearNear();
    void run(`Removing the ${words.one}`, async () => done(await removeListValue(port, kind, value)), setMessage);
  };
  const unchanged = actionsHave(kind) ? "Visits and actions that name it are not changed." : "Visits that name it are not changed.";

  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className={styles.subheading}>
        {TITLES[kind]}
      </h3>
      {values.length === 0 ? (
        <Text>{EMPTY[kind]}</Text>
      ) : (
        <>
          {overflows && <p className={styles.note}>The table is wider than the pane: scroll it sideways, or select it and use the arrow keys.</p>}
          <div
            ref={box}
            className={styles.scroller}
            {...(overflows ? { role: "region", "aria-label": `${TITLES[kind]} (scrolls sideways)`, tabIndex: 0 } : {})}
          >
            <table className={styles.table}>
              <caption className={styles.caption}>{`${plural(values.length, words.one, words.many)} on the list`}</caption>
              <thead>
                <tr>
                  <th scope="col">{TITLES[kind].slice(0, -1)}</th>
                  {kind === "team" && <th scope="col">Service</th>}
                  {kind === "team" && <th scope="col">Area</th>}
                  <th scope="col">Visits</th>
                  {withActions && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {values.map((v, i) => {
                  const u = usage?.find((x) => x.value === v);
                  return (
                    <tr key={`${v}-${i}`}>
                      <th scope="row">{v}</th>
                      {kind === "team" && <td>{teamOf(v)?.service}</td>}
                      {kind === "team" && <td>{teamOf(v)?.area}</td>}
                      <td className="count">{u ? u.visits : "…"}</td>
                      {withActions && <td className="count">{u ? u.actions : "…"}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {editable && values.length > 0 && (
        <div className={styles.buttons}>
          <Button
            aria-expanded={open}
            aria-controls={`${id}-change`}
            onClick={() => {
              setAsking(null);
              setOpen(!open);
            }}
          >
            {`Rename or remove a ${words.one}`}
          </Button>
        </div>
      )}
      {editable && values.length > 0 && open && (
        <div className={styles.section} role="group" id={`${id}-change`} aria-label={`Rename or remove a ${words.one}`}>
          <Field label={label} hint={usedBy(use)}>
            <Select
              value={selected}
              onChange={(_, data) => {
                setChosen(data.value);
                setAsking(null);
                setMessage(null);
              }}
            >
              <option value="">{`Choose ${/^[aeiou]/.test(words.one) ? "an" : "a"} ${words.one}`}</option>
              {values.map((v, i) => (
                <option key={`${v}-${i}`} value={v}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="New name">
            <Input value={newName} onChange={(_, data) => setNewName(data.value)} />
          </Field>
          {rows > 0 && (
            <Checkbox checked={rewrite} onChange={(_, data) => setRewrite(data.checked === true)} label={rows === 1 ? "Also change the row that uses it" : `Also change the ${rows} rows that use it`} />
          )}
          <div className={styles.buttons}>
            <Button onClick={rename} disabledFocusable={busy !== null}>
              {`Rename ${words.one}`}
            </Button>
            <Button ref={removeButton} onClick={askRemove} disabledFocusable={busy !== null}>
              {`Remove ${words.one}`}
            </Button>
          </div>
          {asking !== null && (
            <InlineConfirm
              id={`${id}-remove`}
              question={`Remove "${asking}" from the Lists sheet? ${unchanged}`}
              confirm="Remove"
              onConfirm={remove}
              onCancel={cancelRemove}
              disabled={busy !== null}
            />
          )}
          <NearMessage message={message} />
        </div>
      )}
    </section>
  );
}
