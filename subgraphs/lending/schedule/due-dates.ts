import type { UTCDate } from "@date-fns/utc";
import { addMonths } from "date-fns/addMonths";

import { calendarDate, parseCalendarDate } from "../../../platform/time/index.js";
import { MAX_TERM_MONTHS } from "./loan-terms.js";

/**
 * When installment `k` is due: k months after `startDate`, on the start's day of the month or the
 * last day of a shorter month. Always counted from the start, never from the previous due date, so
 * a loan started Jan 31 is due Feb 29 (or 28), Mar 31, Apr 30, … and never drifts to the 29th.
 * k = 0 is the start itself (where the first period begins).
 */
export function dueDate(startDate: string, k: number): string {
  return isoDay(dueDateOf(startDay(startDate), k));
}

/** The start as a date, checked once for callers that need many due dates of one loan. */
export function startDay(startDate: string): UTCDate {
  return parseCalendarDate(calendarDate(startDate, "startDate"), "startDate");
}

export function dueDateOf(start: UTCDate, k: number): UTCDate {
  if (!Number.isSafeInteger(k) || k < 0 || k > MAX_TERM_MONTHS) {
    throw new RangeError(`installment number must be a whole number from 0 to ${MAX_TERM_MONTHS}, got ${k}`);
  }
  // date-fns clamps to the last day of the target month and, counted from the start, keeps the day.
  return addMonths(start, k);
}

/**
 * YYYY-MM-DD of a due date. Written by hand because a 360-row schedule formats 360 dates and
 * date-fns' general `format` was most of its build time; years here are always four digits.
 */
export function isoDay(date: UTCDate): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}
