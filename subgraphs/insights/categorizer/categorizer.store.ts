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
    const next = exampleOf(now, fromRule);
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

  /**
   * {@link learn} for a batch of changes to `transactions`, in few statements: their examples are
   * read at once here, {@link BatchLearning.learn} follows them in memory, and only what changed
   * between two writes is written, as summed deltas.
   */
  async batch(manager: EntityManager, transactions: ReadonlyArray<{ transactionId: string; userId: string }>): Promise<BatchLearning> {
    const rows: Array<{ transaction_id: string; user_id: string; category_id: string; tokens: string[]; weight: number }> =
      transactions.length === 0
        ? []
        : await manager.query(
            `SELECT e.transaction_id, e.user_id, e.category_id, e.tokens, e.weight
             FROM insights.categorizer_examples e JOIN unnest($1::uuid[], $2::uuid[]) AS k(transaction_id, user_id)
               ON e.transaction_id = k.transaction_id AND e.user_id = k.user_id`,
            [transactions.map((t) => t.transactionId), transactions.map((t) => t.userId)],
          );
    const stored = new Map<string, StoredExample | null>(
      rows.map((r) => [exampleKey(r.transaction_id, r.user_id), { categoryId: r.category_id, tokens: r.tokens, weight: r.weight }]),
    );
    return new BatchLearning(manager, stored, (userId) => this.model(userId, manager));
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
    // One statement, so one snapshot: read as two queries, a consumer's commit landing between them
    // gave totals that no longer matched the counts, and fromRows refused the model (a 500 on suggest).
    const rows: Array<{
      category_id: string;
      documents: string | null;
      tokens: string | null;
      token: string | null;
      count: string | null;
    }> = await manager.query(
      `SELECT category_id, documents::text, tokens::text, NULL AS token, NULL AS count FROM insights.categorizer_categories WHERE user_id = $1
         UNION ALL
         SELECT category_id, NULL, NULL, token, count::text FROM insights.categorizer_counts WHERE user_id = $1`,
      [userId],
    );
    const categories = rows.filter((r) => r.token === null);
    if (categories.length === 0) return null;
    return fromRows({
      categories: categories.map((c) => ({ categoryId: c.category_id, documents: Number(c.documents), tokens: Number(c.tokens) })),
      tokens: rows.filter((r) => r.token !== null).map((t) => ({ categoryId: t.category_id, token: t.token!, count: Number(t.count) })),
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

/** What a transaction as it now is teaches: an income or expense with one category; the user's choice weighs more than a rule's. */
function exampleOf(now: InsightTransaction | null, fromRule: boolean): StoredExample | null {
  return now && now.kind !== "TRANSFER" && now.categoryId
    ? {
        categoryId: now.categoryId,
        tokens: features({ payee: now.payee, notes: now.notes, amountMinor: now.amountMinor }),
        weight: fromRule ? RULE_WEIGHT : MANUAL_WEIGHT,
      }
    : null;
}

const exampleKey = (transactionId: string, userId: string) => `${userId} ${transactionId}`;

const sameExample = (a: StoredExample, b: StoredExample) =>
  a.categoryId === b.categoryId &&
  a.weight === b.weight &&
  a.tokens.length === b.tokens.length &&
  a.tokens.every((t, i) => t === b.tokens[i]);

/**
 * A batch's learning (from {@link CategorizerStore.batch}). It leaves what {@link CategorizerStore.learn}
 * on each change in turn leaves. Each count is the sum of the stored examples' shares of it, its
 * row there while that sum is positive (every learn takes one example's shares back, adds
 * another's and removes the rows that reach zero), so the counts depend only on which examples
 * are stored, and the example a transaction ends with is its last change's: summed deltas from
 * the first to the last leave the same rows. The one thing read midway, a user's model for a
 * suggestion, is read after writing what was learnt before it.
 */
export class BatchLearning {
  /** Each transaction's example as the changes so far leave it (null: none); `written`: as the database has it. */
  private readonly current: Map<string, StoredExample | null>;
  private readonly pending = new Map<string, { transactionId: string; userId: string }>();
  /** Models read in this batch, per user, until something of the user's is written. */
  private readonly models = new Map<string, CategorizerModel | null>();

  constructor(
    private readonly manager: EntityManager,
    private readonly written: Map<string, StoredExample | null>,
    private readonly read: (userId: string) => Promise<CategorizerModel | null>,
  ) {
    this.current = new Map(written);
  }

  /** {@link CategorizerStore.learn}, in memory until {@link flush} (or a model read) writes it. */
  learn(transactionId: string, userId: string, now: InsightTransaction | null, fromRule: boolean): void {
    const key = exampleKey(transactionId, userId);
    const before = this.current.get(key) ?? null;
    const next = exampleOf(now, fromRule);
    if (before && next && sameExample(before, next)) return;
    this.current.set(key, next);
    this.pending.set(key, { transactionId, userId });
  }

  /** The user's model with everything learnt so far: read once per batch unless learning changed it since. */
  async model(userId: string): Promise<CategorizerModel | null> {
    if ([...this.pending.values()].some((p) => p.userId === userId)) await this.flush();
    if (!this.models.has(userId)) this.models.set(userId, await this.read(userId));
    return this.models.get(userId)!;
  }

  /** Writes what changed since the last write: summed count deltas, then the examples, at most six statements. */
  async flush(): Promise<void> {
    const categories = new Map<string, { userId: string; categoryId: string; documents: number; tokens: number }>();
    const counts = new Map<string, { userId: string; categoryId: string; token: string; count: number }>();
    const add = (userId: string, e: StoredExample, sign: 1 | -1) => {
      const w = sign * e.weight;
      const c = categories.get(`${userId} ${e.categoryId}`) ?? { userId, categoryId: e.categoryId, documents: 0, tokens: 0 };
      c.documents += w;
      c.tokens += w * e.tokens.length;
      categories.set(`${userId} ${e.categoryId}`, c);
      for (const token of e.tokens) {
        const key = `${userId} ${e.categoryId} ${token}`;
        const t = counts.get(key) ?? { userId, categoryId: e.categoryId, token, count: 0 };
        t.count += w;
        counts.set(key, t);
      }
    };
    const removed: Array<{ transactionId: string; userId: string }> = [];
    const added: Array<{ transactionId: string; userId: string; example: StoredExample }> = [];
    for (const [key, { transactionId, userId }] of this.pending) {
      const from = this.written.get(key) ?? null;
      const to = this.current.get(key) ?? null;
      if ((from && to && sameExample(from, to)) || (!from && !to)) continue;
      if (from) {
        add(userId, from, -1);
        removed.push({ transactionId, userId });
      }
      if (to) {
        add(userId, to, 1);
        added.push({ transactionId, userId, example: to });
      }
      this.written.set(key, to);
      this.models.delete(userId);
    }
    this.pending.clear();
    const m = this.manager;
    // Keys whose sum is zero change nothing (a row a learn made and took back within the batch never was).
    const c = [...categories.values()].filter((x) => x.documents !== 0 || x.tokens !== 0);
    if (c.length > 0) {
      const keys = [c.map((x) => x.userId), c.map((x) => x.categoryId)];
      await m.query(
        `INSERT INTO insights.categorizer_categories (user_id, category_id, documents, tokens)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::bigint[])
         ON CONFLICT (user_id, category_id) DO UPDATE SET documents = insights.categorizer_categories.documents + EXCLUDED.documents,
           tokens = insights.categorizer_categories.tokens + EXCLUDED.tokens`,
        [...keys, c.map((x) => x.documents), c.map((x) => x.tokens)],
      );
      await m.query(
        `DELETE FROM insights.categorizer_categories c USING unnest($1::uuid[], $2::uuid[]) AS k(user_id, category_id)
         WHERE c.user_id = k.user_id AND c.category_id = k.category_id AND c.documents <= 0`,
        keys,
      );
    }
    const t = [...counts.values()].filter((x) => x.count !== 0);
    if (t.length > 0) {
      const keys = [t.map((x) => x.userId), t.map((x) => x.categoryId), t.map((x) => x.token)];
      await m.query(
        `INSERT INTO insights.categorizer_counts (user_id, category_id, token, count) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bigint[])
         ON CONFLICT (user_id, category_id, token) DO UPDATE SET count = insights.categorizer_counts.count + EXCLUDED.count`,
        [...keys, t.map((x) => x.count)],
      );
      await m.query(
        `DELETE FROM insights.categorizer_counts c USING unnest($1::uuid[], $2::uuid[], $3::text[]) AS k(user_id, category_id, token)
         WHERE c.user_id = k.user_id AND c.category_id = k.category_id AND c.token = k.token AND c.count <= 0`,
        keys,
      );
    }
    if (removed.length > 0)
      await m.query(
        `DELETE FROM insights.categorizer_examples e USING unnest($1::uuid[], $2::uuid[]) AS k(transaction_id, user_id)
         WHERE e.transaction_id = k.transaction_id AND e.user_id = k.user_id`,
        [removed.map((r) => r.transactionId), removed.map((r) => r.userId)],
      );
    if (added.length > 0)
      // Tokens are arrays of text: passed as JSON, since an array of arrays is no PostgreSQL type of unequal lengths.
      await m.query(
        `INSERT INTO insights.categorizer_examples (transaction_id, user_id, category_id, tokens, weight)
         SELECT e.transaction_id, e.user_id, e.category_id, ARRAY(SELECT t FROM jsonb_array_elements_text(e.tokens) WITH ORDINALITY AS x(t, i) ORDER BY i), e.weight
         FROM jsonb_to_recordset($1::jsonb) AS e(transaction_id uuid, user_id uuid, category_id uuid, tokens jsonb, weight int)`,
        [
          JSON.stringify(
            added.map((a) => ({
              transaction_id: a.transactionId,
              user_id: a.userId,
              category_id: a.example.categoryId,
              tokens: a.example.tokens,
              weight: a.example.weight,
            })),
          ),
        ],
      );
  }
}
