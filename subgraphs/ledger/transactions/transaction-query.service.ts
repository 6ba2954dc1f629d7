import { type DataSource, type EntityManager, In, type SelectQueryBuilder } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { decodeDatedCursor } from "../../../platform/graphql/index.js";
import { normalizeCurrency, parseAmount } from "../../../platform/money/index.js";
import { isUuid } from "../../../platform/time/index.js";
import type { CategoryService } from "../categories/category.service.js";
import { calendarDate } from "./calendar-date.js";
import { PostingEntity } from "./posting.entity.js";
import { TransactionEntity } from "./transaction.entity.js";
import type { TransactionFilter } from "./transaction.inputs.js";

/** A validated filter, with categories already widened to their subcategories. */
export interface TransactionQuery {
  dateFrom?: string;
  dateTo?: string;
  accountIds?: string[];
  categoryIds?: string[];
  uncategorized?: boolean;
  amount?: { currency: string; min?: bigint; max?: bigint };
  search?: string;
  tags?: string[];
  statuses?: string[];
  kinds?: string[];
  sources?: string[];
  deleted: boolean;
}

export interface CurrencyTotalsRow {
  currency: string;
  income: bigint;
  expense: bigint;
}

const MAX_IDS = 100;

/** `term` as a literal inside an ILIKE pattern: its `\`, `%` and `_` match themselves. */
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class TransactionQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly categories: CategoryService,
  ) {}

  findForUser(userId: string, ids: readonly string[]): Promise<TransactionEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(TransactionEntity).findBy({ userId, id: In(valid) });
  }

  /** Every leg of many transactions in one statement, in order. */
  async legsFor(userId: string, transactionIds: readonly string[]): Promise<PostingEntity[]> {
    const valid = transactionIds.filter(isUuid);
    if (valid.length === 0) return [];
    return this.dataSource.getRepository(PostingEntity).find({ where: { userId, transactionId: In(valid) }, order: { position: "ASC" } });
  }

  /**
   * Checks a client filter once; unknown ids simply match nothing (they are not the caller's).
   * `manager`: read inside that transaction (a job's step must; on embedded PGlite the pool is one session).
   */
  async prepare(userId: string, filter: TransactionFilter | null | undefined, manager?: EntityManager): Promise<TransactionQuery> {
    const f = filter ?? {};
    const ids = (list: string[] | null | undefined, field: string) => {
      if (!list) return undefined;
      if (list.length > MAX_IDS) throw badInput(`at most ${MAX_IDS} ids`, { field });
      return list.filter(isUuid);
    };
    const query: TransactionQuery = { deleted: f.deleted ?? false };
    if (f.dateFrom) query.dateFrom = calendarDate(f.dateFrom, "dateFrom");
    if (f.dateTo) query.dateTo = calendarDate(f.dateTo, "dateTo");
    query.accountIds = ids(f.accountIds, "accountIds");
    const categoryIds = ids(f.categoryIds, "categoryIds");
    if (categoryIds) query.categoryIds = await this.categories.withChildren(userId, categoryIds, manager);
    if (f.uncategorized) query.uncategorized = true;
    if (f.amount) {
      const currency = normalizeCurrency(f.amount.currency);
      const bound = (value: string | null | undefined, field: string) => {
        if (value === null || value === undefined) return undefined;
        const minor = parseAmount(value, currency).amountMinor;
        if (minor < 0n) throw badInput("amount bounds are sizes: give them without a sign", { field });
        return minor;
      };
      query.amount = { currency, min: bound(f.amount.min, "amount.min"), max: bound(f.amount.max, "amount.max") };
    }
    if (f.search !== null && f.search !== undefined) {
      const search = f.search.trim();
      if (search.length > 200) throw badInput("search is longer than 200 characters", { field: "search" });
      if (search) query.search = search;
    }
    if (f.tags) {
      if (f.tags.length > 20) throw badInput("at most 20 tags", { field: "tags" });
      query.tags = f.tags.map((t) => t.trim());
    }
    if (f.statuses) query.statuses = f.statuses;
    if (f.kinds) query.kinds = f.kinds;
    if (f.source) query.sources = f.source;
    return query;
  }

  /** One page in list order, and whether more follow (one row beyond the page is read to know); `manager` as in prepare. */
  async page(
    userId: string,
    query: TransactionQuery,
    first: number,
    after: string | null | undefined,
    manager?: EntityManager,
  ): Promise<{ rows: TransactionEntity[]; hasNextPage: boolean }> {
    const qb = this.filtered(userId, query, manager);
    if (after) {
      const c = decodeDatedCursor(after);
      qb.andWhere("(t.date, t.created_at, t.id) < (CAST(:cDate AS date), CAST(:cCreated AS timestamptz), CAST(:cId AS uuid))", {
        cDate: c.date,
        cCreated: c.createdAt,
        cId: c.id,
      });
    }
    const rows = await qb
      .orderBy("t.date", "DESC")
      .addOrderBy("t.created_at", "DESC")
      .addOrderBy("t.id", "DESC")
      .limit(first + 1)
      .getMany();
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
  }

  /** Count and income/expense per currency over every page of the filter, in one statement. */
  async totals(userId: string, query: TransactionQuery): Promise<{ count: number; byCurrency: CurrencyTotalsRow[] }> {
    const rows: Array<{ currency: string; n: string; income: string; expense: string }> = await this.filtered(userId, query)
      .select("t.currency", "currency")
      .addSelect("count(*)", "n")
      .addSelect("coalesce(sum(t.amount_minor) FILTER (WHERE t.kind = 'INCOME'), 0)::text", "income")
      .addSelect("coalesce(sum(t.amount_minor) FILTER (WHERE t.kind = 'EXPENSE'), 0)::text", "expense")
      .groupBy("t.currency")
      .orderBy("t.currency", "ASC")
      .getRawMany();
    return {
      count: rows.reduce((n, r) => n + Number(r.n), 0),
      byCurrency: rows.map((r) => ({ currency: r.currency.trim(), income: BigInt(r.income), expense: BigInt(r.expense) })),
    };
  }

  private filtered(userId: string, q: TransactionQuery, manager?: EntityManager): SelectQueryBuilder<TransactionEntity> {
    const qb = (manager ?? this.dataSource.manager)
      .getRepository(TransactionEntity)
      .createQueryBuilder("t")
      .where("t.user_id = :userId", { userId });
    qb.andWhere(q.deleted ? "t.deleted_at IS NOT NULL" : "t.deleted_at IS NULL");
    if (q.dateFrom) qb.andWhere("t.date >= :dateFrom", { dateFrom: q.dateFrom });
    if (q.dateTo) qb.andWhere("t.date <= :dateTo", { dateTo: q.dateTo });
    if (q.accountIds)
      qb.andWhere("(t.account_id = ANY(CAST(:accountIds AS uuid[])) OR t.counter_account_id = ANY(CAST(:accountIds AS uuid[])))", {
        accountIds: q.accountIds,
      });
    if (q.categoryIds) {
      qb.andWhere(
        "EXISTS (SELECT 1 FROM ledger.postings pc WHERE pc.transaction_id = t.id AND pc.category_id = ANY(CAST(:categoryIds AS uuid[])))",
        { categoryIds: q.categoryIds },
      );
    }
    if (q.uncategorized)
      qb.andWhere(
        "EXISTS (SELECT 1 FROM ledger.postings pu WHERE pu.transaction_id = t.id AND pu.role = 'CATEGORY' AND pu.category_id IS NULL)",
      );
    if (q.amount) {
      qb.andWhere("t.currency = :amountCurrency", { amountCurrency: q.amount.currency });
      if (q.amount.min !== undefined) qb.andWhere("abs(t.amount_minor) >= :amountMin", { amountMin: q.amount.min.toString() });
      if (q.amount.max !== undefined) qb.andWhere("abs(t.amount_minor) <= :amountMax", { amountMax: q.amount.max.toString() });
    }
    if (q.search) {
      // Payees by substring, any case (trigram index); notes (and payees) by words (full-text).
      qb.andWhere("(t.payee ILIKE :payeePattern ESCAPE '\\' OR t.search @@ websearch_to_tsquery('simple', :search))", {
        payeePattern: `%${likeLiteral(q.search)}%`,
        search: q.search,
      });
    }
    if (q.tags) qb.andWhere("t.tags @> CAST(:tags AS text[])", { tags: q.tags });
    if (q.statuses) qb.andWhere("t.status = ANY(CAST(:statuses AS text[]))", { statuses: q.statuses });
    if (q.kinds) qb.andWhere("t.kind = ANY(CAST(:kinds AS text[]))", { kinds: q.kinds });
    if (q.sources) qb.andWhere("t.source = ANY(CAST(:sources AS text[]))", { sources: q.sources });
    return qb;
  }
}
