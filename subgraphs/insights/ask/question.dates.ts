import { addMonths } from "date-fns/addMonths";
import { endOfMonth } from "date-fns/endOfMonth";
import { getDay } from "date-fns/getDay";

import {
  addDays,
  formatCalendarDate,
  MAX_RECORD_DATE,
  MIN_RECORD_DATE,
  parseCalendarDate,
  utcCalendarDate,
} from "../../../platform/time/index.js";
import type { DateRange } from "./question.query.js";

/** The calendar units a question names as a whole ("last month", "Q1", "2025"). */
export type PeriodUnit = "week" | "month" | "quarter" | "year";

/** The years a question may name: the days money is recorded for. */
export const FIRST_YEAR = Number(MIN_RECORD_DATE.slice(0, 4));
export const LAST_YEAR = Number(MAX_RECORD_DATE.slice(0, 4));

export interface YearMonthDay {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

export function partsOf(date: string): YearMonthDay {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function isoDate(year: number, month: number, day: number): string {
  return formatCalendarDate(utcCalendarDate(year, month - 1, day));
}

/** A real calendar day, or null: "2025-02-30" is a typo to report, not a date to roll over. */
export function existingDate(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  return day <= daysInMonth(year, month) ? isoDate(year, month, day) : null;
}

export function daysInMonth(year: number, month: number): number {
  return endOfMonth(utcCalendarDate(year, month - 1, 1)).getDate();
}

/** `n` months later (earlier when negative); a day past the target month's end falls on its last day. */
export function shiftMonths(date: string, n: number): string {
  return formatCalendarDate(addMonths(parseCalendarDate(date, "date"), n));
}

export const shiftDays = addDays;

/** 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(date: string): number {
  return getDay(parseCalendarDate(date, "date"));
}

export function monthRange(year: number, month: number): DateRange {
  return { from: isoDate(year, month, 1), to: isoDate(year, month, daysInMonth(year, month)) };
}

export function quarterRange(year: number, quarter: number): DateRange {
  const first = 3 * (quarter - 1) + 1;
  return { from: isoDate(year, first, 1), to: monthRange(year, first + 2).to };
}

export function yearRange(year: number): DateRange {
  return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31) };
}

export function weekRange(date: string, firstDayOfWeek: number): DateRange {
  const from = shiftDays(date, -((weekdayOf(date) - firstDayOfWeek + 7) % 7));
  return { from, to: shiftDays(from, 6) };
}

/** The whole `unit` that holds `date`. */
export function unitRange(unit: PeriodUnit, date: string, firstDayOfWeek: number): DateRange {
  const { year, month } = partsOf(date);
  switch (unit) {
    case "week":
      return weekRange(date, firstDayOfWeek);
    case "month":
      return monthRange(year, month);
    case "quarter":
      return quarterRange(year, Math.ceil(month / 3));
    case "year":
      return yearRange(year);
  }
}

/** The same day `n` units away, clamped to the end of a shorter month (Feb 29 → Feb 28). */
export function shiftUnits(date: string, unit: PeriodUnit, n: number): string {
  switch (unit) {
    case "week":
      return shiftDays(date, 7 * n);
    case "month":
      return shiftMonths(date, n);
    case "quarter":
      return shiftMonths(date, 3 * n);
    case "year":
      return shiftMonths(date, 12 * n);
  }
}

export const earlier = (a: string, b: string): string => (a <= b ? a : b);
export const later = (a: string, b: string): string => (a >= b ? a : b);
