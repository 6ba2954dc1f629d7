import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * SMS as a notification channel: each user's phone number (verified, or pending with a hashed
 * one-time code), every text sent (for the per-user daily cap and the provider's delivery status),
 * and SMS among the channels a notification delivery may be on.
 */
export class Sms1796620000000 implements MigrationInterface {
  name = "Sms1796620000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insights.sms_phone_numbers (
        user_id uuid PRIMARY KEY,
        phone_number text,
        verified_at timestamptz,
        pending_number text,
        code_hash text,
        code_expires_at timestamptz,
        code_attempts integer NOT NULL DEFAULT 0,
        code_sent_at timestamptz,
        updated_at timestamptz NOT NULL,
        CHECK ((phone_number IS NULL) = (verified_at IS NULL))
      )`);
    await q.query(`
      CREATE TABLE insights.sms_messages (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('VERIFICATION', 'NOTIFICATION')),
        notification_id uuid,
        to_number text NOT NULL,
        provider_id text UNIQUE,
        status text NOT NULL,
        error_code text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sms_messages_user_created ON insights.sms_messages (user_id, created_at)`);
    await q.query(`ALTER TABLE insights.notification_deliveries DROP CONSTRAINT notification_deliveries_channel_check`);
    await q.query(
      `ALTER TABLE insights.notification_deliveries ADD CONSTRAINT notification_deliveries_channel_check
         CHECK (channel IN ('IN_APP', 'EMAIL', 'PUSH', 'SMS'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM insights.notification_deliveries WHERE channel = 'SMS'`);
    await q.query(`ALTER TABLE insights.notification_deliveries DROP CONSTRAINT notification_deliveries_channel_check`);
    await q.query(
      `ALTER TABLE insights.notification_deliveries ADD CONSTRAINT notification_deliveries_channel_check
         CHECK (channel IN ('IN_APP', 'EMAIL', 'PUSH'))`,
    );
    await q.query(`DROP TABLE insights.sms_messages`);
    await q.query(`DROP TABLE insights.sms_phone_numbers`);
  }
}
