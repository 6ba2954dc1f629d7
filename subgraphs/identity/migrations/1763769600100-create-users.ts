import type { MigrationInterface, QueryRunner } from "typeorm";

/** Users with their profile and preferences, sessions with rotating refresh tokens, signing keys, audit log. */
export class CreateUsers1763769600100 implements MigrationInterface {
  name = "CreateUsers1763769600100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.users (
        id uuid PRIMARY KEY,
        email text NOT NULL UNIQUE,
        email_verified_at timestamptz,
        password_hash text,
        display_name text NOT NULL,
        timezone text NOT NULL,
        locale text NOT NULL,
        base_currency char(3) NOT NULL,
        first_day_of_week smallint NOT NULL CHECK (first_day_of_week BETWEEN 1 AND 7),
        month_start_day smallint NOT NULL CHECK (month_start_day BETWEEN 1 AND 28),
        salary_day smallint CHECK (salary_day BETWEEN 1 AND 31),
        notification_preferences jsonb NOT NULL,
        mfa_secret text,
        mfa_enabled_at timestamptz,
        mfa_last_step bigint,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE identity.sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users(id) ON DELETE CASCADE,
        device text,
        ip text,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query(`CREATE INDEX sessions_user ON identity.sessions (user_id) WHERE revoked_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE identity.refresh_tokens (
        token_hash text PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES identity.sessions(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX refresh_tokens_session ON identity.refresh_tokens (session_id)`);
    await queryRunner.query(`
      CREATE TABLE identity.signing_keys (
        kid text PRIMARY KEY,
        algorithm text NOT NULL,
        public_jwk jsonb NOT NULL,
        private_key_pem text NOT NULL,
        created_at timestamptz NOT NULL,
        retired_at timestamptz
      )`);
    // At most one key signs at a time; concurrent first boots race on this index, and one wins.
    await queryRunner.query(`CREATE UNIQUE INDEX signing_keys_one_active ON identity.signing_keys ((true)) WHERE retired_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE identity.audit_events (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES identity.users(id) ON DELETE CASCADE,
        type text NOT NULL,
        ip text,
        user_agent text,
        details jsonb NOT NULL DEFAULT '{}',
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX audit_events_user_time ON identity.audit_events (user_id, occurred_at DESC, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["audit_events", "signing_keys", "refresh_tokens", "sessions", "users"]) {
      await queryRunner.query(`DROP TABLE identity.${table}`);
    }
  }
}
