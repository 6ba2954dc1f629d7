import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Investments' portfolio values by day, from PortfolioUpdated (`investments.portfolio.v1`): net
 * worth carries each portfolio's last known value forward, as it does loans' balances.
 */
export class PortfolioValues1796560000400 implements MigrationInterface {
  name = "PortfolioValues1796560000400";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE insights.portfolio_values (
        portfolio_id uuid NOT NULL,
        user_id uuid NOT NULL,
        -- The owner's day the value is for; the day's last announcement wins.
        date date NOT NULL,
        currency char(3) NOT NULL,
        value_minor bigint NOT NULL,
        PRIMARY KEY (portfolio_id, date)
      )`);
    await q.query(`CREATE INDEX portfolio_values_user ON insights.portfolio_values (user_id, date)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE insights.portfolio_values`);
  }
}
