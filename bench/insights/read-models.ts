/**
 * Bulk writes into insights' read models for `npm run bench:insights`: what the ledger's and
 * lending's events would have left there (insights.categories, accounts, transactions, lines, loans,
 * loan_balances), in a few statements each (unnest over arrays, about 10,000 rows a statement).
 * Several users' transactions are interleaved one by one, as if they had posted side by side, so
 * one user's rows are spread over the tables' pages rather than packed together.
 */
import { randomUUID } from "node:crypto";

import type { DataSource } from "typeorm";

import { addDays } from "../../platform/time/index.js";
import { type AccountRole, ACCOUNTS, type BenchHistory, CATEGORY_SPECS } from "./history-data.js";

const CHUNK = 10_000;

/** One bench user's ids for the shared history. */
export interface SeededIds {
  userId: string;
  /** Category key (or parent name) → id. */
  categories: Map<string, string>;
  accounts: Record<AccountRole, string>;
  loanId: string;
}

export function seededIds(userId: string): SeededIds {
  return {
    userId,
    categories: new Map(CATEGORY_SPECS.map((c) => [c.key, randomUUID()])),
    accounts: { checking: randomUUID(), card: randomUUID(), savings: randomUUID(), travel: randomUUID() },
    loanId: randomUUID(),
  };
}

/** Writes `history` once for each user in `users`, interleaved. Returns the rows written. */
export async function writeHistory(
  dataSource: DataSource,
  history: BenchHistory,
  users: readonly SeededIds[],
): Promise<{ transactions: number; lines: number }> {
  const categories = users.flatMap((u) =>
    CATEGORY_SPECS.map((c) => [u.categories.get(c.key)!, u.userId, c.parent === null ? null : u.categories.get(c.parent)!, c.name, c.kind]),
  );
  await dataSource.query(
    `INSERT INTO insights.categories (id, user_id, parent_id, name, kind) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])`,
    columns(categories, 5),
  );
  const openedOn = addDays(history.first, -1);
  const accounts = users.flatMap((u) =>
    (Object.keys(ACCOUNTS) as AccountRole[]).map((role) => {
      const a = ACCOUNTS[role];
      return [u.accounts[role], u.userId, a.name, a.type, a.currency, a.openingMinor.toString(), openedOn, false];
    }),
  );
  await dataSource.query(
    `INSERT INTO insights.accounts (id, user_id, name, type, currency, opening_balance_minor, opening_date, archived)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::date[], $8::boolean[])`,
    columns(accounts, 8),
  );
  const { loan } = history;
  await dataSource.query(
    `INSERT INTO insights.loans (id, user_id, name, direction, currency, status, annual_rate_percent)
     SELECT id, user_id, $3, 'BORROWED', 'USD', 'ACTIVE', $4 FROM unnest($1::uuid[], $2::uuid[]) AS l(id, user_id)`,
    [users.map((u) => u.loanId), users.map((u) => u.userId), loan.name, loan.annualRatePercent],
  );
  const balances = users.flatMap((u) => loan.balances.map((b) => [u.loanId, u.userId, b.date, b.outstandingMinor.toString()]));
  await dataSource.query(
    `INSERT INTO insights.loan_balances (loan_id, user_id, date, outstanding_minor) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::bigint[])`,
    columns(balances, 4),
  );

  let transactionsWritten = 0;
  let linesWritten = 0;
  const perChunk = Math.max(1, Math.floor(CHUNK / users.length));
  for (let start = 0; start < history.transactions.length; start += perChunk) {
    const transactions: unknown[][] = [];
    const lines: unknown[][] = [];
    for (const t of history.transactions.slice(start, start + perChunk)) {
      for (const u of users) {
        const id = randomUUID();
        const category = (key: string | null) => (key === null ? null : u.categories.get(key)!);
        transactions.push([
          id,
          u.userId,
          t.kind,
          u.accounts[t.account],
          t.date,
          t.payee,
          t.merchantKey,
          t.notes,
          category(t.categoryKey),
          t.amountMinor.toString(),
          t.currency,
          t.baseAmountMinor?.toString() ?? null,
          t.counter ? u.accounts[t.counter] : null,
          t.counterAmountMinor?.toString() ?? null,
        ]);
        t.lines.forEach((line, n) =>
          lines.push([
            id,
            n,
            u.userId,
            t.kind,
            t.date,
            category(line.categoryKey),
            t.merchantKey,
            line.baseAmountMinor?.toString() ?? null,
          ]),
        );
      }
    }
    await dataSource.query(
      `INSERT INTO insights.transactions (id, user_id, kind, account_id, date, payee, merchant_key, notes, category_id, amount_minor, currency,
         base_amount_minor, counter_account_id, counter_amount_minor)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::date[], $6::text[], $7::text[], $8::text[], $9::uuid[],
         $10::bigint[], $11::text[], $12::bigint[], $13::uuid[], $14::bigint[])`,
      columns(transactions, 14),
    );
    if (lines.length > 0)
      await dataSource.query(
        `INSERT INTO insights.lines (transaction_id, line, user_id, kind, date, category_id, merchant_key, base_amount_minor)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::date[], $6::uuid[], $7::text[], $8::bigint[])`,
        columns(lines, 8),
      );
    transactionsWritten += transactions.length;
    linesWritten += lines.length;
  }
  return { transactions: transactionsWritten, lines: linesWritten };
}

/** Rows → one array per column, as unnest takes them. */
function columns(rows: readonly unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));
}
