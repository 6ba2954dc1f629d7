import type { DataSource, EntityManager } from "typeorm";

import type { BudgetAlertV1 } from "../../../schema/events/budgets.js";

export interface BudgetOverrun {
  budgetId: string;
  periodStart: string;
  periodEnd: string;
  spentMinor: bigint;
  availableMinor: bigint;
  currency: string;
}

/** The budget periods budgets announced as exceeded (`budgets.alert.v1`, level CRITICAL), once per period. */
export class BudgetOverrunStore {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, alert: BudgetAlertV1): Promise<void> {
    await manager.query(
      `INSERT INTO insights.budget_overruns (user_id, budget_id, period_start, period_end, spent_minor, available_minor, currency)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (budget_id, period_start) DO UPDATE SET spent_minor = EXCLUDED.spent_minor, available_minor = EXCLUDED.available_minor`,
      [alert.userId, alert.budgetId, alert.periodStart, alert.periodEnd, alert.spentMinor, alert.availableMinor, alert.currency],
    );
  }

  /** Every overrun of the user's budgets, by budget then period. */
  async list(userId: string, manager: EntityManager = this.dataSource.manager): Promise<BudgetOverrun[]> {
    const rows: Array<Record<string, string>> = await manager.query(
      `SELECT budget_id, to_char(period_start, 'YYYY-MM-DD') AS start, to_char(period_end, 'YYYY-MM-DD') AS "end",
              spent_minor::text AS spent, available_minor::text AS available, currency
       FROM insights.budget_overruns WHERE user_id = $1 ORDER BY budget_id, period_start`,
      [userId],
    );
    return rows.map((r) => ({
      budgetId: r.budget_id!,
      periodStart: r.start!,
      periodEnd: r.end!,
      spentMinor: BigInt(r.spent!),
      availableMinor: BigInt(r.available!),
      currency: r.currency!.trim(),
    }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.budget_overruns WHERE user_id = $1`, [userId]);
  }
}
