/** The line under each group's heading, as in council reports. */
export const JUDGEMENTS_LINE = "The overall judgements of the diagnostic teams";
