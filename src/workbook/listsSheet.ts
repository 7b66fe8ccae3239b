import {
  ACTION_STATUSES,
  ACTION_STATUS_LIST,
  DEFAULT_DOMAINS,
  DiagnosticsConfig,
  GradeLevel,
  GradeScale,
  OVERALL_KEY,
  QualityDomain,
  SCALE_PRESETS,
  STATUSES,
  VISIT_TYPES,
  Team,
  TieRule,
  VISIT_LISTS,
  cellText,
  compileScale,
  defaultConfig,
  foldLabel,
  DEFAULT_THEMES,
  Theme,
  defaultThreshold,
} from "../domain";
import { REVISIT_HEADERS, readIntervals, revisitColumns } from "./revisitIntervals";
import { CellValue, WorkbookChange } from "./plan";

/**
 * The Lists sheet carries the workbook's settings, so they travel with it and can be edited there:
 * one list per column, headed in row 1. Named ranges over the columns feed the dropdowns.
 */
export const LISTS_HEADERS = {
  grades: "Grades",
  services: "Services",
  teams: "Teams",
  teamService: "Team service",
  teamArea: "Team area",
  areas: "Areas",
  statuses: "Statuses",
  domainColumn: "Domain column",
  domainLabel: "Domain full label",
  domainKind: "Domain kind",
  setting: "Setting",
  value: "Value",
  scaleGrade: "Scale grade",
  scaleLabel: "Scale label",
  scaleColour: "Scale colour",
  scaleSpellings: "Scale spellings",
  previouslyCalled: "Previously called",
  theme: "Theme",
  themeKeywords: "Theme keywords",
  privacyPatternName: "Personal data pattern name",
  privacyPattern: "Personal data pattern",
  revisitGrade: REVISIT_HEADERS.grade,
  revisitMonths: REVISIT_HEADERS.months,
  actionStatuses: "Action statuses",
  visitTypes: "Visit types",
} as const;

const HEADER_ORDER = Object.values(LISTS_HEADERS);
const KIND_DOMAIN = "Quality domain";
const KIND_OVERALL = "Overall conclusion";
const SETTING_SCALE = "Grade scale";
const SETTING_TIE = "Tie rule";
const SETTING_SPLITS = "Split grades";
const SETTING_THRESHOLD = "Threshold grade";
/** Separates the accepted spellings of one grade in its cell. */
const SPELLINGS_SEPARATOR = "; ";

/** Rows reserved under the editable lists, so entries added on the sheet join the dropdowns. */
export const LIST_CAPACITY = 300;

/** The workbook names of the lists, as the record kinds' list columns name them. */
export const LIST_NAMES = VISIT_LISTS;

const column = (header: string) => String.fromCharCode(65 + HEADER_ORDER.indexOf(header as never));

/** The sheet's values for a configuration, row 1 headers. */
export function listsSheetValues(config: DiagnosticsConfig): CellValue[][] {
  const compiled = compileScale(config.scale);
  const domainRows = [
    ...config.domains.map((d) => [d.shortLabel, d.fullLabel, KIND_DOMAIN]),
    ...(config.overall ? [[config.overall.shortLabel, config.overall.fullLabel, KIND_OVERALL]] : []),
  ];
  const columns: string[][] = [
    compiled.categories.map((c) => c.code),
    config.services,
    config.teams.map((t) => t.name),
    config.teams.map((t) => t.service),
    config.teams.map((t) => t.area),
    config.areas,
    STATUSES,
    domainRows.map((r) => r[0]),
    domainRows.map((r) => r[1]),
    domainRows.map((r) => r[2]),
    [SETTING_SCALE, SETTING_TIE, SETTING_SPLITS, SETTING_THRESHOLD],
    [config.scale.id, config.tieRule, config.scale.splits ? "Yes" : "No", config.threshold ?? defaultThreshold(config.scale)],
    // The scale itself, best grade first: edit it here (then run Set up again) to grade on a council's own scale.
    config.scale.levels.map((l) => l.code),
    config.scale.levels.map((l) => l.label),
    config.scale.levels.map((l) => l.colour),
    config.scale.levels.map((l) => l.aliases.join(SPELLINGS_SEPARATOR)),
    // Issue 12: a renamed team's earlier names (beside the teams list), and the recurring themes with keywords.
    config.teams.map((t) => (t.previouslyCalled ?? []).join(SPELLINGS_SEPARATOR)),
    (config.themes ?? DEFAULT_THEMES).map((t) => t.name),
    (config.themes ?? DEFAULT_THEMES).map((t) => t.keywords.join(SPELLINGS_SEPARATOR)),
    // The council's own patterns for the personal-data guard (a case record number's format, say): a name and a
    // JavaScript regular expression.
    (config.privacyPatterns ?? []).map((p) => p.name),
    (config.privacyPatterns ?? []).map((p) => p.regex),
    // When each team is due again: months after its last visit, by grade (issue 11 §3).
    ...revisitColumns(config),
    [...ACTION_STATUSES],
    [...VISIT_TYPES],
  ];
  const height = Math.max(...columns.map((c) => c.length));
  const rows: CellValue[][] = [HEADER_ORDER.slice()];
  for (let r = 0; r < height; r++) rows.push(columns.map((c) => c[r] ?? null));
  return rows;
}

/** Writes the lists and points the dropdown names at them. */
export function listsChanges(sheet: string, config: DiagnosticsConfig): WorkbookChange[] {
  const values = listsSheetValues(config);
  const gradeCount = compileScale(config.scale).categories.length;
  const span = (header: string, rows: number) => `${column(header)}2:${column(header)}${rows + 1}`;
  return [
    { kind: "setValues", sheet, topLeft: "A1", values },
    { kind: "setStyle", sheet, range: `A1:${column(HEADER_ORDER[HEADER_ORDER.length - 1])}1`, style: { bold: true, fill: "DDE7EE" } },
    { kind: "setColumnWidths", sheet, widths: HEADER_ORDER.map((h) => (h === LISTS_HEADERS.domainLabel ? 60 : 24)) },
    { kind: "freezeRows", sheet, rows: 1 },
    { kind: "defineName", name: LIST_NAMES.grades, sheet, range: span(LISTS_HEADERS.grades, gradeCount) },
    { kind: "defineName", name: LIST_NAMES.services, sheet, range: span(LISTS_HEADERS.services, LIST_CAPACITY) },
    { kind: "defineName", name: LIST_NAMES.teams, sheet, range: span(LISTS_HEADERS.teams, LIST_CAPACITY) },
    { kind: "defineName", name: LIST_NAMES.areas, sheet, range: span(LISTS_HEADERS.areas, LIST_CAPACITY) },
    { kind: "defineName", name: LIST_NAMES.statuses, sheet, range: span(LISTS_HEADERS.statuses, STATUSES.length) },
    { kind: "defineName", name: ACTION_STATUS_LIST, sheet, range: span(LISTS_HEADERS.actionStatuses, ACTION_STATUSES.length) },
    { kind: "defineName", name: LIST_NAMES.visitTypes, sheet, range: span(LISTS_HEADERS.visitTypes, VISIT_TYPES.length) },
  ];
}

/** New teams, written from the first empty row of the teams list (below the last listed team: none is written over). */
export function newTeamsChange(sheet: string, lists: CellValue[][] | null, teams: readonly Team[]): WorkbookChange {
  const values = teams.map((team) => [team.name, team.service, team.area]);
  const teamColumn = HEADER_ORDER.indexOf(LISTS_HEADERS.teams);
  let row = 1;
  if (lists) {
    const at = lists[0]?.findIndex((h) => foldLabel(cellText(h)) === foldLabel(LISTS_HEADERS.teams)) ?? -1;
    const col = at >= 0 ? at : teamColumn;
    for (let r = 1; r < lists.length; r++) if (cellText(lists[r][col]).trim() !== "") row = r + 1;
    return { kind: "setValues", sheet, topLeft: `${String.fromCharCode(65 + col)}${row + 1}`, values };
  }
  return { kind: "setValues", sheet, topLeft: `${column(LISTS_HEADERS.teams)}2`, values };
}

/** The scale as read from the sheet, and why the sheet's own grades could not be used, if they could not. */
interface ScaleReading {
  scale: GradeScale;
  issues: string[];
}

const sameLevels = (a: readonly GradeLevel[], b: readonly GradeLevel[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The grade scale: the one spelled out on the sheet (grades best first, labels, colours, spellings), else the
 * preset the "Grade scale" setting names, else the default. A preset's grades left as written with another preset
 * named switch to that preset; edited grades are a council's own scale. Grades that clash are not used.
 */
function readScale(list: (header: string) => string[] | null, setting: (name: string) => string, fallback: GradeScale): ScaleReading {
  const named = setting(SETTING_SCALE);
  const preset = SCALE_PRESETS.find((s) => foldLabel(s.id) === foldLabel(named));
  const chosen = preset ?? fallback;
  const codes = list(LISTS_HEADERS.scaleGrade) ?? [];
  const labels = list(LISTS_HEADERS.scaleLabel) ?? [];
  const colours = list(LISTS_HEADERS.scaleColour) ?? [];
  const spellings = list(LISTS_HEADERS.scaleSpellings) ?? [];
  const issues: string[] = [];
  const levels: GradeLevel[] = [];
  codes.forEach((code, i) => {
    if (code === "") {
      if (labels[i]) issues.push(`Lists row ${i + 2}: the grade "${labels[i]}" has no code in "${LISTS_HEADERS.scaleGrade}".`);
      return;
    }
    const colour = (colours[i] ?? "").replace(/^#/, "").toUpperCase();
    levels.push({
      code,
      label: labels[i] || code,
      colour: /^[0-9A-F]{6}$/.test(colour) ? colour : UNKNOWN_COLOUR,
      aliases: (spellings[i] ?? "").split(";").map((a) => a.trim()).filter((a) => a !== ""),
    });
  });
  if (levels.length === 0) return { scale: chosen, issues };
  const asPreset = SCALE_PRESETS.find((p) => sameLevels(p.levels, levels));
  if (asPreset && preset && asPreset !== preset) return { scale: preset, issues };

  // Every spelling must name one grade only, or a typed grade would be counted as the wrong one.
  const owner = new Map<string, string>(chosen.noJudgement.aliases.concat(chosen.noJudgement.code).map((a) => [foldLabel(a), chosen.noJudgement.code]));
  if (levels.length < 2) issues.push("The scale on the Lists sheet has fewer than two grades.");
  for (const level of levels) {
    if (level.code.includes("/")) issues.push(`The grade code "${level.code}" has a "/", which marks split grades.`);
    for (const spelling of [level.code, level.label, ...level.aliases]) {
      const folded = foldLabel(spelling);
      const other = owner.get(folded);
      if (other !== undefined && other !== level.code) issues.push(`"${spelling}" names both ${other} and ${level.code}.`);
      else owner.set(folded, level.code);
    }
  }
  if (issues.length > 0) {
    return { scale: chosen, issues: [...issues, `Until this is put right the ${chosen.name} scale is used.`] };
  }
  const splitsSetting = foldLabel(setting(SETTING_SPLITS));
  const splits = splitsSetting === "yes" ? true : splitsSetting === "no" ? false : (preset?.splits ?? false);
  if (preset && sameLevels(preset.levels, levels) && preset.splits === splits) return { scale: preset, issues };
  const id = named || "council";
  return {
    scale: {
      id,
      name: preset ? `${preset.name} (as edited on the Lists sheet)` : id,
      levels,
      splits,
      noJudgement: chosen.noJudgement,
    },
    issues,
  };
}

/** Why the grade scale written on the Lists sheet is not in use, if it is not (for the pane's Settings). */
export function listsIssues(values: CellValue[][] | null): string[] {
  return values ? readLists(values, defaultConfig()).issues : [];
}

/** Fill for a grade whose colour on the sheet is not a hex colour. */
const UNKNOWN_COLOUR = "D9D9D9";

function domainKeyFor(shortLabel: string): string {
  const known = DEFAULT_DOMAINS.find((d) => foldLabel(d.shortLabel) === foldLabel(shortLabel));
  return known ? known.key : foldLabel(shortLabel).replace(/[^a-z0-9]+/g, "-");
}

/** Reads the settings back; anything missing keeps its default. Never throws. */
export function configFromLists(values: CellValue[][] | null, base: DiagnosticsConfig = defaultConfig()): DiagnosticsConfig {
  if (!values || values.length === 0) return base;
  return readLists(values, base).config;
}

function readLists(values: CellValue[][], base: DiagnosticsConfig): { config: DiagnosticsConfig; issues: string[] } {
  const headers = (values[0] ?? []).map((h) => foldLabel(cellText(h)));
  const list = (header: string): string[] | null => {
    const at = headers.indexOf(foldLabel(header));
    if (at < 0) return null;
    return values.slice(1).map((row) => cellText(row[at]).trim());
  };
  const nonBlank = (items: string[] | null) => (items ? items.filter((s) => s !== "") : null);

  const services = nonBlank(list(LISTS_HEADERS.services));
  const areas = nonBlank(list(LISTS_HEADERS.areas));
  const teamNames = list(LISTS_HEADERS.teams);
  const teamServices = list(LISTS_HEADERS.teamService) ?? [];
  const teamAreas = list(LISTS_HEADERS.teamArea) ?? [];
  const teamEarlier = list(LISTS_HEADERS.previouslyCalled) ?? [];
  const teams: Team[] | null = teamNames
    ? teamNames
        .map((name, i) => withEarlierNames({ name, service: teamServices[i] ?? "", area: teamAreas[i] ?? "" }, teamEarlier[i]))
        .filter((t) => t.name !== "")
    : null;

  let domains: QualityDomain[] = base.domains;
  let overall: QualityDomain | null = base.overall;
  const shortLabels = list(LISTS_HEADERS.domainColumn);
  if (shortLabels && shortLabels.some((s) => s !== "")) {
    const fullLabels = list(LISTS_HEADERS.domainLabel) ?? [];
    const kinds = list(LISTS_HEADERS.domainKind) ?? [];
    domains = [];
    overall = null;
    shortLabels.forEach((shortLabel, i) => {
      if (shortLabel === "") return;
      const fullLabel = fullLabels[i] || shortLabel;
      if (foldLabel(kinds[i] ?? "") === foldLabel(KIND_OVERALL)) overall = { key: OVERALL_KEY, shortLabel, fullLabel };
      else domains.push({ key: domainKeyFor(shortLabel), shortLabel, fullLabel });
    });
  }

  const settingNames = list(LISTS_HEADERS.setting) ?? [];
  const settingValues = list(LISTS_HEADERS.value) ?? [];
  const setting = (name: string) => {
    const i = settingNames.findIndex((s) => foldLabel(s) === foldLabel(name));
    return i >= 0 ? (settingValues[i] ?? "") : "";
  };
  const { scale, issues } = readScale(list, setting, base.scale);
  const tie = foldLabel(setting(SETTING_TIE));
  const tieRule: TieRule = tie === "split" ? "split" : tie === "cautious" ? "cautious" : base.tieRule;

  const config: DiagnosticsConfig = {
    scale,
    domains,
    overall,
    services: services ?? base.services,
    teams: teams ?? base.teams,
    areas: areas ?? base.areas,
    tieRule,
    ...readIntervals(list, scale, base),
  };
  // Issue 12's settings are kept only when they differ from their defaults, so a sheet as Set up wrote it reads back as it was.
  const threshold = setting(SETTING_THRESHOLD);
  if (threshold !== "" && foldLabel(threshold) !== foldLabel(defaultThreshold(scale))) config.threshold = threshold;
  else if (base.threshold !== undefined) config.threshold = base.threshold;
  const themes = readThemes(list(LISTS_HEADERS.theme), list(LISTS_HEADERS.themeKeywords) ?? []);
  if (themes && !sameThemes(themes, DEFAULT_THEMES)) config.themes = themes;
  else if (!themes && base.themes !== undefined) config.themes = base.themes;
  const patternNames = list(LISTS_HEADERS.privacyPatternName) ?? [];
  const patterns = (list(LISTS_HEADERS.privacyPattern) ?? [])
    .map((regex, i) => ({ name: patternNames[i] || `pattern ${i + 1}`, regex }))
    .filter((p) => p.regex !== "");
  if (patterns.length > 0 || base.privacyPatterns) config.privacyPatterns = patterns.length > 0 ? patterns : base.privacyPatterns;
  return { config, issues };
}

function splitList(text: string | undefined): string[] {
  return (text ?? "").split(";").map((a) => a.trim()).filter((a) => a !== "");
}

function withEarlierNames(team: Team, earlier: string | undefined): Team {
  const names = splitList(earlier);
  return names.length > 0 ? { ...team, previouslyCalled: names } : team;
}

/** The themes list (a name a row, keywords separated by ";"); null when the sheet has no Theme column. */
function readThemes(names: string[] | null, keywords: string[]): Theme[] | null {
  if (!names) return null;
  return names.map((name, i) => ({ name, keywords: splitList(keywords[i]) })).filter((t) => t.name !== "");
}

const sameThemes = (a: readonly Theme[], b: readonly Theme[]) => JSON.stringify(a) === JSON.stringify(b);
