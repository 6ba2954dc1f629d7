import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Every transaction records where it came from (`source`). Existing rows are backfilled from what
 * marks their origin, most specific first: an import batch (IMPORT), a bank id without a batch
 * (BANK_SYNC), a schedule occurrence (RECURRING), a live source-posting link (GROUP for group
 * expenses and settlements, LENDING for loan payments), a receipt whose confirmation created the
 * transaction (RECEIPT: linked from a receipt uploaded before the transaction was recorded; a receipt
 * attached to an older transaction leaves it MANUAL); everything else is MANUAL.
 *
 * A source posting that was withdrawn lost its link row but left its soft-deleted transaction, which
 * still carries the posting's fixed notes and tag: those are recognised by them.
 *
 * No default afterwards: a writer that forgets to say where a row came from fails instead of
 * silently calling it MANUAL. The index serves `source` filters in list order, beside
 * transactions_user_date.
 */
export class TransactionSource1796560000600 implements MigrationInterface {
  name = "TransactionSource1796560000600";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger.transactions ADD COLUMN source text NOT NULL DEFAULT 'MANUAL'`);
    // Only rows of another origin are rewritten: the default already says MANUAL.
    await q.query(`
      UPDATE ledger.transactions t SET source = o.source
      FROM (
        SELECT t0.id, CASE
          WHEN t0.import_batch_id IS NOT NULL THEN 'IMPORT'
          WHEN t0.bank_transaction_id IS NOT NULL THEN 'BANK_SYNC'
          WHEN t0.schedule_id IS NOT NULL THEN 'RECURRING'
          WHEN sp.source_kind = 'LOAN_PAYMENT' THEN 'LENDING'
          WHEN sp.source_kind IS NOT NULL THEN 'GROUP'
          WHEN EXISTS (
            SELECT 1 FROM ledger.receipts r
            WHERE r.transaction_id = t0.id AND r.user_id = t0.user_id AND r.created_at <= t0.created_at
          ) THEN 'RECEIPT'
          WHEN t0.deleted_at IS NOT NULL AND 'loan' = ANY (t0.tags)
            AND t0.notes = 'A loan payment recorded in lending, split into principal and interest.' THEN 'LENDING'
          WHEN t0.deleted_at IS NOT NULL AND 'group' = ANY (t0.tags) AND t0.notes IN (
            'Paid for a shared expense in a group: edits to the expense in the group change this transaction.',
            'A settle-up payment recorded in a group.'
          ) THEN 'GROUP'
          ELSE 'MANUAL'
        END AS source
        FROM ledger.transactions t0
        LEFT JOIN ledger.source_postings sp ON sp.transaction_id = t0.id
      ) o
      WHERE t.id = o.id AND o.source <> 'MANUAL'
    `);
    await q.query(`ALTER TABLE ledger.transactions ALTER COLUMN source DROP DEFAULT`);
    await q.query(
      `ALTER TABLE ledger.transactions ADD CONSTRAINT transactions_source_check
        CHECK (source IN ('MANUAL', 'IMPORT', 'BANK_SYNC', 'RECEIPT', 'RECURRING', 'GROUP', 'LENDING', 'RULE'))`,
    );
    await q.query(
      `CREATE INDEX transactions_user_source_date ON ledger.transactions (user_id, source, date DESC, created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ledger.transactions_user_source_date`);
    await q.query(`ALTER TABLE ledger.transactions DROP COLUMN source`);
  }
}
