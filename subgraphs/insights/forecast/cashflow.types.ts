export type ScheduledSource = "SCHEDULE" | "BILL" | "LOAN_INSTALLMENT";

export interface ForecastAccount {
  accountId: string;
  name: string;
  currency: string;
  /** The balance at the end of today, in minor units of `currency`. */
  balanceMinor: bigint;
  /**
   * False for accounts that are below zero by nature (a credit card, a loan): their days below
   * zero are projected but never warned about. Warned about when absent.
   */
  warnBelowZero?: boolean;
}

/** One dated occurrence of a schedule, a bill or a loan installment (expanded by the caller); negative goes out. */
export interface ScheduledFlow {
  accountId: string;
  date: string;
  amountMinor: bigint;
  source: ScheduledSource;
  label: string;
}

/**
 * A dated flow known only by its currency (a loan installment whose payments name no account
 * still open): counted in that currency's total, never in an account's balance. Negative goes out.
 */
export interface CurrencyFlow {
  currency: string;
  date: string;
  amountMinor: bigint;
  source: ScheduledSource;
  label: string;
}

/** What an account usually spends, beyond its schedules, on one weekday (negative goes out). */
export interface WeekdayAverage {
  accountId: string;
  /**
   * Numbered as date-fns' getDay and JavaScript's Date: 0 = Sunday, 1 = Monday .. 6 = Saturday (not
   * ISO's 1..7); the question parser's firstDayOfWeek counts the same way.
   */
  weekday: number;
  averageMinor: bigint;
}

export interface CashflowInput {
  /** The user's own day; the projection starts the day after. */
  today: string;
  /** 1..365 */
  days: number;
  accounts: readonly ForecastAccount[];
  scheduled: readonly ScheduledFlow[];
  discretionary: readonly WeekdayAverage[];
  /** Flows in the totals only; none when absent. */
  unassigned?: readonly CurrencyFlow[];
}

/** A day's closing balance and what moved it, so each figure can be traced. */
export interface ProjectedDay {
  date: string;
  balanceMinor: bigint;
  scheduledMinor: bigint;
  discretionaryMinor: bigint;
}

export interface LowestBalance {
  date: string;
  balanceMinor: bigint;
}

export interface AccountProjection {
  accountId: string;
  name: string;
  currency: string;
  startingBalanceMinor: bigint;
  series: ProjectedDay[];
  /** The lowest closing balance in the series; the earliest day when several are as low. */
  lowest: LowestBalance;
  /** The scheduled flows the series counts, by date then as given. */
  flows: ScheduledFlow[];
}

/**
 * The accounts of one currency added up, with the currency's unassigned flows; amounts in
 * different currencies are never added together.
 */
export interface CurrencyTotal {
  currency: string;
  startingBalanceMinor: bigint;
  series: ProjectedDay[];
  lowest: LowestBalance;
  /** The unassigned flows the series counts (in its scheduled amounts), by date then as given. */
  unassigned: CurrencyFlow[];
}

export interface DateSpan {
  from: string;
  to: string;
}

/** An account projected below zero: when it first goes, how low, and every day it stays there. */
export interface BelowZeroWarning {
  accountId: string;
  name: string;
  currency: string;
  firstDate: string;
  lowest: LowestBalance;
  daysBelowZero: number;
  /** The runs of consecutive days below zero, in order; their days add up to daysBelowZero. */
  periods: DateSpan[];
}

export interface CashflowProjection {
  /** today + 1 */
  from: string;
  /** today + days */
  to: string;
  accounts: AccountProjection[];
  /** One per currency of an account or of an unassigned flow in the window, in currency order. */
  totals: CurrencyTotal[];
  /** By first day below zero, then in the accounts' order. */
  warnings: BelowZeroWarning[];
}

export const MAX_FORECAST_DAYS = 365;
