import { Decimal } from "decimal.js";

import { formatAmount, money } from "../../../platform/money/index.js";
import { addDays } from "../../../platform/time/index.js";
import type { BudgetOverrun } from "../budgets/budget-overrun.store.js";
import type { Recommendation } from "./recommendation.js";

/** Months of spending an emergency fund should cover. */
export const EMERGENCY_FUND_MONTHS = 3n;
/** A borrowed loan at this annual rate or more is worth prepaying from spare cash. */
export const HIGH_INTEREST_PERCENT = "7";
/** Cash in checking beyond this many months of spending is idle. */
export const IDLE_CASH_MONTHS = 2n;
/** Exceeded budget periods in a row that make a streak. */
export const OVERRUN_STREAK = 3;

export interface SubscriptionIncrease {
  merchant: string;
  fromMinor: bigint;
  toMinor: bigint;
  date: string;
  /** What the increase costs over a year at the series' cadence. */
  yearlyIncreaseMinor: bigint;
}

export interface OpenLoan {
  loanId: string;
  name: string;
  outstandingMinor: bigint;
  annualRatePercent: string;
}

export interface RecommendationInput {
  currency: string;
  /** Average monthly spending over the recent full months (0 without history). */
  monthlySpendingMinor: bigint;
  /** Months the average covers: no advice from less than 3. */
  monthsOfHistory: number;
  /** Checking, savings and cash accounts together (base currency). */
  liquidMinor: bigint;
  /** Checking accounts only. */
  checkingMinor: bigint;
  overruns: readonly BudgetOverrun[];
  increases: readonly SubscriptionIncrease[];
  /** Borrowed loans still open, in the base currency. */
  loans: readonly OpenLoan[];
}

/**
 * Rule-based advice, each with the figures that justify it. Pure: the service gathers the inputs
 * from the read models and drops what the user dismissed.
 */
export function recommend(input: RecommendationInput): Recommendation[] {
  const fmt = (minor: bigint) => `${formatAmount(money(minor, input.currency))} ${input.currency}`;
  const out: Recommendation[] = [];

  for (const streak of overrunStreaks(input.overruns)) {
    const last = streak.at(-1)!;
    out.push({
      key: `budget-streak:${last.budgetId}:${last.periodStart}`,
      kind: "BUDGET_OVERRUN_STREAK",
      title: `A budget was exceeded ${streak.length} periods in a row`,
      explanation:
        "Spending went over this budget period after period: raise the budget to what you really spend, or cut back in its categories.",
      figures: streak.map((o) => ({
        label: `${o.periodStart} to ${o.periodEnd}`,
        value: `${fmt(o.spentMinor)} spent of ${fmt(o.spentMinor + o.availableMinor)}`,
      })),
    });
  }

  for (const inc of input.increases) {
    out.push({
      key: `subscription-increase:${inc.merchant}:${inc.date}`,
      kind: "SUBSCRIPTION_PRICE_INCREASE",
      title: `${inc.merchant} costs more since ${inc.date}`,
      explanation: "A subscription's price went up: check it is still worth it, or look for a cheaper plan.",
      figures: [
        { label: "before", value: fmt(inc.fromMinor) },
        { label: "now", value: fmt(inc.toMinor) },
        { label: "more a year", value: fmt(inc.yearlyIncreaseMinor) },
      ],
    });
  }

  if (input.monthsOfHistory < 3 || input.monthlySpendingMinor <= 0n) return out;
  const target = input.monthlySpendingMinor * EMERGENCY_FUND_MONTHS;
  if (input.liquidMinor < target) {
    out.push({
      key: "emergency-fund",
      kind: "EMERGENCY_FUND_LOW",
      title: "Your emergency fund covers less than 3 months of spending",
      explanation: "Cash you can reach quickly should cover about three months of your usual spending.",
      figures: [
        { label: "cash in checking, savings and cash accounts", value: fmt(input.liquidMinor) },
        { label: "average monthly spending", value: fmt(input.monthlySpendingMinor) },
        { label: "3 months of spending", value: fmt(target) },
        { label: "short by", value: fmt(target - input.liquidMinor) },
      ],
    });
  }

  const spare = input.liquidMinor - target;
  for (const loan of input.loans) {
    if (spare <= 0n || loan.outstandingMinor <= 0n || new Decimal(loan.annualRatePercent).lt(HIGH_INTEREST_PERCENT)) continue;
    const prepay = spare < loan.outstandingMinor ? spare : loan.outstandingMinor;
    const saved = BigInt(
      new Decimal(prepay.toString()).mul(loan.annualRatePercent).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0),
    );
    out.push({
      key: `prepay:${loan.loanId}`,
      kind: "HIGH_INTEREST_LOAN",
      title: `Prepaying ${loan.name} would save interest`,
      explanation: `The loan costs ${loan.annualRatePercent} % a year, more than savings earn; cash beyond three months of spending could pay part of it off.`,
      figures: [
        { label: "outstanding", value: fmt(loan.outstandingMinor) },
        { label: "annual rate", value: `${loan.annualRatePercent} %` },
        { label: "cash beyond the emergency fund", value: fmt(spare) },
        { label: "interest saved in a year by prepaying that", value: fmt(saved) },
      ],
    });
  }

  const idleLimit = input.monthlySpendingMinor * IDLE_CASH_MONTHS;
  if (input.checkingMinor > idleLimit) {
    out.push({
      key: "idle-cash",
      kind: "IDLE_CASH",
      title: "Cash is sitting idle in checking",
      explanation: "Checking holds more than two months of spending; the rest could earn interest in savings or an investment.",
      figures: [
        { label: "in checking", value: fmt(input.checkingMinor) },
        { label: "two months of spending", value: fmt(idleLimit) },
        { label: "could move", value: fmt(input.checkingMinor - idleLimit) },
      ],
    });
  }
  return out;
}

/** Runs of at least OVERRUN_STREAK exceeded periods of one budget, each period starting the day after the last ended; the latest run per budget. */
export function overrunStreaks(overruns: readonly BudgetOverrun[]): BudgetOverrun[][] {
  const byBudget = new Map<string, BudgetOverrun[]>();
  for (const o of overruns) byBudget.set(o.budgetId, [...(byBudget.get(o.budgetId) ?? []), o]);
  const streaks: BudgetOverrun[][] = [];
  for (const periods of byBudget.values()) {
    periods.sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    let run: BudgetOverrun[] = [];
    let latest: BudgetOverrun[] = [];
    for (const p of periods) {
      run = run.length > 0 && addDays(run.at(-1)!.periodEnd, 1) === p.periodStart ? [...run, p] : [p];
      if (run.length >= OVERRUN_STREAK) latest = run;
    }
    if (latest.length > 0) streaks.push(latest);
  }
  return streaks;
}
