import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Fewer index entries per written transaction: an import of 50,000 rows wrote each one into twelve
 * indexes, and its insert was most of the import's time. Checked with EXPLAIN ANALYZE on 500,000
 * transactions (one user with 100,000), every query that used a dropped index keeps a plan as good:
 *
 * - transactions_account (account_id, date): transactions_fingerprint (account_id, amount_minor,
 *   payee_key, date) leads with the same column, and nothing reads an account's rows in date order
 *   (the list's account filter is a bitmap OR beside transactions_counter_account; duplicates and
 *   bank matches already use the fingerprint).
 * - transactions_user_source_date now leaves out imported rows, the bulk of a ledger: a filter on a
 *   rarer source (receipts, recurring, manual) still reads only its rows in list order, and a filter
 *   that includes IMPORT finds its rows densely along transactions_user_date.
 * - the unique (schedule_id, occurrence_date) constraint indexed every row's NULL schedule as well;
 *   a partial unique index enforces the same (NULLs never conflicted) and the recurring job's
 *   lookups by schedule id use it.
 *
 * The two text indexes on the payee stay: each serves one half of the search's OR (substring by
 * trigram, words by full text), and without either a search that finds nothing reads every row
 * of the user.
 */
export class LeanerTransactionIndexes1796560000700 implements MigrationInterface {
  name = "LeanerTransactionIndexes1796560000700";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ledger.transactions_account`);
    await q.query(`DROP INDEX ledger.transactions_user_source_date`);
    await q.query(
      `CREATE INDEX transactions_user_source_date ON ledger.transactions (user_id, source, date DESC, created_at DESC, id DESC)
       WHERE source <> 'IMPORT'`,
    );
    await q.query(`ALTER TABLE ledger.transactions DROP CONSTRAINT transactions_schedule_id_occurrence_date_key`);
    await q.query(
      `CREATE UNIQUE INDEX transactions_schedule_occurrence ON ledger.transactions (schedule_id, occurrence_date) WHERE schedule_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ledger.transactions_schedule_occurrence`);
    await q.query(
      `ALTER TABLE ledger.transactions ADD CONSTRAINT transactions_schedule_id_occurrence_date_key UNIQUE (schedule_id, occurrence_date)`,
    );
    await q.query(`DROP INDEX ledger.transactions_user_source_date`);
    await q.query(
      `CREATE INDEX transactions_user_source_date ON ledger.transactions (user_id, source, date DESC, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX transactions_account ON ledger.transactions (account_id, date)`);
  }
}
