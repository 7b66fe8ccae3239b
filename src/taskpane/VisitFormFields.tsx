import * as React from "react";
import { Field, Input, Radio, RadioGroup, Select, Text, Textarea } from "@fluentui/react-components";
import { STATUSES, STATUS_DRAFT, VISIT_TYPES, VISIT_TYPE_TEAM, formatBritishDate, gradeKey, gradedColumns, visitRecord } from "../domain";
import { FreeCombobox } from "./FreeCombobox";
import { ThemePicker } from "./ThemePicker";
import { gradeOptionText } from "./gradeStyle";
import { usePane } from "./paneContext";
import { TextField, VisitFormState } from "./useVisitForm";
import { useVisitStyles } from "./visitStyles";
import { ReasonNote } from "./ReasonNote";
import { ISO_DATE, dateHint } from "./dateHint";

/** The functions deep dives look at (domain.md), offered in the Function box; any other name can be typed. */
const DEEP_DIVE_FUNCTIONS = ["Placements and residential", "Fostering", "ICT and performance data", "Workforce planning and learning and development"];

/** The visit form's fields, bound to the state from useVisitForm. The grades and the findings come from the visit kind's columns. */
export function VisitFormFields({ state }: { state: VisitFormState }) {
  const styles = useVisitStyles();
  const { config, compiled } = usePane();
  const { form, mode, bind, errorFor, setText, setGrade, chooseService, chooseTeam, chooseVisitType, isDeepDive, teamsForService, isNewTeam, rounds } = state;
  // The findings: the visit's columns of paragraphs, in the table's order.
  const findings = React.useMemo(() => visitRecord(config, compiled).columns.filter((c) => c.long), [config, compiled]);

  const serviceOptions = config.services.includes(form.service) || form.service === "" ? config.services : [...config.services, form.service];
  const categoryCodes = compiled.categories.map((c) => c.code);
  const validation = (field: string) => {
    const message = errorFor(field);
    // One alert (the summary) rather than one per field: each message is the field's description instead.
    return message ? { validationMessage: { children: message, role: undefined }, validationState: "error" as const } : {};
  };

  return (
    <>
      {/* One message under the box: while the date is refused, the error replaces the hint (which would say the same). */}
      <Field label="Visit date" required {...validation("visitDate")} hint={errorFor("visitDate") ? undefined : dateHint(form.visitDate)}>
        {/* A text box, not type="date": a browser's date picker follows its own locale, which may be American. */}
        <Input
          ref={bind("visitDate") as React.Ref<HTMLInputElement>}
          placeholder="dd/mm/yyyy"
          inputMode="numeric"
          autoComplete="off"
          value={ISO_DATE.test(form.visitDate) ? formatBritishDate(form.visitDate) : form.visitDate}
          onChange={(_, data) => setText("visitDate")(data.value)}
          onBlur={state.leaveDate}
        />
      </Field>
      <ReasonNote state={state} field="Visit date" />

      {isDeepDive ? (
        <Field label="Function" required {...validation("service")} hint="The function the deep dive looked at: choose one or type its name.">
          <FreeCombobox ref={bind("service") as React.Ref<HTMLInputElement>} value={form.service} options={DEEP_DIVE_FUNCTIONS} onChange={chooseService} label="Function" />
        </Field>
      ) : (
      <Field label="Service" required {...validation("service")} hint="A deep dive into a whole function? Choose Deep dive under Visit type, below.">
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
      )}
      <ReasonNote state={state} field="Service" />

      <Field
        label="Team"
        required={!isDeepDive}
        {...validation("team")}
        hint={
          isNewTeam
            ? `New team: "${form.team.trim()}" will be added to the Lists sheet when you save.`
            : isDeepDive
              ? "Optional for a deep dive: leave blank when it looked at the whole function."
              : "Choose a team, or type the name of a new one."
        }
      >
        <FreeCombobox ref={bind("team") as React.Ref<HTMLInputElement>} value={form.team} options={teamsForService.map((t) => t.name)} onChange={chooseTeam} label="Team" />
      </Field>
      <ReasonNote state={state} field="Team" />

      {!isDeepDive && (
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Grades</legend>
        {form.status === STATUS_DRAFT && <Text size={200}>A draft may leave grades blank.</Text>}
        {gradedColumns(config).map((domain) => {
          const value = form.grades[domain.key] ?? "";
          const field = gradeKey(domain.key);
          return (
            <React.Fragment key={domain.key}>
            <Field
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
            <ReasonNote state={state} field={domain.shortLabel} />
            </React.Fragment>
          );
        })}
      </fieldset>
      )}

      <Field label="Round" hint={rounds.length ? `Choose a round already used (${rounds.join(", ")}) or type a new one.` : "For example 2 or 2024-25."} {...validation("round")}>
        <FreeCombobox ref={bind("round") as React.Ref<HTMLInputElement>} value={form.round} options={rounds} onChange={setText("round")} label="Round" />
      </Field>

      <Field label="Diagnostic team" hint="The reviewers who made the visit." {...validation("diagnosticTeam")}>
        <Input ref={bind("diagnosticTeam") as React.Ref<HTMLInputElement>} value={form.diagnosticTeam} onChange={(_, data) => setText("diagnosticTeam")(data.value)} />
      </Field>

      <Field
        label="Visit ID"
        {...validation("visitId")}
        hint={
          mode.kind === "new" ? (
            // Each ID kept on one line: at 320 px "TD-" and "0001" fell on two.
            <>
              Leave blank to number the visit automatically (<span style={{ whiteSpace: "nowrap" }}>TD-0001</span>, <span style={{ whiteSpace: "nowrap" }}>TD-0002</span> and so on).
            </>
          ) : undefined
        }
      >
        <Input ref={bind("visitId") as React.Ref<HTMLInputElement>} value={form.visitId} onChange={(_, data) => setText("visitId")(data.value)} />
      </Field>

      <Field label="Area" {...validation("area")} hint={config.areas.length ? "Choose an area or type one." : undefined}>
        <FreeCombobox ref={bind("area") as React.Ref<HTMLInputElement>} value={form.area} options={config.areas} onChange={setText("area")} label="Area" />
      </Field>

      <Field label="Team manager" {...validation("teamManager")}>
        <Input ref={bind("teamManager") as React.Ref<HTMLInputElement>} value={form.teamManager} onChange={(_, data) => setText("teamManager")(data.value)} />
      </Field>

      <Text size={200}>Findings are about the team: never write a child's name, date of birth or case number.</Text>
      {findings.map((column) => {
        const key = column.key as TextField;
        return (
          <React.Fragment key={key}>
            <Field label={column.header} {...validation(key)}>
              <Textarea ref={bind(key) as React.Ref<HTMLTextAreaElement>} resize="vertical" rows={5} value={form[key]} onChange={(_, data) => setText(key)(data.value)} />
            </Field>
            {/* Under Strengths and Areas for improvement: the themes they suggest, for the reviewer to confirm (issue 12). */}
            {key === "areasForImprovement" && <ThemePicker themes={state.themeList} value={form.themes} onToggle={state.toggleTheme} />}
          </React.Fragment>
        );
      })}

      <Field label="Visit type" {...validation("visitType")} hint={isDeepDive ? "A deep dive looks at a whole function: findings, no grades." : undefined}>
        <RadioGroup ref={bind("visitType") as React.Ref<HTMLDivElement>} layout="horizontal" value={form.visitType || VISIT_TYPE_TEAM} onChange={(_, data) => chooseVisitType(data.value)}>
          {VISIT_TYPES.map((t) => (
            <Radio key={t} value={t} label={t} />
          ))}
        </RadioGroup>
      </Field>

      <Field label="Status" {...validation("status")} hint="Drafts are kept in the sheet but not counted in summaries.">
        <RadioGroup ref={bind("status") as React.Ref<HTMLDivElement>} className={styles.statusGroup} layout="horizontal" value={form.status} onChange={(_, data) => setText("status")(data.value)}>
          {STATUSES.map((s) => (
            <Radio key={s} value={s} label={s} />
          ))}
        </RadioGroup>
      </Field>
      <ReasonNote state={state} field="Status" />
    </>
  );
}
