import type { DataSource, EntityManager } from "typeorm";

import type { InsightTransaction } from "../transactions/insight-transaction.js";
import { features } from "./features.js";
import { type CategorizerModel, fromRows, MANUAL_WEIGHT, RULE_WEIGHT } from "./naive-bayes.js";

/** What a transaction taught the model: kept so an edit or deletion can take exactly that back. */
interface StoredExample {
  categoryId: string;
  tokens: string[];
  weight: number;
}

/**
 * The categorizer's counts per user in PostgreSQL, changed in the consumer's transaction: a
 * training adds the example's counts, an untraining takes the stored example's counts back (so a
 * change of tokenizer never unbalances them), and rows that reach zero go.
 */
export class CategorizerStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Brings the model in line with the transaction as it now is. A transaction teaches only when it
   * is an income or expense with one category; the user's own choice weighs MANUAL_WEIGHT, a
   * category a rule set RULE_WEIGHT.
   */
  async learn(
    manager: EntityManager,
    transactionId: string,
    userId: string,
    now: InsightTransaction | null,
    fromRule: boolean,
  ): Promise<void> {
    const before = await this.example(manager, transactionId, userId);
    const next: StoredExample | null =
      now && now.kind !== "TRANSFER" && now.categoryId
        ? {
            categoryId: now.categoryId,
            tokens: features({ payee: now.payee, notes: now.notes, amountMinor: now.amountMinor }),
            weight: fromRule ? RULE_WEIGHT : MANUAL_WEIGHT,
          }
        : null;
    if (before && next && sameExample(before, next)) return;
    if (before) {
      await this.apply(manager, userId, before, -1);
      await manager.query(`DELETE FROM insights.categorizer_examples WHERE transaction_id = $1 AND user_id = $2`, [transactionId, userId]);
    }
    if (next) {
      await this.apply(manager, userId, next, 1);
      await manager.query(
        `INSERT INTO insights.categorizer_examples (transaction_id, user_id, category_id, tokens, weight) VALUES ($1, $2, $3, $4, $5)`,
        [transactionId, userId, next.categoryId, next.tokens, next.weight],
      );
    }
  }

  /** A merged category's examples teach the target from now on; a deleted one's teach nothing. */
  async moveCategory(manager: EntityManager, userId: string, from: string, to: string | null): Promise<void> {
    const rows: Array<{ transaction_id: string; tokens: string[]; weight: number }> = await manager.query(
      `SELECT transaction_id, tokens, weight FROM insights.categorizer_examples WHERE user_id = $1 AND category_id = $2`,
      [userId, from],
    );
    for (const r of rows) {
      await this.apply(manager, userId, { categoryId: from, tokens: r.tokens, weight: r.weight }, -1);
      if (to) await this.apply(manager, userId, { categoryId: to, tokens: r.tokens, weight: r.weight }, 1);
    }
    if (to)
      await manager.query(`UPDATE insights.categorizer_examples SET category_id = $3 WHERE user_id = $1 AND category_id = $2`, [
        userId,
        from,
        to,
      ]);
    else await manager.query(`DELETE FROM insights.categorizer_examples WHERE user_id = $1 AND category_id = $2`, [userId, from]);
  }

  /** The user's model, or null when nothing has been learnt yet (the common case during a first import). */
  async model(userId: string, manager: EntityManager = this.dataSource.manager): Promise<CategorizerModel | null> {
    const categories: Array<{ category_id: string; documents: string; tokens: string }> = await manager.query(
      `SELECT category_id, documents::text, tokens::text FROM insights.categorizer_categories WHERE user_id = $1`,
      [userId],
    );
    if (categories.length === 0) return null;
    const tokens: Array<{ category_id: string; token: string; count: string }> = await manager.query(
      `SELECT category_id, token, count::text FROM insights.categorizer_counts WHERE user_id = $1`,
      [userId],
    );
    return fromRows({
      categories: categories.map((c) => ({ categoryId: c.category_id, documents: Number(c.documents), tokens: Number(c.tokens) })),
      tokens: tokens.map((t) => ({ categoryId: t.category_id, token: t.token, count: Number(t.count) })),
    });
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    for (const table of ["categorizer_examples", "categorizer_counts", "categorizer_categories"]) {
      await manager.query(`DELETE FROM insights.${table} WHERE user_id = $1`, [userId]);
    }
  }

  private async example(manager: EntityManager, transactionId: string, userId: string): Promise<StoredExample | null> {
    const [row]: Array<{ category_id: string; tokens: string[]; weight: number }> = await manager.query(
      `SELECT category_id, tokens, weight FROM insights.categorizer_examples WHERE transaction_id = $1 AND user_id = $2`,
      [transactionId, userId],
    );
    return row ? { categoryId: row.category_id, tokens: row.tokens, weight: row.weight } : null;
  }

  /** Adds (sign 1) or takes back (sign −1) one example's counts, in two statements. */
  private async apply(manager: EntityManager, userId: string, e: StoredExample, sign: 1 | -1): Promise<void> {
    const w = sign * e.weight;
    await manager.query(
      `INSERT INTO insights.categorizer_categories (user_id, category_id, documents, tokens) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, category_id) DO UPDATE SET documents = insights.categorizer_categories.documents + EXCLUDED.documents,
         tokens = insights.categorizer_categories.tokens + EXCLUDED.tokens`,
      [userId, e.categoryId, w, w * e.tokens.length],
    );
    await manager.query(`DELETE FROM insights.categorizer_categories WHERE user_id = $1 AND category_id = $2 AND documents <= 0`, [
      userId,
      e.categoryId,
    ]);
    if (e.tokens.length === 0) return;
    await manager.query(
      `INSERT INTO insights.categorizer_counts (user_id, category_id, token, count) SELECT $1, $2, t, $4 FROM unnest($3::text[]) AS t
       ON CONFLICT (user_id, category_id, token) DO UPDATE SET count = insights.categorizer_counts.count + EXCLUDED.count`,
      [userId, e.categoryId, e.tokens, w],
    );
    await manager.query(
      `DELETE FROM insights.categorizer_counts WHERE user_id = $1 AND category_id = $2 AND token = ANY($3::text[]) AND count <= 0`,
      [userId, e.categoryId, e.tokens],
    );
  }
}

const sameExample = (a: StoredExample, b: StoredExample) =>
  a.categoryId === b.categoryId &&
  a.weight === b.weight &&
  a.tokens.length === b.tokens.length &&
  a.tokens.every((t, i) => t === b.tokens[i]);
