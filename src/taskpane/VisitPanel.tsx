import * as React from "react";
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { usePane } from "./paneContext";
import { useVisitForm } from "./useVisitForm";
import { VisitFormFields } from "./VisitFormFields";
import { VisitSearch } from "./VisitSearch";
import { VisitPlanButtons } from "./VisitPlanButtons";
import { useVisitStyles } from "./visitStyles";
import { FormPersonalDataBar } from "./PersonalData";

/** The Visit tab: find a visit to edit (VisitSearch), then the form (state in useVisitForm, fields in VisitFormFields). */
export function VisitPanel() {
  const styles = useVisitStyles();
  const { workbook, busy } = usePane();
  const state = useVisitForm();
  const { mode, title, errors, titleRef, summaryRef, focusField, startEdit, save, cancel, clear } = state;
  const isBusy = busy !== null;

  return (
    <div className={styles.stack}>
      {workbook.hasTable === false && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            This workbook has no Diagnostics table yet. Open the Set up tab and choose Set up workbook first.
          </MessageBarBody>
        </MessageBar>
      )}

      <VisitSearch onLoaded={startEdit} />

      <form className={styles.stack} onSubmit={save} noValidate aria-labelledby="td-form-heading">
        <h2 id="td-form-heading" className={styles.heading} ref={titleRef} tabIndex={-1}>
          {title}
        </h2>

        {errors.length > 0 && (
          <MessageBar intent="error" role="alert" layout="multiline" ref={summaryRef} tabIndex={-1}>
            <MessageBarBody>
              <MessageBarTitle>{errors.length === 1 ? "Fix 1 problem before saving" : `Fix ${errors.length} problems before saving`}</MessageBarTitle>
              <ul className={styles.errors}>
                {errors.map((e) => (
                  <li key={e.field}>
                    <Link as="button" onClick={() => focusField(e.field)}>
                      {e.message}
                    </Link>
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}

        <VisitFormFields state={state} />

        <FormPersonalDataBar warnings={state.privacyWarnings} />

        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabledFocusable={isBusy}>
            {state.privacyWarnings.length > 0 ? "Save anyway" : mode.kind === "new" ? "Save visit" : "Save changes"}
          </Button>
          {mode.kind === "edit" ? <Button onClick={cancel}>Cancel</Button> : <Button onClick={clear}>Clear form</Button>}
        </div>
      </form>

      <VisitPlanButtons visitId={mode.kind === "edit" ? mode.original.visitId : state.lastSaved} />
    </div>
  );
}
