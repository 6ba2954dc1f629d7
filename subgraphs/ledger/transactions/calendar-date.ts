import { badInput } from "../../../platform/errors/index.js";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2100-12-31";

/** A real calendar day 'YYYY-MM-DD' between 1900 and 2100; anything else is BAD_USER_INPUT on `field`. */
export function calendarDate(date: string, field = "date"): string {
  const match = ISO_DATE.exec(date);
  const parsed = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : undefined;
  if (!parsed || parsed.toISOString().slice(0, 10) !== date) throw badInput(`${field} must be a calendar date YYYY-MM-DD`, { field });
  if (date < MIN_DATE || date > MAX_DATE) throw badInput(`${field} must be between ${MIN_DATE} and ${MAX_DATE}`, { field });
  return date;
}

/** The UTC calendar day of an instant: the ledger's "today" for schedules and net worth. */
export const utcDay = (instant: Date) => instant.toISOString().slice(0, 10);
