import * as React from "react";
import {
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import {
  FieldError,
  STATUSES,
  STATUS_DRAFT,
  VisitForm,
  emptyVisitForm,
  foldLabel,
  formatBritishDate,
  gradeKey,
  gradedColumns,
  parseBritishDate,
  validateVisitForm,
  formatLongDate,
} from "../domain";
import {
  LoadedVisit,
  VisitListing,
  findVisits,
  loadSelectedVisit,
  loadVisitAt,
  recordVisit,
  saveVisitEdit,
} from "../actions/workbookActions";
import { FreeCombobox } from "./FreeCombobox";
import { gradeOptionText } from "./gradeStyle";
import { plural } from "./messages";
import { usePane } from "./paneContext";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  grow: { flexGrow: 1, minWidth: "10em" },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  result: { justifyContent: "flex-start", textAlign: "left", width: "100%", fontWeight: tokens.fontWeightRegular },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type Mode = { kind: "new" } | { kind: "edit"; row: number; original: VisitForm };

const TEXT_FIELDS = ["visitId", "round", "service", "team", "area", "teamManager", "diagnosticTeam", "strengths", "areasForImprovement", "recommendations"] as const;

/** Trims, and turns a date typed as text (where the date picker is missing) into YYYY-MM-DD. */
function normalise(form: VisitForm, known: { services: string[]; teams: string[]; areas: string[] }): VisitForm {
  const out: VisitForm = { ...form, grades: { ...form.grades } };
  for (const key of TEXT_FIELDS) out[key] = form[key].trim();
  const canonical = (list: string[], value: string) => list.find((item) => foldLabel(item) === foldLabel(value)) ?? value;
  out.service = canonical(known.services, out.service);
  out.team = canonical(known.teams, out.team);
  out.area = canonical(known.areas, out.area);
  const date = form.visitDate.trim();
  out.visitDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : (parseBritishDate(date) ?? date);
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Says how a typed date was read, in words, so 07/08 cannot be mistaken for 8 July. */
function dateHint(typed: string): string {
  const date = typed.trim() === "" ? null : parseBritishDate(typed.trim());
  return date ? `Read as ${formatLongDate(date)}.` : "Type the date as dd/mm/yyyy, for example 07/08/2017.";
}

const sameForm = (a: VisitForm, b: VisitForm) => JSON.stringify(a) === JSON.stringify(b);

function focusControl(element: HTMLElement | null | undefined): void {
  if (!element) return;
  const target = element.matches("input, select, textarea, button")
    ? element
    : element.querySelector<HTMLElement>("input:checked, input, select, textarea, button");
  target?.focus();
}

export function VisitPanel() {
  const styles = useStyles();
  const { port, config, compiled, workbook, run, notify, reloadConfig, busy } = usePane();
  const [form, setForm] = React.useState<VisitForm>(() => emptyVisitForm(config));
  const [mode, setMode] = React.useState<Mode>({ kind: "new" });
  const [attempted, setAttempted] = React.useState(false);
  const [serverErrors, setServerErrors] = React.useState<FieldError[]>([]);
  const [focusFirstError, setFocusFirstError] = React.useState(0);
  const [search, setSearch] = React.useState("");
  const [results, setResults] = React.useState<VisitListing[] | null>(null);
  const controls = React.useRef<Record<string, HTMLElement | null>>({});
  const titleRef = React.useRef<HTMLHeadingElement>(null);
  const summaryRef = React.useRef<HTMLDivElement>(null);
  const resultsNavigation = useArrowNavigationGroup({ axis: "vertical", circular: false });

  const graded = gradedColumns(config);
  const known = React.useMemo(
    () => ({ services: config.services, teams: config.teams.map((t) => t.name), areas: config.areas }),
    [config],
  );
  const isBusy = busy !== null;

  // Field order, for the error summary and for choosing the first error.
  const order = React.useMemo(
    () => ["service", "team", "visitDate", "round", "visitId", "area", "teamManager", "diagnosticTeam", ...graded.map((d) => gradeKey(d.key)), "strengths", "areasForImprovement", "recommendations", "status"],
    [graded],
  );

  const errors: FieldError[] = React.useMemo(() => {
    if (!attempted) return [];
    const local = validateVisitForm(normalise(form, known), config, [], compiled);
    const fields = new Set(local.map((e) => e.field));
    const all = [...local, ...serverErrors.filter((e) => !fields.has(e.field))];
    const position = (field: string) => {
      const i = order.indexOf(field);
      return i < 0 ? order.length : i;
    };
    return all.sort((a, b) => position(a.field) - position(b.field));
  }, [attempted, form, known, config, compiled, serverErrors, order]);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;

  React.useEffect(() => {
    if (focusFirstError === 0) return;
    const first = errors[0];
    if (first) focusControl(controls.current[first.field]);
    else summaryRef.current?.focus();
    // Runs only when asked to, after a failed save; errors are read as they are then.
  }, [focusFirstError]);

  const bind = (field: string) => (element: HTMLElement | null) => {
    controls.current[field] = element;
  };

  const update = (change: Partial<VisitForm>, fields: string[]) => {
    setForm((current) => ({ ...current, ...change }));
    if (serverErrors.some((e) => fields.includes(e.field))) setServerErrors((list) => list.filter((e) => !fields.includes(e.field)));
  };
  const setText = (field: (typeof TEXT_FIELDS)[number] | "visitDate" | "status") => (value: string) => update({ [field]: value } as Partial<VisitForm>, [field]);
  const setGrade = (domainKey: string, value: string) => {
    setForm((current) => ({ ...current, grades: { ...current.grades, [domainKey]: value } }));
    const field = gradeKey(domainKey);
    if (serverErrors.some((e) => e.field === field)) setServerErrors((list) => list.filter((e) => e.field !== field));
  };

  const teamsForService = config.teams.filter(
    (t) => form.service.trim() === "" || t.service.trim() === "" || foldLabel(t.service) === foldLabel(form.service),
  );
  const knownTeam = config.teams.find((t) => foldLabel(t.name) === foldLabel(form.team));
  const isNewTeam = form.team.trim() !== "" && !knownTeam;

  const chooseService = (service: string) => {
    const change: Partial<VisitForm> = { service };
    // A team from another service no longer fits.
    if (knownTeam && knownTeam.service.trim() !== "" && foldLabel(knownTeam.service) !== foldLabel(service)) change.team = "";
    update(change, ["service", "team"]);
  };
  const chooseTeam = (team: string) => {
    const match = config.teams.find((t) => foldLabel(t.name) === foldLabel(team));
    const change: Partial<VisitForm> = { team };
    if (match && form.service.trim() === "" && match.service) change.service = match.service;
    if (match && form.area.trim() === "" && match.area) change.area = match.area;
    update(change, ["team", "service", "area"]);
  };

  const reset = () => {
    setForm(emptyVisitForm(config));
    setMode({ kind: "new" });
    setAttempted(false);
    setServerErrors([]);
  };

  const startEdit = (loaded: LoadedVisit) => {
    setForm(loaded.form);
    setMode({ kind: "edit", row: loaded.row, original: loaded.form });
    setAttempted(false);
    setServerErrors([]);
    notify(null);
    // Let the new title render before moving focus to it.
    setTimeout(() => titleRef.current?.focus(), 0);
  };

  const loadSelected = () =>
    run("Loading the selected row", async () => {
      const loaded = await loadSelectedVisit(port);
      if (!loaded) {
        notify({ intent: "warning", text: "Select a cell on a visit's row in the Diagnostics table, then choose Load selected row." });
        return;
      }
      startEdit(loaded);
    });

  const find = () =>
    run("Searching", async () => {
      const found = await findVisits(port, search.trim());
      setResults(found);
    });

  const loadRow = (row: number) =>
    run("Loading the visit", async () => {
      const loaded = await loadVisitAt(port, row);
      if (!loaded) {
        notify({ intent: "warning", text: `Row ${row} no longer holds a visit. Search again.` });
        return;
      }
      startEdit(loaded);
    });

  const failed = (list: FieldError[]) => {
    setServerErrors(list);
    setAttempted(true);
    setFocusFirstError((n) => n + 1);
    notify(null);
  };

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const complete = normalise(form, known);
    const local = validateVisitForm(complete, config, [], compiled);
    if (local.length > 0) {
      failed([]);
      return;
    }
    void run(mode.kind === "new" ? "Saving the visit" : "Saving the changes", async () => {
      const wasNewTeam = isNewTeam;
      if (mode.kind === "new") {
        const result = await recordVisit(port, complete);
        if (!result.ok) return failed(result.errors);
        reset();
        notify({ intent: "success", text: `Visit ${result.visitId} saved on row ${result.row}.` });
      } else {
        if (sameForm(complete, normalise(mode.original, known))) {
          notify({ intent: "info", text: "Nothing has changed, so nothing was saved." });
          return;
        }
        const result = await saveVisitEdit(port, mode.row, mode.original, complete);
        if (!result.ok) return failed(result.errors);
        reset();
        notify({ intent: "success", text: `Changes to visit ${result.visitId || complete.team} saved on row ${result.row}.` });
      }
      if (wasNewTeam) await reloadConfig();
      setTimeout(() => titleRef.current?.focus(), 0);
    });
  };

  const cancel = () => {
    reset();
    notify({ intent: "info", text: "Edit cancelled; nothing was saved." });
    setTimeout(() => titleRef.current?.focus(), 0);
  };

  const title =
    mode.kind === "edit" ? `Edit visit ${mode.original.visitId || mode.original.team} (row ${mode.row})` : "Record a visit";

  const serviceOptions = config.services.includes(form.service) || form.service === "" ? config.services : [...config.services, form.service];
  const categoryCodes = compiled.categories.map((c) => c.code);
  const validation = (field: string) => {
    const message = errorFor(field);
    // One alert (the summary) rather than one per field: each message is the field's description instead.
    return message ? { validationMessage: { children: message, role: undefined }, validationState: "error" as const } : {};
  };
  const shownResults = results?.slice(0, 50) ?? [];

  return (
    <div className={styles.stack}>
      {workbook.hasTable === false && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>
            This workbook has no Diagnostics table yet. Open the Set up tab and choose Set up workbook first.
          </MessageBarBody>
        </MessageBar>
      )}

      <section className={styles.section} aria-labelledby="td-find-heading">
        <h2 id="td-find-heading" className={styles.subheading}>
          Edit a visit already recorded
        </h2>
        <Text size={200}>Select any cell on its row in the sheet, or search by Visit ID or team.</Text>
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
          <Field label="Visit ID or team" className={styles.grow}>
            <Input type="search" value={search} onChange={(_, data) => setSearch(data.value)} />
          </Field>
          <Button type="submit" disabledFocusable={isBusy}>
            Find
          </Button>
        </form>
        {results !== null && (
          <>
            <Text role="status" size={200}>
              {results.length === 0
                ? "No visits match."
                : results.length > shownResults.length
                  ? `${plural(results.length, "visit")} match; the first ${shownResults.length} are listed. Type more to narrow the search.`
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
                    <Link as="button" onClick={() => focusControl(controls.current[e.field])}>
                      {e.message}
                    </Link>
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}

        <Field label="Service" required {...validation("service")}>
          {config.services.length > 0 ? (
            <Select ref={bind("service")} value={form.service} onChange={(_, data) => chooseService(data.value)}>
              <option value="">Choose a service</option>
              {serviceOptions.map((s) => (
                <option key={s} value={s}>
                  {config.services.includes(s) ? s : `${s} (not on the list)`}
                </option>
              ))}
            </Select>
          ) : (
            <Input ref={bind("service")} value={form.service} onChange={(_, data) => chooseService(data.value)} />
          )}
        </Field>

        <Field
          label="Team"
          required
          {...validation("team")}
          hint={
            isNewTeam
              ? `New team: "${form.team.trim()}" will be added to the Lists sheet when you save.`
              : "Choose a team, or type the name of a new one."
          }
        >
          <FreeCombobox ref={bind("team") as React.Ref<HTMLInputElement>} value={form.team} options={teamsForService.map((t) => t.name)} onChange={chooseTeam} />
        </Field>

        <Field label="Visit date" required {...validation("visitDate")} hint={dateHint(form.visitDate)}>
          {/* A text box, not type="date": a browser's date picker follows its own locale, which may be American. */}
          <Input
            ref={bind("visitDate") as React.Ref<HTMLInputElement>}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
            autoComplete="off"
            value={ISO_DATE.test(form.visitDate) ? formatBritishDate(form.visitDate) : form.visitDate}
            onChange={(_, data) => setText("visitDate")(data.value)}
          />
        </Field>

        <Field label="Round" hint="For example 2 or 2024-25." {...validation("round")}>
          <Input ref={bind("round") as React.Ref<HTMLInputElement>} value={form.round} onChange={(_, data) => setText("round")(data.value)} />
        </Field>

        <Field
          label="Visit ID"
          {...validation("visitId")}
          hint={mode.kind === "new" ? "Leave blank to number the visit automatically (TD-0001, TD-0002 and so on)." : undefined}
        >
          <Input ref={bind("visitId") as React.Ref<HTMLInputElement>} value={form.visitId} onChange={(_, data) => setText("visitId")(data.value)} />
        </Field>

        <Field label="Area" {...validation("area")} hint={config.areas.length ? "Choose an area or type one." : undefined}>
          <FreeCombobox ref={bind("area") as React.Ref<HTMLInputElement>} value={form.area} options={config.areas} onChange={setText("area")} />
        </Field>

        <Field label="Team manager" {...validation("teamManager")}>
          <Input ref={bind("teamManager") as React.Ref<HTMLInputElement>} value={form.teamManager} onChange={(_, data) => setText("teamManager")(data.value)} />
        </Field>

        <Field label="Diagnostic team" hint="The reviewers who made the visit." {...validation("diagnosticTeam")}>
          <Input ref={bind("diagnosticTeam") as React.Ref<HTMLInputElement>} value={form.diagnosticTeam} onChange={(_, data) => setText("diagnosticTeam")(data.value)} />
        </Field>

        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Grades</legend>
          {form.status === STATUS_DRAFT && <Text size={200}>A draft may leave grades blank.</Text>}
          {graded.map((domain) => {
            const value = form.grades[domain.key] ?? "";
            const field = gradeKey(domain.key);
            return (
              <Field
                key={domain.key}
                label={domain.shortLabel}
                required={form.status !== STATUS_DRAFT}
                hint={domain.fullLabel !== domain.shortLabel ? domain.fullLabel : undefined}
                {...validation(field)}
              >
                <Select ref={bind(field)} value={value} title={domain.fullLabel} onChange={(_, data) => setGrade(domain.key, data.value)}>
                  <option value="">Choose a grade</option>
                  {compiled.categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {gradeOptionText(c.code, c.label)}
                    </option>
                  ))}
                  {value !== "" && !categoryCodes.includes(value) && <option value={value}>{`${value} (not on the scale)`}</option>}
                </Select>
              </Field>
            );
          })}
        </fieldset>

        <Text size={200}>Findings are about the team: never write a child's name, date of birth or case number.</Text>
        <Field label="Strengths" {...validation("strengths")}>
          <Textarea ref={bind("strengths") as React.Ref<HTMLTextAreaElement>} resize="vertical" value={form.strengths} onChange={(_, data) => setText("strengths")(data.value)} />
        </Field>
        <Field label="Areas for improvement" {...validation("areasForImprovement")}>
          <Textarea ref={bind("areasForImprovement") as React.Ref<HTMLTextAreaElement>} resize="vertical" value={form.areasForImprovement} onChange={(_, data) => setText("areasForImprovement")(data.value)} />
        </Field>
        <Field label="Recommendations" {...validation("recommendations")}>
          <Textarea ref={bind("recommendations") as React.Ref<HTMLTextAreaElement>} resize="vertical" value={form.recommendations} onChange={(_, data) => setText("recommendations")(data.value)} />
        </Field>

        <Field label="Status" {...validation("status")} hint="Drafts are kept in the sheet but not counted in summaries.">
          <RadioGroup ref={bind("status") as React.Ref<HTMLDivElement>} layout="horizontal" value={form.status} onChange={(_, data) => setText("status")(data.value)}>
            {STATUSES.map((s) => (
              <Radio key={s} value={s} label={s} />
            ))}
          </RadioGroup>
        </Field>

        <div className={styles.buttons}>
          <Button type="submit" appearance="primary" disabledFocusable={isBusy}>
            {mode.kind === "new" ? "Save visit" : "Save changes"}
          </Button>
          {mode.kind === "edit" ? (
            <Button onClick={cancel}>Cancel</Button>
          ) : (
            <Button
              onClick={() => {
                reset();
                titleRef.current?.focus();
              }}
            >
              Clear form
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
