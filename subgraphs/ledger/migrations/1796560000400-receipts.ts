import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Receipts: one row per upload, from the signed link through reading to the draft it proposes and
 * the transaction it ends up attached to (several receipts may prove one transaction). The file
 * itself lives in file storage under `storage_key`.
 */
export class Receipts1796560000400 implements MigrationInterface {
  name = "Receipts1796560000400";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger.receipts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('AWAITING_UPLOAD', 'UPLOADED', 'PROCESSING', 'READY', 'FAILED')),
        content_type text NOT NULL,
        size integer NOT NULL CHECK (size > 0),
        storage_key text NOT NULL,
        failure_reason text,
        extraction jsonb,
        draft jsonb,
        suggested_transaction_id uuid,
        transaction_id uuid REFERENCES ledger.transactions (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX receipts_user_created ON ledger.receipts (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX receipts_transaction ON ledger.receipts (transaction_id) WHERE transaction_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger.receipts`);
  }
}
