import { getDay } from "date-fns/getDay";

import { badInput } from "../../../platform/errors/index.js";
import { addDays, calendarDate, parseCalendarDate } from "../../../platform/time/index.js";
import type { WeekdayAverage } from "./cashflow.types.js";

/** A past expense as the averages read it: negative goes out, a refund (positive) nets against it. */
export interface SpentItem {
  accountId: string;
  date: string;
  amountMinor: bigint;
}

/** An average with the figures behind it: `totalMinor` over `days` days of that weekday, from `items` items. */
export interface WeekdayAverageDetail extends WeekdayAverage {
  totalMinor: bigint;
  items: number;
  days: number;
}

export interface AverageOptions<T> {
  /** Whole weeks looked back over, 1..104; 12 when absent. */
  weeks?: number;
  /** Items a schedule, bill or installment already accounts for, so the projection does not count them twice. */
  isScheduled?: (item: T) => boolean;
}

export const DEFAULT_AVERAGE_WEEKS = 12;
export const MAX_AVERAGE_WEEKS = 104;

/**
 * Average discretionary spending per weekday and account over the `weeks` whole weeks before today
 * (today itself is not over, so it is left out): each weekday occurs exactly `weeks` times in that
 * window, and a weekday with nothing spent counts as zero. The average is the window's total for
 * that weekday divided by `weeks` in exact integer arithmetic, rounded half away from zero as
 * platform/money rounds conversions (-1500.5 → -1501). Seven entries (Sunday = 0 .. Saturday = 6)
 * for each account with an item in the window, by account id.
 */
export function averageByWeekday<T extends SpentItem>(
  history: readonly T[],
  today: string,
  options: AverageOptions<T> = {},
): WeekdayAverageDetail[] {
  const day = calendarDate(today, "today");
  const weeks = options.weeks ?? DEFAULT_AVERAGE_WEEKS;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_AVERAGE_WEEKS) {
    throw badInput(`weeks must be a whole number from 1 to ${MAX_AVERAGE_WEEKS}`, { field: "weeks" });
  }
  const from = addDays(day, -7 * weeks);
  const sums = new Map<string, Array<{ total: bigint; items: number }>>();
  for (const item of history) {
    const date = parseCalendarDate(item.date, "date");
    if (item.date < from || item.date >= day || options.isScheduled?.(item)) continue;
    const days = sums.get(item.accountId) ?? Array.from({ length: 7 }, () => ({ total: 0n, items: 0 }));
    const weekday = days[getDay(date)]!;
    weekday.total += item.amountMinor;
    weekday.items++;
    sums.set(item.accountId, days);
  }
  return [...sums.keys()].sort().flatMap((accountId) =>
    sums.get(accountId)!.map(({ total, items }, weekday) => ({
      accountId,
      weekday,
      averageMinor: divideHalfAwayFromZero(total, BigInt(weeks)),
      totalMinor: total,
      items,
      days: weeks,
    })),
  );
}

/** `amount / by` for a positive `by`, to the nearest integer, halves away from zero. */
export function divideHalfAwayFromZero(amount: bigint, by: bigint): bigint {
  const quotient = amount / by;
  const remainder = amount % by;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  if (twice < by) return quotient;
  return amount < 0n ? quotient - 1n : quotient + 1n;
}
