import * as React from "react";
import { CompiledScale, DiagnosticsConfig, VisitForm, visitRecord } from "../domain";
import { formPersonalData } from "../actions/privacyActions";
import type { FormPrivacyWarning } from "./PersonalData";

type Found = ReturnType<typeof formPersonalData>;

/**
 * The personal-data guard's warning on the visit form: the fields the last Save warned of. What is said of them is
 * checked again as they are edited (a new user's finding: the warning stayed once the text was put right), so a field
 * put right drops out, and with none left Save visit comes back; Save anyway saves what the warning then shows.
 * (Trimming, as the form does before saving, changes nothing the guard finds, so the form is looked at as typed.)
 */
export function usePrivacyWarning(form: VisitForm, config: DiagnosticsConfig, compiled: CompiledScale) {
  const [fields, setFields] = React.useState<string[]>([]);
  const shown = React.useMemo(
    () => (fields.length === 0 ? [] : formPersonalData(form, config).filter((f) => fields.includes(f.field))),
    [fields, form, config],
  );
  const warnings = React.useMemo<FormPrivacyWarning[]>(() => {
    const labels = new Map(visitRecord(config, compiled).columns.map((c) => [c.key, c.header]));
    return shown.map((f) => ({ label: labels.get(f.field) ?? f.field, message: f.message }));
  }, [shown, config, compiled]);
  // Every field put right: personal data typed afterwards is warned of on the next Save, as on a fresh form.
  if (fields.length > 0 && shown.length === 0) setFields([]);
  return {
    warnings,
    /** A fresh or newly loaded form has nothing to warn of: a warning (and its Save anyway) belonged to its text. */
    forget: () => setFields([]),
    /** At Save, what the guard found: true (and the warning shown) when any of it is not already in the warning. */
    warnOnSave(found: Found): boolean {
      const warnNow = found.some((f) => !shown.some((w) => w.field === f.field && w.message === f.message));
      if (warnNow) setFields([...new Set(found.map((f) => f.field))]);
      return warnNow;
    },
  };
}
