import type { EntityManager } from "typeorm";

import { queryPrepared } from "../../../platform/db/index.js";
import { AccountEntity } from "../accounts/account.entity.js";
import { type RateRow, type ToBase, toBaseOf } from "../currency/exchange-rate-query.service.js";
import type { RuleEntity } from "../rules/rule.entity.js";

/** A rule as a write needs it: what the engine compiles. */
export type RuleDefinitionRow = Pick<RuleEntity, "id" | "conditions" | "actions">;

/** Everything one posted entry reads before it is written (TransactionWriter.checkedSingleEntry). */
export interface EntryContext {
  /** The caller's account, archived or not; null when it is not theirs or does not exist. */
  account: AccountEntity | null;
  /** The caller's enabled rules, in the order they apply. */
  rules: RuleDefinitionRow[];
  /** Of the categories named by the input or set by an enabled rule, those the caller owns. */
  ownedCategoryIds: Set<string>;
  /** The base currency and the day's rates to it from `currency`, for the event's base amounts. */
  toBase: ToBase;
}

interface ContextRow {
  id: string | null;
  user_id: string;
  name: string;
  type: AccountEntity["type"];
  currency: string;
  opening_balance_minor: string;
  opening_date: string;
  archived_at: Date | null;
  created_at: Date;
  rules: RuleDefinitionRow[];
  categories: string[];
  base: string | null;
  rates: RateRow[] | null;
}

/**
 * The account, rules, categories, base currency and rates of one write in ONE statement: read one
 * by one they were four round trips of a postTransaction's seven, and each round trip costs the
 * subgraph as much CPU (driver, socket) as it costs PostgreSQL. The same reads as AccountService.usable,
 * RuleService.categorizer, CategoryService.requireOwned and ExchangeRateQueries.toBase, which
 * batches (imports, schedules, rule runs) keep using. `accountId` and `categoryIds` must be uuids.
 */
export async function readEntryContext(
  manager: EntityManager,
  userId: string,
  accountId: string,
  date: string,
  currency: string,
  categoryIds: readonly string[],
): Promise<EntryContext> {
  const [row] = await queryPrepared<ContextRow>(
    manager,
    `WITH rules AS (
       SELECT r.id, r.conditions, r.actions, r.position, r.created_at FROM ledger.rules r WHERE r.user_id = $1 AND r.enabled)
     SELECT a.id, a.user_id, a.name, a.type, a.currency, a.opening_balance_minor::text AS opening_balance_minor,
            to_char(a.opening_date, 'YYYY-MM-DD') AS opening_date, a.archived_at, a.created_at,
            (SELECT coalesce(json_agg(json_build_object('id', r.id, 'conditions', r.conditions, 'actions', r.actions)
                                      ORDER BY r.position, r.created_at), '[]'::json) FROM rules r) AS rules,
            (SELECT coalesce(array_agg(c.id::text), '{}') FROM ledger.categories c
              WHERE c.user_id = $1 AND (c.id = ANY($5::uuid[]) OR c.id::text IN (SELECT r.actions->>'setCategoryId' FROM rules r))) AS categories,
            s.base_currency AS base,
            (SELECT json_agg(json_build_object('date', to_char(x.date, 'YYYY-MM-DD'), 'from_currency', x.from_currency,
                                               'to_currency', x.to_currency, 'rate', x.rate::text))
               FROM ledger.exchange_rates x
              WHERE x.user_id = $1 AND x.date = $3::date AND $4 <> s.base_currency
                AND ((x.from_currency = $4 AND x.to_currency = s.base_currency) OR (x.from_currency = s.base_currency AND x.to_currency = $4))) AS rates
       FROM (VALUES (1)) AS one (n)
       LEFT JOIN ledger.accounts a ON a.id = $2 AND a.user_id = $1
       LEFT JOIN ledger.user_settings s ON s.user_id = $1`,
    [userId, accountId, date, currency, categoryIds],
  );
  const r = row!;
  const account =
    r.id === null
      ? null
      : Object.assign(new AccountEntity(), {
          id: r.id,
          userId: r.user_id,
          name: r.name,
          type: r.type,
          currency: r.currency,
          openingBalanceMinor: BigInt(r.opening_balance_minor),
          openingDate: r.opening_date,
          archivedAt: r.archived_at,
          createdAt: r.created_at,
        } satisfies AccountEntity);
  return { account, rules: r.rules, ownedCategoryIds: new Set(r.categories), toBase: toBaseOf(r.base, r.rates ?? []) };
}
