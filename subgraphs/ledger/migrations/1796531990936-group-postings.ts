import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Which ledger transaction books each group expense or settlement a member paid from one of their
 * own accounts, so the group's later edits and deletes reach that same transaction. The posting
 * last applied is kept beside the link: an edit in the group changes only the fields it changed,
 * and what the user edited on the transaction themselves stays.
 */
export class GroupPostings1796531990936 implements MigrationInterface {
  name = "GroupPostings1796531990936";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger.group_postings (
        source_id uuid PRIMARY KEY,
        source_kind text NOT NULL CHECK (source_kind IN ('EXPENSE', 'SETTLEMENT')),
        group_id uuid NOT NULL,
        user_id uuid NOT NULL,
        transaction_id uuid NOT NULL UNIQUE REFERENCES ledger.transactions (id),
        account_id uuid NOT NULL,
        amount_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        date date NOT NULL,
        payee text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX group_postings_user ON ledger.group_postings (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger.group_postings`);
  }
}
