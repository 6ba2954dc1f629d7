import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Groups (households, trips), their members (signed-in users or named placeholders), invitations,
 * expenses with each member's paid and owed amounts, settlements, and group savings goals with
 * their contributions. A balance is a sum over expense lines and settlements, never stored.
 * Rows carry no owner column: a group is shared, and every read is scoped by membership.
 */
export class Groups1796531600000 implements MigrationInterface {
  name = "Groups1796531600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE groups.groups (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        currency char(3) NOT NULL,
        archived_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE groups.members (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL REFERENCES groups.groups (id) ON DELETE CASCADE,
        user_id uuid,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
        -- Join order: the stable member order that breaks allocation ties.
        position integer NOT NULL,
        removed_at timestamptz,
        created_at timestamptz NOT NULL,
        UNIQUE (group_id, position)
      )`);
    // A user is an active member of a group at most once; removed memberships stay for history.
    await q.query(
      `CREATE UNIQUE INDEX members_active_user ON groups.members (group_id, user_id) WHERE user_id IS NOT NULL AND removed_at IS NULL`,
    );
    await q.query(`CREATE INDEX members_user ON groups.members (user_id) WHERE user_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE groups.invites (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL REFERENCES groups.groups (id) ON DELETE CASCADE,
        -- sha256 of the code: a leaked table gives no usable code.
        code_hash text NOT NULL UNIQUE,
        created_by uuid NOT NULL REFERENCES groups.members (id),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        used_at timestamptz,
        used_by uuid REFERENCES groups.members (id),
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX invites_group ON groups.invites (group_id, created_at)`);
    await q.query(`
      CREATE TABLE groups.expenses (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL REFERENCES groups.groups (id) ON DELETE CASCADE,
        description text NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        group_amount_minor bigint NOT NULL CHECK (group_amount_minor > 0),
        -- Group-currency units per unit of the expense's currency; null when they are the same.
        exchange_rate text,
        date date NOT NULL CHECK (date BETWEEN '1900-01-01' AND '2100-12-31'),
        split_mode text NOT NULL CHECK (split_mode IN ('EQUAL', 'SHARES', 'EXACT', 'PERCENT')),
        -- The parts as the member gave them, so an edit can start from them.
        split_parts jsonb NOT NULL,
        created_by uuid NOT NULL REFERENCES groups.members (id),
        ledger_account_id uuid,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX expenses_group_date ON groups.expenses (group_id, date DESC, created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE groups.expense_lines (
        expense_id uuid NOT NULL REFERENCES groups.expenses (id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES groups.members (id),
        -- In the expense's currency, then in the group's: each column sums to its expense's amount.
        paid_minor bigint NOT NULL CHECK (paid_minor >= 0),
        share_minor bigint NOT NULL CHECK (share_minor >= 0),
        group_paid_minor bigint NOT NULL CHECK (group_paid_minor >= 0),
        group_share_minor bigint NOT NULL CHECK (group_share_minor >= 0),
        PRIMARY KEY (expense_id, member_id)
      )`);
    await q.query(`CREATE INDEX expense_lines_member ON groups.expense_lines (member_id)`);
    await q.query(`
      CREATE TABLE groups.settlements (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL REFERENCES groups.groups (id) ON DELETE CASCADE,
        from_member uuid NOT NULL REFERENCES groups.members (id),
        to_member uuid NOT NULL REFERENCES groups.members (id),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        date date NOT NULL CHECK (date BETWEEN '1900-01-01' AND '2100-12-31'),
        note text,
        created_by uuid NOT NULL REFERENCES groups.members (id),
        ledger_account_id uuid,
        created_at timestamptz NOT NULL,
        CHECK (from_member <> to_member)
      )`);
    await q.query(`CREATE INDEX settlements_group ON groups.settlements (group_id, date DESC, created_at DESC)`);
    await q.query(`
      CREATE TABLE groups.savings_goals (
        id uuid PRIMARY KEY,
        group_id uuid NOT NULL REFERENCES groups.groups (id) ON DELETE CASCADE,
        name text NOT NULL,
        target_minor bigint NOT NULL CHECK (target_minor > 0),
        currency char(3) NOT NULL,
        deadline date CHECK (deadline BETWEEN '1900-01-01' AND '2100-12-31'),
        created_by uuid NOT NULL REFERENCES groups.members (id),
        -- Set once, the first time saved reaches the target (the Reached event fires with it).
        reached_at timestamptz,
        archived_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX savings_goals_group ON groups.savings_goals (group_id, created_at)`);
    await q.query(`
      CREATE TABLE groups.goal_contributions (
        id uuid PRIMARY KEY,
        goal_id uuid NOT NULL REFERENCES groups.savings_goals (id) ON DELETE CASCADE,
        member_id uuid NOT NULL REFERENCES groups.members (id),
        -- Contributions positive, withdrawals negative.
        amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
        note text,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX goal_contributions_goal ON groups.goal_contributions (goal_id, member_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      "goal_contributions",
      "savings_goals",
      "settlements",
      "expense_lines",
      "expenses",
      "invites",
      "members",
      "groups",
    ]) {
      await q.query(`DROP TABLE groups.${table}`);
    }
  }
}
