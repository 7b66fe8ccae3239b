import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PersonalDataCheck } from "../actions/privacyActions";
import type { PersonalDataWarning } from "../domain";
import { plural } from "./messages";

/**
 * The personal-data guard in the pane (issue 15): the form's warning before saving, and Check sheet's list. Both
 * name the field or cell and the kind of data, never what was typed.
 */
const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { justifyContent: "flex-start", textAlign: "left", width: "100%", fontWeight: tokens.fontWeightRegular },
  bullets: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface FormPrivacyWarning {
  /** The field's label as the form shows it. */
  label: string;
  message: string;
}

/** Above the Save button: what looks like a child's personal data, and the choice to edit or save anyway. */
export function FormPersonalDataBar({ warnings }: { warnings: FormPrivacyWarning[] }) {
  const styles = useStyles();
  if (warnings.length === 0) return null;
  return (
    <MessageBar intent="warning" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>This may hold personal data about a child</MessageBarTitle>
        <ul className={styles.bullets} aria-label="Possible personal data in the form">
          {warnings.map((w, i) => (
            <li key={`${w.label}-${i}`}>{`${w.label} ${w.message}.`}</li>
          ))}
        </ul>
        Diagnostics grade teams, not children. Edit the text, or choose Save anyway (Check sheet will still list it).
      </MessageBarBody>
    </MessageBar>
  );
}

/** Check sheet's list of cells that look like personal data; choosing one selects its cell. */
export function PersonalDataList({ check, onSelect }: { check: PersonalDataCheck; onSelect: (w: PersonalDataWarning) => void }) {
  const styles = useStyles();
  return (
    <>
      <Text role="status">
        {check.warnings.length === 0
          ? `No personal data about a child found in ${plural(check.cellsChecked, "text cell")}.`
          : `${plural(check.warnings.length, "cell")} may hold personal data about a child (${plural(check.cellsChecked, "text cell")} checked).`}
      </Text>
      {check.problems.map((p) => (
        <Text key={p.name}>{`The Lists sheet's personal-data pattern "${p.name}" cannot be used: ${p.message}`}</Text>
      ))}
      {check.warnings.length > 0 && (
        <ul className={styles.list} aria-label="Possible personal data">
          {check.warnings.map((w, i) => (
            <li key={`${w.column}${w.row}-${i}`}>
              <Button appearance="subtle" className={styles.item} onClick={() => onSelect(w)} aria-label={`${w.column}${w.row} on ${w.sheet} ${w.message}. Select this cell.`}>
                {`${w.sheet}!${w.column}${w.row} ${w.message}`}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
