import type { Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";
import type { Money } from "../../../platform/money/index.js";
import { calendarDate } from "../../../platform/time/index.js";
import type { LateFeeRule } from "../overdue/late-fee.js";
import { parseAnnualRate, parsePercent } from "../schedule/rate.js";
import { buildSchedule, installmentAmount, type LoanTerms, type ScheduledInstallment } from "../schedule/schedule.js";
import type { LoanMethodValue, PrepaymentStrategyValue } from "./loan.entity.js";
import { wholeNumber } from "./loan.errors.js";

export const DEFAULT_REMIND_DAYS_BEFORE = 3;

export interface LoanPlanInput {
  principal: Money;
  annualRatePercent: string;
  /** Required with a schedule, absent without. */
  termMonths?: number | null;
  startDate: string;
  method?: LoanMethodValue | null;
  /** false: an informal loan, interest-free, repaid whenever (no installments, nothing overdue). */
  schedule?: boolean | null;
  graceDays?: number | null;
  remindDaysBefore?: number | null;
  lateFee?: { flat?: Money | null; percent?: string | null } | null;
  prepaymentStrategy?: PrepaymentStrategyValue | null;
}

/** Everything a new loan stores, checked: the terms, its schedule and its rules. */
export interface LoanPlan {
  principal: Money;
  rate: Decimal;
  /** The rate as stored and shown: a plain decimal string. */
  rateText: string;
  startDate: string;
  /** Null without a schedule. */
  terms: LoanTerms | null;
  installments: ScheduledInstallment[];
  installmentMinor: bigint | null;
  graceDays: number;
  remindDaysBefore: number;
  lateFee: LateFeeRule | null;
  prepaymentStrategy: PrepaymentStrategyValue;
}

/**
 * Checks a new loan's input and computes its schedule, before anything is written. Every refusal
 * is BAD_USER_INPUT naming the field (the schedule's own checks name theirs).
 */
export function loanPlan(input: LoanPlanInput): LoanPlan {
  const principal = input.principal;
  if (principal.amountMinor <= 0n) throw badInput("principal must be positive", { field: "principal" });
  const rate = parseAnnualRate(input.annualRatePercent);
  const startDate = calendarDate(input.startDate, "startDate");
  const scheduled = input.schedule ?? true;
  const graceDays = wholeNumber(input.graceDays ?? 0, "graceDays", 0, 365);
  const remindDaysBefore = wholeNumber(input.remindDaysBefore ?? DEFAULT_REMIND_DAYS_BEFORE, "remindDaysBefore", 0, 60);
  const prepaymentStrategy = input.prepaymentStrategy ?? "REDUCE_TERM";
  const base = { principal, rate, rateText: rate.toFixed(), startDate, graceDays, remindDaysBefore, prepaymentStrategy };
  if (!scheduled) {
    if (!rate.isZero()) throw badInput("a loan without a schedule is interest-free: the rate must be 0", { field: "annualRatePercent" });
    if (input.termMonths !== null && input.termMonths !== undefined)
      throw badInput("a loan without a schedule has no term", { field: "termMonths" });
    if (input.method) throw badInput("a loan without a schedule has no method", { field: "method" });
    if (input.lateFee) throw badInput("a loan without a schedule has no due dates, so no late fee", { field: "lateFee" });
    return { ...base, terms: null, installments: [], installmentMinor: null, lateFee: null };
  }
  if (input.termMonths === null || input.termMonths === undefined)
    throw badInput("termMonths is required for a loan with a schedule", { field: "termMonths" });
  const terms: LoanTerms = {
    principalMinor: principal.amountMinor,
    annualRatePercent: rate,
    termMonths: input.termMonths,
    startDate,
    method: input.method ?? "AMORTIZING",
  };
  const installments = buildSchedule(terms);
  return {
    ...base,
    terms,
    installments,
    installmentMinor: installmentAmount(terms),
    lateFee: lateFeeRule(input.lateFee, principal.currency),
  };
}

function lateFeeRule(input: LoanPlanInput["lateFee"], currency: string): LateFeeRule | null {
  if (!input) return null;
  const flat = input.flat ?? null;
  const percent = input.percent ?? null;
  if ((flat === null) === (percent === null)) throw badInput("give the late fee as either flat or percent", { field: "lateFee" });
  if (flat !== null) {
    if (flat.currency !== currency)
      throw badInput(`the late fee is in the loan's currency, ${currency}`, { field: "lateFee.flat.currency" });
    if (flat.amountMinor <= 0n) throw badInput("a flat late fee must be positive", { field: "lateFee.flat" });
    return { kind: "FLAT", amountMinor: flat.amountMinor };
  }
  const value = parsePercent(percent!, "lateFee.percent");
  if (value.isZero()) throw badInput("lateFee.percent must be above 0", { field: "lateFee.percent" });
  return { kind: "PERCENT", percent: value };
}
