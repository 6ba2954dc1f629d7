import type { MigrationInterface, QueryRunner } from "typeorm";

/** The browsers a user has allowed to receive Web Push notifications: one row per endpoint. */
export class PushSubscriptions1796571000000 implements MigrationInterface {
  name = "PushSubscriptions1796571000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insights.push_subscriptions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        endpoint text NOT NULL,
        p256dh text NOT NULL,
        auth text NOT NULL,
        user_agent text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        last_success_at timestamptz,
        UNIQUE (user_id, endpoint)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE insights.push_subscriptions`);
  }
}
