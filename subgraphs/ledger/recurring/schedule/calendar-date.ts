import { UTCDate } from "@date-fns/utc";
import { addDays as shiftDays, format, getDaysInMonth } from "date-fns";
import { badInput } from "../../../../platform/errors/index.js";

// Every calendar date is held as a UTCDate at midnight: date-fns then reads and writes UTC fields,
// so the host's time zone (and its skipped days, such as 1994-12-31 in Kiritimati) cannot move it.

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function utcCalendarDate(year: number, monthIndex: number, day: number): UTCDate {
  const date = new UTCDate(0);
  // setFullYear, unlike the Date constructor, does not read years 0..99 as 1900..1999.
  date.setFullYear(year, monthIndex, day);
  return date;
}

/** Parses YYYY-MM-DD (years 0001..9999) or throws BAD_USER_INPUT naming `field`. */
export function parseCalendarDate(value: unknown, field: string): UTCDate {
  const match = typeof value === "string" ? SHAPE.exec(value) : null;
  if (!match) throw badInput(`${field} must be a date written YYYY-MM-DD`, { field });
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const validMonth = year >= MIN_YEAR && month >= 1 && month <= 12;
  if (!validMonth || day < 1 || day > getDaysInMonth(utcCalendarDate(year, month - 1, 1))) {
    throw badInput(`${field} is not a calendar date: ${String(value)}`, { field });
  }
  return utcCalendarDate(year, month - 1, day);
}

export function formatCalendarDate(date: UTCDate): string {
  return format(date, "yyyy-MM-dd");
}

/** `date` moved by a whole number of days (negative for earlier), e.g. for "3 days before a bill". */
export function addDays(date: string, days: number): string {
  const start = parseCalendarDate(date, "date");
  if (!Number.isSafeInteger(days)) throw badInput("days must be a whole number", { field: "days" });
  const result = shiftDays(start, days);
  const year = result.getFullYear();
  // Also catches NaN from a shift beyond what Date can hold.
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw badInput("days moves the date outside the years 0001..9999", { field: "days" });
  }
  return formatCalendarDate(result);
}
