import { badInput } from "../../../platform/errors/index.js";
import { addDays, calendarDate } from "../../../platform/time/index.js";

/** An inclusive range of calendar days. */
export interface DateRange {
  from: string;
  to: string;
}

/** The longest range an analytics question may cover: twenty years of days. */
export const MAX_RANGE_DAYS = 366 * 20;

/** Checks a client's range: both real dates (1900–2100), from ≤ to, at most MAX_RANGE_DAYS days. */
export function checkedRange(range: DateRange, field = "range"): DateRange {
  const from = calendarDate(range.from, `${field}.from`);
  const to = calendarDate(range.to, `${field}.to`);
  if (from > to) throw badInput(`${field}.from must not be after ${field}.to`, { field: `${field}.from` });
  if (addDays(from, MAX_RANGE_DAYS) < to) throw badInput(`${field} may span at most ${MAX_RANGE_DAYS} days`, { field });
  return { from, to };
}

/** The range of the same length just before `range` (what "the previous period" means). */
export function previousRange(range: DateRange): DateRange {
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000);
  const to = addDays(range.from, -1);
  return { from: addDays(to, -days), to };
}

/** "YYYY-MM" → its first and last day. */
export function monthRange(month: string, field = "month"): DateRange {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput(`${field} must be YYYY-MM`, { field });
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** Every month from `from` to `to` (YYYY-MM, inclusive), at most `max` of them. */
export function monthsBetween(from: string, to: string, max: number): string[] {
  monthRange(from, "from");
  monthRange(to, "to");
  if (from > to) throw badInput("from must not be after to", { field: "from" });
  const months: string[] = [];
  let [y, m] = from.split("-").map(Number) as [number, number];
  for (let month = from; month <= to;) {
    months.push(month);
    if (months.length > max) throw badInput(`at most ${max} months at a time`, { field: "to" });
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    month = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
  }
  return months;
}
