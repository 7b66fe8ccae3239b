import * as React from "react";
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import { NearMessage } from "./NearMessage";
import { usePane } from "./paneContext";
import { useVisitForm } from "./useVisitForm";
import { VisitFormFields } from "./VisitFormFields";
import { VisitSearch } from "./VisitSearch";
import { VisitPlanButtons } from "./VisitPlanButtons";
import { useVisitStyles } from "./visitStyles";
import { FormPersonalDataBar } from "./PersonalData";
import { ModerationReason } from "./ModerationReason";
import { InlineConfirm } from "./InlineConfirm";

/** "Strengths", "Strengths and Recommendations", "Strengths, Areas for improvement and Recommendations". */
const namesOf = (names: string[]) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);

/** The Visit tab: the form first, then (folded away) finding a visit to edit (VisitSearch); the form (state in useVisitForm, fields in VisitFormFields). */
export function VisitPanel({ onOpenSetup }: { onOpenSetup?: () => void } = {}) {
  const styles = useVisitStyles();
  const { workbook, busy } = usePane();
  const state = useVisitForm();
  const { mode, title, errors, titleRef, summaryRef, focusField, startEdit, save, saved, savedAtTop, cancel, clear } = state;
  const isBusy = busy !== null;
  // Clear form asks first, beside it, while findings are typed (a new user lost theirs to one press); else it clears.
  const [askClear, setAskClear] = React.useState(false);
  const clearButton = React.useRef<HTMLButtonElement>(null);
  const asking = askClear && mode.kind === "new" && state.typedFindings.length > 0;
  const clearPressed = () => (state.typedFindings.length > 0 ? setAskClear(true) : clear());
  const clearAnswered = (confirmed: boolean) => {
    setAskClear(false);
    if (confirmed) clear();
    else clearButton.current?.focus();
  };

  return (
    <div className={styles.stack}>
      {workbook.hasTable === false && (
        <MessageBar intent="warning" role="status" layout="multiline">
          <MessageBarBody>This workbook has no Diagnostics table yet. Set it up first: Set up workbook is on the Set up tab.</MessageBarBody>
          {/* At 320 px the Set up tab is folded into More: the button takes the user there. */}
          {onOpenSetup && (
            <MessageBarActions>
              <Button size="small" onClick={onOpenSetup}>
                Go to Set up
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      <form
        className={styles.stack}
        onSubmit={(event) => save(event)}
        onKeyDown={(event) => {
          // Ctrl+Enter (Cmd+Enter on a Mac) from any box: save and record another, or save the changes.
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            save(null, mode.kind === "new");
          }
        }}
        noValidate
        aria-labelledby="td-form-heading"
      >
        <h2 id="td-form-heading" className={styles.heading} ref={titleRef} tabIndex={-1}>
          {title}
        </h2>
        <NearMessage message={savedAtTop ? saved : null} />
        {/* After a save, focus comes back up here: the visit just saved, with what can be done next, is beside it. */}
        {mode.kind === "new" && <VisitPlanButtons visit={state.lastSaved} />}

        {errors.length > 0 && (
          <MessageBar intent="error" role="alert" layout="multiline" ref={summaryRef} tabIndex={-1}>
            <MessageBarBody>
              <MessageBarTitle>{errors.length === 1 ? "Fix 1 problem before saving" : `Fix ${errors.length} problems before saving`}</MessageBarTitle>
              <ul className={styles.errors}>
                {errors.map((e) => (
                  <li key={e.field}>
                    <Link as="button" className={styles.errorLink} onClick={() => focusField(e.field)}>
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

        {mode.kind === "edit" && state.moderationChanged.length > 0 && (
          <ModerationReason
            status={mode.original.status}
            changed={state.moderationChanged}
            reason={state.reason}
            who={state.who}
            onReason={state.setReason}
            onWho={state.setWho}
            reasonError={state.errorFor("reason")}
            whoError={state.errorFor("who")}
            bind={state.bind}
          />
        )}

        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabledFocusable={isBusy} aria-keyshortcuts={mode.kind === "edit" ? "Control+Enter" : undefined}>
            {state.privacyWarnings.length > 0 ? "Save anyway" : mode.kind === "new" ? "Save visit" : "Save changes"}
          </Button>
          {mode.kind === "new" && (
            <Button onClick={() => save(null, true)} disabledFocusable={isBusy} aria-keyshortcuts="Control+Enter" aria-describedby="td-save-another-hint">
              Save and record another
            </Button>
          )}
          {mode.kind === "edit" ? (
            <Button onClick={cancel}>Cancel</Button>
          ) : (
            <Button ref={clearButton} onClick={clearPressed}>
              Clear form
            </Button>
          )}
        </div>
        {asking && (
          <InlineConfirm
            id="td-clear-form"
            question={`Clear the form? What is typed in ${namesOf(state.typedFindings)} has not been saved and cannot be got back.`}
            confirm="Clear form"
            onConfirm={() => clearAnswered(true)}
            onCancel={() => clearAnswered(false)}
          />
        )}
        <Text size={200} id="td-save-another-hint" className={styles.shortcut}>
          {mode.kind === "new"
            ? "Save and record another (Ctrl+Enter) keeps the service, round, date and diagnostic team, and goes back to Team."
            : "Ctrl+Enter saves the changes."}
        </Text>
        <NearMessage message={savedAtTop ? null : saved} />
      </form>

      {mode.kind === "edit" && <VisitPlanButtons visit={mode.original} />}
      {/* After the form, open at first; a manager who only records can fold it away. */}
      <details className={styles.find} open>
        <summary>
          <h2 id="td-find-heading" className={styles.subheading} style={{ display: "inline" }}>
            Edit a visit already recorded
          </h2>
        </summary>
        <VisitSearch onLoaded={startEdit} />
      </details>
    </div>
  );
}
