import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateUsers1763769600100 implements MigrationInterface {
  name = "CreateUsers1763769600100";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identity.users (
        id uuid PRIMARY KEY,
        email text NOT NULL UNIQUE,
        display_name text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE identity.users`);
  }
}
