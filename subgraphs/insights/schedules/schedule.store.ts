import type { DataSource, EntityManager } from "typeorm";

import type { ScheduleRule } from "../../../platform/time/recurrence/index.js";
import type { ScheduleSnapshotV1 } from "../../../schema/events/ledger.js";

export interface InsightSchedule {
  id: string;
  accountId: string;
  categoryId: string | null;
  amountMinor: bigint;
  currency: string;
  payee: string;
  rule: ScheduleRule;
}

/** The ledger's recurring transactions as they now stand (`ledger.schedule.v1`): the cash-flow projection expands them. */
export class ScheduleStore {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(manager: EntityManager, s: ScheduleSnapshotV1): Promise<void> {
    await manager.query(
      `INSERT INTO insights.schedules (id, user_id, account_id, category_id, amount_minor, currency, payee, frequency, interval, day_of_month, start_date, end_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET account_id = EXCLUDED.account_id, category_id = EXCLUDED.category_id, amount_minor = EXCLUDED.amount_minor,
         currency = EXCLUDED.currency, payee = EXCLUDED.payee, frequency = EXCLUDED.frequency, interval = EXCLUDED.interval,
         day_of_month = EXCLUDED.day_of_month, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date
       WHERE insights.schedules.user_id = EXCLUDED.user_id`,
      [
        s.scheduleId,
        s.userId,
        s.accountId,
        s.categoryId,
        s.amountMinor,
        s.currency,
        s.payee,
        s.frequency,
        s.interval,
        s.dayOfMonth,
        s.startDate,
        s.endDate,
      ],
    );
  }

  async remove(manager: EntityManager, userId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM insights.schedules WHERE user_id = $1 AND id = $2`, [userId, id]);
  }

  async list(userId: string, manager: EntityManager = this.dataSource.manager): Promise<InsightSchedule[]> {
    const rows: Array<Record<string, string | number | null>> = await manager.query(
      `SELECT id, account_id, category_id, amount_minor::text AS amount, currency, payee, frequency, interval, day_of_month,
              to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date
       FROM insights.schedules WHERE user_id = $1 ORDER BY payee, id`,
      [userId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      accountId: String(r.account_id),
      categoryId: r.category_id === null ? null : String(r.category_id),
      amountMinor: BigInt(String(r.amount)),
      currency: String(r.currency).trim(),
      payee: String(r.payee),
      rule: {
        frequency: r.frequency as ScheduleRule["frequency"],
        interval: Number(r.interval),
        dayOfMonth: r.day_of_month === null ? null : Number(r.day_of_month),
        startDate: String(r.start_date),
        endDate: r.end_date === null ? null : String(r.end_date),
      },
    }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.schedules WHERE user_id = $1`, [userId]);
  }
}
