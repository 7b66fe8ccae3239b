import * as React from "react";
import { Badge, Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ProgrammeView, addPlannedVisit, computeProgramme } from "../actions/programmeActions";
import { LAPSED, notInProgramme } from "../presentation/programme";
import { FieldError, IsoDate, ProgrammeStatus, byUrgency, formatBritishDate, parseBritishDate, planLapsed, whyNotADate } from "../domain";
import { PaneMessage, plural } from "./messages";
import { NearMessage } from "./NearMessage";
import { dateHint } from "./dateHint";
import { usePane } from "./paneContext";

/** The programme of visits (issue 11 §3): every team, overdue first, and a planned visit added below the table. */

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  team: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap", fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0, border: "none" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  legend: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, padding: 0, marginBottom: tokens.spacingVerticalS },
});

const BADGE: Record<ProgrammeStatus, "danger" | "warning" | "informative" | "success" | "subtle"> = {
  overdue: "danger",
  "due soon": "warning",
  "never visited": "informative",
  planned: "success",
  "not due": "subtle",
};

/** The machine's own calendar day (no time zones). */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const british = (date: IsoDate | null) => (date ? formatBritishDate(date) : null);

export function ProgrammePanel({ today }: { today?: IsoDate }) {
  const styles = useStyles();
  const { port, config, run, notify, busy, reloadConfig } = usePane();
  const [programme, setProgramme] = React.useState<ProgrammeView | null>(null);
  const [service, setService] = React.useState("");
  const [team, setTeam] = React.useState("");
  const [date, setDate] = React.useState("");
  const [errors, setErrors] = React.useState<FieldError[]>([]);
  // What Add planned visit did, said under its button.
  const [added, setAdded] = React.useState<PaneMessage | null>(null);

  const show = () =>
    run("Working out the programme", async () => {
      notify(null);
      setProgramme(await computeProgramme(port, today ?? todayIso()));
    });

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    setAdded(null);
    const typed = date.trim();
    const visitDate = typed === "" ? "" : parseBritishDate(typed);
    if (visitDate === null) {
      setErrors([{ field: "visitDate", message: whyNotADate(typed) ?? "Enter the date as dd/mm/yyyy." }]);
      return;
    }
    void run("Adding the planned visit", async () => {
      const area = config.teams.find((t) => t.name.toLowerCase() === team.trim().toLowerCase())?.area ?? "";
      const result = await addPlannedVisit(port, { service: service.trim(), team: team.trim(), visitDate, area });
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      setErrors([]);
      setDate("");
      setAdded({ intent: "success", text: `Planned visit ${result.visitId} to ${team.trim()} on ${formatBritishDate(visitDate)} added on row ${result.row}.` });
      await reloadConfig();
      setProgramme(await computeProgramme(port, today ?? todayIso()));
    });
  };

  const errorOf = (field: string) => {
    const message = errors.filter((e) => e.field === field).map((e) => e.message).join(" ");
    return message ? { validationMessage: message, validationState: "error" as const } : {};
  };

  const teams = programme ? byUrgency(programme.teams) : [];
  const overdue = teams.filter((t) => t.status === "overdue").length;
  const notCounted = programme ? notInProgramme(programme.notCounted) : null;

  return (
    <div className={styles.stack}>
      <h2 className={styles.heading}>Programme of visits</h2>
      <Text>
        When each team is due again: months after its last visit by its grade (set on the Lists sheet, under Revisit
        months). Overdue teams come first. A planned visit is a Diagnostics row with Status Planned.
      </Text>
      <div>
        <Button appearance="primary" onClick={show} disabledFocusable={busy !== null}>
          Show programme
        </Button>
      </div>
      {programme && (
        <>
          <Text role="status" weight="semibold">
            {`${plural(teams.length, "team")} on ${formatBritishDate(programme.today)}; ${overdue} overdue.`}
          </Text>
          {notCounted && <Text>{notCounted}</Text>}
          <ul className={styles.list} aria-label="Programme of visits">
            {teams.map((t) => (
              <li key={`${t.service}|${t.team}`} className={styles.team}>
                <span className={styles.name}>
                  <span>{t.team}</span>
                  <Badge appearance="tint" color={BADGE[t.status]} size="small">
                    {t.status}
                  </Badge>
                </span>
                <span className={styles.detail}>{t.service}</span>
                <span className={styles.detail}>
                  {t.lastVisit ? `Last visit ${british(t.lastVisit)}${t.lastOverall ? ` (${t.lastOverall})` : ""}; next due ${british(t.nextDue)}` : "Never visited"}
                  {t.planned ? `; planned ${british(t.planned)}${planLapsed(t.planned, programme.today) ? LAPSED : ""}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <form onSubmit={add} aria-labelledby="td-plan-legend" noValidate>
        <fieldset className={styles.form}>
          <legend id="td-plan-legend" className={styles.legend}>
            Add a planned visit
          </legend>
          <Field label="Service" required {...errorOf("service")}>
            <Input value={service} onChange={(_, d) => setService(d.value)} list="td-plan-services" />
          </Field>
          <Field label="Team" required {...errorOf("team")}>
            <Input value={team} onChange={(_, d) => setTeam(d.value)} list="td-plan-teams" />
          </Field>
          <Field label="Planned date" required {...errorOf("visitDate")} hint={errors.some((e) => e.field === "visitDate") ? undefined : dateHint(date)}>
            <Input value={date} onChange={(_, d) => setDate(d.value)} placeholder="dd/mm/yyyy" />
          </Field>
          <datalist id="td-plan-services">
            {config.services.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <datalist id="td-plan-teams">
            {config.teams.map((t) => (
              <option key={t.name} value={t.name} />
            ))}
          </datalist>
          <div>
            <Button type="submit" disabledFocusable={busy !== null}>
              Add planned visit
            </Button>
          </div>
          <NearMessage message={added} />
        </fieldset>
      </form>
    </div>
  );
}
