import { UTCDate } from "@date-fns/utc";
import { addDays, differenceInCalendarDays, format, getDaysInMonth } from "date-fns";
import { badInput } from "../../../platform/errors/index.js";

// Budgets keep their own copy of these few helpers rather than reaching into the ledger subgraph:
// subgraphs deploy separately and must not share internals.
//
// Every calendar date is held as a UTCDate at midnight, so date-fns reads and writes UTC fields and
// the host's time zone (and any day it skips) cannot move a date.

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
  return addDays(date, days);
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
