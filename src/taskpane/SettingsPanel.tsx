import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { saveSettings, setUpWorkbook } from "../actions/workbookActions";
import { TieRule, foldLabel } from "../domain";
import { readableText } from "./gradeStyle";
import { usePane } from "./paneContext";
import { SelfTestSection } from "./SelfTestSection";
import { ListValues } from "./ListValuesEditor";
import { PaneMessage } from "./messages";
import { NearMessage } from "./NearMessage";
import { NearGroupContext, useNearGroup } from "./nearGroup";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  grades: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  grade: { display: "flex", alignItems: "flex-start" },
  swatch: {
    display: "inline-block",
    width: "7.5em",
    flexShrink: 0,
    boxSizing: "border-box",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    marginRight: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    textAlign: "center",
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      textAlign: "left",
    },
  },
  caption: { textAlign: "left", fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
});

export function tieRuleText(rule: TieRule): string {
  return rule === "split"
    ? "Split: when two adjacent grades are equally frequent, the split grade between them is shown (otherwise the lower grade), and the tie is marked."
    : "Cautious: when grades are equally frequent, the lower grade is shown and the tie is marked.";
}

/** The Set up workbook button's id: the Record visit tab's "Go to Set up" puts focus on it. */
export const SET_UP_BUTTON_ID = "td-setup-workbook";

export function SettingsPanel() {
  const styles = useStyles();
  const { port, config, compiled, workbook, run, reloadConfig, busy } = usePane();
  const isBusy = busy !== null;
  // What Save settings did, said under its button (Save settings is well down the tab, far from the banner).
  const [saved, setSaved] = React.useState<PaneMessage | null>(null);

  // What Set up workbook and Reload settings did, said under each button, as Save settings does (walkthrough finding 2):
  // only the latest news, so one section's message goes when another button is pressed.
  const [setUpMessage, setSetUpMessage] = React.useState<PaneMessage | null>(null);
  const [reloaded, setReloaded] = React.useState<PaneMessage | null>(null);
  // The tab's other sections (Test this Excel, the list editors) join the same group: any action on the tab clears them all.
  const group = useNearGroup();
  React.useEffect(
    () =>
      group.register(() => {
        setSetUpMessage(null);
        setReloaded(null);
        setSaved(null);
      }),
    [group],
  );
  const clearNear = group.clearAll;

  const setUp = () => {
    clearNear();
    return run("Setting up the workbook", async () => {
      await setUpWorkbook(port);
      await reloadConfig();
      setSetUpMessage({
        intent: "success",
        text: "The workbook is set up: the Diagnostics table, the Lists sheet, dropdowns, grade colours and date formats are in place. No row was changed.",
      });
    }, setSetUpMessage);
  };

  const [tieRule, setTieRule] = React.useState<TieRule>(config.tieRule);
  const [newService, setNewService] = React.useState("");
  const [newArea, setNewArea] = React.useState("");
  React.useEffect(() => setTieRule(config.tieRule), [config.tieRule]);

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    clearNear();
    run("Saving the settings", async () => {
      // Only what the user changed here: a co-author may have changed the sheet since this pane read it.
      await saveSettings(port, { tieRule: tieRule !== config.tieRule ? tieRule : undefined, addService: newService, addArea: newArea });
      await reloadConfig();
      setNewService("");
      setNewArea("");
      setSaved({ intent: "success", text: "Settings saved to the Lists sheet; the dropdowns follow them. No row was changed." });
    }, setSaved);
  };

  const reload = () => {
    clearNear();
    return run("Reading the Lists sheet", async () => {
      await reloadConfig();
      setReloaded({ intent: "success", text: "Settings read again from the Lists sheet." });
    }, setReloaded);
  };

  const tab = (
    <div className={styles.stack}>
      <section className={styles.section} aria-labelledby="td-setup-heading">
        <h2 id="td-setup-heading" className={styles.heading}>
          Set up workbook
        </h2>
        <Text>
          Creates the Diagnostics table and the Lists sheet, with dropdowns, grade colours and date formats; or repairs them
          without losing a row. It is safe to run again: a workbook already set up is left as it is.
        </Text>
        <Button appearance="primary" id={SET_UP_BUTTON_ID} onClick={setUp} disabledFocusable={isBusy}>
          Set up workbook
        </Button>
        <NearMessage message={setUpMessage} />
      </section>

      <SelfTestSection />

      <section className={styles.section} aria-labelledby="td-settings-heading">
        <h2 id="td-settings-heading" className={styles.heading}>
          Settings
        </h2>
        <Text>
          {workbook.hasLists
            ? "These settings are kept on the Lists sheet, so they travel with the workbook. Change them below, or edit the Lists sheet (the grade scale, domains and teams too), then choose Set up workbook so the dropdowns and colours follow."
            : "This workbook has no Lists sheet yet, so these are the defaults. Set up workbook writes them to a Lists sheet, where you can edit them."}
        </Text>
        <Button onClick={reload} disabledFocusable={isBusy}>
          Reload settings
        </Button>
        <NearMessage message={reloaded} />

        <h3 className={styles.subheading}>{`Grade scale: ${config.scale.name}`}</h3>
        {workbook.listsIssues.length > 0 && (
          <div role="alert">
            <Text weight="semibold">The grade scale on the Lists sheet cannot be used:</Text>
            <ul className={styles.list}>
              {workbook.listsIssues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          </div>
        )}
        <ul className={styles.grades} aria-label="Grades, best first">
          {compiled.categories.map((c) => (
            <li key={c.code} className={styles.grade}>
              <span className={styles.swatch} style={{ backgroundColor: `#${c.colour}`, color: readableText(c.colour) }}>
                {c.code}
              </span>
              {c.label !== c.code ? c.label : c.graded ? "Split grade" : "Counted and shown, never the headline"}
            </li>
          ))}
        </ul>

        <h3 className={styles.subheading}>Tie rule</h3>
        <Text>{tieRuleText(config.tieRule)}</Text>

        <form className={styles.section} aria-labelledby="td-change-heading" onSubmit={save}>
          <h3 id="td-change-heading" className={styles.subheading}>
            Change settings
          </h3>
          <Field label="Tie rule">
            <RadioGroup value={tieRule} onChange={(_, data) => setTieRule(data.value as TieRule)}>
              <Radio value="cautious" label="Cautious: the lower grade" />
              <Radio value="split" label="Split: the split grade between two neighbours" />
            </RadioGroup>
          </Field>
          <Field label="Add a service" hint="Leave blank to keep the list as it is.">
            <Input value={newService} onChange={(_, data) => setNewService(data.value)} />
          </Field>
          <Field label="Add an area" hint="Leave blank to keep the list as it is.">
            <Input value={newArea} onChange={(_, data) => setNewArea(data.value)} />
          </Field>
          <Button type="submit" disabledFocusable={isBusy}>
            Save settings
          </Button>
          <NearMessage message={saved} />
        </form>

        <h3 className={styles.subheading}>Quality domains</h3>
        <table className={styles.table}>
          <caption className={styles.caption}>Column heading and the label used in summary tables</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Summary label</th>
            </tr>
          </thead>
          <tbody>
            {config.domains.map((d) => (
              <tr key={d.key}>
                <th scope="row">{d.shortLabel}</th>
                <td>{d.fullLabel}</td>
              </tr>
            ))}
            {config.overall && (
              <tr>
                <th scope="row">{config.overall.shortLabel}</th>
                <td>
                  {foldLabel(config.overall.fullLabel).includes("overall")
                    ? config.overall.fullLabel
                    : `${config.overall.fullLabel} (the overall conclusion)`}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {!config.overall && <Text>No overall conclusion column: each domain is graded on its own.</Text>}

        {/* Services, teams and areas with the rows that use each, renamed and removed here (issue 13). */}
        <ListValues />
      </section>
    </div>
  );
  return <NearGroupContext.Provider value={group}>{tab}</NearGroupContext.Provider>;
}
