import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * One private calendar feed per user: only the SHA-256 of its secret, removed with its owner.
 * Rotating replaces the hash in place, so an old URL stops working in the same write.
 */
export class CreateCalendarFeeds1797200000000 implements MigrationInterface {
  name = "CreateCalendarFeeds1797200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES identity.users(id) ON DELETE CASCADE,
        secret_hash text UNIQUE,
        created_at timestamptz NOT NULL,
        last_fetched_at timestamptz,
        revoked_at timestamptz,
        CHECK ((secret_hash IS NULL) = (revoked_at IS NOT NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.calendar_feeds`);
  }
}
