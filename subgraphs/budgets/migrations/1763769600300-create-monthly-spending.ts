import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateMonthlySpending1763769600300 implements MigrationInterface {
  name = "CreateMonthlySpending1763769600300";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE budgets.monthly_spending (
        user_id uuid NOT NULL,
        month char(7) NOT NULL,
        currency char(3) NOT NULL,
        spent_minor bigint NOT NULL,
        transaction_count integer NOT NULL,
        PRIMARY KEY (user_id, month, currency)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE budgets.monthly_spending`);
  }
}
