import * as React from "react";
import { CompiledScale, readableTextColour } from "../domain";

/** Black or white, whichever has the higher WCAG contrast on the fill. */
export function readableText(fill: string): "#000000" | "#FFFFFF" {
  return `#${readableTextColour(fill)}`;
}

/** Fill and text colour for a cell headed by this grade code; none when it is not on the scale. */
export function gradeCellStyle(code: string | null, compiled: CompiledScale): React.CSSProperties | undefined {
  const category = code ? compiled.byCode.get(code) : undefined;
  if (!category || !/^[0-9a-f]{6}$/i.test(category.colour)) return undefined;
  return { backgroundColor: `#${category.colour}`, color: readableText(category.colour) };
}

/** "RI – Requires Improvement", or the code alone when the label adds nothing. */
export function gradeOptionText(code: string, label: string): string {
  return code === label ? code : `${code} – ${label}`;
}
