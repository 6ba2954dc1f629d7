import type { UTCDate } from "@date-fns/utc";
import type { Day } from "date-fns";
import { startOfWeek } from "date-fns/startOfWeek";

import { badInput } from "../../../platform/errors/index.js";
import {
  daysFrom,
  formatCalendarDate,
  inFourDigitYears,
  parseCalendarDate,
  shiftDays,
  utcCalendarDate,
} from "../../../platform/time/calendar-date.js";
import { assertLimit, assertPeriodKind, assertPeriodPrefs, type PeriodKind, type PeriodPrefs } from "./period-inputs.js";

export type { PeriodKind, PeriodPrefs } from "./period-inputs.js";

export interface Period {
  start: string;
  /** Inclusive last day. */
  end: string;
  days: number;
}

export const DEFAULT_PERIOD_LIMIT = 1000;

const MONTHS_PER_PERIOD = { MONTHLY: 1, QUARTERLY: 3, YEARLY: 12 } as const;

/** The period of `kind` that `date` falls in. */
export function periodContaining(kind: PeriodKind, date: string, prefs: PeriodPrefs): Period {
  assertPeriodKind(kind);
  assertPeriodPrefs(prefs);
  return periodFrom(kind, startContaining(kind, parseCalendarDate(date, "date"), prefs), prefs, "date");
}

/** The period straight after `period`, which must itself be a period of `kind` under `prefs`. */
export function nextPeriod(kind: PeriodKind, period: Period, prefs: PeriodPrefs): Period {
  const start = alignedStart(kind, period, prefs);
  return periodFrom(kind, startAfter(kind, start, prefs), prefs, "period");
}

/** The period straight before `period`, which must itself be a period of `kind` under `prefs`. */
export function previousPeriod(kind: PeriodKind, period: Period, prefs: PeriodPrefs): Period {
  const start = alignedStart(kind, period, prefs);
  return periodFrom(kind, startContaining(kind, shiftDays(start, -1), prefs), prefs, "period");
}

/**
 * Every period overlapping [fromDate, toDate], ascending and contiguous. More than `limit` of them
 * is refused rather than truncated: a caller chaining rollover through a cut-short list would carry
 * the wrong amounts without knowing.
 */
export function periodsBetween(
  kind: PeriodKind,
  fromDate: string,
  toDate: string,
  prefs: PeriodPrefs,
  limit: number = DEFAULT_PERIOD_LIMIT,
): Period[] {
  assertPeriodKind(kind);
  assertPeriodPrefs(prefs);
  assertLimit(limit);
  const from = parseCalendarDate(fromDate, "from");
  const to = parseCalendarDate(toDate, "to");
  if (daysFrom(from, to) < 0) throw badInput("to must not be before from", { field: "to" });
  const found: Period[] = [];
  let start = startContaining(kind, from, prefs);
  for (;;) {
    const period = periodFrom(kind, start, prefs, "from");
    if (found.length === limit) {
      throw badInput(`more than ${limit} ${kind} periods lie between from and to`, { field: "limit" });
    }
    found.push(period);
    if (period.end >= toDate) return found;
    start = startAfter(kind, start, prefs);
  }
}

function startContaining(kind: PeriodKind, date: UTCDate, prefs: PeriodPrefs): UTCDate {
  if (kind === "WEEKLY") {
    // date-fns counts weekdays from Sunday = 0; ISO Sunday is 7.
    return startOfWeek(date, { weekStartsOn: (prefs.firstDayOfWeek % 7) as Day });
  }
  // Months are numbered year * 12 + month so quarters and years align with a single floor.
  const beforeStartDay = date.getDate() < prefs.monthStartDay ? 1 : 0;
  const month = date.getFullYear() * 12 + date.getMonth() - beforeStartDay;
  const step = MONTHS_PER_PERIOD[kind];
  return startOfMonthNumber(Math.floor(month / step) * step, prefs);
}

function startAfter(kind: PeriodKind, start: UTCDate, prefs: PeriodPrefs): UTCDate {
  if (kind === "WEEKLY") return shiftDays(start, 7);
  const month = start.getFullYear() * 12 + start.getMonth();
  return startOfMonthNumber(month + MONTHS_PER_PERIOD[kind], prefs);
}

function startOfMonthNumber(month: number, prefs: PeriodPrefs): UTCDate {
  return utcCalendarDate(Math.floor(month / 12), month % 12, prefs.monthStartDay);
}

function periodFrom(kind: PeriodKind, start: UTCDate, prefs: PeriodPrefs, field: string): Period {
  const end = shiftDays(startAfter(kind, start, prefs), -1);
  if (!inFourDigitYears(start) || !inFourDigitYears(end)) {
    throw badInput(`${field} needs a ${kind} period outside the years 0001..9999`, { field });
  }
  return { start: formatCalendarDate(start), end: formatCalendarDate(end), days: daysFrom(start, end) + 1 };
}

/** The start of `period`, once it is known to be exactly a period of `kind` under `prefs`. */
function alignedStart(kind: PeriodKind, period: Period, prefs: PeriodPrefs): UTCDate {
  assertPeriodKind(kind);
  assertPeriodPrefs(prefs);
  const start = parseCalendarDate(period.start, "period.start");
  parseCalendarDate(period.end, "period.end");
  const expected = periodFrom(kind, startContaining(kind, start, prefs), prefs, "period");
  // Refused, not realigned: a mismatch usually means the preferences changed since the period was
  // stored, and guessing which alignment the caller meant would hide that.
  if (expected.start !== period.start || expected.end !== period.end || expected.days !== period.days) {
    throw badInput(`period ${period.start}..${period.end} is not a ${kind} period for these preferences`, {
      field: "period",
    });
  }
  return start;
}
