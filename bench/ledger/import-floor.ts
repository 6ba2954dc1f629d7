/**
 * The floor under the CSV import of `npm run bench:ledger` (issue 21: ≥ 20,000 rows/s): what
 * PostgreSQL alone needs to store 1,000 imported rows in the bench's own database, on the tables as
 * they are after the import (every index, the generated search column, the foreign keys). The import
 * cannot be faster than this on this machine, whatever Node does. Per 1,000 rows the import job runs
 * two writing statements, and so does this: the transactions with their postings
 * (TransactionWriter.insertEntries), then their TransactionPosted events (Outbox.add).
 * Each runs RUNS times inside a transaction that is rolled back: the bench's counts do not change.
 */
import pg from "pg";

import { Outbox } from "../../platform/events/index.js";
import { randomIds, systemClock } from "../../platform/time/index.js";
import { printTable } from "../support/table.js";

const ROWS = 1000;
const RUNS = 5;

/**
 * 1,000 expenses like the CSV's rows (letters-only "Shop …" payees, no memo so no notes, one day
 * each, source IMPORT, on the bench's import batch), generated in PostgreSQL so nothing but the
 * write is timed, and their ACCOUNT and CATEGORY legs (uncategorised, as with no rules) in the same
 * statement, as insertEntries writes them.
 */
const TRANSACTIONS_SQL = `WITH t AS (
    INSERT INTO ledger.transactions (id, user_id, kind, account_id, amount_minor, currency, date, payee, payee_key, notes, tags,
                                     status, locked, source, applied_rule_ids, import_batch_id, suggestion_taken, created_at, updated_at)
    SELECT gen_random_uuid(), $1, 'EXPENSE', $2, -n, a.currency, date '2010-01-01' + n % 5000,
           'Shop ' || w.letters, 'shop ' || w.letters, '', '{}', 'CLEARED', false, 'IMPORT', '{}', $3, false, now(), now()
      FROM generate_series(1, ${ROWS}) AS n
      CROSS JOIN ledger.accounts a
      CROSS JOIN LATERAL (SELECT translate(n::text, '0123456789', 'abcdefghij') AS letters) AS w
     WHERE a.id = $2
    RETURNING id, user_id, account_id, amount_minor, currency)
  INSERT INTO ledger.postings (id, transaction_id, user_id, role, account_id, category_id, amount_minor, currency, memo, position)
  SELECT gen_random_uuid(), id, user_id, 'ACCOUNT', account_id, NULL::uuid, amount_minor, currency, '', 0 FROM t
  UNION ALL
  SELECT gen_random_uuid(), id, user_id, 'CATEGORY', NULL::uuid, NULL::uuid, -amount_minor, currency, '', 1 FROM t`;

export interface ImportFloorTarget {
  userId: string;
  accountId: string;
  importBatchId: string;
}

export interface FloorRun {
  statement: string;
  /** Milliseconds per 1,000 rows, one entry per run, ascending. */
  ms: number[];
}

/** Times both statements RUNS times each in `databaseUrl`, every run rolled back. */
export async function measureImportFloor(databaseUrl: string, target: ImportFloorTarget): Promise<FloorRun[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Only the statement is timed; `rows`: what it must report, so a floor that wrote nothing cannot pass.
    const timed = async (sql: string, parameters: unknown[], rows: number) => {
      const ms: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await client.query("BEGIN");
        const started = performance.now();
        const result = await client.query(sql, parameters);
        ms.push(performance.now() - started);
        await client.query("ROLLBACK");
        if (result.rowCount !== rows) throw new Error(`expected ${rows} rows from the floor statement, got ${result.rowCount}`);
      }
      return ms.sort((a, b) => a - b);
    };
    const transactions = await timed(TRANSACTIONS_SQL, [target.userId, target.accountId, target.importBatchId], 2 * ROWS);
    // The envelopes the import wrote, re-published with new ids through Outbox.prepare, and inserted
    // with Outbox.add's own statement: JSON text parsed into jsonb, as the import pays for it.
    const written = await client.query<{ topic: string; key: string; type: string; data: unknown }>(
      `SELECT topic, key, type, envelope->'data' AS data FROM ledger.outbox WHERE type = 'TransactionPosted' ORDER BY seq DESC LIMIT ${ROWS}`,
    );
    if (written.rows.length === 0) throw new Error("the import wrote no TransactionPosted events to copy");
    const events = Array.from({ length: ROWS }, (_, i) => written.rows[i % written.rows.length]!);
    const write = new Outbox<Record<string, Record<string, unknown>>>("ledger", systemClock, randomIds).prepare("bench", events);
    const outbox = await timed(`WITH written AS (${write.insert(1)}) SELECT pg_notify($2, '')`, [write.json, write.channel], 1);
    return [
      { statement: "1,000 transactions + 2,000 postings (insertEntries)", ms: transactions },
      { statement: "1,000 TransactionPosted outbox rows (Outbox.add)", ms: outbox },
    ];
  } finally {
    await client.end();
  }
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)]!;

/**
 * The table: ms per 1,000 rows and the rows/s that allows at one busy core (one backend runs each
 * statement on one core), each statement and both; the runs are sorted, so adding them index by
 * index gives both's min, median and max.
 */
export function printImportFloor(runs: FloorRun[]): void {
  const both: FloorRun = {
    statement: "both: one imported row's writes",
    ms: runs[0]!.ms.map((_, i) => runs.reduce((s, r) => s + r.ms[i]!, 0)),
  };
  const rows = [...runs, both].map((r) => [
    r.statement,
    median(r.ms).toFixed(1),
    `${r.ms[0]!.toFixed(1)}–${r.ms.at(-1)!.toFixed(1)}`,
    ((ROWS * 1000) / median(r.ms)).toFixed(0),
  ]);
  console.log(`\nimport floor: PostgreSQL alone storing ${ROWS} imported rows in this database, ${RUNS} runs each, rolled back`);
  printTable(["statement", "ms per 1,000 (median)", "min–max", "rows/s at one busy core"], rows);
  console.log(
    `the import cannot be faster than PostgreSQL's own work for these rows on this machine: its rows/s is at most the "both" line's`,
  );
}
