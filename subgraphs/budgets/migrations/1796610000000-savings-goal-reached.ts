import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * `reached_at`: when a goal's saved amount first reached its target, set once in the transaction
 * that got it there, so SavingsGoalReached is announced once per goal. Goals already at their target
 * count as reached now: the first movement after the upgrade must not announce an old success.
 */
export class SavingsGoalReached1796610000000 implements MigrationInterface {
  name = "SavingsGoalReached1796610000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets.savings_goals ADD COLUMN reached_at timestamptz`);
    await q.query(
      `UPDATE budgets.savings_goals g SET reached_at = now()
       WHERE (SELECT coalesce(sum(m.amount_minor), 0) FROM budgets.goal_movements m WHERE m.goal_id = g.id) >= g.target_minor`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets.savings_goals DROP COLUMN reached_at`);
  }
}
