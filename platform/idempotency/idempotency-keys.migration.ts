import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * `idempotency_keys` in every subgraph schema, for {@link IdempotencyKeys}. Its timestamp is later
 * than every subgraph migration that existed when it was written, because the ledger's
 * `DoubleEntryLedger1764547200200` already creates `ledger.idempotency_keys` (with a plain CREATE
 * TABLE, and it has run in users' databases); TypeORM runs migrations in timestamp order, so the
 * ledger's comes first on a fresh database and this one then finds the same table and index.
 */
export class PlatformIdempotencyKeys1796526000000 implements MigrationInterface {
  name = "PlatformIdempotencyKeys1796526000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema;
    if (!schema) throw new Error("subgraph data sources must set a schema");
    // Same columns, key and index (name included) as the ledger's table.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${schema}".idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        resource_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS idempotency_keys_created ON "${schema}".idempotency_keys (created_at)`);
  }

  /** Leaves the table: in the ledger's schema it belongs to the ledger's own migration. */
  async down(): Promise<void> {}
}
