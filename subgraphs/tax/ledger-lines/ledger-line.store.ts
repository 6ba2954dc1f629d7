import type { DataSource, EntityManager } from "typeorm";

import { queryPrepared } from "../../../platform/db/index.js";
import type { LedgerLine } from "./ledger-lines.js";

/** A category's signed total for a year in one currency; `kind` only matters for uncategorised lines. */
export interface CategorySum {
  categoryId: string | null;
  kind: "INCOME" | "EXPENSE";
  totalMinor: bigint;
}

/** What a year's lines add up to in the tax table's currency, and how many lines could not be counted in it. */
export interface LedgerYearSums {
  sums: CategorySum[];
  /** Lines in another currency without an amount in the table's (no base amount, or another base currency). */
  unconverted: number;
}

/** A line as the accountant's report lists it, with its amount in the table's currency (null: not convertible). */
export interface ReportedLine extends LedgerLine {
  countedMinor: bigint | null;
}

/** One transaction's new lines (none: deleted or now a transfer). */
export interface LinesReplacement {
  userId: string;
  transactionId: string;
  lines: LedgerLine[];
}

/**
 * Each ledger transaction's lines as the ledger last described it. Every event carries the whole
 * transaction, so applying one is "replace its lines".
 */
export class LedgerLineStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Replaces a transaction's lines; returns the dates it had, so the years it left are recomputed too. */
  async replace(manager: EntityManager, userId: string, transactionId: string, lines: LedgerLine[]): Promise<string[]> {
    return (await this.replaceMany(manager, [{ userId, transactionId, lines }])).map((l) => l.date);
  }

  /**
   * {@link replace} for many transactions in two statements whatever their number (a consumer's
   * batch): one DELETE returning the dates of the lines they had (per user, each date once), one
   * INSERT of all their new lines.
   */
  async replaceMany(manager: EntityManager, replacements: readonly LinesReplacement[]): Promise<Array<{ userId: string; date: string }>> {
    if (replacements.length === 0) return [];
    // A SELECT over the DELETE: a plain DELETE ... RETURNING comes back differently per driver.
    const gone: Array<{ user_id: string; date: string }> = await queryPrepared(
      manager,
      `WITH gone AS (
         DELETE FROM tax.ledger_lines l USING unnest($1::uuid[], $2::uuid[]) AS t(user_id, transaction_id)
         WHERE l.user_id = t.user_id AND l.transaction_id = t.transaction_id RETURNING l.user_id, l.date
       )
       SELECT DISTINCT user_id, to_char(date, 'YYYY-MM-DD') AS date FROM gone`,
      [replacements.map((r) => r.userId), replacements.map((r) => r.transactionId)],
    );
    const lines = replacements.flatMap((r) => r.lines);
    if (lines.length > 0) {
      // unnest: one statement and a fixed eleven parameters however many lines there are.
      await queryPrepared(
        manager,
        `INSERT INTO tax.ledger_lines (transaction_id, line, user_id, kind, date, payee, category_id, amount_minor, currency, base_amount_minor, base_currency)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::date[], $6::text[], $7::uuid[], $8::bigint[], $9::text[], $10::bigint[], $11::text[])`,
        [
          lines.map((l) => l.transactionId),
          lines.map((l) => l.line),
          lines.map((l) => l.userId),
          lines.map((l) => l.kind),
          lines.map((l) => l.date),
          lines.map((l) => l.payee),
          lines.map((l) => l.categoryId),
          lines.map((l) => l.amountMinor.toString()),
          lines.map((l) => l.currency),
          lines.map((l) => l.baseAmountMinor?.toString() ?? null),
          lines.map((l) => l.baseCurrency),
        ],
      );
    }
    return gone.map((r) => ({ userId: r.user_id, date: r.date }));
  }

  /** A merged or deleted category's lines move to its target (null: uncategorised). */
  async moveCategory(manager: EntityManager, userId: string, from: string, to: string | null): Promise<void> {
    await manager.query(`UPDATE tax.ledger_lines SET category_id = $3 WHERE user_id = $1 AND category_id = $2`, [userId, from, to]);
  }

  /** Lines counted in `currency`: their own amount when written in it, else the ledger's base amount when that is in it. */
  async yearSums(
    userId: string,
    year: number,
    currency: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LedgerYearSums> {
    const rows: Array<{ category_id: string | null; kind: "INCOME" | "EXPENSE"; total: string | null; unconverted: number }> =
      await manager.query(
        `SELECT category_id, kind, sum(${COUNTED})::text AS total, (count(*) - count(${COUNTED}))::int AS unconverted
       FROM tax.ledger_lines WHERE user_id = $1 AND date >= make_date($2, 1, 1) AND date < make_date($2 + 1, 1, 1)
       GROUP BY category_id, kind`,
        [userId, year, currency],
      );
    return {
      sums: rows.filter((r) => r.total !== null).map((r) => ({ categoryId: r.category_id, kind: r.kind, totalMinor: BigInt(r.total!) })),
      unconverted: rows.reduce((n, r) => n + r.unconverted, 0),
    };
  }

  /**
   * The year's lines that count, oldest first, for the report: those of a `counting` category, and
   * income whose category is not among the user's `known` ones (uncategorised income is taxable).
   * Chosen in SQL: most of a year's lines are everyday spending that does not count, and reading a
   * busy year's 50,000 lines to list its 5,000 that do would be most of the report's time.
   */
  async yearLines(
    userId: string,
    year: number,
    currency: string,
    categories: { counting: readonly string[]; known: readonly string[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReportedLine[]> {
    // Ordered by the date column itself: the `date` output column is its text, slower to sort.
    const rows: Array<Record<string, string | number | null>> = await manager.query(
      `SELECT transaction_id, line, kind, to_char(l.date, 'YYYY-MM-DD') AS date, payee, category_id, amount_minor::text AS amount,
              currency, base_amount_minor::text AS base_amount, base_currency, (${COUNTED})::text AS counted
       FROM tax.ledger_lines l WHERE user_id = $1 AND l.date >= make_date($2, 1, 1) AND l.date < make_date($2 + 1, 1, 1)
         AND (category_id = ANY($4::uuid[]) OR (kind = 'INCOME' AND (category_id IS NULL OR category_id <> ALL($5::uuid[]))))
       ORDER BY l.date, transaction_id, line`,
      [userId, year, currency, categories.counting, categories.known],
    );
    return rows.map((r) => ({
      transactionId: String(r.transaction_id),
      line: Number(r.line),
      userId,
      kind: r.kind as "INCOME" | "EXPENSE",
      date: String(r.date),
      payee: String(r.payee),
      categoryId: r.category_id === null ? null : String(r.category_id),
      amountMinor: BigInt(String(r.amount)),
      currency: String(r.currency).trim(),
      baseAmountMinor: r.base_amount === null ? null : BigInt(String(r.base_amount)),
      baseCurrency: r.base_currency === null ? null : String(r.base_currency).trim(),
      countedMinor: r.counted === null ? null : BigInt(String(r.counted)),
    }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM tax.ledger_lines WHERE user_id = $1`, [userId]);
  }
}

/** A line's amount in the currency `$3`, or null. */
const COUNTED = `CASE WHEN currency = $3 THEN amount_minor WHEN base_currency = $3 THEN base_amount_minor END`;
