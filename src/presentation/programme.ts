/** Wording of the programme of visits shared by the command line and the pane. */

/** Rows of the input the programme could not count: left out with problems, and drafts. */
export interface NotCounted {
  excluded: number;
  drafts: number;
}

/** Said after a lapsed planned date (domain/programme.ts, planLapsed). */
export const LAPSED = " (passed)";

const many = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

/**
 * The sentence said beside the programme when rows were not counted, else null: a team whose only visit has a problem
 * reads as never visited, and a reader planning visits should know why before booking a first one.
 */
export function notInProgramme(not: NotCounted | undefined): string | null {
  if (!not || not.excluded + not.drafts === 0) return null;
  const parts = [not.excluded ? many(not.excluded, "row left out with problems", "rows left out with problems") : "", not.drafts ? many(not.drafts, "draft", "drafts") : ""].filter(Boolean);
  return `Not in the programme: ${parts.join(" and ")}. A team whose latest visit is among them shows an older visit, or none.`;
}
