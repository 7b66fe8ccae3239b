import { OFSTED_SCALE, compileScale, parseGrade } from "../../src/domain";
import { Row } from "./fixtures";

const GRADE_HEADERS = ["Allocation and workload", "Practice and direct work", "Monitoring and supervision", "Joint working", "Overall conclusion"];
const compiled = compileScale(OFSTED_SCALE);

/** The row with every recognised grade written in its canonical form ("ri" → "RI"). */
export function canonicalGrades(row: Row): Row {
  const out: Row = { ...row };
  for (const header of GRADE_HEADERS) {
    const parsed = parseGrade(row[header], compiled);
    if (parsed.kind === "grade") out[header] = parsed.category.code;
  }
  return out;
}
