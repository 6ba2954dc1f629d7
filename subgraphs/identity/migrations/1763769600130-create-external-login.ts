import type { MigrationInterface, QueryRunner } from "typeorm";

/** Sign-in with external OpenID Connect providers: pending attempts and linked provider accounts. */
export class CreateExternalLogin1763769600130 implements MigrationInterface {
  name = "CreateExternalLogin1763769600130";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.external_login_attempts (
        state_hash text PRIMARY KEY,
        provider text NOT NULL,
        nonce text NOT NULL,
        code_verifier text NOT NULL,
        redirect_uri text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_ip text
      )`);
    // Attempts nobody finished are pruned by age.
    await queryRunner.query(`CREATE INDEX external_login_attempts_expiry ON identity.external_login_attempts (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE identity.external_identities (
        provider text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES identity.users(id) ON DELETE CASCADE,
        email text,
        linked_at timestamptz NOT NULL,
        PRIMARY KEY (provider, subject)
      )`);
    await queryRunner.query(`CREATE INDEX external_identities_user ON identity.external_identities (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.external_identities`);
    await queryRunner.query(`DROP TABLE identity.external_login_attempts`);
  }
}
