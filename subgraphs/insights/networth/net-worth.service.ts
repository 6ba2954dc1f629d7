import type { DataSource } from "typeorm";

import type { AccountStore, InsightAccount } from "../accounts/account.store.js";
import type { LoanStore } from "../loans/loan.store.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import { type NetWorthPoint, netWorthSeries } from "./net-worth.js";

/**
 * Net worth on given days: every account's balance (its opening balance from its opening date,
 * then each posting on it, transfers' two sides included) and every loan's outstanding principal
 * (lent: an asset; borrowed: a debt), all in the base currency. Accounts and loans in another
 * currency are not converted here: they are left out and counted.
 */
export class NetWorthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: UserSettingsStore,
    private readonly accounts: AccountStore,
    private readonly loans: LoanStore,
  ) {}

  /** Each account's balance at the end of `day`, in its own currency (accounts not yet opened: left out). */
  async accountBalances(userId: string, day: string): Promise<Array<InsightAccount & { balanceMinor: bigint }>> {
    const accounts = await this.accounts.list(userId);
    const postings = await this.dailyPostings(userId, day);
    const sums = new Map<string, bigint>();
    for (const p of postings) sums.set(p.accountId, (sums.get(p.accountId) ?? 0n) + p.amountMinor);
    return accounts
      .filter((a) => a.openingDate <= day)
      .map((a) => ({ ...a, balanceMinor: a.openingBalanceMinor + (sums.get(a.id) ?? 0n) }));
  }

  async onDays(userId: string, days: readonly string[]): Promise<{ currency: string; points: NetWorthPoint[]; leftOut: number }> {
    const { baseCurrency } = await this.settings.get(userId);
    const last = days.at(-1)!;
    const accounts = await this.accounts.list(userId);
    const postings = await this.dailyPostings(userId, last);
    const loans = await this.loans.history(userId, last);
    const points = netWorthSeries({
      days,
      currency: baseCurrency,
      accounts,
      postings,
      loans,
    });
    const leftOut =
      accounts.filter((a) => a.currency !== baseCurrency).length +
      new Set(loans.filter((l) => l.currency !== baseCurrency).map((l) => l.loanId)).size;
    return { currency: baseCurrency, points, leftOut };
  }

  /** Daily sums per account up to `last`, oldest first: a few thousand rows even for years of history, walked in memory. */
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
    return rows.map((p) => ({ accountId: p.account_id, date: p.date, amountMinor: BigInt(p.total) }));
  }
}
