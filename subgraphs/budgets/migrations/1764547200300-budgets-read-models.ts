import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What budgets keeps of other domains: each user's preferences (identity), their categories
 * (ledger) and every income/expense line of their transactions in base currency (ledger). The
 * first slice's per-month totals are replaced by the lines, from which any figure is a sum.
 */
export class BudgetsReadModels1764547200300 implements MigrationInterface {
  name = "BudgetsReadModels1764547200300";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budgets.user_settings (
        user_id uuid PRIMARY KEY,
        base_currency char(3) NOT NULL,
        first_day_of_week smallint NOT NULL,
        month_start_day smallint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE budgets.categories (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        parent_id uuid,
        kind text NOT NULL
      )`);
    await q.query(`CREATE INDEX categories_user ON budgets.categories (user_id)`);
    await q.query(`
      CREATE TABLE budgets.spending_lines (
        transaction_id uuid NOT NULL,
        line smallint NOT NULL,
        user_id uuid NOT NULL,
        kind text NOT NULL,
        category_id uuid,
        date date NOT NULL,
        amount_minor bigint NOT NULL,
        currency char(3) NOT NULL,
        base_amount_minor bigint,
        PRIMARY KEY (transaction_id, line)
      )`);
    await q.query(`CREATE INDEX spending_lines_user_date ON budgets.spending_lines (user_id, date)`);
    await q.query(`CREATE INDEX spending_lines_user_category ON budgets.spending_lines (user_id, category_id, date)`);
    await q.query(`DROP TABLE budgets.monthly_spending`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ["spending_lines", "categories", "user_settings"]) await q.query(`DROP TABLE budgets.${table}`);
    await q.query(`
      CREATE TABLE budgets.monthly_spending (
        user_id uuid NOT NULL, month char(7) NOT NULL, currency char(3) NOT NULL, spent_minor bigint NOT NULL,
        transaction_count integer NOT NULL, PRIMARY KEY (user_id, month, currency)
      )`);
  }
}
