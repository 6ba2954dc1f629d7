import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Group postings become postings from any source: lending's loan payments are booked and linked
 * the same way. The table takes a general name, `group_id` becomes `origin_id` (the group, or the
 * loan), and LOAN_PAYMENT joins the source kinds.
 */
export class SourcePostings1796533800100 implements MigrationInterface {
  name = "SourcePostings1796533800100";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger.group_postings RENAME TO source_postings`);
    await q.query(`ALTER TABLE ledger.source_postings RENAME COLUMN group_id TO origin_id`);
    await q.query(`ALTER INDEX ledger.group_postings_user RENAME TO source_postings_user`);
    await q.query(`ALTER TABLE ledger.source_postings DROP CONSTRAINT group_postings_source_kind_check`);
    await q.query(
      `ALTER TABLE ledger.source_postings ADD CONSTRAINT source_postings_source_kind_check CHECK (source_kind IN ('EXPENSE', 'SETTLEMENT', 'LOAN_PAYMENT'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM ledger.source_postings WHERE source_kind = 'LOAN_PAYMENT'`);
    await q.query(`ALTER TABLE ledger.source_postings DROP CONSTRAINT source_postings_source_kind_check`);
    await q.query(
      `ALTER TABLE ledger.source_postings ADD CONSTRAINT group_postings_source_kind_check CHECK (source_kind IN ('EXPENSE', 'SETTLEMENT'))`,
    );
    await q.query(`ALTER INDEX ledger.source_postings_user RENAME TO group_postings_user`);
    await q.query(`ALTER TABLE ledger.source_postings RENAME COLUMN origin_id TO group_id`);
    await q.query(`ALTER TABLE ledger.source_postings RENAME TO group_postings`);
  }
}
