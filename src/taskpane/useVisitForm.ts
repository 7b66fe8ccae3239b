import * as React from "react";
import {
  DiagnosticsConfig,
  FieldError,
  VISIT_TEXT_FIELDS,
  VisitForm,
  emptyVisitForm,
  foldLabel,
  gradeKey,
  gradedColumns,
  isDeepDiveForm,
  parseBritishDate,
  themesOf,
  validateVisitForm,
  visitRecord,
  changedFields,
  needsReason,
  reasonProblem,
} from "../domain";
import { ThemeSide, toggled, touchKey, withSuggestions } from "./themeSuggestions";
import { LoadedVisit, recordVisit, saveVisitEdit } from "../actions/workbookActions";
import { roundsUsed } from "../actions/roundsUsed";
import { todayIso } from "../actions/today";
import { PaneMessage } from "./messages";
import { usePane } from "./paneContext";
import { formPersonalData } from "../actions/privacyActions";
import { usePrivacyWarning } from "./usePrivacyWarning";
import type { AfterVisit } from "./VisitPlanButtons";
import { storeModeratorName, storedModeratorName, useModeration } from "./ModerationReason";
import { WHO_MISSING } from "../actions/moderationActions";

export type Mode = { kind: "new" } | { kind: "edit"; row: number; original: VisitForm };

/** The moderation box's fields, after the form's own in the error summary. */
const MODERATION_FIELDS = ["reason", "who"];

/** What a logged change still lacks: a reason, a name, or both (each said beside its box and in the summary). */
function moderationErrors(original: VisitForm, complete: VisitForm, config: DiagnosticsConfig, given: { reason: string; who: string }): FieldError[] {
  const errors: FieldError[] = [];
  const problem = reasonProblem(original, complete, config, given.reason);
  if (problem) errors.push({ field: "reason", message: problem });
  if (given.who.trim() === "") errors.push({ field: "who", message: WHO_MISSING });
  return errors;
}

type Known = { services: string[]; teams: string[]; areas: string[] };

/** Trims, and turns a date typed as text (where the date picker is missing) into YYYY-MM-DD. */
function normalise(form: VisitForm, known: Known): VisitForm {
  const out: VisitForm = { ...form, grades: { ...form.grades } };
  for (const key of VISIT_TEXT_FIELDS) out[key] = form[key].trim();
  const canonical = (list: string[], value: string) => list.find((item) => foldLabel(item) === foldLabel(value)) ?? value;
  out.service = canonical(known.services, out.service);
  out.team = canonical(known.teams, out.team);
  out.area = canonical(known.areas, out.area);
  const date = form.visitDate.trim();
  out.visitDate = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : (parseBritishDate(date) ?? date);
  return out;
}

const sameForm = (a: VisitForm, b: VisitForm) => JSON.stringify(a) === JSON.stringify(b);

export function focusControl(element: HTMLElement | null | undefined): void {
  if (!element) return;
  const target = element.matches("input, select, textarea, button")
    ? element
    : element.querySelector<HTMLElement>("input:checked, input, select, textarea, button");
  target?.focus();
}

/** A field of the form the pane edits: a text field, the date, the status, or "grade:<domain key>". */
export type TextField = (typeof VISIT_TEXT_FIELDS)[number] | "visitDate" | "status";

/**
 * The visit form's state: the values, new or editing, the errors shown after a failed save, and saving. The
 * components (VisitFormFields, the error summary, VisitSearch) only read it and call its handlers.
 */
export function useVisitForm() {
  const { port, config, compiled, run, notify, reloadConfig, workbook } = usePane();
  const [form, setForm] = React.useState<VisitForm>(() => emptyVisitForm(config));
  const [mode, setMode] = React.useState<Mode>({ kind: "new" });
  /** The visit just saved, for "Start action plan" and "Feedback report" on it (not for a Planned one). */
  const [lastSaved, setLastSaved] = React.useState<AfterVisit | null>(null);
  const [attempted, setAttempted] = React.useState(false);
  const [serverErrors, setServerErrors] = React.useState<FieldError[]>([]);
  const [focusFirstError, setFocusFirstError] = React.useState(0);
  const controls = React.useRef<Record<string, HTMLElement | null>>({});
  const titleRef = React.useRef<HTMLHeadingElement>(null);
  const summaryRef = React.useRef<HTMLDivElement>(null);
  // What the last save said, shown beside the save buttons (the banner at the top is for the pane as a whole).
  const [saved, setSaved] = React.useState<PaneMessage | null>(null);
  // After a save (or Cancel) focus goes back to the top of the form (the title, or Team after Save and record
  // another): the confirmation is shown there. A save refused or "nothing has changed" stays beside the buttons.
  const [savedAtTop, setSavedAtTop] = React.useState(false);
  // The rounds already in the table, for the Round box's suggestions; read again after each save.
  const [rounds, setRounds] = React.useState<string[]>([]);
  const [savedCount, setSavedCount] = React.useState(0);
  React.useEffect(() => {
    if (workbook.hasTable !== true) return;
    let live = true;
    roundsUsed(port).then(
      (list) => live && setRounds(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [port, workbook.hasTable, savedCount]);

  const graded = gradedColumns(config);
  const known = React.useMemo<Known>(
    () => ({ services: config.services, teams: config.teams.map((t) => t.name), areas: config.areas }),
    [config],
  );

  // Field order, for the error summary and for choosing the first error: the order the form shows them in.
  const order = React.useMemo(
    () => ["visitDate", "service", "team", ...graded.map((d) => gradeKey(d.key)), "round", "diagnosticTeam", "visitId", "area", "teamManager", "strengths", "areasForImprovement", "recommendations", "visitType", "status", ...MODERATION_FIELDS],
    [graded],
  );

  // Issue 15: a visit For moderation or Final needs a reason (and a name) for a change to a grade, service, team,
  // date or status; the changes are logged in the same plan as the edit.
  const moderation = useModeration();
  const moderationChanged =
    mode.kind === "edit" && needsReason(mode.original.status) ? changedFields(mode.original, normalise(form, known), config) : [];

  const errors: FieldError[] = React.useMemo(() => {
    if (!attempted) return [];
    const complete = normalise(form, known);
    const local = validateVisitForm(complete, config, [], compiled);
    // The reason and the name are checked with the rest, on the same press (a new user's test: they were said one
    // at a time), and only while a logged change is there: put the change back and their messages go too.
    const logged = mode.kind === "edit" && needsReason(mode.original.status) && changedFields(mode.original, complete, config).length > 0;
    if (logged) local.push(...moderationErrors(mode.original, complete, config, { reason: moderation.reason, who: moderation.who }));
    const fields = new Set(local.map((e) => e.field));
    const all = [...local, ...serverErrors.filter((e) => !fields.has(e.field) && (logged || !MODERATION_FIELDS.includes(e.field)))];
    const position = (field: string) => {
      const i = order.indexOf(field);
      return i < 0 ? order.length : i;
    };
    return all.sort((a, b) => position(a.field) - position(b.field));
  }, [attempted, form, known, config, compiled, serverErrors, order, mode, moderation.reason, moderation.who]);
  // Once the date box is left, the date is checked as Save would check it (a new user's finding: 31/02 and a date
  // after today looked fine until Save): while it is being typed again, the hint says how it reads.
  const [dateLeft, setDateLeft] = React.useState(false);
  const dateError = React.useMemo(() => {
    if (!dateLeft || form.visitDate.trim() === "") return undefined;
    return validateVisitForm(normalise(form, known), config, [], compiled, { today: todayIso() }).find((e) => e.field === "visitDate")?.message;
  }, [dateLeft, form, known, config, compiled]);
  const leaveDate = () => setDateLeft(true);
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message ?? (field === "visitDate" ? dateError : undefined);

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
  const focusField = (field: string) => focusControl(controls.current[field]);

  // The themes the reviewer ticked or unticked themselves: suggestions from the text no longer change those.
  const themesTouched = React.useRef<Set<string>>(new Set());
  const themeList = themesOf(config);
  const update = (change: Partial<VisitForm>, fields: string[]) => {
    setForm((current) => {
      const next = { ...current, ...change };
      // As the findings are typed, the themes they suggest are ticked (issue 12): the reviewer confirms them.
      if ("strengths" in change || "areasForImprovement" in change) next.themes = withSuggestions(current.themes, next, themeList, themesTouched.current);
      return next;
    });
    if (serverErrors.some((e) => fields.includes(e.field))) setServerErrors((list) => list.filter((e) => !fields.includes(e.field)));
  };
  const setText = (field: TextField) => (value: string) => {
    if (field === "visitDate") setDateLeft(false);
    update({ [field]: value } as Partial<VisitForm>, [field]);
  };
  const toggleTheme = React.useCallback(
    (side: ThemeSide, name: string, checked: boolean) => {
      themesTouched.current.add(touchKey(side, name));
      setForm((current) => ({ ...current, themes: toggled(current.themes, side, name, checked, themeList) }));
    },
    [themeList],
  );
  const setGrade = (domainKey: string, value: string) => {
    setForm((current) => ({ ...current, grades: { ...current.grades, [domainKey]: value } }));
    const field = gradeKey(domainKey);
    if (serverErrors.some((e) => e.field === field)) setServerErrors((list) => list.filter((e) => e.field !== field));
  };

  const isDeepDive = isDeepDiveForm(form);
  // A deep dive has findings but no grades: choosing it clears any grades chosen, and the fields are hidden.
  const chooseVisitType = (visitType: string) => {
    const change: Partial<VisitForm> = { visitType };
    if (isDeepDiveForm({ ...form, visitType })) change.grades = Object.fromEntries(Object.keys(form.grades).map((k) => [k, ""]));
    update(change, ["visitType", ...Object.keys(form.grades).map(gradeKey)]);
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

  const privacy = usePrivacyWarning(form, config, compiled);
  const privacyWarnings = privacy.warnings;
  const forgetPrivacyWarning = privacy.forget;
  const reset = (keep?: VisitForm) => {
    // "Save and record another" keeps what a day of visits to one service shares; everything else starts afresh.
    const next = emptyVisitForm(config);
    if (keep) Object.assign(next, { service: keep.service, round: keep.round, visitDate: keep.visitDate, diagnosticTeam: keep.diagnosticTeam, status: keep.status });
    setForm(next);
    themesTouched.current = new Set();
    setMode({ kind: "new" });
    setAttempted(false);
    setDateLeft(false);
    setServerErrors([]);
    moderation.clear();
    forgetPrivacyWarning();
  };

  const startEdit = (loaded: LoadedVisit) => {
    setForm(loaded.form);
    // The themes saved on the visit were confirmed by a reviewer: editing the text does not untick them.
    const saved = loaded.form.themes;
    themesTouched.current = new Set([...(saved?.strengths ?? []).map((n) => touchKey("strengths", n)), ...(saved?.areasForImprovement ?? []).map((n) => touchKey("areasForImprovement", n))]);
    setMode({ kind: "edit", row: loaded.row, original: loaded.form });
    setAttempted(false);
    setDateLeft(false);
    setServerErrors([]);
    forgetPrivacyWarning();
    setSaved(null);
    notify(null);
    // Let the new title render before moving focus to it.
    setTimeout(() => titleRef.current?.focus(), 0);
  };

  const failed = (list: FieldError[]) => {
    setServerErrors(list);
    setAttempted(true);
    setFocusFirstError((n) => n + 1);
    notify(null);
  };

  const clearError = (field: string) => {
    if (serverErrors.some((e) => e.field === field)) setServerErrors((list) => list.filter((e) => e.field !== field));
  };
  const setReason = (value: string) => {
    moderation.setReason(value);
    clearError("reason");
  };
  const setWho = (value: string) => {
    moderation.setWho(value);
    clearError("who");
  };

  const save = (event: React.FormEvent | null, another = false) => {
    event?.preventDefault();
    setSaved(null);
    setSavedAtTop(false);
    const complete = normalise(form, known);
    // The personal-data guard: a Save with such text warns; Save again (Save anyway) saves when the warning already
    // shows everything found.
    // It is said with the form's other errors, on the same press: not only once they are fixed (walkthrough finding 12).
    const found = formPersonalData(complete, config);
    const warnNow = privacy.warnOnSave(found);
    const local = validateVisitForm(complete, config, [], compiled);
    const unexplained = mode.kind === "edit" && moderationChanged.length > 0 ? moderationErrors(mode.original, complete, config, moderation) : [];
    // Every problem at once (the errors above list the form's, the reason's and the name's together).
    if (local.length > 0 || unexplained.length > 0) {
      failed([]);
      return;
    }
    if (warnNow) return;
    forgetPrivacyWarning();
    void run(mode.kind === "new" ? "Saving the visit" : "Saving the changes", async () => {
      const wasNewTeam = isNewTeam;
      if (mode.kind === "new") {
        const result = await recordVisit(port, complete, { who: storedModeratorName() });
        if (!result.ok) return failed(result.errors);
        reset(another ? complete : undefined);
        setSavedAtTop(true);
        setLastSaved({ visitId: result.visitId, status: complete.status, visitDate: complete.visitDate });
        // Another manager's visit may have landed where this one was meant to go (issue 10): say where it is.
        const where = result.notice ?? `Visit ${result.visitId} saved on row ${result.row}.`;
        setSaved({
          intent: result.notice ? "warning" : "success",
          text: another ? `${where} Service, round, date and diagnostic team are kept for the next visit.` : where,
        });
      } else {
        if (sameForm(complete, normalise(mode.original, known))) {
          setSaved({ intent: "info", text: "Nothing has changed, so nothing was saved." });
          return;
        }
        const logged = moderationChanged.length > 0;
        const result = await saveVisitEdit(port, mode.row, mode.original, complete, { who: moderation.who, reason: moderation.reason });
        if (!result.ok) return failed(result.errors);
        // The name is kept on this device once a change has been logged with it.
        if (logged) storeModeratorName(moderation.who);
        reset();
        setSavedAtTop(true);
        setLastSaved(result.visitId ? { visitId: result.visitId, status: complete.status, visitDate: complete.visitDate } : null);
        setSaved({ intent: "success", text: `Changes to visit ${result.visitId || complete.team} saved on row ${result.row}.` });
      }
      setSavedCount((n) => n + 1);
      if (wasNewTeam) await reloadConfig();
      setTimeout(() => {
        if (!another) return titleRef.current?.focus();
        // The top of the form first (the confirmation and the After-visit buttons), then Team, which then scrolls
        // only if the pane is too short to show both.
        titleRef.current?.scrollIntoView?.({ block: "start" });
        focusControl(controls.current.team);
      }, 0);
    }, setSaved);
  };

  const cancel = () => {
    reset();
    setSavedAtTop(true);
    setSaved({ intent: "info", text: "Edit cancelled; nothing was saved." });
    setTimeout(() => titleRef.current?.focus(), 0);
  };

  // The findings typed (the long text fields, as the form shows them): Clear form asks before throwing them away.
  const typedFindings = visitRecord(config, compiled)
    .columns.filter((c) => c.long && String(form[c.key as TextField] ?? "").trim() !== "")
    .map((c) => c.header);

  const clear = () => {
    reset();
    setSaved(null);
    titleRef.current?.focus();
  };

  const title = mode.kind === "edit" ? `Edit visit ${mode.original.visitId || mode.original.team} (row ${mode.row})` : "Record a visit";

  return {
    form,
    mode,
    title,
    errors,
    errorFor,
    leaveDate,
    bind,
    focusField,
    titleRef,
    summaryRef,
    setText,
    setGrade,
    themeList,
    toggleTheme,
    chooseService,
    chooseTeam,
    chooseVisitType,
    isDeepDive,
    teamsForService,
    isNewTeam,
    startEdit,
    save,
    saved,
    savedAtTop,
    rounds,
    cancel,
    clear,
    typedFindings,
    privacyWarnings,
    lastSaved,
    moderationChanged,
    reason: moderation.reason,
    who: moderation.who,
    setReason,
    setWho,
  };
}

export type VisitFormState = ReturnType<typeof useVisitForm>;
