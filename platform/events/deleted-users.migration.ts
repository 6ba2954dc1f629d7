import type { MigrationInterface, QueryRunner } from "typeorm";

/** Tombstones of deleted users, so late events about them are skipped (see user-deletion.ts). */
export class PlatformDeletedUsers1763769600001 implements MigrationInterface {
  name = "PlatformDeletedUsers1763769600001";

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema;
    await queryRunner.query(`CREATE TABLE "${schema}".deleted_users (user_id text PRIMARY KEY, deleted_at timestamptz NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema?: string }).schema;
    await queryRunner.query(`DROP TABLE "${schema}".deleted_users`);
  }
}
