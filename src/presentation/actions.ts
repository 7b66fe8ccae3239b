import { Rag } from "../domain";

/** How RAG is shown (issue 11 §2): the same colours on the sheet, in the pane and in reports; always with the word. */
export const RAG_COLOURS: Record<Rag, { fill: string; fontColour: string }> = {
  Red: { fill: "C00000", fontColour: "FFFFFF" },
  Amber: { fill: "FFC000", fontColour: "000000" },
  Green: { fill: "70AD47", fontColour: "000000" },
  Complete: { fill: "A6A6A6", fontColour: "000000" },
};

/** Column headings for actions by RAG, as the summary shows them (counts only, never action text or owners). */
export const ACTION_SUMMARY_HEADINGS = ["Actions", "Red", "Amber", "Green", "Complete", "Overdue"] as const;

