// Moved to src/presentation/wording.ts, the one home of the sentences every output shares; kept for old imports.
export { JUDGEMENTS_LINE } from "../presentation/wording";
