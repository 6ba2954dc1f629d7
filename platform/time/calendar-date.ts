import { UTCDate } from "@date-fns/utc";
import { addDays as addDaysTo } from "date-fns/addDays";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { format } from "date-fns/format";
import { getDaysInMonth } from "date-fns/getDaysInMonth";

import { badInput } from "../errors/errors.js";

/**
 * Calendar dates ('YYYY-MM-DD') for every subgraph's schedules and periods. Each is held as a
 * UTCDate at midnight, so date-fns reads and writes UTC fields and the host's time zone (and the
 * days it skips, such as 1994-12-31 in Kiritimati) can never move a date.
 */
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

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
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const validMonth = year >= MIN_YEAR && month >= 1 && month <= 12;
  if (!validMonth || day < 1 || day > getDaysInMonth(utcCalendarDate(year, month - 1, 1))) {
    throw badInput(`${field} is not a calendar date: ${String(value)}`, { field });
  }
  return utcCalendarDate(year, month - 1, day);
}

export function formatCalendarDate(date: UTCDate): string {
  return format(date, "yyyy-MM-dd");
}

export function shiftDays(date: UTCDate, days: number): UTCDate {
  return addDaysTo(date, days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFrom(from: UTCDate, to: UTCDate): number {
  return differenceInCalendarDays(to, from);
}

export function inFourDigitYears(date: UTCDate): boolean {
  const year = date.getFullYear();
  // Also false for NaN, from a shift beyond what Date can hold.
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** `date` moved by a whole number of days (negative for earlier), e.g. for "3 days before a bill". */
export function addDays(date: string, days: number): string {
  const start = parseCalendarDate(date, "date");
  if (!Number.isSafeInteger(days)) throw badInput("days must be a whole number", { field: "days" });
  const result = shiftDays(start, days);
  if (!inFourDigitYears(result)) throw badInput("days moves the date outside the years 0001..9999", { field: "days" });
  return formatCalendarDate(result);
}

/** The days money is recorded for: no statement, plan or goal reaches outside, and a typo usually does. */
export const MIN_RECORD_DATE = "1900-01-01";
export const MAX_RECORD_DATE = "2100-12-31";

/** A real calendar day 'YYYY-MM-DD' between 1900 and 2100; anything else is BAD_USER_INPUT on `field`. */
export function calendarDate(value: unknown, field = "date"): string {
  parseCalendarDate(value, field);
  // A valid YYYY-MM-DD is already its normal form: formatting it again (date-fns) cost an import
  // of 50,000 rows about half a second.
  const normal = value as string;
  if (normal < MIN_RECORD_DATE || normal > MAX_RECORD_DATE)
    throw badInput(`${field} must be between ${MIN_RECORD_DATE} and ${MAX_RECORD_DATE}`, { field });
  return normal;
}

/** The UTC calendar day of an instant: "today" for domain code that has no user time zone at hand. */
export const utcDay = (instant: Date): string => instant.toISOString().slice(0, 10);

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day of an instant in an IANA time zone (a user's "today"); an unknown zone falls
 * back to UTC rather than failing a read. Formatters are kept per zone: building one is slow.
 */
export function localDay(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    } catch {
      return utcDay(instant);
    }
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}
