// Moved to src/presentation/wording.ts, the one home of the sentences every output shares; kept for old imports.
export { HEADLINE_RULE, describeBase, groupHeading } from "../presentation/wording";
