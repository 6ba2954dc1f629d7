import type { MigrationInterface, QueryRunner } from "typeorm";

/** MFA backup codes and pending second-step login challenges (TOTP state lives on identity.users). */
export class CreateMfa1763769600110 implements MigrationInterface {
  name = "CreateMfa1763769600110";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.mfa_backup_codes (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        used_at timestamptz,
        UNIQUE (user_id, code_hash)
      )`);
    await queryRunner.query(`
      CREATE TABLE identity.mfa_challenges (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        ip text,
        user_agent text
      )`);
    // Pruning a user's dead challenges, and the cascade from users, look challenges up by user.
    await queryRunner.query(`CREATE INDEX mfa_challenges_user ON identity.mfa_challenges (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.mfa_challenges`);
    await queryRunner.query(`DROP TABLE identity.mfa_backup_codes`);
  }
}
