import type { DataSource, EntityManager } from "typeorm";

import { queryPrepared } from "../../../platform/db/index.js";
import { badInput } from "../../../platform/errors/index.js";
import type { Money } from "../../../platform/money/index.js";
import { SpendingLineEntity } from "./spending-line.entity.js";

/** One transaction's new lines (none: deleted or now a transfer). */
export interface SpendingReplacement {
  userId: string;
  transactionId: string;
  lines: SpendingLineEntity[];
}

interface SpendingLineRow {
  transaction_id: string;
  line: number;
  user_id: string;
  kind: string;
  category_id: string | null;
  date: string;
  amount_minor: string;
  currency: string;
  base_amount_minor: string | null;
}

export class SpendingService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Replaces a transaction's lines with `lines` (none: it was deleted or became a transfer) inside
   * the inbox transaction. Returns the lines it had, so callers know every budget and period the
   * change touched (an edit can move spending between both).
   */
  replace(manager: EntityManager, userId: string, transactionId: string, lines: SpendingLineEntity[]): Promise<SpendingLineEntity[]> {
    return this.replaceMany(manager, [{ userId, transactionId, lines }]);
  }

  /**
   * {@link replace} for many transactions in two statements whatever their number (a consumer's
   * batch): one DELETE returning the lines they had, one INSERT of all their new lines.
   */
  async replaceMany(manager: EntityManager, replacements: readonly SpendingReplacement[]): Promise<SpendingLineEntity[]> {
    if (replacements.length === 0) return [];
    // A SELECT over the DELETE: a plain DELETE ... RETURNING comes back differently per driver.
    const gone: SpendingLineRow[] = await queryPrepared(
      manager,
      `WITH gone AS (
         DELETE FROM budgets.spending_lines s USING unnest($1::uuid[], $2::uuid[]) AS t(user_id, transaction_id)
         WHERE s.user_id = t.user_id AND s.transaction_id = t.transaction_id RETURNING s.*
       )
       SELECT transaction_id, line, user_id, kind, category_id, date::text AS date, amount_minor::text AS amount_minor, currency,
              base_amount_minor::text AS base_amount_minor
       FROM gone ORDER BY transaction_id, line`,
      [replacements.map((r) => r.userId), replacements.map((r) => r.transactionId)],
    );
    const lines = replacements.flatMap((r) => r.lines);
    if (lines.length > 0) {
      // unnest: one statement and a fixed nine parameters however many lines the batch has.
      await queryPrepared(
        manager,
        `INSERT INTO budgets.spending_lines (transaction_id, line, user_id, kind, category_id, date, amount_minor, currency, base_amount_minor)
         SELECT * FROM unnest($1::uuid[], $2::smallint[], $3::uuid[], $4::text[], $5::uuid[], $6::date[], $7::bigint[], $8::char(3)[], $9::bigint[])`,
        [
          lines.map((l) => l.transactionId),
          lines.map((l) => l.line),
          lines.map((l) => l.userId),
          lines.map((l) => l.kind),
          lines.map((l) => l.categoryId),
          lines.map((l) => l.date),
          lines.map((l) => l.amountMinor.toString()),
          lines.map((l) => l.currency),
          lines.map((l) => (l.baseAmountMinor === null ? null : l.baseAmountMinor.toString())),
        ],
      );
    }
    return gone.map((row) =>
      Object.assign(new SpendingLineEntity(), {
        transactionId: row.transaction_id,
        line: row.line,
        userId: row.user_id,
        kind: row.kind,
        categoryId: row.category_id,
        date: row.date,
        amountMinor: BigInt(row.amount_minor),
        currency: row.currency,
        baseAmountMinor: row.base_amount_minor === null ? null : BigInt(row.base_amount_minor),
      }),
    );
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
