import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PgliteDatabaseProvider } from "../../../platform/db/index.js";
import ledger from "../subgraph.js";
import { LeanerTransactionIndexes1796560000700 } from "./1796560000700-leaner-transaction-indexes.js";

const USER = "00000000-0000-4000-8000-000000000001";
const ACCOUNT = "00000000-0000-4000-8000-000000000002";
const SCHEDULE = "00000000-0000-4000-8000-000000000003";

/** What every written transaction is indexed by: an import pays for each of these per row. */
describe("ledger.transactions' indexes after LeanerTransactionIndexes", () => {
  let database: PgliteDatabaseProvider;
  let ds: DataSource;
  let next = 10;

  /** `on`: the query runner holding PGlite's one session, while one is open. */
  const indexes = async (on: Pick<DataSource, "query"> = ds): Promise<Record<string, string>> =>
    Object.fromEntries(
      (await on.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'ledger' AND tablename = 'transactions'`)).map(
        (i: { indexname: string; indexdef: string }) => [i.indexname, i.indexdef.replace(/^.* USING /, "")],
      ),
    );
  const insert = (source: string, scheduleId: string | null, occurrence: string | null) =>
    ds.query(
      `INSERT INTO ledger.transactions (id, user_id, kind, account_id, currency, amount_minor, date, payee, payee_key, notes, tags,
         status, locked, applied_rule_ids, schedule_id, occurrence_date, created_at, updated_at, source)
       VALUES ($1, $2, 'EXPENSE', $3, 'EUR', -100, '2026-11-01', 'Rent', 'rent', '', '{}', 'CLEARED', false, '{}', $4, $5, now(), now(), $6)`,
      [`00000000-0000-4000-8000-${String(next++).padStart(12, "0")}`, USER, ACCOUNT, scheduleId, occurrence, source],
    );

  beforeAll(async () => {
    database = await PgliteDatabaseProvider.create();
    ({ dataSource: ds } = await database.open("ledger", { entities: ledger.entities!, migrations: ledger.migrations! }));
    await ds.query(
      `INSERT INTO ledger.accounts (id, user_id, name, type, currency, opening_date, opening_balance_minor, created_at)
       VALUES ($1, $2, 'Checking', 'CHECKING', 'EUR', '2026-01-01', 0, now())`,
      [ACCOUNT, USER],
    );
  }, 60_000);

  afterAll(async () => {
    await database.close();
  });

  it("keeps one index per way the ledger is read, and leaves imported rows out of the source index", async () => {
    const made = await indexes();
    expect(Object.keys(made).sort()).toEqual([
      "transactions_bank_id",
      "transactions_counter_account",
      "transactions_fingerprint",
      "transactions_payee_trgm",
      "transactions_pkey1",
      "transactions_schedule_occurrence",
      "transactions_search",
      "transactions_suggested_category",
      "transactions_tags",
      "transactions_user_date",
      "transactions_user_source_date",
    ]);
    expect(made.transactions_user_source_date).toContain("WHERE (source <> 'IMPORT'::text)");
    expect(made.transactions_schedule_occurrence).toContain("WHERE (schedule_id IS NOT NULL)");
  });

  it("still posts a schedule's occurrence at most once, and rows without a schedule never conflict", async () => {
    await insert("RECURRING", SCHEDULE, "2026-11-01");
    await expect(insert("RECURRING", SCHEDULE, "2026-11-01")).rejects.toMatchObject({ code: "23505" });
    await insert("RECURRING", SCHEDULE, "2026-12-01");
    await insert("IMPORT", null, null);
    await insert("IMPORT", null, null);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ledger.transactions`);
    expect(n).toBe(4);
  });

  it("can be undone and redone", { timeout: 30_000 }, async () => {
    const after = await indexes();
    const migration = new LeanerTransactionIndexes1796560000700();
    const runner = ds.createQueryRunner();
    try {
      await migration.down(runner);
      const before = await indexes(runner);
      expect(before.transactions_account).toBe("btree (account_id, date)");
      expect(before.transactions_user_source_date).not.toContain("WHERE");
      expect(before.transactions_schedule_id_occurrence_date_key).toBeDefined();
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await indexes()).toEqual(after);
  });
});
