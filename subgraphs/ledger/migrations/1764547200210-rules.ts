import type { MigrationInterface, QueryRunner } from "typeorm";

/** User rules applied on create and import, in `position` order. Conditions and actions are JSON (see rules/engine). */
export class Rules1764547200210 implements MigrationInterface {
  name = "Rules1764547200210";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger.rules (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        name text NOT NULL,
        position integer NOT NULL,
        enabled boolean NOT NULL,
        conditions jsonb NOT NULL,
        actions jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX rules_user_position ON ledger.rules (user_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ledger.rules`);
  }
}
