/**
 * Bulk writes into tax's read models for `npm run bench:tax`: what the ledger and investments
 * events would have left there, written in a few statements (unnest over arrays, 10,000 rows each).
 */
import type { DataSource } from "typeorm";

import type { ReadModelRows } from "./year-data.js";

const CHUNK = 10_000;

async function inChunks<T>(rows: readonly T[], write: (chunk: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export async function writeReadModels(dataSource: DataSource, rows: ReadModelRows): Promise<void> {
  await inChunks(rows.categories, (c) =>
    dataSource.query(
      `INSERT INTO tax.categories (id, user_id, parent_id, name, kind)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[])`,
      [c.map((r) => r.id), c.map((r) => r.userId), c.map((r) => r.parentId), c.map((r) => r.name), c.map((r) => r.kind)],
    ),
  );
  await inChunks(rows.lines, (l) =>
    dataSource.query(
      `INSERT INTO tax.ledger_lines (transaction_id, line, user_id, kind, date, payee, category_id, amount_minor, currency, base_amount_minor, base_currency)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::text[], $5::date[], $6::text[], $7::uuid[], $8::bigint[], $9::text[], $10::bigint[], $11::text[])`,
      [
        l.map((r) => r.transactionId),
        l.map((r) => r.line),
        l.map((r) => r.userId),
        l.map((r) => r.kind),
        l.map((r) => r.date),
        l.map((r) => r.payee),
        l.map((r) => r.categoryId),
        l.map((r) => r.amountMinor.toString()),
        l.map((r) => r.currency),
        l.map((r) => r.baseAmountMinor?.toString() ?? null),
        l.map((r) => r.baseCurrency),
      ],
    ),
  );
  await inChunks(rows.income, (i) =>
    dataSource.query(
      `INSERT INTO tax.investment_income (transaction_id, user_id, portfolio_id, type, symbol, date, amount_minor, currency)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[], $7::bigint[], $8::text[])`,
      [
        i.map((r) => r.transactionId),
        i.map((r) => r.userId),
        i.map((r) => r.portfolioId),
        i.map((r) => r.type),
        i.map((r) => r.symbol),
        i.map((r) => r.date),
        i.map((r) => r.amountMinor.toString()),
        i.map((r) => r.currency),
      ],
    ),
  );
  await inChunks(rows.lots, (l) =>
    dataSource.query(
      `INSERT INTO tax.realized_lots (sale_id, seq, user_id, portfolio_id, security_id, symbol, opened_by, acquired_on, sold_on,
                                      quantity, cost_minor, proceeds_minor, gain_minor, term, currency)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::uuid[], $8::date[], $9::date[],
                            $10::text[], $11::bigint[], $12::bigint[], $13::bigint[], $14::text[], $15::text[])`,
      [
        l.map((r) => r.saleId),
        l.map((r) => r.seq),
        l.map((r) => r.userId),
        l.map((r) => r.portfolioId),
        l.map((r) => r.securityId),
        l.map((r) => r.symbol),
        l.map((r) => r.openedBy),
        l.map((r) => r.acquiredOn),
        l.map((r) => r.soldOn),
        l.map((r) => r.quantity),
        l.map((r) => r.costMinor.toString()),
        l.map((r) => r.proceedsMinor.toString()),
        l.map((r) => r.gainMinor.toString()),
        l.map((r) => r.term),
        l.map((r) => r.currency),
      ],
    ),
  );
}
