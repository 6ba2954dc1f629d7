import type { DataSource, EntityManager } from "typeorm";

import type { BelowZeroWarning } from "./index.js";

/**
 * The below-zero warnings already announced, one per (account, first day below zero), so the daily
 * pass announces each once however often it runs and however many instances run it.
 */
export class ForecastWarningStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the warning; false when it was recorded before (or by a concurrent pass, which then announces it). */
  async claim(manager: EntityManager, userId: string, w: BelowZeroWarning, now: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO insights.forecast_warnings (account_id, first_date, user_id, lowest_balance_minor, lowest_date, announced_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id, first_date) DO NOTHING RETURNING account_id`,
      [w.accountId, w.firstDate, userId, w.lowest.balanceMinor.toString(), w.lowest.date, now],
    );
    return rows.length > 0;
  }

  /**
   * A page of users worth projecting, by id after `after`: those with a schedule, or with a
   * transaction dated on or after `since`.
   */
  async usersToProject(since: string, after: string | null, limit: number): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.dataSource.query(
      `SELECT user_id FROM (
         SELECT user_id FROM insights.schedules
         UNION
         SELECT user_id FROM insights.transactions WHERE date >= $1
       ) u WHERE ($2::uuid IS NULL OR user_id > $2::uuid) ORDER BY user_id LIMIT $3`,
      [since, after, limit],
    );
    return rows.map((r) => r.user_id);
  }

  /** Warnings whose first day is before `day` can never be projected again (projections start tomorrow). */
  async forgetBefore(day: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM insights.forecast_warnings WHERE first_date < $1`, [day]);
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.forecast_warnings WHERE user_id = $1`, [userId]);
  }
}
