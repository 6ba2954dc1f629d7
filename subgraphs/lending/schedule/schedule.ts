import { badInput } from "../../../platform/errors/index.js";
import { annuityPayment, evenRows, fixedPaymentRows, interestOnlyRows, simpleInterest } from "./amortization.js";
import { startDay } from "./due-dates.js";
import { checkTerms, type LoanTerms, MAX_MINOR, type ScheduledInstallment, sumOf } from "./loan-terms.js";
import { monthlyRateFraction, timesRounded } from "./rate.js";

export { LOAN_METHODS, type LoanMethod, type LoanTerms, MAX_TERM_MONTHS, type ScheduledInstallment } from "./loan-terms.js";

/**
 * How a schedule is computed, worded for API descriptions. All amounts are integer minor units;
 * r = annual rate / 100 / 12 is kept as an exact fraction, and each figure is rounded once, half-up.
 */
export const SCHEDULE_CONVENTION =
  "AMORTIZING: the payment is the annuity P·r/(1−(1+r)^−n) with r = annual rate/12, rounded half-up to the minor unit; " +
  "each period's interest is the balance × r rounded half-up; principal = payment − interest; the last payment absorbs " +
  "the residual so the balance ends at exactly zero. At rate 0 the payment is principal/n rounded down, with the remainder " +
  "on the last installment. An AMORTIZING loan whose rounded payment would repay it before the last installment is refused: " +
  "choose a shorter term. SIMPLE: total interest P × annual rate × n/12, rounded half-up once; principal and interest are " +
  "each repaid in n equal parts rounded down, remainders on the last installment. INTEREST_ONLY: each installment pays the " +
  "balance × r rounded half-up; the last also repays the whole principal. Installment k is due k months after the start date, " +
  "on the same day of the month or the last day of a shorter month.";

/**
 * The regular payment: every installment but the last pays exactly this (the last absorbs the
 * residual, the remainders or, for INTEREST_ONLY, the principal). Same checks as `buildSchedule`.
 */
export function installmentAmount(terms: LoanTerms): bigint {
  const { principalMinor, annualRatePercent, termMonths, method } = checkTerms(terms);
  const rate = monthlyRateFraction(annualRatePercent);
  const months = BigInt(termMonths);
  if (method === "INTEREST_ONLY") return timesRounded(principalMinor, rate);
  if (method === "SIMPLE") return principalMinor / months + simpleInterest(principalMinor, rate, termMonths) / months;
  return annuityPayment(principalMinor, rate, termMonths);
}

/**
 * The installments 1..termMonths of a loan, following SCHEDULE_CONVENTION:
 *
 * AMORTIZING — the payment is the annuity P·r/(1−(1+r)^−n) with r = annual/12, rounded half-up to
 * the minor unit; each period's interest is the balance × r rounded half-up; principal = payment −
 * interest; the last payment absorbs the residual so the balance ends at exactly zero. Rate 0 →
 * principal/n (floored) with the remainder on the last installment.
 * SIMPLE — total interest P × annual × n/12 rounded half-up once; principal and interest each in n
 * equal floored parts, the remainders on the last installment.
 * INTEREST_ONLY — balance × r (half-up) every month; the whole principal with the last installment.
 *
 * BAD_USER_INPUT names the field: principal (not above zero, or a schedule beyond 2^63 − 1 minor
 * units), annualRatePercent, termMonths (outside 1..600, or an AMORTIZING term so long, or a
 * principal so small, that the rounded payment would repay the loan before its last installment),
 * startDate (not a date in 1900..2100), method.
 */
export function buildSchedule(terms: LoanTerms): ScheduledInstallment[] {
  const { principalMinor, annualRatePercent, termMonths, startDate, method } = checkTerms(terms);
  const rate = monthlyRateFraction(annualRatePercent);
  const start = startDay(startDate);
  let rows: ScheduledInstallment[];
  if (method === "INTEREST_ONLY") {
    rows = interestOnlyRows(principalMinor, rate, 1, termMonths, start);
  } else if (method === "SIMPLE" || rate.num === 0n) {
    const interest = method === "SIMPLE" ? simpleInterest(principalMinor, rate, termMonths) : 0n;
    rows = evenRows(principalMinor, interest, 1, termMonths, start);
  } else {
    rows = fixedPaymentRows(principalMinor, rate, annuityPayment(principalMinor, rate, termMonths), 1, termMonths, start);
    if (rows.length < termMonths) {
      // Each rounding of the payment compounds over the term; past a point the loan is repaid early
      // and the promised term (and "every payment but the last is equal") would be false.
      throw badInput(
        `at this rate a ${termMonths}-month schedule would repay the principal by installment ${rows.length} once payments are rounded to the minor unit; choose a shorter term`,
        { field: "termMonths" },
      );
    }
  }
  if (sumOf(rows, "paymentMinor") > MAX_MINOR) throw badInput("principal is too large for this rate and term", { field: "principal" });
  return rows;
}

/** Σ interest of a schedule (or of what is left of one). */
export function totalInterest(rows: readonly ScheduledInstallment[]): bigint {
  return sumOf(rows, "interestMinor");
}
