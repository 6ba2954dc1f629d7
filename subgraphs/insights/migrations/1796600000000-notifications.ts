import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Notifications: identity's notification settings as a read model; one row per (source event, user,
 * kind), so a replayed event creates nothing; one delivery per (notification, channel) with its
 * status, attempts and attempt log; and each user's channel health (consecutive failures, paused).
 */
export class Notifications1796600000000 implements MigrationInterface {
  name = "Notifications1796600000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insights.notification_settings (
        user_id uuid PRIMARY KEY,
        email text NOT NULL,
        email_verified boolean NOT NULL,
        locale text NOT NULL,
        timezone text NOT NULL,
        preferences jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE insights.notifications (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        kind text NOT NULL,
        priority text NOT NULL CHECK (priority IN ('HIGH', 'NORMAL', 'LOW')),
        data jsonb NOT NULL,
        source_event_id text NOT NULL,
        in_app boolean NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        UNIQUE (source_event_id, user_id, kind)
      )`);
    await q.query(`CREATE INDEX notifications_inbox ON insights.notifications (user_id, created_at DESC, id DESC) WHERE in_app`);
    await q.query(`CREATE INDEX notifications_unread ON insights.notifications (user_id) WHERE in_app AND read_at IS NULL`);
    await q.query(`
      CREATE TABLE insights.notification_deliveries (
        id uuid PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES insights.notifications (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('IN_APP', 'EMAIL', 'PUSH')),
        status text NOT NULL CHECK (status IN ('PENDING', 'WAITING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED', 'PAUSED')),
        digest boolean NOT NULL DEFAULT false,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        claim_id uuid,
        last_error text,
        attempt_log jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (notification_id, channel)
      )`);
    await q.query(
      `CREATE INDEX notification_deliveries_due ON insights.notification_deliveries (next_attempt_at) WHERE status IN ('PENDING', 'WAITING', 'SENDING')`,
    );
    await q.query(`CREATE INDEX notification_deliveries_user ON insights.notification_deliveries (user_id, channel)`);
    await q.query(`
      CREATE TABLE insights.notification_channel_health (
        user_id uuid NOT NULL,
        channel text NOT NULL,
        consecutive_failures integer NOT NULL DEFAULT 0,
        paused_at timestamptz,
        PRIMARY KEY (user_id, channel)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["notification_channel_health", "notification_deliveries", "notifications", "notification_settings"]) {
      await q.query(`DROP TABLE insights.${table}`);
    }
  }
}
