import * as React from "react";
import { Badge, Button, Text, makeStyles, tokens, useArrowNavigationGroup } from "@fluentui/react-components";
import { CheckResult, checkSheet, selectCell } from "../actions/workbookActions";
import { Problem } from "../domain";
import { plural } from "./messages";
import { PersonalDataCheck, checkPersonalData } from "../actions/privacyActions";
import { PersonalDataList } from "./PersonalData";
import { usePane } from "./paneContext";
import { TidyGrades } from "./TidyGrades";
import { ImportVisits } from "./ImportVisits";
import { DriftList } from "./DriftLog";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  problem: {
    justifyContent: "flex-start",
    textAlign: "left",
    width: "100%",
    fontWeight: tokens.fontWeightRegular,
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  where: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  cell: { fontWeight: tokens.fontWeightSemibold },
});

/** Problems listed before "Show all", so ten thousand bad rows do not freeze the pane. */
export const PROBLEMS_SHOWN = 200;

export function summariseCheck(result: CheckResult): string {
  const errors = result.problems.filter((p) => p.severity === "error").length;
  const warnings = result.problems.length - errors;
  // The rows the problems are in, not the rows checked: three problems in one row are "in 1 row".
  const rowsWithProblems = new Set(result.problems.map((p) => `${p.sheet}\u0000${p.row}`)).size;
  const found = result.problems.length === 0 ? "no problems" : `${plural(result.problems.length, "problem")} in ${plural(rowsWithProblems, "row")}`;
  const parts = [
    `${plural(result.rowsChecked, "row")} checked: ${found}; ${plural(result.visitsCounted, "visit")} ${result.visitsCounted === 1 ? "counts" : "count"}.`,
  ];
  if (result.problems.length > 0) {
    parts.push(`${plural(errors, "error")} (a row with an error is left out of summaries), ${plural(warnings, "warning")}.`);
  }
  if (result.drafts > 0) parts.push(`${plural(result.drafts, "draft")} not counted.`);
  return parts.join(" ");
}

/** Errors (a row with one is left out of summaries) before warnings, each kind in the order the check found them. */
export function errorsFirst<T extends Pick<Problem, "severity">>(problems: readonly T[]): T[] {
  return [...problems.filter((p) => p.severity === "error"), ...problems.filter((p) => p.severity !== "error")];
}

export function CheckPanel() {
  const styles = useStyles();
  const { port, run, notify, busy } = usePane();
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [showAll, setShowAll] = React.useState(false);
  const [privacy, setPrivacy] = React.useState<PersonalDataCheck | null>(null);
  const navigation = useArrowNavigationGroup({ axis: "vertical" });

  const check = () =>
    run("Checking the sheet", async () => {
      notify(null);
      setShowAll(false);
      setResult(await checkSheet(port));
      // The one read of the narrative columns: the personal-data guard looks at every text cell.
      setPrivacy(await checkPersonalData(port));
    });

  const select = (problem: Pick<Problem, "sheet" | "cell">) =>
    run("Selecting the cell", async () => {
      await selectCell(port, problem.sheet, problem.cell);
      notify({ intent: "info", text: `Cell ${problem.cell} on ${problem.sheet} selected.` });
    });

  const ordered = React.useMemo(() => (result ? errorsFirst(result.problems) : []), [result]);
  const shown = showAll ? ordered : ordered.slice(0, PROBLEMS_SHOWN);
  // Tidy grades and Import change the table: the check's results (its problems and its personal-data line) go together.
  const checkOutOfDate = () => {
    setResult(null);
    setPrivacy(null);
  };

  return (
    <div className={styles.stack}>
      <Text>
        Lists every problem in the Diagnostics table: grades not on the scale, missing fields, repeated Visit IDs and dates
        typed as text. Rows pasted in skip Excel&apos;s dropdowns, so check after pasting. Choose a problem to select its cell.
      </Text>
      <div>
        <Button appearance="primary" onClick={check} disabledFocusable={busy !== null}>
          Check sheet
        </Button>
      </div>
      {result && (
        <>
          <Text role="status" weight="semibold">
            {summariseCheck(result)}
          </Text>
          {result.problems.length > 0 && (
            <ul className={styles.list} aria-label="Problems" {...navigation}>
              {shown.map((p, i) => (
                <li key={`${p.cell}-${i}`}>
                  <Button
                    appearance="subtle"
                    className={styles.problem}
                    onClick={() => select(p)}
                    aria-label={`${p.cell}, ${p.column}, ${p.severity}: ${p.message} Select this cell.`}
                  >
                    <span className={styles.where}>
                      <span className={styles.cell}>{p.cell}</span>{" "}
                      <span>{p.column}</span>{" "}
                      <Badge appearance="tint" color={p.severity === "error" ? "danger" : "warning"} size="small">
                        {p.severity === "error" ? "Error" : "Warning"}
                      </Badge>
                    </span>{" "}
                    <span>{p.message}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {!showAll && result.problems.length > PROBLEMS_SHOWN && (
            <div>
              <Button onClick={() => setShowAll(true)}>{`Show all ${result.problems.length} problems`}</Button>
            </div>
          )}
        </>
      )}
      {result?.drift && <DriftList drift={result.drift} />}
      {privacy && <PersonalDataList check={privacy} onSelect={(w) => select({ sheet: w.sheet, cell: `${w.column}${w.row}` })} />}
      <TidyGrades onTidied={checkOutOfDate} />
      <ImportVisits onAdded={checkOutOfDate} />
    </div>
  );
}
