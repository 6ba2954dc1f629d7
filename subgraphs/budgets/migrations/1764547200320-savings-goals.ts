import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Savings goals, the money moved into and out of them (by hand or by auto-save from ledger
 * income), and the auto-save rules. A goal's saved amount is the sum of its movements.
 */
export class SavingsGoals1764547200320 implements MigrationInterface {
  name = "SavingsGoals1764547200320";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budgets.savings_goals (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        name text NOT NULL,
        target_minor bigint NOT NULL CHECK (target_minor > 0),
        currency char(3) NOT NULL,
        target_date date CHECK (target_date BETWEEN '1900-01-01' AND '2100-12-31'),
        linked_account_id uuid,
        archived_at timestamptz,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX savings_goals_user ON budgets.savings_goals (user_id, created_at)`);
    await q.query(`
      CREATE TABLE budgets.goal_movements (
        id uuid PRIMARY KEY,
        goal_id uuid NOT NULL REFERENCES budgets.savings_goals (id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
        date date NOT NULL CHECK (date BETWEEN '1900-01-01' AND '2100-12-31'),
        source text NOT NULL CHECK (source IN ('MANUAL', 'AUTO_SAVE')),
        source_transaction_id uuid,
        note text,
        idempotency_key text,
        request_hash text,
        created_at timestamptz NOT NULL,
        CHECK ((source = 'AUTO_SAVE') = (source_transaction_id IS NOT NULL)),
        CHECK ((idempotency_key IS NULL) = (request_hash IS NULL)),
        -- An income feeds a goal once, however often its event is delivered or the transaction restored.
        CONSTRAINT goal_movements_source_transaction UNIQUE (goal_id, source_transaction_id),
        CONSTRAINT goal_movements_idempotency_key UNIQUE (user_id, idempotency_key)
      )`);
    await q.query(`CREATE INDEX goal_movements_goal_date ON budgets.goal_movements (goal_id, date DESC, created_at DESC)`);
    await q.query(`CREATE INDEX goal_movements_user ON budgets.goal_movements (user_id)`);
    await q.query(`
      CREATE TABLE budgets.auto_save_rules (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        goal_id uuid NOT NULL REFERENCES budgets.savings_goals (id) ON DELETE CASCADE,
        mode text NOT NULL CHECK (mode IN ('PERCENT', 'FIXED')),
        percent_basis_points integer CHECK (percent_basis_points BETWEEN 1 AND 10000),
        amount_minor bigint CHECK (amount_minor > 0),
        account_id uuid,
        enabled boolean NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK ((mode = 'PERCENT' AND percent_basis_points IS NOT NULL AND amount_minor IS NULL)
            OR (mode = 'FIXED' AND amount_minor IS NOT NULL AND percent_basis_points IS NULL))
      )`);
    await q.query(`CREATE INDEX auto_save_rules_user ON budgets.auto_save_rules (user_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["auto_save_rules", "goal_movements", "savings_goals"]) await q.query(`DROP TABLE budgets.${table}`);
  }
}
