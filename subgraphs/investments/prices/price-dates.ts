import { badInput } from "../../../platform/errors/index.js";
import { calendarDate, localDay } from "../../../platform/time/index.js";

/**
 * The newest calendar day anywhere on earth right now (UTC+14). Investments knows no user time
 * zone, and a close typed in Sydney in the morning is dated a day UTC has not reached yet; a day
 * after this one is in the future for everyone.
 */
export function latestDayAnywhere(now: Date): string {
  return localDay(now, "Pacific/Kiritimati");
}

/** A price or rate day: a real date from 1900 on and not in the future. */
export function marketDate(value: unknown, field: string, latest: string): string {
  const date = calendarDate(value, field);
  if (date > latest) throw badInput(`${field} is in the future`, { field });
  return date;
}

/** A day range for reads: both real dates, `from` not after `to`, at most `maxDays` apart. */
export function dateRange(from: unknown, to: unknown, maxDays: number): { from: string; to: string } {
  const range = { from: calendarDate(from, "from"), to: calendarDate(to, "to") };
  if (range.from > range.to) throw badInput("from must not be after to", { field: "from" });
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
  if (days > maxDays) throw badInput(`a range spans at most ${maxDays} days`, { field: "to" });
  return range;
}
