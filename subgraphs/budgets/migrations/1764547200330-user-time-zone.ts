import type { MigrationInterface, QueryRunner } from "typeorm";

/** A user's "today" (current period, days remaining) is their own calendar day, not UTC's. */
export class UserTimeZone1764547200330 implements MigrationInterface {
  name = "UserTimeZone1764547200330";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets.user_settings ADD COLUMN timezone text NOT NULL DEFAULT 'UTC'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets.user_settings DROP COLUMN timezone`);
  }
}
