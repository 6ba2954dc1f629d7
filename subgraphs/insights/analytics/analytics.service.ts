import type { DataSource } from "typeorm";

import type { LedgerCategory, LedgerCategoryTree } from "../../../platform/read-models/index.js";
import { merchantKey } from "../categorizer/payee-tokens.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import type { DateRange } from "./date-range.js";
import { monthRange, monthsBetween } from "./date-range.js";
import { type CategoryAmount, rollUp, withDescendants } from "./roll-up.js";

export type FlowKind = "EXPENSE" | "INCOME";

/** Totals of one kind over a range, in the base currency. */
export interface Breakdown {
  currency: string;
  range: DateRange;
  totalMinor: bigint;
  items: CategoryAmount[];
  /** Lines left out: no amount in the base currency (the ledger had no rate for their day). */
  unconverted: number;
}

export interface PayeeAmount {
  payee: string;
  amountMinor: bigint;
  transactions: number;
}

/** Which lines count: some categories (their subcategories included), one payee (by merchant key), or both. */
export interface LineFilter {
  categoryIds?: readonly string[];
  /** Any payee that normalizes to the same merchant as this one ("SQ *BLUE BOTTLE 12" for "Blue Bottle"). */
  payee?: string;
}

/** One expense among the largest: its lines in the filter added up, in the base currency, positive. */
export interface LargestExpense {
  transactionId: string;
  date: string;
  payee: string;
  amountMinor: bigint;
}

export interface MonthFigures {
  month: string;
  incomeMinor: bigint;
  spendingMinor: bigint;
}

/** Maximum months in one trend series (ten years). */
export const MAX_TREND_MONTHS = 120;

/**
 * Spending and income from insights' lines (`insights.lines`, one per split, in the base
 * currency): sums in SQL over the (user, date) index, categories rolled up in memory (a tree has a
 * few hundred at most). Spending is EXPENSE lines and income INCOME lines, as the ledger's own
 * totals count them; transfers are neither.
 */
export class AnalyticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: UserSettingsStore,
    private readonly tree: LedgerCategoryTree,
  ) {}

  async byCategory(
    userId: string,
    range: DateRange,
    kind: FlowKind,
    rollUpSubcategories: boolean,
    filter: LineFilter = {},
  ): Promise<Breakdown> {
    const { baseCurrency } = await this.settings.get(userId);
    const categories = await this.tree.list(userId);
    const { categoryIds, payeeKey } = this.lineFilter(filter, categories);
    const rows: Array<{ category_id: string | null; total: string | null; n: number; unconverted: number }> = await this.dataSource.query(
      `SELECT category_id, sum(base_amount_minor)::text AS total, count(DISTINCT transaction_id)::int AS n,
              count(*) FILTER (WHERE base_amount_minor IS NULL)::int AS unconverted
       FROM insights.lines WHERE user_id = $1 AND date BETWEEN $2 AND $3 AND kind = $4
         AND ($5::uuid[] IS NULL OR category_id = ANY($5::uuid[])) AND ($6::text IS NULL OR merchant_key = $6)
       GROUP BY category_id`,
      [userId, range.from, range.to, kind, categoryIds, payeeKey],
    );
    const sign = kind === "EXPENSE" ? -1n : 1n;
    const totals = rows.map((r) => ({
      categoryId: r.category_id,
      name: "",
      amountMinor: sign * BigInt(r.total ?? "0"),
      transactions: r.n,
    }));
    const items = rollUp(totals, categories, rollUpSubcategories);
    return {
      currency: baseCurrency,
      range,
      totalMinor: items.reduce((sum, i) => sum + i.amountMinor, 0n),
      items,
      unconverted: rows.reduce((n, r) => n + r.unconverted, 0),
    };
  }

  /**
   * The `limit` largest expenses over a range, in the base currency: each transaction's expense
   * lines in the filter added up (a split counts only its lines in the asked categories), a
   * refund netted against its own transaction only. Lines without a base amount are left out.
   */
  async largestExpenses(
    userId: string,
    range: DateRange,
    limit: number,
    filter: LineFilter = {},
  ): Promise<{ currency: string; items: LargestExpense[] }> {
    const { baseCurrency } = await this.settings.get(userId);
    const { categoryIds, payeeKey } = this.lineFilter(filter, filter.categoryIds ? await this.tree.list(userId) : []);
    const rows: Array<{ id: string; date: string; payee: string; total: string }> = await this.dataSource.query(
      `SELECT t.id, to_char(t.date, 'YYYY-MM-DD') AS date, t.payee, sum(l.base_amount_minor)::text AS total
       FROM insights.lines l JOIN insights.transactions t ON t.id = l.transaction_id
       WHERE l.user_id = $1 AND l.date BETWEEN $2 AND $3 AND l.kind = 'EXPENSE' AND l.base_amount_minor IS NOT NULL
         AND ($4::uuid[] IS NULL OR l.category_id = ANY($4::uuid[])) AND ($5::text IS NULL OR l.merchant_key = $5)
       GROUP BY t.id HAVING sum(l.base_amount_minor) < 0
       ORDER BY sum(l.base_amount_minor), t.date, t.id LIMIT $6`,
      [userId, range.from, range.to, categoryIds, payeeKey, limit],
    );
    return {
      currency: baseCurrency,
      items: rows.map((r) => ({ transactionId: r.id, date: r.date, payee: r.payee, amountMinor: -BigInt(r.total) })),
    };
  }

  async byPayee(userId: string, range: DateRange, kind: FlowKind, limit: number): Promise<{ currency: string; items: PayeeAmount[] }> {
    const { baseCurrency } = await this.settings.get(userId);
    const rows: Array<{ payee: string; total: string; n: number }> = await this.dataSource.query(
      `SELECT min(t.payee) AS payee, sum(l.base_amount_minor)::text AS total, count(DISTINCT l.transaction_id)::int AS n
       FROM insights.lines l JOIN insights.transactions t ON t.id = l.transaction_id
       WHERE l.user_id = $1 AND l.date BETWEEN $2 AND $3 AND l.kind = $4 AND l.base_amount_minor IS NOT NULL
       GROUP BY l.merchant_key ORDER BY abs(sum(l.base_amount_minor)) DESC, min(t.payee) LIMIT $5`,
      [userId, range.from, range.to, kind, limit],
    );
    const sign = kind === "EXPENSE" ? -1n : 1n;
    return { currency: baseCurrency, items: rows.map((r) => ({ payee: r.payee, amountMinor: sign * BigInt(r.total), transactions: r.n })) };
  }

  /** Income and spending per calendar month from `from` to `to` (YYYY-MM), months without any included as 0. */
  async monthly(userId: string, from: string, to: string, categoryIds?: string[]): Promise<{ currency: string; months: MonthFigures[] }> {
    const months = monthsBetween(from, to, MAX_TREND_MONTHS);
    const { baseCurrency } = await this.settings.get(userId);
    const filter = categoryIds ? withDescendants(categoryIds, await this.tree.list(userId)) : null;
    // Summed by day first, in the index's order: the month is formatted once a day, not once a line.
    const rows: Array<{ month: string; income: string; spending: string }> = await this.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM') AS month, coalesce(sum(income), 0)::text AS income, coalesce(-sum(spending), 0)::text AS spending
       FROM (
         SELECT date AS day, sum(base_amount_minor) FILTER (WHERE kind = 'INCOME') AS income,
                sum(base_amount_minor) FILTER (WHERE kind = 'EXPENSE') AS spending
         FROM insights.lines WHERE user_id = $1 AND date BETWEEN $2 AND $3 AND ($4::uuid[] IS NULL OR category_id = ANY($4::uuid[]))
         GROUP BY date
       ) days
       GROUP BY 1`,
      [userId, monthRange(from).from, monthRange(to).to, filter],
    );
    const byMonth = new Map(rows.map((r) => [r.month, r]));
    return {
      currency: baseCurrency,
      months: months.map((month) => ({
        month,
        incomeMinor: BigInt(byMonth.get(month)?.income ?? "0"),
        spendingMinor: BigInt(byMonth.get(month)?.spending ?? "0"),
      })),
    };
  }

  private lineFilter(filter: LineFilter, categories: readonly LedgerCategory[]): { categoryIds: string[] | null; payeeKey: string | null } {
    return {
      categoryIds: filter.categoryIds ? withDescendants(filter.categoryIds, categories) : null,
      payeeKey: filter.payee === undefined ? null : merchantKey(filter.payee),
    };
  }
}
