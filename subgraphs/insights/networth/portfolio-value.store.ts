import type { DataSource, EntityManager } from "typeorm";

/** A portfolio's value at the end of a day, as investments announced it. */
export interface PortfolioValue {
  portfolioId: string;
  date: string;
  currency: string;
  valueMinor: bigint;
}

/**
 * Investments' portfolio values by day (`investments.portfolio.v1`): each PortfolioUpdated that
 * carries a value sets the portfolio's value for the day it is for, the day's last one winning.
 * Net worth carries the last known value forward.
 */
export class PortfolioValueStore {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, userId: string, value: PortfolioValue): Promise<void> {
    await manager.query(
      `INSERT INTO insights.portfolio_values (portfolio_id, user_id, date, currency, value_minor) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (portfolio_id, date) DO UPDATE SET currency = EXCLUDED.currency, value_minor = EXCLUDED.value_minor
       WHERE insights.portfolio_values.user_id = EXCLUDED.user_id`,
      [value.portfolioId, userId, value.date, value.currency, value.valueMinor.toString()],
    );
  }

  /** Every value of the user's portfolios up to `to`, oldest first (net worth steps through them). */
  async history(userId: string, to: string, manager: EntityManager = this.dataSource.manager): Promise<PortfolioValue[]> {
    const rows: Array<{ portfolio_id: string; date: string; currency: string; value: string }> = await manager.query(
      `SELECT portfolio_id, to_char(date, 'YYYY-MM-DD') AS date, currency, value_minor::text AS value FROM insights.portfolio_values
       WHERE user_id = $1 AND date <= $2 ORDER BY date, portfolio_id`,
      [userId, to],
    );
    return rows.map((r) => ({ portfolioId: r.portfolio_id, date: r.date, currency: r.currency.trim(), valueMinor: BigInt(r.value) }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.portfolio_values WHERE user_id = $1`, [userId]);
  }
}
