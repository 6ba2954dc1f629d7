import type { MigrationInterface, QueryRunner } from "typeorm";

/** Single-use e-mail link tokens (verification, password reset) and the outgoing-mail outbox. */
export class CreateEmailFlows1763769600120 implements MigrationInterface {
  name = "CreateEmailFlows1763769600120";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.email_tokens (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    // Serves voiding a user's open tokens of one purpose, and the cascade when the user is deleted.
    await queryRunner.query(`CREATE INDEX email_tokens_user ON identity.email_tokens (user_id, purpose)`);
    await queryRunner.query(`CREATE INDEX email_tokens_expiry ON identity.email_tokens (expires_at)`);
    await queryRunner.query(`
      CREATE TABLE identity.mail_messages (
        id uuid PRIMARY KEY,
        user_id uuid REFERENCES identity.users(id) ON DELETE SET NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL
      )`);
    // The dispatcher's scan touches only unsent rows, however large the sent history grows.
    await queryRunner.query(`CREATE INDEX mail_messages_due ON identity.mail_messages (next_attempt_at) WHERE sent_at IS NULL`);
    await queryRunner.query(`CREATE INDEX mail_messages_user ON identity.mail_messages (user_id, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.mail_messages`);
    await queryRunner.query(`DROP TABLE identity.email_tokens`);
  }
}
