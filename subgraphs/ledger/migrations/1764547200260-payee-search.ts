import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Payee search by prefix and substring ("super" and "market" find "Supermarket Centrum"): a
 * trigram index serves `payee ILIKE '%term%'`; full-text (`search`) stays for words in notes.
 * pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it without
 * being superuser. The embedded PGlite loads it as a contrib module.
 */
export class PayeeSearch1764547200260 implements MigrationInterface {
  name = "PayeeSearch1764547200260";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX transactions_payee_trgm ON ledger.transactions USING gin (payee gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The extension stays: other schemas of the same database may use it.
    await q.query(`DROP INDEX ledger.transactions_payee_trgm`);
  }
}
