import type { DataSource, EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import type { Money } from "../../../platform/money/index.js";
import { SpendingLineEntity } from "./spending-line.entity.js";

export class SpendingService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Replaces a transaction's lines with `lines` (none: it was deleted or became a transfer) inside
   * the inbox transaction. Returns the lines it had, so callers know every budget and period the
   * change touched (an edit can move spending between both).
   */
  async replace(manager: EntityManager, userId: string, transactionId: string, lines: SpendingLineEntity[]): Promise<SpendingLineEntity[]> {
    const before = await manager.find(SpendingLineEntity, { where: { transactionId, userId } });
    if (before.length > 0) await manager.delete(SpendingLineEntity, { transactionId, userId });
    if (lines.length > 0) await manager.insert(SpendingLineEntity, lines);
    return before;
  }

  /** A merged or deleted category's lines move to its target (null: uncategorised). */
  async moveCategory(manager: EntityManager, userId: string, from: string, to: string | null): Promise<void> {
    await manager.update(SpendingLineEntity, { userId, categoryId: from }, { categoryId: to });
  }

  /** Money out in a calendar month (YYYY-MM), per currency, as the transactions were written. */
  async forMonth(userId: string, month: string): Promise<Money[]> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput("month must be YYYY-MM", { field: "month" });
    const rows: Array<{ currency: string; spent: string }> = await this.dataSource.query(
      `SELECT currency, (-sum(amount_minor))::text AS spent FROM budgets.spending_lines
       WHERE user_id = $1 AND kind = 'EXPENSE' AND date >= $2::date AND date < ($2::date + interval '1 month')
       GROUP BY currency ORDER BY currency`,
      [userId, `${month}-01`],
    );
    return rows.map((r) => ({ amountMinor: BigInt(r.spent), currency: r.currency }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(SpendingLineEntity, { userId });
  }
}
