import type { DataSource } from "typeorm";

import type { AccountStore } from "../accounts/account.store.js";
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

  async onDays(userId: string, days: readonly string[]): Promise<{ currency: string; points: NetWorthPoint[]; leftOut: number }> {
    const { baseCurrency } = await this.settings.get(userId);
    const last = days.at(-1)!;
    const accounts = await this.accounts.list(userId);
    // Daily sums per account: a few thousand rows even for years of history, walked in memory.
    const postings: Array<{ account_id: string; date: string; total: string }> = await this.dataSource.query(
      `SELECT account_id, to_char(date, 'YYYY-MM-DD') AS date, sum(amount)::text AS total FROM (
         SELECT account_id, date, amount_minor AS amount FROM insights.transactions WHERE user_id = $1 AND date <= $2
         UNION ALL
         SELECT counter_account_id, date, counter_amount_minor FROM insights.transactions
         WHERE user_id = $1 AND date <= $2 AND counter_account_id IS NOT NULL
       ) p GROUP BY account_id, date ORDER BY date`,
      [userId, last],
    );
    const loans = await this.loans.history(userId, last);
    const points = netWorthSeries({
      days,
      currency: baseCurrency,
      accounts,
      postings: postings.map((p) => ({ accountId: p.account_id, date: p.date, amountMinor: BigInt(p.total) })),
      loans,
    });
    const leftOut =
      accounts.filter((a) => a.currency !== baseCurrency).length +
      new Set(loans.filter((l) => l.currency !== baseCurrency).map((l) => l.loanId)).size;
    return { currency: baseCurrency, points, leftOut };
  }
}
