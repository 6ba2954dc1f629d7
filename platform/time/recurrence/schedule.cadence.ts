import type { UTCDate } from "@date-fns/utc";
import { addDays } from "date-fns/addDays";
import { addMonths } from "date-fns/addMonths";
import { differenceInCalendarDays } from "date-fns/differenceInCalendarDays";
import { differenceInCalendarMonths } from "date-fns/differenceInCalendarMonths";
import { getDate } from "date-fns/getDate";
import { getDaysInMonth } from "date-fns/getDaysInMonth";
import { isBefore } from "date-fns/isBefore";
import { setDate } from "date-fns/setDate";
import { startOfMonth } from "date-fns/startOfMonth";

import type { ScheduleRule } from "./schedule.rule.js";

/**
 * Occurrence n is computed from the schedule's anchor, never from occurrence n - 1: a day clamped
 * to a short month (31 → Feb 28) must not carry into the following months.
 */
export interface Cadence {
  occurrence(n: number): UTCDate;
  /** The smallest n whose occurrence is on or after `date`, found without walking from the start. */
  firstIndexOnOrAfter(date: UTCDate): number;
}

export function cadenceFor(rule: ScheduleRule, start: UTCDate): Cadence {
  switch (rule.frequency) {
    case "DAILY":
      return everyNDays(start, rule.interval);
    case "WEEKLY":
      return everyNDays(start, 7 * rule.interval);
    case "MONTHLY":
      return everyNMonths(start, rule.interval, rule.dayOfMonth ?? getDate(start));
    case "YEARLY":
      // A year is 12 months on the start's day, so Feb 29 clamps to Feb 28 and returns in leap years.
      return everyNMonths(start, 12 * rule.interval, getDate(start));
  }
}

function everyNDays(start: UTCDate, step: number): Cadence {
  return {
    occurrence: (n) => addDays(start, n * step),
    firstIndexOnOrAfter: (date) => Math.max(0, Math.ceil(differenceInCalendarDays(date, start) / step)),
  };
}

function everyNMonths(start: UTCDate, step: number, dayOfMonth: number): Cadence {
  const onDay = (month: UTCDate) => setDate(month, Math.min(dayOfMonth, getDaysInMonth(month)));
  const startMonth = startOfMonth(start);
  // A dayOfMonth before the start's day has already passed in the start's month.
  const firstMonth = isBefore(onDay(startMonth), start) ? addMonths(startMonth, 1) : startMonth;
  const occurrence = (n: number) => onDay(addMonths(firstMonth, n * step));
  return {
    occurrence,
    firstIndexOnOrAfter(date) {
      const n = Math.max(0, Math.ceil(differenceInCalendarMonths(date, firstMonth) / step));
      // Only when occurrence n shares date's month can it fall before date; n + 1 is a step later.
      return isBefore(occurrence(n), date) ? n + 1 : n;
    },
  };
}
