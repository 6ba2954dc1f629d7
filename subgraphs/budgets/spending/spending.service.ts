import type { DataSource, EntityManager } from "typeorm";
import { badInput } from "../../../platform/errors/index.js";
import type { Money } from "../../../platform/money/index.js";
import { MonthlySpendingEntity } from "./monthly-spending.entity.js";

export interface Expense {
  userId: string;
  date: string;
  amountMinor: bigint;
  currency: string;
}

export class SpendingService {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds money out to its month; income is not spending. Runs inside the caller's (inbox) transaction. */
  async record(manager: EntityManager, expense: Expense): Promise<void> {
    if (expense.amountMinor >= 0n) return;
    await manager.query(
      `INSERT INTO budgets.monthly_spending (user_id, month, currency, spent_minor, transaction_count)
       VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT (user_id, month, currency)
       DO UPDATE SET spent_minor = monthly_spending.spent_minor + EXCLUDED.spent_minor,
                     transaction_count = monthly_spending.transaction_count + 1`,
      [expense.userId, expense.date.slice(0, 7), expense.currency, (-expense.amountMinor).toString()],
    );
  }

  async forMonth(userId: string, month: string): Promise<Money[]> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput("month must be YYYY-MM", { field: "month" });
    const rows = await this.dataSource.getRepository(MonthlySpendingEntity).find({ where: { userId, month }, order: { currency: "ASC" } });
    return rows.map((r) => ({ amountMinor: r.spentMinor, currency: r.currency }));
  }

  /** Account deletion: everything budgets holds about the user. */
  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(MonthlySpendingEntity, { userId });
  }
}
