import type { DataSource } from "typeorm";

import type { AccountStore, InsightAccount } from "../accounts/account.store.js";
import type { LoanStore } from "../loans/loan.store.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import { type NetWorthPoint, netWorthSeries } from "./net-worth.js";
import type { PortfolioValueStore } from "./portfolio-value.store.js";

/**
 * Net worth on given days: every account's balance (its opening balance from its opening date,
 * then each posting on it, transfers' two sides included), every loan's outstanding principal
 * (lent: an asset; borrowed: a debt) and every portfolio's last known value, all in the base
 * currency. Accounts, loans and portfolios in another currency are not converted here: they are
 * left out and counted. A portfolio's value leaves out the cash a linked ledger account holds
 * (investments values it so), which the account's balance counts: nothing is counted twice.
 */
export class NetWorthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: UserSettingsStore,
    private readonly accounts: AccountStore,
    private readonly loans: LoanStore,
    private readonly portfolios: PortfolioValueStore,
  ) {}

  async onDays(userId: string, days: readonly string[]): Promise<{ currency: string; points: NetWorthPoint[]; leftOut: number }> {
    const { baseCurrency } = await this.settings.get(userId);
    const last = days.at(-1)!;
    const accounts = await this.accounts.list(userId);
    const postings = await this.dailyPostings(userId, last);
    const loans = await this.loans.history(userId, last);
    const investments = await this.portfolios.history(userId, last);
    const points = netWorthSeries({
      days,
      currency: baseCurrency,
      accounts,
      postings,
      loans,
      investments,
    });
    const leftOut =
      accounts.filter((a) => a.currency !== baseCurrency).length +
      new Set(loans.filter((l) => l.currency !== baseCurrency).map((l) => l.loanId)).size +
      new Set(investments.filter((v) => v.currency !== baseCurrency).map((v) => v.portfolioId)).size;
    return { currency: baseCurrency, points, leftOut };
  }

  /**
   * Each account's balance at the end of `day`, in the account's own currency, as the net worth
   * counts it: the opening balance from the opening date, then every posting up to that day.
   */
  async balancesOn(userId: string, day: string): Promise<Array<{ account: InsightAccount; balanceMinor: bigint }>> {
    const accounts = await this.accounts.list(userId);
    const sums = new Map<string, bigint>();
    for (const p of await this.dailyPostings(userId, day)) sums.set(p.accountId, (sums.get(p.accountId) ?? 0n) + p.amountMinor);
    return accounts.map((account) => ({
      account,
      balanceMinor: (account.openingDate <= day ? account.openingBalanceMinor : 0n) + (sums.get(account.id) ?? 0n),
    }));
  }

  /** Daily sums per account up to `last`, ascending by date: a few thousand rows even for years of history. */
  private async dailyPostings(userId: string, last: string): Promise<Array<{ accountId: string; date: string; amountMinor: bigint }>> {
    const rows: Array<{ account_id: string; date: string; total: string }> = await this.dataSource.query(
      `SELECT account_id, to_char(date, 'YYYY-MM-DD') AS date, sum(amount)::text AS total FROM (
         SELECT account_id, date, amount_minor AS amount FROM insights.transactions WHERE user_id = $1 AND date <= $2
         UNION ALL
         SELECT counter_account_id, date, counter_amount_minor FROM insights.transactions
         WHERE user_id = $1 AND date <= $2 AND counter_account_id IS NOT NULL
       ) p GROUP BY account_id, date ORDER BY date`,
      [userId, last],
    );
    return rows.map((r) => ({ accountId: r.account_id, date: r.date, amountMinor: BigInt(r.total) }));
  }
}
