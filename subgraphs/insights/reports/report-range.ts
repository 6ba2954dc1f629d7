import { badInput } from "../../../platform/errors/index.js";
import { addDays, calendarDate } from "../../../platform/time/index.js";

/** The longest range one report covers. */
export const MAX_REPORT_YEARS = 10;

/** `day` moved by whole years; 29 February becomes 28 February in a year without one. */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dd = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

/**
 * A client's report range: both YYYY-MM-DD calendar days, `from` not after `to`, and at most ten
 * years of days (2016-01-15 to 2026-01-14 is the longest range starting 2016-01-15).
 */
export function checkedReportRange(from: string, to: string): { from: string; to: string } {
  const start = calendarDate(from, "from");
  const end = calendarDate(to, "to");
  if (start > end) throw badInput("from must not be after to", { field: "from" });
  if (end > addDays(addYears(start, MAX_REPORT_YEARS), -1))
    throw badInput(`a report covers at most ${MAX_REPORT_YEARS} years`, { field: "to" });
  return { from: start, to: end };
}

/** The calendar month before the one `day` falls in, as its first and last day and YYYY-MM. */
export function previousMonth(day: string): { month: string; from: string; to: string } {
  const to = addDays(`${day.slice(0, 7)}-01`, -1);
  return { month: to.slice(0, 7), from: `${to.slice(0, 7)}-01`, to };
}
