import * as React from "react";
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { VisitFormState } from "./useVisitForm";

const useStyles = makeStyles({
  note: {
    display: "block",
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`,
  },
});

/**
 * Beside a field whose change, on a visit For moderation or Final, needs a reason (issue 15): says so where the
 * change was made, with a link to the Reason box further down, rather than only when Save is refused. `field` is the
 * name the Change log gives it (moderation.ts: Service, Team, Visit date, a grade's short label, Status). Gone once a
 * reason is given.
 */
export function ReasonNote({
  state,
  field,
}: {
  state: VisitFormState;
  field: string;
}) {
  const styles = useStyles();
  const { mode, moderationChanged, reason, focusField } = state;
  if (
    mode.kind !== "edit" ||
    !moderationChanged.includes(field) ||
    reason.trim() !== ""
  )
    return null;
  return (
    <Text size={200} className={styles.note}>
      {`This visit is ${mode.original.status}: the change is logged. Give a `}
      <Link as="button" inline onClick={() => focusField("reason")}>
        Reason for the change
      </Link>
      , under Status.
    </Text>
  );
}
