import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  question: { overflowWrap: "anywhere" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

interface Props {
  id: string;
  /** The question, naming what would go: it labels the group, so a screen reader says it with the first button. */
  question: string;
  confirm: string;
  onConfirm(): void;
  /** Cancel or Escape: the caller gives focus back to the button that asked. */
  onCancel(): void;
  disabled?: boolean;
}

/**
 * A question asked beside the button that raised it, in a narrow pane where a dialog would cover the workbook's
 * context: focus moves to the confirm button; Cancel or Escape withdraws it.
 */
export function InlineConfirm({ id, question, confirm, onConfirm, onCancel, disabled }: Props) {
  const styles = useStyles();
  const confirmButton = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => confirmButton.current?.focus(), []);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };
  return (
    <div className={styles.box} role="group" aria-labelledby={`${id}-question`} onKeyDown={onKeyDown}>
      <Text id={`${id}-question`} className={styles.question}>
        {question}
      </Text>
      <div className={styles.buttons}>
        <Button ref={confirmButton} appearance="primary" onClick={onConfirm} disabledFocusable={disabled}>
          {confirm}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
