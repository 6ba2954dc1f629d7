import type { MigrationInterface, QueryRunner } from "typeorm";

/** One record per statement import: counts, and the first row errors for the user to fix. */
export class Imports1764547200230 implements MigrationInterface {
  name = "Imports1764547200230";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger.import_batches (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        account_id uuid NOT NULL,
        format text NOT NULL CHECK (format IN ('CSV', 'OFX')),
        status text NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
        total_rows integer NOT NULL,
        imported integer NOT NULL,
        duplicates integer NOT NULL,
        failed integer NOT NULL,
        errors jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        finished_at timestamptz,
        FOREIGN KEY (account_id, user_id) REFERENCES ledger.accounts (id, user_id)
      )`);
    await q.query(`CREATE INDEX import_batches_user ON ledger.import_batches (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger.import_batches`);
  }
}
