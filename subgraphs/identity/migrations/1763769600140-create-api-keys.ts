import type { MigrationInterface, QueryRunner } from "typeorm";

/** Integrators' API keys: only the SHA-256 of each secret, removed with their owner. */
export class CreateApiKeys1763769600140 implements MigrationInterface {
  name = "CreateApiKeys1763769600140";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.api_keys (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL CHECK (cardinality(scopes) BETWEEN 1 AND 20),
        safelist_only boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    // Serves the owner's list and the active-key count behind the per-user limit.
    await queryRunner.query(`CREATE INDEX api_keys_user_created ON identity.api_keys (user_id, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.api_keys`);
  }
}
