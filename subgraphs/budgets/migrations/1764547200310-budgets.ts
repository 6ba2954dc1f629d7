import type { MigrationInterface, QueryRunner } from "typeorm";

/** Budgets, their amount history (a change applies from a period on) and the alerts they fired. */
export class Budgets1764547200310 implements MigrationInterface {
  name = "Budgets1764547200310";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budgets.budgets (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        name text NOT NULL,
        category_ids uuid[] NOT NULL,
        period text NOT NULL CHECK (period IN ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY')),
        rollover text NOT NULL CHECK (rollover IN ('NONE', 'LEFTOVER', 'ENVELOPE')),
        currency char(3) NOT NULL,
        warning_percent smallint NOT NULL CHECK (warning_percent BETWEEN 1 AND 1000),
        critical_percent smallint NOT NULL CHECK (critical_percent BETWEEN 1 AND 1000),
        start_date date NOT NULL,
        archived_at timestamptz,
        created_at timestamptz NOT NULL,
        CHECK (warning_percent <= critical_percent)
      )`);
    await q.query(`CREATE INDEX budgets_user ON budgets.budgets (user_id, created_at)`);
    await q.query(`
      CREATE TABLE budgets.budget_amounts (
        budget_id uuid NOT NULL REFERENCES budgets.budgets (id) ON DELETE CASCADE,
        effective_from date NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        PRIMARY KEY (budget_id, effective_from)
      )`);
    await q.query(`
      CREATE TABLE budgets.budget_alerts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        budget_id uuid NOT NULL REFERENCES budgets.budgets (id) ON DELETE CASCADE,
        level text NOT NULL CHECK (level IN ('WARNING', 'CRITICAL')),
        period_start date NOT NULL,
        period_end date NOT NULL,
        spent_minor bigint NOT NULL,
        available_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        created_at timestamptz NOT NULL,
        rearmed_at timestamptz
      )`);
    // Once per budget, period and level while it stays crossed.
    await q.query(
      `CREATE UNIQUE INDEX budget_alerts_armed ON budgets.budget_alerts (budget_id, period_start, level) WHERE rearmed_at IS NULL`,
    );
    await q.query(`CREATE INDEX budget_alerts_user ON budgets.budget_alerts (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["budget_alerts", "budget_amounts", "budgets"]) await q.query(`DROP TABLE budgets.${table}`);
  }
}
