import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A thread shows comments in the order they were posted. Two comments written in the same
 * instant (a fast reply, or an injected clock in tests) tied on created_at and then came out in
 * the random order of their ids; `seq` breaks the tie by insertion order, like the activity feed.
 */
export class CommentOrder1796600000100 implements MigrationInterface {
  name = "CommentOrder1796600000100";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE groups.comments ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE groups.comments DROP COLUMN seq`);
  }
}
