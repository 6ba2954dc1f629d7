import type { InsightAccount } from "../accounts/account.store.js";
import type { LoanBalance } from "../loans/loan.store.js";
import type { PortfolioValue } from "./portfolio-value.store.js";

export interface NetWorthPoint {
  date: string;
  assetsMinor: bigint;
  liabilitiesMinor: bigint;
  netWorthMinor: bigint;
  /** The investments part: the portfolios' values counted (inside assets, or liabilities if below zero). */
  investmentsMinor: bigint;
}

export interface NetWorthInput {
  /** Ascending. */
  days: readonly string[];
  currency: string;
  accounts: readonly InsightAccount[];
  /** Daily sums per account, ascending by date. */
  postings: ReadonlyArray<{ accountId: string; date: string; amountMinor: bigint }>;
  /** Each loan's outstanding principal from each date on, ascending by date. */
  loans: readonly LoanBalance[];
  /** Each portfolio's value from each date on, ascending by date. */
  investments?: readonly PortfolioValue[];
}

/**
 * Net worth at the end of each day, in `currency` only. An account counts from its opening date;
 * a positive balance is an asset and a negative one (a credit card, an overdraft) a liability. A
 * loan lent is an asset, a loan borrowed a liability, at its last known outstanding principal. A
 * portfolio counts at its last known value, from the first day investments announced one.
 */
export function netWorthSeries(input: NetWorthInput): NetWorthPoint[] {
  const accounts = new Map(input.accounts.filter((a) => a.currency === input.currency).map((a) => [a.id, a]));
  const balances = new Map<string, bigint>();
  const loanBalances = new Map<string, LoanBalance>();
  const portfolioValues = new Map<string, PortfolioValue>();
  const investments = input.investments ?? [];
  let p = 0;
  let l = 0;
  let v = 0;
  const points: NetWorthPoint[] = [];
  for (const day of input.days) {
    for (; p < input.postings.length && input.postings[p]!.date <= day; p++) {
      const posting = input.postings[p]!;
      if (accounts.has(posting.accountId)) balances.set(posting.accountId, (balances.get(posting.accountId) ?? 0n) + posting.amountMinor);
    }
    for (; l < input.loans.length && input.loans[l]!.date <= day; l++) loanBalances.set(input.loans[l]!.loanId, input.loans[l]!);
    for (; v < investments.length && investments[v]!.date <= day; v++) portfolioValues.set(investments[v]!.portfolioId, investments[v]!);
    let assets = 0n;
    let liabilities = 0n;
    for (const account of accounts.values()) {
      if (account.openingDate > day) continue;
      const balance = account.openingBalanceMinor + (balances.get(account.id) ?? 0n);
      if (balance >= 0n) assets += balance;
      else liabilities -= balance;
    }
    for (const loan of loanBalances.values()) {
      if (loan.currency !== input.currency) continue;
      if (loan.direction === "LENT") assets += loan.outstandingMinor;
      else liabilities += loan.outstandingMinor;
    }
    let invested = 0n;
    for (const portfolio of portfolioValues.values()) {
      if (portfolio.currency !== input.currency) continue;
      invested += portfolio.valueMinor;
      if (portfolio.valueMinor >= 0n) assets += portfolio.valueMinor;
      else liabilities -= portfolio.valueMinor;
    }
    points.push({
      date: day,
      assetsMinor: assets,
      liabilitiesMinor: liabilities,
      netWorthMinor: assets - liabilities,
      investmentsMinor: invested,
    });
  }
  return points;
}
