import * as React from "react";
import { Button, Field, Input, Text, useArrowNavigationGroup } from "@fluentui/react-components";
import { formatBritishDate } from "../domain";
import { LoadedVisit, VisitListing, findVisits, loadSelectedVisit, loadVisitAt } from "../actions/workbookActions";
import { plural } from "./messages";
import { usePane } from "./paneContext";
import { useVisitStyles } from "./visitStyles";

/** Finds a visit already recorded, by the selected row or by searching, and hands it to the form to edit. */
export function VisitSearch({ onLoaded }: { onLoaded: (loaded: LoadedVisit) => void }) {
  const styles = useVisitStyles();
  const { port, run, notify, busy, writes } = usePane();
  const [search, setSearch] = React.useState("");
  const [results, setResults] = React.useState<VisitListing[] | null>(null);
  // The matches are of the workbook as it was: after a save, an edit or a rename in the pane they may show old values.
  React.useEffect(() => setResults(null), [writes]);
  const resultsNavigation = useArrowNavigationGroup({ axis: "vertical", circular: false });
  const isBusy = busy !== null;

  const loadSelected = () =>
    run("Loading the selected row", async () => {
      const loaded = await loadSelectedVisit(port);
      if (!loaded) {
        notify({ intent: "warning", text: "Select a cell on a visit's row in the Diagnostics table, then choose Load selected row." });
        return;
      }
      onLoaded(loaded);
    });

  // The visit whose ID was typed exactly (any case), opened straight away; the matches stay listed below.
  const [opened, setOpened] = React.useState<string | null>(null);

  const find = () =>
    run("Searching", async () => {
      const text = search.trim();
      const found = await findVisits(port, text);
      setResults(found);
      setOpened(null);
      const exact = found.filter((r) => r.visitId !== "" && r.visitId.toLowerCase() === text.toLowerCase());
      if (exact.length !== 1) return;
      const loaded = await loadVisitAt(port, exact[0].row);
      if (!loaded) return;
      setOpened(loaded.form.visitId);
      onLoaded(loaded);
    });

  const loadRow = (row: number) =>
    run("Loading the visit", async () => {
      const loaded = await loadVisitAt(port, row);
      if (!loaded) {
        notify({ intent: "warning", text: `Row ${row} no longer holds a visit. Search again.` });
        return;
      }
      onLoaded(loaded);
    });

  const shownResults = results?.slice(0, 50) ?? [];

  return (
    <section className={styles.section} aria-labelledby="td-find-heading">
      <Text size={200}>Select any cell on its row in the sheet, or search by Visit ID, team, service or visit date (dd/mm/yyyy).</Text>
      <div>
        <Button onClick={loadSelected} disabledFocusable={isBusy}>
          Load selected row
        </Button>
      </div>
      <form
        role="search"
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          void find();
        }}
      >
        <Field label="ID, team, service or date" className={styles.grow}>
          <Input type="search" value={search} onChange={(_, data) => setSearch(data.value)} />
        </Field>
        <Button type="submit" disabledFocusable={isBusy}>
          Find
        </Button>
      </form>
      {results !== null && (
        <>
          <Text role="status" size={200}>
            {opened !== null
              ? `Visit ${opened} opened in the form above. ${plural(results.length, "visit")} ${results.length === 1 ? "matches" : "match"}.`
              : results.length === 0
                ? "No visits match."
                : results.length > shownResults.length
                  ? `${plural(results.length, "visit")} match; the first ${shownResults.length} are listed. Type more to narrow the search.`
                  : results.length === 1
                    ? "1 visit matches. Choose it to edit it."
                    : `${plural(results.length, "visit")} match. Choose one to edit it.`}
          </Text>
          {shownResults.length > 0 && (
            <ul className={styles.list} aria-label="Matching visits" {...resultsNavigation}>
              {shownResults.map((r) => (
                <li key={r.row}>
                  <Button appearance="subtle" className={styles.result} onClick={() => loadRow(r.row)} disabledFocusable={isBusy}>
                    {[r.visitId || "(no ID)", r.team, r.service, r.visitDate ? formatBritishDate(r.visitDate) : "", `row ${r.row}`]
                      .filter((part) => part !== "")
                      .join(" · ")}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
