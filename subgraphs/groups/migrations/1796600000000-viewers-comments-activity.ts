import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * VIEWER members (see everything, change nothing) and invites that grant it; comments on expenses
 * and settlements; and the group's activity feed, one row per thing a member did, backfilled from
 * the expenses and settlements already recorded so the feed starts complete.
 */
export class ViewersCommentsActivity1796600000000 implements MigrationInterface {
  name = "ViewersCommentsActivity1796600000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE groups.members DROP CONSTRAINT members_role_check`);
    await q.query(`ALTER TABLE groups.members ADD CONSTRAINT members_role_check CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER'))`);
    await q.query(`ALTER TABLE groups.invites ADD COLUMN role text NOT NULL DEFAULT 'MEMBER' CHECK (role IN ('MEMBER', 'VIEWER'))`);
    await q.query(`
      CREATE TABLE groups.comments (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL REFERENCES groups.groups (id) ON DELETE CASCADE,
        -- Exactly one: the thread the comment belongs to.
        expense_id uuid REFERENCES groups.expenses (id) ON DELETE CASCADE,
        settlement_id uuid REFERENCES groups.settlements (id) ON DELETE CASCADE,
        author uuid NOT NULL REFERENCES groups.members (id),
        -- Null once deleted: the row stays so the activity feed can say a comment was removed.
        body text,
        edited_at timestamptz,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL,
        CHECK ((expense_id IS NULL) <> (settlement_id IS NULL))
      )`);
    await q.query(`CREATE INDEX comments_expense ON groups.comments (expense_id, created_at) WHERE expense_id IS NOT NULL`);
    await q.query(`CREATE INDEX comments_settlement ON groups.comments (settlement_id, created_at) WHERE settlement_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE groups.activity (
        id uuid PRIMARY KEY,
        -- The feed's order: entries written in the same instant (or by an injected clock) still have one.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        group_id uuid NOT NULL REFERENCES groups.groups (id) ON DELETE CASCADE,
        kind text NOT NULL,
        actor uuid REFERENCES groups.members (id),
        expense_id uuid REFERENCES groups.expenses (id) ON DELETE CASCADE,
        settlement_id uuid REFERENCES groups.settlements (id) ON DELETE CASCADE,
        comment_id uuid REFERENCES groups.comments (id) ON DELETE CASCADE,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX activity_group ON groups.activity (group_id, seq DESC)`);
    await q.query(`
      INSERT INTO groups.activity (id, group_id, kind, actor, expense_id, settlement_id, at)
      SELECT id, group_id, kind, created_by, expense_id, settlement_id, created_at FROM (
        SELECT id, group_id, 'EXPENSE_ADDED' AS kind, created_by, id AS expense_id, NULL::uuid AS settlement_id, created_at FROM groups.expenses
        UNION ALL
        SELECT id, group_id, 'SETTLEMENT_RECORDED', created_by, NULL, id, created_at FROM groups.settlements
      ) past ORDER BY created_at, id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE groups.activity`);
    await q.query(`DROP TABLE groups.comments`);
    await q.query(`ALTER TABLE groups.invites DROP COLUMN role`);
    await q.query(`UPDATE groups.members SET role = 'MEMBER' WHERE role = 'VIEWER'`);
    await q.query(`ALTER TABLE groups.members DROP CONSTRAINT members_role_check`);
    await q.query(`ALTER TABLE groups.members ADD CONSTRAINT members_role_check CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER'))`);
  }
}
