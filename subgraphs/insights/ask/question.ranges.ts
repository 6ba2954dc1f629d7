import { daysFrom, MIN_RECORD_DATE, parseCalendarDate } from "../../../platform/time/index.js";
import { earlier, later, partsOf, type PeriodUnit, shiftDays, shiftMonths, unitRange } from "./question.dates.js";
import type { FoundPeriod } from "./question.periods.js";
import type { DateRange } from "./question.query.js";

/** A period as it will be run: cut at today; `whole` is what the words named. */
export interface AskedPeriod {
  range: DateRange;
  whole: DateRange;
  unit?: PeriodUnit;
  /** A calendar unit still running ("this year" is Jan 1..today): compared like for like. */
  partial: boolean;
  index: number;
  end: number;
}

/** Every answer is about recorded days that have happened: a period cut at today, or why it has none. */
export function cutAtToday(period: FoundPeriod, today: string): AskedPeriod | "FUTURE" | "TOO_EARLY" {
  if (period.range.from > today) return "FUTURE";
  if (period.range.to < MIN_RECORD_DATE) return "TOO_EARLY";
  const to = earlier(period.range.to, today);
  return {
    range: { from: later(period.range.from, MIN_RECORD_DATE), to },
    whole: period.range,
    ...(period.unit ? { unit: period.unit } : {}),
    partial: to < period.range.to,
    index: period.index,
    end: period.end,
  };
}

/** A question that names no period asks about this month so far. */
export function thisMonthSoFar(today: string): AskedPeriod {
  const whole = unitRange("month", today, 1);
  return { range: { from: whole.from, to: today }, whole, unit: "month", partial: whole.to > today, index: -1, end: -1 };
}

/** Periods that touch or overlap ("March and April") are one range; others are not one question. */
export function oneRange(periods: readonly AskedPeriod[]): DateRange | null {
  const sorted = [...periods].sort((a, b) => (a.range.from < b.range.from ? -1 : 1));
  const from = sorted[0]!.range.from;
  let to = sorted[0]!.range.to;
  for (const { range } of sorted.slice(1)) {
    if (range.from > shiftDays(to, 1)) return null;
    to = later(to, range.to);
  }
  return { from, to };
}

/**
 * What a one-period comparison compares with: the unit before it ("this month" → last month), or
 * as many days just before it ("the last 30 days" → the 30 before those); null before the first
 * recorded day.
 */
export function periodBefore(period: AskedPeriod, firstDayOfWeek: number): AskedPeriod | null {
  if (period.range.from <= MIN_RECORD_DATE) return null;
  if (period.unit) {
    const whole = unitRange(period.unit, shiftDays(period.whole.from, -1), firstDayOfWeek);
    const range = { from: later(whole.from, MIN_RECORD_DATE), to: whole.to };
    return { range, whole, unit: period.unit, partial: false, index: -1, end: -1 };
  }
  const to = shiftDays(period.range.from, -1);
  const range = { from: later(shiftDays(to, 1 - daysIn(period.range)), MIN_RECORD_DATE), to };
  return { range, whole: range, partial: false, index: -1, end: -1 };
}

/**
 * "This year vs last year" asked on Nov 15 compares Jan 1..Nov 15 of each year, not ten and a half
 * months with twelve: when one side is a unit still running and the other a whole unit of the same
 * kind before it, the other is cut to the same point ("this month" to the 30th vs February ends
 * Feb 28; Feb 29 a year back is Feb 28).
 */
export function likeForLike(a: AskedPeriod, b: AskedPeriod): [DateRange, DateRange] {
  const cut = (running: AskedPeriod, whole: AskedPeriod): DateRange => {
    if (!running.unit || whole.unit !== running.unit || whole.partial || whole.range.from >= running.whole.from) return whole.range;
    const same =
      running.unit === "week"
        ? shiftDays(running.range.to, daysBetween(running.whole.from, whole.range.from))
        : shiftMonths(running.range.to, monthsBetween(running.whole.from, whole.range.from));
    return { from: whole.range.from, to: earlier(same, whole.range.to) };
  };
  if (a.partial && !b.partial) return [a.range, cut(a, b)];
  if (b.partial && !a.partial) return [cut(b, a), b.range];
  return [a.range, b.range];
}

function monthsBetween(from: string, to: string): number {
  const a = partsOf(from);
  const b = partsOf(to);
  return 12 * (b.year - a.year) + (b.month - a.month);
}

function daysBetween(from: string, to: string): number {
  return daysFrom(parseCalendarDate(from, "from"), parseCalendarDate(to, "to"));
}

const daysIn = (range: DateRange): number => daysBetween(range.from, range.to) + 1;
