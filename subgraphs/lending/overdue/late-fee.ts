import type { Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";
import { addDays, calendarDate, daysFrom, parseCalendarDate } from "../../../platform/time/index.js";
import { assertPercent, MAX_RATE_DECIMALS, RateDecimal, roundHalfUp } from "../schedule/rate.js";

export type LateFeeRule = { kind: "FLAT"; amountMinor: bigint } | { kind: "PERCENT"; percent: Decimal };

/** Grace is a few days or weeks in practice; a year keeps a typo from silencing overdue loans. */
export const MAX_GRACE_DAYS = 365;

/**
 * The fee charged once when an installment becomes overdue: a flat amount, or `percent` of the
 * overdue installment's amount rounded half-up to the minor unit. A negative flat fee or a percent
 * outside 0..100 (at most six decimals) is BAD_USER_INPUT on "lateFee".
 */
export function lateFee(rule: LateFeeRule, overdueInstallmentMinor: bigint): bigint {
  if (overdueInstallmentMinor < 0n) throw new RangeError("an overdue installment cannot be negative");
  if (rule.kind === "FLAT") {
    if (rule.amountMinor < 0n) throw badInput("a late fee cannot be negative", { field: "lateFee" });
    return rule.amountMinor;
  }
  assertPercent(rule.percent, "lateFee");
  const scale = 10n ** BigInt(MAX_RATE_DECIMALS);
  const scaledPercent = BigInt(new RateDecimal(rule.percent).times(scale.toString()).toFixed(0));
  return roundHalfUp(overdueInstallmentMinor * scaledPercent, 100n * scale);
}

/**
 * An installment is overdue once `graceDays` full days have passed after its due date unpaid: due
 * on the 10th with 3 days' grace, it is overdue from the 14th. `graceDays` outside 0..365 is
 * BAD_USER_INPUT on "graceDays".
 */
export function isOverdue(dueDate: string, graceDays: number, today: string): boolean {
  checkGraceDays(graceDays);
  return daysFrom(parseCalendarDate(dueDate, "dueDate"), parseCalendarDate(today, "today")) > graceDays;
}

/** The first day an installment due on `dueDate` is overdue: what a daily job can select on. */
export function firstOverdueDay(dueDate: string, graceDays: number): string {
  checkGraceDays(graceDays);
  return addDays(calendarDate(dueDate, "dueDate"), graceDays + 1);
}

function checkGraceDays(graceDays: number): void {
  if (!Number.isInteger(graceDays) || graceDays < 0 || graceDays > MAX_GRACE_DAYS) {
    throw badInput(`graceDays must be a whole number of days from 0 to ${MAX_GRACE_DAYS}`, { field: "graceDays" });
  }
}
