import { badInput } from "../../../platform/errors/index.js";
import { calendarDate, daysFrom } from "../../../platform/time/index.js";
import { dueDateOf, startDay } from "../schedule/due-dates.js";
import { roundHalfUp } from "../schedule/rate.js";

/** What is still unpaid on one installment (or, in a result, what a payment covered of it). */
export interface InstallmentAmounts {
  number: number;
  lateFeeMinor: bigint;
  interestMinor: bigint;
  principalMinor: bigint;
}

export interface PaymentAllocation {
  /** Installments the payment reached, oldest first, with what it covered of each. */
  applied: InstallmentAmounts[];
  /** What is left once everything owed is covered: a prepayment of principal beyond the due installments. */
  overpaymentMinor: bigint;
}

const PARTS = ["lateFeeMinor", "interestMinor", "principalMinor"] as const;

/**
 * Spreads a payment over what is owed (`owed`: the unpaid remainders of the installments due,
 * oldest first), by kind before age: every late fee first, then every installment's interest, then
 * principal, each kind oldest installment first. A partial payment stops wherever it runs out;
 * whatever is left over is the overpayment. The amount applied plus the overpayment is exactly
 * the payment. A payment of zero or less is BAD_USER_INPUT on "amount".
 */
export function allocatePayment(amountMinor: bigint, owed: readonly InstallmentAmounts[]): PaymentAllocation {
  if (amountMinor <= 0n) throw badInput("a payment must be more than zero", { field: "amount" });
  checkInstallments(owed);
  const applied = owed.map((o) => ({ number: o.number, lateFeeMinor: 0n, interestMinor: 0n, principalMinor: 0n }));
  let left = amountMinor;
  for (const part of PARTS) {
    for (let i = 0; i < owed.length && left > 0n; i++) {
      const covered = minOf(left, owed[i]![part]);
      applied[i]![part] = covered;
      left -= covered;
    }
  }
  return {
    applied: applied.filter((a) => a.lateFeeMinor + a.interestMinor + a.principalMinor > 0n),
    overpaymentMinor: left,
  };
}

export interface PayoffQuote {
  principalMinor: bigint;
  /** Unpaid interest of installments due by the date, plus what the current period has accrued. */
  interestMinor: bigint;
  lateFeeMinor: bigint;
  totalMinor: bigint;
}

/**
 * What settles the loan on `date`: all unpaid principal and late fees, the unpaid interest of every
 * installment due on or before `date`, and the interest accrued in the period running on `date`.
 * Accrual is actual days: installment k's period runs from dueDate(start, k − 1) (the start for
 * k = 1) to its due date, and by `date` it has accrued its unpaid interest × days elapsed / days in
 * the period, rounded half-up. Interest of later periods is not owed. `unpaid` lists every
 * installment with anything unpaid (remainders), in ascending number.
 */
export function payoffQuote(date: string, startDate: string, unpaid: readonly InstallmentAmounts[]): PayoffQuote {
  const day = startDay(calendarDate(date, "date"));
  const start = startDay(startDate);
  checkInstallments(unpaid);
  let [principalMinor, interestMinor, lateFeeMinor] = [0n, 0n, 0n];
  for (const installment of unpaid) {
    principalMinor += installment.principalMinor;
    lateFeeMinor += installment.lateFeeMinor;
    const periodStart = dueDateOf(start, installment.number - 1);
    const periodDays = BigInt(daysFrom(periodStart, dueDateOf(start, installment.number)));
    const elapsed = BigInt(Math.max(0, daysFrom(periodStart, day)));
    interestMinor += elapsed >= periodDays ? installment.interestMinor : roundHalfUp(installment.interestMinor * elapsed, periodDays);
  }
  return { principalMinor, interestMinor, lateFeeMinor, totalMinor: principalMinor + interestMinor + lateFeeMinor };
}

function checkInstallments(installments: readonly InstallmentAmounts[]): void {
  installments.forEach((installment, i) => {
    if (!Number.isInteger(installment.number) || installment.number < 1 || (i > 0 && installment.number <= installments[i - 1]!.number)) {
      throw new RangeError("installments must be listed once each, in ascending number");
    }
    if (PARTS.some((part) => installment[part] < 0n)) throw new RangeError(`installment ${installment.number} owes a negative amount`);
  });
}

const minOf = (a: bigint, b: bigint) => (a < b ? a : b);
