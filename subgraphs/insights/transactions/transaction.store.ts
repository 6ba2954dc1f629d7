import type { DataSource, EntityManager } from "typeorm";

import { queryPrepared } from "../../../platform/db/index.js";
import type { InsightLine, InsightTransaction } from "./insight-transaction.js";

const COLUMNS = `id, user_id, kind, account_id, to_char(date, 'YYYY-MM-DD') AS date, payee, merchant_key, notes, category_id,
  amount_minor::text AS amount, currency, base_amount_minor::text AS base_amount, counter_account_id, counter_amount_minor::text AS counter_amount`;

type Row = Record<string, string | null> & { category_id: string | null; counter_account_id: string | null };

const fromRow = (r: Row): InsightTransaction => ({
  id: r.id!,
  userId: r.user_id!,
  kind: r.kind as InsightTransaction["kind"],
  accountId: r.account_id!,
  date: r.date!,
  payee: r.payee!,
  merchantKey: r.merchant_key!,
  notes: r.notes!,
  categoryId: r.category_id,
  amountMinor: BigInt(r.amount!),
  currency: r.currency!.trim(),
  baseAmountMinor: r.base_amount === null ? null : BigInt(r.base_amount!),
  counterAccountId: r.counter_account_id,
  counterAmountMinor: r.counter_amount === null ? null : BigInt(r.counter_amount!),
});

/** One transaction's new row and lines (null: deleted). */
export interface TransactionReplacement {
  userId: string;
  id: string;
  now: { transaction: InsightTransaction; lines: InsightLine[] } | null;
}

/**
 * Each ledger transaction and its lines as the ledger last described it. Every event carries the
 * whole transaction, so applying one is "replace it"; the previous state is returned so learners
 * can forget what they learnt from it.
 */
export class TransactionStore {
  constructor(private readonly dataSource: DataSource) {}

  async replace(
    manager: EntityManager,
    userId: string,
    id: string,
    now: { transaction: InsightTransaction; lines: InsightLine[] } | null,
  ): Promise<InsightTransaction | null> {
    return (await this.replaceMany(manager, [{ userId, id, now }])).get(id) ?? null;
  }

  /**
   * {@link replace} for many transactions in three statements whatever their number (a consumer's
   * batch): one DELETE of their lines and rows returning the rows they had (by id; none for a new
   * one), one INSERT of their new rows, one of their new lines. Each id at most once.
   */
  async replaceMany(manager: EntityManager, replacements: readonly TransactionReplacement[]): Promise<Map<string, InsightTransaction>> {
    if (replacements.length === 0) return new Map();
    // A SELECT over the DELETEs: a plain DELETE ... RETURNING comes back differently per driver. A
    // transaction's lines are written and removed with it, so its lines go with its row.
    const gone: Row[] = await queryPrepared(
      manager,
      `WITH keys AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS k(user_id, id)),
       gone_lines AS (DELETE FROM insights.lines l USING keys WHERE l.user_id = keys.user_id AND l.transaction_id = keys.id),
       gone AS (DELETE FROM insights.transactions t USING keys WHERE t.user_id = keys.user_id AND t.id = keys.id RETURNING t.*)
       SELECT ${COLUMNS} FROM gone`,
      [replacements.map((r) => r.userId), replacements.map((r) => r.id)],
    );
    const rows = replacements.flatMap((r) => (r.now ? [r.now.transaction] : []));
    if (rows.length > 0) {
      // unnest: one statement and a fixed fourteen parameters however many rows there are.
      await queryPrepared(
        manager,
        `INSERT INTO insights.transactions (id, user_id, kind, account_id, date, payee, merchant_key, notes, category_id, amount_minor, currency,
           base_amount_minor, counter_account_id, counter_amount_minor)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::date[], $6::text[], $7::text[], $8::text[], $9::uuid[],
           $10::bigint[], $11::text[], $12::bigint[], $13::uuid[], $14::bigint[])`,
        [
          rows.map((t) => t.id),
          rows.map((t) => t.userId),
          rows.map((t) => t.kind),
          rows.map((t) => t.accountId),
          rows.map((t) => t.date),
          rows.map((t) => t.payee),
          rows.map((t) => t.merchantKey),
          rows.map((t) => t.notes),
          rows.map((t) => t.categoryId),
          rows.map((t) => t.amountMinor.toString()),
          rows.map((t) => t.currency),
          rows.map((t) => t.baseAmountMinor?.toString() ?? null),
          rows.map((t) => t.counterAccountId),
          rows.map((t) => t.counterAmountMinor?.toString() ?? null),
        ],
      );
    }
    const l = replacements.flatMap((r) => r.now?.lines ?? []);
    if (l.length > 0) {
      await queryPrepared(
        manager,
        `INSERT INTO insights.lines (transaction_id, line, user_id, kind, date, category_id, merchant_key, base_amount_minor)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::date[], $6::uuid[], $7::text[], $8::bigint[])`,
        [
          l.map((x) => x.transactionId),
          l.map((x) => x.line),
          l.map((x) => x.userId),
          l.map((x) => x.kind),
          l.map((x) => x.date),
          l.map((x) => x.categoryId),
          l.map((x) => x.merchantKey),
          l.map((x) => x.baseAmountMinor?.toString() ?? null),
        ],
      );
    }
    return new Map(gone.map((r) => [r.id!, fromRow(r)]));
  }

  /** A merged or deleted category's lines and transactions move to its target (null: uncategorised). */
  async moveCategory(manager: EntityManager, userId: string, from: string, to: string | null): Promise<void> {
    await manager.query(`UPDATE insights.lines SET category_id = $3 WHERE user_id = $1 AND category_id = $2`, [userId, from, to]);
    await manager.query(`UPDATE insights.transactions SET category_id = $3 WHERE user_id = $1 AND category_id = $2`, [userId, from, to]);
  }

  /** The user's incomes and expenses (transfers are no spending) in [from, to], oldest first. */
  async between(userId: string, from: string, to: string, manager: EntityManager = this.dataSource.manager): Promise<InsightTransaction[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM insights.transactions WHERE user_id = $1 AND date BETWEEN $2 AND $3 AND kind <> 'TRANSFER' ORDER BY date, id`,
      [userId, from, to],
    );
    return rows.map(fromRow);
  }

  /**
   * The payees the user has paid or been paid by, as recorded, most frequent first: what a question's
   * "at amazon" is matched against. Transfers name no payee; payees that normalize to nothing are left out.
   */
  async frequentPayees(userId: string, limit: number, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ payee: string }> = await manager.query(
      `SELECT payee FROM insights.transactions WHERE user_id = $1 AND kind <> 'TRANSFER' AND merchant_key <> ''
       GROUP BY payee ORDER BY count(*) DESC, payee LIMIT $2`,
      [userId, limit],
    );
    return rows.map((r) => r.payee);
  }

  async get(userId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<InsightTransaction | null> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM insights.transactions WHERE id = $1 AND user_id = $2`, [id, userId]);
    return rows[0] ? fromRow(rows[0]) : null;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.lines WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM insights.transactions WHERE user_id = $1`, [userId]);
  }
}
