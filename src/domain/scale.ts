import { cellText, foldLabel } from "./text";

/** One step of a scale, best first in GradeScale.levels. */
export interface GradeLevel {
  /** Canonical short form stored in cells and used in domain rows, e.g. "RI". */
  code: string;
  /** Spelled-out form used in the overall row, e.g. "Requires Improvement". */
  label: string;
  /** Fill colour for cells holding this grade (hex, no #). */
  colour: string;
  /** Further accepted spellings beyond code and label. */
  aliases: string[];
}

/** A grade scale is data, so a council can define its own. */
export interface GradeScale {
  id: string;
  name: string;
  levels: GradeLevel[];
  /** Whether split grades between adjacent levels ("RI / I") are allowed. */
  splits: boolean;
  noJudgement: { code: string; countLabel: string; aliases: string[]; colour: string };
}

export const NO_JUDGEMENT = "No judgement";

export const OFSTED_SCALE: GradeScale = {
  id: "ofsted",
  name: "Ofsted four-point",
  levels: [
    { code: "O", label: "Outstanding", colour: "00703C", aliases: [] },
    { code: "G", label: "Good", colour: "8CC63F", aliases: [] },
    {
      code: "RI",
      label: "Requires Improvement",
      colour: "FFBF00",
      aliases: ["requires improvement to be good", "requires improvement to good", "req improvement"],
    },
    { code: "I", label: "Inadequate", colour: "D4351C", aliases: [] },
  ],
  splits: true,
  noJudgement: {
    code: NO_JUDGEMENT,
    countLabel: "no judgement",
    aliases: ["nj", "n/j", "no judgment", "not judged", "no grade", "not graded"],
    colour: "BFC1C3",
  },
};

export const REPORT_CARD_SCALE: GradeScale = {
  id: "report-card",
  name: "Ofsted five-point report card",
  levels: [
    { code: "Exceptional", label: "Exceptional", colour: "00703C", aliases: [] },
    { code: "Strong standard", label: "Strong standard", colour: "8CC63F", aliases: ["strong"] },
    { code: "Expected standard", label: "Expected standard", colour: "C9E3A5", aliases: ["expected"] },
    { code: "Needs attention", label: "Needs attention", colour: "FFBF00", aliases: [] },
    { code: "Urgent improvement", label: "Urgent improvement", colour: "D4351C", aliases: [] },
  ],
  splits: false,
  noJudgement: OFSTED_SCALE.noJudgement,
};

export const SCALE_PRESETS: readonly GradeScale[] = [OFSTED_SCALE, REPORT_CARD_SCALE];

/** A grade as counted: a level, a split between two adjacent levels, or no judgement. */
export interface GradeCategory {
  code: string;
  /** Overall-row form: the spelled-out label, or the split written as its codes. */
  label: string;
  /** Position best first; no judgement sorts last. */
  rank: number;
  colour: string;
  graded: boolean;
}

/** Precomputed lookups for one scale; build once per run with compileScale. */
export interface CompiledScale {
  scale: GradeScale;
  /** Every category, best first, no judgement last: the dropdown list. */
  categories: GradeCategory[];
  byCode: Map<string, GradeCategory>;
  bySpelling: Map<string, GradeCategory>;
}

function splitCode(a: GradeLevel, b: GradeLevel): string {
  return `${a.code} / ${b.code}`;
}

/** Interpolates two hex colours half way, for split grades. */
function blend(a: string, b: string): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  return [0, 2, 4]
    .map((i) => Math.round((channel(a, i) + channel(b, i)) / 2).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

export function compileScale(scale: GradeScale): CompiledScale {
  const categories: GradeCategory[] = [];
  const bySpelling = new Map<string, GradeCategory>();
  const accept = (spelling: string, category: GradeCategory) => {
    const folded = foldLabel(spelling);
    if (folded) bySpelling.set(folded, category);
  };
  scale.levels.forEach((level, i) => {
    const category: GradeCategory = {
      code: level.code,
      label: level.label,
      rank: i * 2,
      colour: level.colour,
      graded: true,
    };
    categories.push(category);
    for (const spelling of [level.code, level.label, ...level.aliases]) accept(spelling, category);
    const next = scale.levels[i + 1];
    if (scale.splits && next) {
      const code = splitCode(level, next);
      categories.push({ code, label: code, rank: i * 2 + 1, colour: blend(level.colour, next.colour), graded: true });
    }
  });
  const nj = scale.noJudgement;
  const noJudgement: GradeCategory = {
    code: nj.code,
    label: nj.code,
    rank: scale.levels.length * 2,
    colour: nj.colour,
    graded: false,
  };
  categories.push(noJudgement);
  for (const spelling of [nj.code, nj.countLabel, ...nj.aliases]) accept(spelling, noJudgement);
  const byCode = new Map(categories.map((c) => [c.code, c]));
  return { scale, categories, byCode, bySpelling };
}

export type GradeParse =
  | { kind: "blank" }
  | { kind: "grade"; category: GradeCategory }
  | { kind: "unrecognised"; message: string };

/** Reads a typed grade in any unambiguous spelling. Never throws, whatever the cell holds. */
export function parseGrade(value: unknown, compiled: CompiledScale): GradeParse {
  const raw = cellText(value).trim();
  if (raw === "") return { kind: "blank" };
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  const folded = foldLabel(raw);
  const whole = compiled.bySpelling.get(folded);
  if (whole) return { kind: "grade", category: whole };
  const parts = folded.split("/");
  if (parts.length === 2 && compiled.scale.splits) {
    const a = compiled.bySpelling.get(parts[0]);
    const b = compiled.bySpelling.get(parts[1]);
    if (a && b && a.graded && b.graded && a.rank % 2 === 0 && b.rank % 2 === 0) {
      const [better, worse] = a.rank < b.rank ? [a, b] : [b, a];
      if (worse.rank - better.rank === 2) {
        const split = compiled.categories.find((c) => c.rank === better.rank + 1);
        if (split) return { kind: "grade", category: split };
      }
      const example = compiled.categories.find((c) => c.rank === 1)?.code ?? "";
      const why = a === b ? "names the same grade twice" : "splits grades that are not next to each other";
      return { kind: "unrecognised", message: `"${shown}" ${why}; a split grade joins two adjacent grades, such as "${example}".` };
    }
  }
  const list = compiled.categories.map((c) => c.code).join(", ");
  return { kind: "unrecognised", message: `"${shown}" is not a grade on the ${compiled.scale.name} scale (${list}).` };
}
