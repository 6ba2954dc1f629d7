import type { Decimal } from "decimal.js";

import { annuityPayment, evenRows, fixedPaymentRows, interestOnlyRows, simpleInterest } from "./amortization.js";
import { startDay } from "./due-dates.js";
import { LOAN_METHODS, type LoanMethod, MAX_TERM_MONTHS, type ScheduledInstallment } from "./loan-terms.js";
import { type Fraction, monthlyRateFraction, timesRounded } from "./rate.js";

export const PREPAYMENT_STRATEGIES = ["REDUCE_TERM", "REDUCE_PAYMENT"] as const;
export type PrepaymentStrategy = (typeof PREPAYMENT_STRATEGIES)[number];

/** What is left of a loan after a prepayment: the unpaid installments are renumbered from `nextNumber`. */
export interface RemainingLoan {
  /** Principal still owed after the prepayment. */
  balanceMinor: bigint;
  annualRatePercent: Decimal;
  /** The first installment not yet due or paid; the rest of the schedule replaces it and those after it. */
  nextNumber: number;
  /** How many installments the schedule had left (nextNumber..nextNumber + remainingMonths − 1). */
  remainingMonths: number;
  startDate: string;
  method: LoanMethod;
  /** The regular payment until now (the loan's installment amount). */
  currentPaymentMinor: bigint;
}

/**
 * The rest of a schedule after principal was prepaid; installments before `nextNumber` are history
 * and stay as they are. Installment k stays due on dueDate(startDate, k), so dates never shift.
 *
 * REDUCE_PAYMENT keeps the remaining months and lowers the payment: AMORTIZING pays a new annuity
 * on the balance (rate 0: balance / months floored, remainder last), SIMPLE charges simple interest
 * on the balance over the remaining months and spreads both evenly, INTEREST_ONLY pays interest on
 * the lower balance and the balance with the last installment.
 * REDUCE_TERM keeps the payment and ends sooner: each installment pays `currentPaymentMinor`
 * (interest on the balance first, the rest off the principal) until one can settle the balance and
 * its interest, which ends the schedule; the last remaining month pays whatever is left (an
 * INTEREST_ONLY balloon that is not yet repaid). SIMPLE takes the shortest term whose regular
 * payment does not exceed the current one. A payment below the month's interest is raised to it,
 * so the balance never grows.
 *
 * Σ principal of the result is exactly `balanceMinor`, and the last balance is zero; a zero
 * balance has no installments left.
 */
export function rescheduleAfterPrepayment(remaining: RemainingLoan, strategy: PrepaymentStrategy): ScheduledInstallment[] {
  const { balanceMinor, nextNumber, remainingMonths, method, currentPaymentMinor } = remaining;
  if (!PREPAYMENT_STRATEGIES.includes(strategy)) throw new RangeError(`unknown prepayment strategy ${String(strategy)}`);
  if (!LOAN_METHODS.includes(method)) throw new RangeError(`unknown loan method ${String(method)}`);
  if (balanceMinor < 0n || currentPaymentMinor < 0n) throw new RangeError("balance and payment must not be negative");
  const lastNumber = nextNumber + remainingMonths - 1;
  if (!Number.isInteger(nextNumber) || !Number.isInteger(remainingMonths) || nextNumber < 1 || remainingMonths < 1) {
    throw new RangeError("nextNumber and remainingMonths must be whole numbers from 1");
  }
  if (lastNumber > MAX_TERM_MONTHS) throw new RangeError(`installments end after number ${MAX_TERM_MONTHS}`);
  if (balanceMinor === 0n) return [];
  const rate = monthlyRateFraction(remaining.annualRatePercent);
  const start = startDay(remaining.startDate);

  if (method === "SIMPLE") {
    const months =
      strategy === "REDUCE_PAYMENT" ? remainingMonths : shortestSimpleTerm(balanceMinor, rate, remainingMonths, currentPaymentMinor);
    return evenRows(balanceMinor, simpleInterest(balanceMinor, rate, months), nextNumber, months, start);
  }
  if (strategy === "REDUCE_PAYMENT") {
    if (method === "INTEREST_ONLY") return interestOnlyRows(balanceMinor, rate, nextNumber, remainingMonths, start);
    if (rate.num === 0n) return evenRows(balanceMinor, 0n, nextNumber, remainingMonths, start);
    return fixedPaymentRows(balanceMinor, rate, annuityPayment(balanceMinor, rate, remainingMonths), nextNumber, lastNumber, start);
  }
  const payment = maxOf(currentPaymentMinor, timesRounded(balanceMinor, rate));
  return fixedPaymentRows(balanceMinor, rate, payment, nextNumber, lastNumber, start);
}

/** The fewest months (at most `months`) whose SIMPLE regular payment on `balance` is no more than `payment`. */
function shortestSimpleTerm(balanceMinor: bigint, rate: Fraction, months: number, paymentMinor: bigint): number {
  for (let m = 1; m < months; m++) {
    const regular = balanceMinor / BigInt(m) + simpleInterest(balanceMinor, rate, m) / BigInt(m);
    if (regular <= paymentMinor) return m;
  }
  return months;
}

const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);
