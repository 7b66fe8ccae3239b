import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ImportPreview } from "../actions/importVisits";
import { importCountsLine } from "../domain";
import { plural } from "./messages";
import { usePane } from "./paneContext";
import { importCheckedLine, importNewTeamsLine, importProblemPlace } from "../presentation/importWording";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clipPath: "inset(50%)", whiteSpace: "nowrap" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  where: { fontWeight: tokens.fontWeightSemibold },
});

/** Shown at most, with a line saying how many more. */
const PROBLEMS_SHOWN = 50;

// The file's parsers and the action load when a file is chosen: the pane's first download stays as it was.
const loadImport = () => Promise.all([import(/* webpackChunkName: "import-visits" */ "../adapters/files/bytesWorkbook"), import(/* webpackChunkName: "import-visits" */ "../actions/importVisits")]);

/** A chosen file's bytes: Blob.arrayBuffer, or FileReader where a WebView lacks it (Safari before 14). */
function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error(`"${file.name}" could not be read.`));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * "Import visits…" (issue 14): reads a chosen .xlsx or .csv in the pane, with the command line's own parsers,
 * checks its rows with this workbook's settings, says how many are new, already in the table or have problems,
 * and on "Add" appends the new ones in one batch below the table; nothing in the table is overwritten.
 */
export function ImportVisits({ onAdded }: { onAdded?: () => void }) {
  const styles = useStyles();
  const { port, run, busy, reloadConfig } = usePane();
  const input = React.useRef<HTMLInputElement>(null);
  const [preview, setPreview] = React.useState<ImportPreview | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  // After Add, the preview with its button is gone: focus goes to what was added, where the button was.
  const result = React.useRef<HTMLElement>(null);
  React.useEffect(() => {
    if (message) result.current?.focus();
  }, [message]);

  const choose = (file: File) =>
    run(
      `Reading ${file.name}`,
      async () => {
        setPreview(null);
        setMessage(null);
        setError(null);
        const [{ openFileBytes }, { previewImport }] = await loadImport();
        const source = await openFileBytes(file.name, await fileBytes(file));
        setPreview(await previewImport(port, source, file.name));
      },
      (m) => setError(m.text),
    ).finally(() => {
      // Choosing the same file again (after correcting it) reads it again.
      if (input.current) input.current.value = "";
    });

  const add = (p: ImportPreview) =>
    run(
      "Adding visits",
      async () => {
        const [, { addImportedVisits }] = await loadImport();
        const result = await addImportedVisits(port, p);
        setPreview(null);
        const skipped = result.skipped > 0 ? ` ${plural(result.skipped, "visit")} had been added meanwhile by someone else: not added again.` : "";
        const where = result.row === null ? "" : ` below the table, from row ${result.row}`;
        const readBack = result.added > 0 ? ` ${importCheckedLine(result.confirmed, result.added)}` : "";
        const listed = result.teamsAdded.length > 0 ? ` ${importNewTeamsLine(result.teamsAdded, true)}` : "";
        setMessage(`${plural(result.added, "visit")} added${where}.${readBack}${skipped}${listed}`);
        // The Team dropdowns offer the teams just listed.
        if (result.teamsAdded.length > 0) await reloadConfig();
        onAdded?.();
      },
      (m) => setError(m.text),
    );

  return (
    <section className={styles.stack} aria-labelledby="import-heading">
      <Text as="h2" weight="semibold" id="import-heading">
        Import visits
      </Text>
      <Text>
        Adds the visits of another workbook or a CSV file (a manager&apos;s or a service&apos;s) that this table does not hold yet, checked
        with this workbook&apos;s lists and scale. The file is read here, in Excel, and never sent anywhere. Nothing in the table is overwritten.
      </Text>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.csv"
        className={styles.hidden}
        // Reached by the Import visits… button (Enter or Space opens the file chooser): a browser shows a file input
        // to screen readers as a second button beside it, so it is hidden from them and from the Tab order.
        tabIndex={-1}
        aria-hidden="true"
        aria-label="Workbook or CSV file to import"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void choose(file);
        }}
      />
      <div className={styles.buttons}>
        <Button onClick={() => input.current?.click()} disabledFocusable={busy !== null}>
          Import visits…
        </Button>
      </div>
      {error && (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {error}
        </Text>
      )}
      {preview && (
        <div className={styles.stack} role="group" aria-label={`Import from ${preview.file}`}>
          <Text role="status" weight="semibold">
            {`${preview.file}: ${importCountsLine({ fresh: preview.fresh.length, already: preview.already, problems: preview.withProblems })}.`}
          </Text>
          {preview.fresh.length > 0 && preview.newTeams.length > 0 && <Text>{importNewTeamsLine(preview.newTeams, false)}</Text>}
          {preview.problems.length > 0 && (
            <>
              <Text>Rows with problems are not added; correct them in the file and choose it again.</Text>
              <ul className={styles.list} aria-label="Problems in the file">
                {preview.problems.slice(0, PROBLEMS_SHOWN).map((p, i) => (
                  <li key={`${p.row}-${p.column}-${i}`}>
                    <Text>
                      <span className={styles.where}>{`${importProblemPlace(p)}, ${p.column} (${p.cell}):`}</span> {p.message}
                    </Text>
                  </li>
                ))}
              </ul>
              {preview.problems.length > PROBLEMS_SHOWN && <Text>{`and ${preview.problems.length - PROBLEMS_SHOWN} more.`}</Text>}
            </>
          )}
          <div className={styles.buttons}>
            {preview.fresh.length > 0 && (
              <Button appearance="primary" onClick={() => add(preview)} disabledFocusable={busy !== null}>
                {`Add ${plural(preview.fresh.length, "visit")}`}
              </Button>
            )}
            <Button onClick={() => setPreview(null)}>{preview.fresh.length > 0 ? "Cancel" : "Close"}</Button>
          </div>
        </div>
      )}
      {message && (
        <Text role="status" ref={result} tabIndex={-1}>
          {message}
        </Text>
      )}
    </section>
  );
}
