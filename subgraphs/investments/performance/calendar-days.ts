import { badInput } from "../../../platform/errors/index.js";

// Day arithmetic for series of thousands of dates: date-fns (platform/time) costs ~20 µs a date,
// this a fraction of one. Same rules: YYYY-MM-DD naming a real calendar day.

const DAY_MS = 86_400_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or BAD_USER_INPUT on `field`. */
export function dayNumber(date: string, field = "date"): number {
  const match = SHAPE.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const utc = new Date(0);
    // setUTCFullYear, unlike Date.UTC, does not read years 0..99 as 1900..1999.
    utc.setUTCFullYear(year, month - 1, day);
    if (utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day) return utc.getTime() / DAY_MS;
  }
  throw badInput(`${field} must be a calendar date written YYYY-MM-DD, got "${date.slice(0, 20)}"`, { field });
}

/** The YYYY-MM-DD date of a day number (years 0001..9999). */
export function dateOfDay(day: number): string {
  const iso = new Date(day * DAY_MS).toISOString();
  return iso.slice(0, 10);
}
