import * as React from "react";
import { Field, Input, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";

/**
 * The moderation trail's part of the visit form (issue 15): when a visit that is For moderation or Final has a grade,
 * its service, team, date or status changed, a Reason box (Save refuses without it, the message beside the box)
 * and the person's name. The name is kept on this device (localStorage), never in the workbook until a change is
 * logged with it.
 */

export const MODERATOR_NAME_KEY = "teamDiagnostics.moderatorName";

/** The name the person gave the pane, kept on their device only. */
export function storedModeratorName(): string {
  try {
    return globalThis.localStorage?.getItem(MODERATOR_NAME_KEY) ?? "";
  } catch {
    return "";
  }
}

export function storeModeratorName(name: string): void {
  try {
    if (name.trim() !== "") globalThis.localStorage?.setItem(MODERATOR_NAME_KEY, name.trim());
  } catch {
    // A pane without storage asks again next time.
  }
}

/** The reason and name of the form being edited. */
export function useModeration() {
  const [reason, setReason] = React.useState("");
  const [who, setWho] = React.useState(storedModeratorName);
  return { reason, setReason, who, setWho, clear: () => setReason("") };
}

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

export interface ModerationReasonProps {
  /** The status the visit had when loaded ("Final", "For moderation"). */
  status: string;
  /** The changed fields, as the Change log will name them. */
  changed: string[];
  reason: string;
  who: string;
  onReason: (value: string) => void;
  onWho: (value: string) => void;
  reasonError?: string;
  whoError?: string;
  bind: (field: string) => (element: HTMLElement | null) => void;
}

/**
 * A box's message, said beside it as its description but not as an alert of its own: the form's error summary is
 * the one alert (Fluent's Field gives an error message role="alert" by default), as for the form's other fields.
 */
const message = (text: string | undefined) => (text ? { children: text, role: undefined } : undefined);

export function ModerationReason(props: ModerationReasonProps) {
  const styles = useStyles();
  const { status, changed, reason, who, onReason, onWho, reasonError, whoError, bind } = props;
  return (
    <section className={styles.box} aria-labelledby="td-moderation-heading">
      <Text id="td-moderation-heading" weight="semibold">
        This visit is {status}: changes are logged
      </Text>
      <Text size={200}>Changed: {changed.join(", ")}. Each change is added to the Change log with your reason.</Text>
      <Field
        label="Reason for the change"
        required
        validationState={reasonError ? "error" : "none"}
        validationMessage={message(reasonError)}
      >
        <Textarea ref={bind("reason") as React.Ref<HTMLTextAreaElement>} value={reason} onChange={(_, d) => onReason(d.value)} resize="vertical" />
      </Field>
      <Field
        label="Your name"
        hint="Kept on this device; written to the Change log with each change you log."
        required
        validationState={whoError ? "error" : "none"}
        validationMessage={message(whoError)}
      >
        <Input ref={bind("who") as React.Ref<HTMLInputElement>} value={who} onChange={(_, d) => onWho(d.value)} autoComplete="name" />
      </Field>
    </section>
  );
}
