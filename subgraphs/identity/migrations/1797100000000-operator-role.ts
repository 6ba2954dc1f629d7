import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The operator role and account locks. Roles live in their own table (granted from the command
 * line only, never through the API); a lock is a column on the user, so every sign-in path that
 * loads the user sees it.
 */
export class OperatorRole1797100000000 implements MigrationInterface {
  name = "OperatorRole1797100000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.user_roles (
        user_id uuid NOT NULL REFERENCES identity.users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin')),
        granted_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, role)
      )`);
    await queryRunner.query(`ALTER TABLE identity.users ADD COLUMN locked_at timestamptz, ADD COLUMN locked_reason text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE identity.users DROP COLUMN locked_reason, DROP COLUMN locked_at`);
    await queryRunner.query(`DROP TABLE identity.user_roles`);
  }
}
