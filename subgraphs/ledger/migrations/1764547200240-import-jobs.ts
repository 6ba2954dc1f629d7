import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Imports run as background jobs: a batch is QUEUED until its job starts, counts rows done, and
 * keeps the statement's text in `import_files` until the job ends.
 */
export class ImportJobs1764547200240 implements MigrationInterface {
  name = "ImportJobs1764547200240";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger.import_batches DROP CONSTRAINT import_batches_status_check`);
    await q.query(
      `ALTER TABLE ledger.import_batches ADD CONSTRAINT import_batches_status_check CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'))`,
    );
    await q.query(`ALTER TABLE ledger.import_batches ADD COLUMN rows_done integer NOT NULL DEFAULT 0, ADD COLUMN started_at timestamptz`);
    // Imports made before this ran to the end inside their request.
    await q.query(`UPDATE ledger.import_batches SET rows_done = total_rows, started_at = created_at`);
    await q.query(`
      CREATE TABLE ledger.import_files (
        batch_id uuid PRIMARY KEY REFERENCES ledger.import_batches (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        content text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX import_files_user ON ledger.import_files (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger.import_files`);
    await q.query(`ALTER TABLE ledger.import_batches DROP COLUMN rows_done, DROP COLUMN started_at`);
    await q.query(`ALTER TABLE ledger.import_batches DROP CONSTRAINT import_batches_status_check`);
    await q.query(
      `ALTER TABLE ledger.import_batches ADD CONSTRAINT import_batches_status_check CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED'))`,
    );
  }
}
