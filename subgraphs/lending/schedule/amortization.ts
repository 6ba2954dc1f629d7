import type { UTCDate } from "@date-fns/utc";

import { dueDateOf, isoDay } from "./due-dates.js";
import type { ScheduledInstallment } from "./loan-terms.js";
import { type Fraction, roundHalfUp, timesRounded } from "./rate.js";

// The row builders every method and reschedule shares. Amounts are bigint minor units and the rate
// an exact fraction, so each figure is rounded exactly once, where the convention says.

/**
 * The annuity payment P·r / (1 − (1 + r)^−n), rounded half-up. With r = a/b it is
 * P·a·(a+b)^n / (b·((a+b)^n − b^n)): integers only, exact before the one rounding. Rate 0: P / n, floored.
 */
export function annuityPayment(balanceMinor: bigint, rate: Fraction, months: number): bigint {
  if (rate.num === 0n) return balanceMinor / BigInt(months);
  const grown = (rate.den + rate.num) ** BigInt(months);
  const base = rate.den ** BigInt(months);
  return roundHalfUp(balanceMinor * rate.num * grown, rate.den * (grown - base));
}

/** P × r × n, rounded half-up once: simple interest over the whole term. */
export function simpleInterest(principalMinor: bigint, rate: Fraction, months: number): bigint {
  return timesRounded(principalMinor * BigInt(months), rate);
}

/**
 * Installments `first..last` paying `paymentMinor` each: interest (balance × r, half-up) first,
 * the rest off the balance. The installment whose payment would cover the whole balance and its
 * interest pays exactly that and ends the schedule; installment `last` pays whatever is left, so
 * the balance always ends at zero. `paymentMinor` must cover the first month's interest, so the
 * balance never grows.
 */
export function fixedPaymentRows(
  balanceMinor: bigint,
  rate: Fraction,
  paymentMinor: bigint,
  first: number,
  last: number,
  start: UTCDate,
): ScheduledInstallment[] {
  if (paymentMinor < timesRounded(balanceMinor, rate)) throw new RangeError("payment does not cover the interest");
  const rows: ScheduledInstallment[] = [];
  let balance = balanceMinor;
  for (let number = first; number <= last; number++) {
    const interest = timesRounded(balance, rate);
    const settles = number === last || paymentMinor >= balance + interest;
    const principal = settles ? balance : paymentMinor - interest;
    balance -= principal;
    rows.push(row(start, number, principal + interest, interest, principal, balance));
    if (settles) break;
  }
  return rows;
}

/**
 * `count` installments from `first` repaying `principalMinor` and `interestMinor` in equal whole
 * parts, floored; the remainders of both go to the last installment.
 */
export function evenRows(
  principalMinor: bigint,
  interestMinor: bigint,
  first: number,
  count: number,
  start: UTCDate,
): ScheduledInstallment[] {
  const n = BigInt(count);
  const [principalPart, interestPart] = [principalMinor / n, interestMinor / n];
  const rows: ScheduledInstallment[] = [];
  let balance = principalMinor;
  for (let i = 1; i <= count; i++) {
    const last = i === count;
    const principal = last ? balance : principalPart;
    const interest = last ? interestMinor - interestPart * (n - 1n) : interestPart;
    balance -= principal;
    rows.push(row(start, first + i - 1, principal + interest, interest, principal, balance));
  }
  return rows;
}

/** `count` installments from `first` paying balance × r (half-up) each; the last also repays the balance. */
export function interestOnlyRows(
  balanceMinor: bigint,
  rate: Fraction,
  first: number,
  count: number,
  start: UTCDate,
): ScheduledInstallment[] {
  const interest = timesRounded(balanceMinor, rate);
  const rows: ScheduledInstallment[] = [];
  for (let i = 1; i <= count; i++) {
    const principal = i === count ? balanceMinor : 0n;
    rows.push(row(start, first + i - 1, principal + interest, interest, principal, balanceMinor - principal));
  }
  return rows;
}

function row(
  start: UTCDate,
  number: number,
  paymentMinor: bigint,
  interestMinor: bigint,
  principalMinor: bigint,
  balanceMinor: bigint,
): ScheduledInstallment {
  return { number, dueDate: isoDay(dueDateOf(start, number)), paymentMinor, interestMinor, principalMinor, balanceMinor };
}
