import { GradeScale, OFSTED_SCALE } from "./scale";
import type { Theme } from "./themes";

/** A graded column: its short label heads the sheet column, its full label names the summary row. */
export interface QualityDomain {
  key: string;
  shortLabel: string;
  fullLabel: string;
}

export interface Team {
  name: string;
  service: string;
  area: string;
  /** Earlier names of the team (Lists sheet "Previously called"), so a renamed team is one team across rounds. */
  previouslyCalled?: string[];
}

/** How a tie for most frequent grade is settled. */
export type TieRule = "cautious" | "split";

export interface DiagnosticsConfig {
  scale: GradeScale;
  domains: QualityDomain[];
  /** The overall conclusion column; null since Ofsted dropped the single overall grade (April 2026). */
  overall: QualityDomain | null;
  /** Known services; empty means any service name is accepted. */
  services: string[];
  teams: Team[];
  areas: string[];
  tieRule: TieRule;
  /** The threshold grade code for "at or above" in trends; absent means the scale's second level (Good). */
  threshold?: string;
  /** The council's recurring themes from the Lists sheet; absent means DEFAULT_THEMES. */
  themes?: Theme[];
  /** The council's own personal-data patterns (Lists sheet), for the personal-data guard; none when absent. */
  privacyPatterns?: { name: string; regex: string }[];
  /** Months until a team is due again, by grade code (issue 11 §3); absent means DEFAULT_INTERVALS. */
  intervals?: Record<string, number>;
}

export const OVERALL_KEY = "overall";

export const DEFAULT_DOMAINS: QualityDomain[] = [
  {
    key: "allocation",
    shortLabel: "Allocation and workload",
    fullLabel: "Effectiveness of case allocation and workload management arrangements",
  },
  {
    key: "practice",
    shortLabel: "Practice and direct work",
    fullLabel: "Quality of practice and direct work with children and families including recording",
  },
  {
    key: "monitoring",
    shortLabel: "Monitoring and supervision",
    fullLabel: "Quality of performance monitoring and supervisory arrangements",
  },
  {
    key: "joint",
    shortLabel: "Joint working",
    fullLabel: "Effectiveness of joint working between social care and other agencies",
  },
];

export const DEFAULT_OVERALL: QualityDomain = {
  key: OVERALL_KEY,
  shortLabel: "Overall conclusion",
  fullLabel: "Overall conclusion",
};

export const DEFAULT_SERVICES = [
  "Front door and MASH",
  "Assessment",
  "Safeguarding",
  "Children in care",
  "Care leaving",
  "Children with disabilities",
  "Family support",
];

export function defaultConfig(overrides: Partial<DiagnosticsConfig> = {}): DiagnosticsConfig {
  return {
    scale: OFSTED_SCALE,
    domains: DEFAULT_DOMAINS,
    overall: DEFAULT_OVERALL,
    services: DEFAULT_SERVICES,
    teams: [],
    areas: [],
    tieRule: "cautious",
    ...overrides,
  };
}

/** Every graded column in sheet order: the quality domains, then the overall conclusion. */
export function gradedColumns(config: DiagnosticsConfig): QualityDomain[] {
  return config.overall ? [...config.domains, config.overall] : config.domains;
}

export const STATUS_DRAFT = "Draft";
export const STATUS_FINAL = "Final";
/** A visit that has not happened yet: service, team and date, no grades, never counted (issue 11 §3). */
export const STATUS_PLANNED = "Planned";
/** Graded and awaiting a senior manager's review (issue 15): changes need a reason; not counted until Final. */
export const STATUS_FOR_MODERATION = "For moderation";
export const STATUSES = [STATUS_DRAFT, STATUS_FOR_MODERATION, STATUS_FINAL, STATUS_PLANNED];

/** The optional Visit type column's values; blank reads as a team diagnostic (issue 11 §4). */
export const VISIT_TYPE_TEAM = "Team diagnostic";
export const VISIT_TYPE_DEEP_DIVE = "Deep dive";
export const VISIT_TYPES = [VISIT_TYPE_TEAM, VISIT_TYPE_DEEP_DIVE];
