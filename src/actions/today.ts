import { IsoDate } from "../domain";

/**
 * Today's date on the user's own clock, as the core's dates are: a calendar date with no time zone, so a visit
 * recorded late in the evening is not "tomorrow" anywhere. The core never reads the clock; actions pass this in.
 */
export function todayIso(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
